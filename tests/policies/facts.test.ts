// The pack carries its own copy of a few decisions (it is published as the policies/ directory
// alone); this test fails as soon as the copy and components/decisions disagree.
import * as pack from "../../policies/facts";
import { OKTA_REQUIRED_SCIM_TOKEN_SCOPES } from "../../components/decisions/tokenScopes";
import { GROUP_PUSH_SCOPES } from "../../components/decisions/groupPush";
import { SCIM_NAMESPACES } from "../../components/decisions/scimNamespaces";
import {
  BASE_OKTA_TO_APP_MAPPINGS,
  isPutBreakingTypeMapping,
  PUT_BREAKING_TYPE_ATTRIBUTES,
  PUT_BREAKING_TYPE_EXPRESSIONS,
} from "../../components/decisions/oktaProfileMappings";
import { MAX_TOKEN_LIFETIME_SECONDS, SCIM_TOKEN_KIND } from "../../components/scimToken/contract";
import { SCIM_TOKEN_RESOURCE_TYPE } from "../../components/scimToken/resource";
import { HOSTED_SCIM_TOKEN_TYPE } from "../../components/scimToken/hostedContract";
import { DEFAULTS } from "../../policies/config";
import { DECOMMISSION_METADATA_KEY } from "../../components/decisions/decommission";
import { CUSTOMER_ORG_ADMIN, ORG_ADMIN_METADATA_KEY } from "../../components/decisions/customerOnboarding";

it("holds the same scopes, namespaces and type mappings as components/decisions", () => {
  expect(pack.OKTA_REQUIRED_SCIM_TOKEN_SCOPES).toEqual(OKTA_REQUIRED_SCIM_TOKEN_SCOPES);
  expect(pack.GROUP_PUSH_SCOPES).toEqual(GROUP_PUSH_SCOPES);
  expect(pack.SCIM_NAMESPACES).toEqual(SCIM_NAMESPACES);
  expect(pack.PUT_BREAKING_TYPE_EXPRESSIONS).toEqual(PUT_BREAKING_TYPE_EXPRESSIONS);
  expect(pack.PUT_BREAKING_TYPE_ATTRIBUTES).toEqual(PUT_BREAKING_TYPE_ATTRIBUTES);
});

it("reads the decommission marker under the key the program writes", () => {
  expect(pack.DECOMMISSION_METADATA_KEY).toBe(DECOMMISSION_METADATA_KEY);
  // Auth0 metadata keys may not contain "." or "$".
  expect(DECOMMISSION_METADATA_KEY).not.toMatch(/[.$]/);
});

it("reads the customer-org marker under the key and value the program writes", () => {
  expect([pack.ORG_ADMIN_METADATA_KEY, pack.CUSTOMER_ORG_ADMIN]).toEqual([ORG_ADMIN_METADATA_KEY, CUSTOMER_ORG_ADMIN]);
  expect(ORG_ADMIN_METADATA_KEY).not.toMatch(/[.$]/);
});

it("classifies mapping entries exactly as the program's decision does", () => {
  const entries = [
    ...BASE_OKTA_TO_APP_MAPPINGS,
    ...PUT_BREAKING_TYPE_ATTRIBUTES.map((id) => ({ id, expression: "'work'" })),
    ...PUT_BREAKING_TYPE_EXPRESSIONS.map((expression) => ({ id: "custom", expression: expression.replace(/ /g, "").replace(/'/g, '"') })),
    { id: "workKind", expression: "'work'" },
  ];
  const mismatches = entries.filter((e) => pack.isPutBreakingTypeMapping(e) !== isPutBreakingTypeMapping(e));
  expect(mismatches).toEqual([]);
  expect(entries.filter((e) => pack.isPutBreakingTypeMapping(e))).toHaveLength(PUT_BREAKING_TYPE_ATTRIBUTES.length + PUT_BREAKING_TYPE_EXPRESSIONS.length);
});

it("names the resource types the program registers", async () => {
  const auth0 = await import("@pulumi/auth0");
  const okta = await import("@pulumi/okta");
  const classes: Record<keyof typeof pack.TYPES, { __pulumiType: string } | undefined> = {
    auth0Connection: auth0.Connection as never,
    scimConfiguration: auth0.ConnectionScimConfiguration as never,
    auth0ScimToken: auth0.ConnectionScimToken as never,
    oktaOidcApp: okta.app.OAuth as never,
    oktaOidcRedirectUri: okta.app.OAuthRedirectUri as never,
    oktaAutoLoginApp: okta.app.AutoLogin as never,
    oktaAppGroupAssignments: okta.AppGroupAssignments as never,
    oktaAppGroupAssignment: okta.app.GroupAssignment as never,
    oktaAppUser: okta.app.User as never,
    oktaProfileMapping: okta.profile.Mapping as never,
    oktaAppUserSchemaProperty: okta.AppUserSchemaProperty as never,
    oktaProvider: undefined,
    oktaPushGroup: okta.PushGroup as never,
  };
  for (const [key, cls] of Object.entries(classes)) {
    if (cls) expect([key, pack.TYPES[key as keyof typeof pack.TYPES]]).toEqual([key, cls.__pulumiType]);
  }
});

it("recognises the program's token resource by its type and kind, and allows the longest lifetime config allows", () => {
  expect(pack.isTokenResourceType(SCIM_TOKEN_RESOURCE_TYPE)).toBe(true);
  // And the type the package's plugin serves to programs in other languages.
  expect(pack.HOSTED_SCIM_TOKEN_TYPE).toBe(HOSTED_SCIM_TOKEN_TYPE);
  expect(pack.isTokenResourceType(HOSTED_SCIM_TOKEN_TYPE)).toBe(true);
  expect(pack.SCIM_TOKEN_KIND).toBe(SCIM_TOKEN_KIND);
  // The policy's default and the config's bound agree: every token the config accepts passes by default.
  expect(DEFAULTS.tokenLifetime.maxLifetimeDays * 86400).toBe(MAX_TOKEN_LIFETIME_SECONDS);
});
