import {
  AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS,
  SCIM_USER_ID_ATTRIBUTE,
  mappingsDuplicatingDefaults,
  primaryAddressOverrides,
  scimMappings,
} from "../../components/decisions/scimMappings";
import { readStackFileConfig } from "../../config/stackFile";
import { REPO_ROOT } from "../../offline/stackFile";

test("the user id attribute is externalId, as the Auth0 procedure requires for Okta Workforce", () => {
  expect(SCIM_USER_ID_ATTRIBUTE).toBe("externalId");
});

test("the defaults start with the pairs Auth0 documents and cover 32 attributes without repeats", () => {
  expect(AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.slice(0, 4)).toEqual([
    { scim: "userName", auth0: "preferred_username" },
    { scim: "emails[primary eq true].value", auth0: "email" },
    { scim: "externalId", auth0: "app_metadata.external_id" },
    { scim: "active", auth0: "blocked" },
  ]);
  expect(new Set(AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.map((m) => m.scim)).size).toBe(32);
  expect(new Set(AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.map((m) => m.auth0)).size).toBe(32);
});

test("with no additional mappings the defaults are stated as they are", () => {
  expect(scimMappings([])).toEqual(AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS);
});

test("additional mappings come after the defaults, in config order", () => {
  const extra = [
    { scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.badgeNumber", auth0: "app_metadata.badge" },
    { scim: "urn:ietf:params:scim:schemas:core:2.0:User.entitlements", auth0: "app_metadata.entitlements" },
  ];
  const result = scimMappings(extra);
  expect(result.slice(-2)).toEqual(extra);
  expect(result).toHaveLength(34);
});

test("an exact repeat is sent once", () => {
  const extra = { scim: "x.y", auth0: "app_metadata.x" };
  expect(scimMappings([extra, extra])).toHaveLength(33);
});

test("mappings that touch a default SCIM or Auth0 attribute are reported", () => {
  expect(mappingsDuplicatingDefaults([{ scim: "userName", auth0: "email" }])).toHaveLength(1);
  expect(mappingsDuplicatingDefaults([{ scim: "nickname2", auth0: "blocked" }])).toHaveLength(1);
  expect(mappingsDuplicatingDefaults([{ scim: "nickname2", auth0: "app_metadata.nick2" }])).toHaveLength(0);
});

test("the primary-address overrides replace exactly the six work-address defaults, as both example stacks state them", () => {
  const overrides = primaryAddressOverrides();
  expect(overrides).toHaveLength(6);
  const result = scimMappings([], overrides);
  expect(result.filter((m) => m.scim.includes('type eq "work"'))).toEqual([]);
  expect(result.find((m) => m.auth0 === "app_metadata.city")).toEqual({ auth0: "app_metadata.city", scim: "addresses[primary eq true].locality" });
  for (const stack of ["dev", "prod"]) {
    const connections = readStackFileConfig(REPO_ROOT, stack)!["oktaScim:connections"] as Array<{ scim?: { mappingOverrides?: unknown[] } }>;
    expect(connections[0].scim?.mappingOverrides).toEqual(overrides);
  }
});
