// scim.mappingOverrides: a default okta mapping read from another SCIM path (the address trap's fix),
// validated one-to-one, in known namespaces, never for the attributes Okta identifies users by.
import { parseStackConfig } from "../../config/load";
import { readStackFile, toRawConfig, cloneValues } from "../harness/stackFile";
import { AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS, scimMappings } from "../../components/decisions/scimMappings";
import { parseScimPath, readScimPath } from "../../components/decisions/scimPaths";

type Conn = { scim?: Record<string, unknown> };

function problemsWith(scim: Record<string, unknown>, stack = "prod"): string[] {
  const { values, secretKeys } = readStackFile(stack);
  const copy = cloneValues(values);
  const first = (copy["oktaScim:connections"] as Conn[])[0];
  first.scim = { ...(first.scim ?? {}), ...scim };
  const parsed = parseStackConfig(toRawConfig(copy, secretKeys));
  return "problems" in parsed ? parsed.problems.map((p) => `${p.path.join(".")}: ${p.message}`) : [];
}

const ADDRESS_BY_PRIMARY = [
  { auth0: "app_metadata.street_address", scim: "addresses[primary eq true].streetAddress" },
  { auth0: "app_metadata.city", scim: "addresses[primary eq true].locality" },
];

test("an override replaces the default's SCIM path in place; the list keeps 32 defaults, one per Auth0 attribute", () => {
  expect(problemsWith({ mappingOverrides: ADDRESS_BY_PRIMARY })).toEqual([]);
  const list = scimMappings([], ADDRESS_BY_PRIMARY);
  expect(list).toHaveLength(AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.length);
  expect(list.find((m) => m.auth0 === "app_metadata.city")).toEqual({ auth0: "app_metadata.city", scim: "addresses[primary eq true].locality" });
  expect(list.map((m) => m.auth0)).toEqual(AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.map((m) => m.auth0));
});

test("refused: a non-default attribute, the identity attributes, repeats, the default path itself, clashes, unknown namespaces, bad syntax", () => {
  const problems = problemsWith({
    mappingOverrides: [
      { auth0: "app_metadata.badge", scim: "badge" },
      { auth0: "preferred_username", scim: "emails[primary eq true].value" },
      { auth0: "app_metadata.city", scim: "addresses[primary eq true].locality" },
      { auth0: "app_metadata.city", scim: "addresses[primary eq true].region" },
      { auth0: "app_metadata.state", scim: 'addresses[type eq "work"].region' },
      { auth0: "app_metadata.title", scim: "nickName" },
      { auth0: "app_metadata.division", scim: "urn:example:params:scim:schemas:extension:acme:1.0:User.division" },
      { auth0: "app_metadata.department", scim: "addresses[primary eq true]" },
    ],
  });
  expect(problems).toEqual([
    "connections.0.scim.mappingOverrides.0.auth0: names app_metadata.badge, which no default okta mapping fills; add a new attribute with scim.additionalMappings instead",
    "connections.0.scim.mappingOverrides.1.auth0: preferred_username is how Okta finds and identifies users (userName, externalId, active); its SCIM path cannot be overridden",
    "connections.0.scim.mappingOverrides.3.auth0: overrides app_metadata.city again (mappingOverrides[2] already does); keep one",
    "connections.0.scim.mappingOverrides.4.scim: is already the default path of app_metadata.state; remove the override",
    "connections.0.scim.mappingOverrides.6.scim: is in the namespace urn:example:params:scim:schemas:extension:acme:1.0:User, which Auth0 does not map; use urn:ietf:params:scim:schemas:core:2.0:User or urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
    "connections.0.scim.mappingOverrides.7.scim: filters a multi-valued attribute but names no sub-attribute (add .value)",
    "connections.0.scim.mappingOverrides.1.scim: is also the SCIM path of email; each SCIM path may fill one Auth0 attribute",
    "connections.0.scim.mappingOverrides.5.scim: is also the SCIM path of nickname; each SCIM path may fill one Auth0 attribute",
  ]);
});

test("additional mappings are held to the same namespaces, and may not take a path an override gives", () => {
  expect(
    problemsWith({
      mappingOverrides: ADDRESS_BY_PRIMARY,
      additionalMappings: [
        { auth0: "app_metadata.x", scim: "urn:example:foo:1.0:User.x" },
        { auth0: "app_metadata.y", scim: "addresses[primary eq true].locality" },
      ],
    }),
  ).toEqual([
    "connections.0.scim.additionalMappings.0.scim: is in the namespace urn:example:foo:1.0:User, which Auth0 does not map; use urn:ietf:params:scim:schemas:core:2.0:User or urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
    "connections.0.scim.additionalMappings.1.scim: is the SCIM path a mappingOverrides entry gives app_metadata.city; each SCIM path may fill one Auth0 attribute",
  ]);
});

test("SCIM paths: the forms Auth0 uses parse, and a filter reads the element Okta marks", () => {
  for (const m of AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS) expect([m.scim, typeof parseScimPath(m.scim)]).toEqual([m.scim, "object"]);
  const body = { addresses: [{ locality: "Bern", primary: true }], "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { costCenter: "7" } };
  const read = (p: string) => readScimPath(body, parseScimPath(p) as Exclude<ReturnType<typeof parseScimPath>, string>);
  expect(read("addresses[primary eq true].locality")).toMatchObject({ found: true, value: "Bern" });
  expect(read('addresses[type eq "work"].locality')).toEqual({ found: false, present: true });
  expect(read("addresses[primary eq true].region")).toEqual({ found: false, present: false });
  expect(read("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.costCenter")).toMatchObject({ found: true, value: "7" });
  expect(parseScimPath("urn:ietf:params:scim:schemas:core:2.0:User:title")).toMatchObject({ namespace: "urn:ietf:params:scim:schemas:core:2.0:User", attribute: "title" });
});
