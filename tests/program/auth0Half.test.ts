// The Auth0 half on both committed stacks: steps A1-A6 of the Auth0 procedure.
import { runCommittedStack, single, ofType, T } from "../harness/committedStack";
import type { ProgramRun } from "../harness/runProgram";
import { AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS } from "../../components/decisions/scimMappings";

let dev: ProgramRun;
let prod: ProgramRun;
beforeAll(async () => {
  dev = await runCommittedStack("dev");
  prod = await runCommittedStack("prod");
});

type Options = Record<string, unknown>;

describe.each([
  ["dev", "okta-acme", "acme.okta.com"],
  ["dev", "okta-globex", "globex-corp.okta-emea.com"],
  ["prod", "okta-acme", "acme.okta.com"],
])("%s stack, connection %s", (stack, connection, oktaDomain) => {
  const run = () => (stack === "dev" ? dev : prod);

  test("A1: an okta-strategy connection named as configured, with the Okta OIDC app's client id and secret", () => {
    const c = single(run(), T.connection, connection);
    expect(c.inputs.strategy).toBe("okta");
    expect(c.inputs.name).toBe(connection);
    const options = c.inputs.options as Options;
    expect(options.domain).toBe(oktaDomain);
    expect(options.issuer).toBe(`https://${oktaDomain}`);
    expect(options.tokenEndpoint).toBe(`https://${oktaDomain}/oauth2/v1/token`);
    const oidc = single(run(), T.oidcApp, connection);
    expect(options.clientId).toMatch(/^0oa/);
    expect(options.clientSecret).toBe(`MOCK-OKTA-CLIENT-SECRET:${oidc.name}`);
    expect(options.scopes).toEqual(["openid", "profile", "email"]);
    // The client secret reaches the engine as a secret (it makes the whole options object secret).
    expect(c.secretInputs).toContain("options");
  });

  test("A2: profile sync at each login is off (setUserRootAttributes on_first_login) and the whole options object is stated", () => {
    const options = single(run(), T.connection, connection).inputs.options as Options;
    expect(options.setUserRootAttributes).toBe("on_first_login");
    for (const key of ["domain", "domainAliases", "clientId", "clientSecret", "issuer", "authorizationEndpoint", "tokenEndpoint", "jwksUri", "userinfoEndpoint", "scopes", "nonPersistentAttrs", "connectionSettings", "attributeMap"]) {
      expect(options).toHaveProperty(key);
    }
  });

  test("data safety: the connection is protected", () => {
    expect(single(run(), T.connection, connection).protect).toBe(true);
  });

  test("A3-A4: SCIM configuration with externalId and Auth0's defaults stated before the additional mappings", () => {
    const scim = single(run(), T.scimConfiguration, connection);
    expect(scim.inputs.userIdAttribute).toBe("externalId");
    const mappings = scim.inputs.mappings as { scim: string; auth0: string }[];
    const defaults = mappings.slice(0, AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.length);
    expect(defaults.map((m) => m.auth0)).toEqual(AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.map((m) => m.auth0));
    // Only a mapping override (dev's okta-acme reads its address by primary eq true) changes a default's path.
    const changed = defaults.filter((m, i) => m.scim !== AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS[i].scim).map((m) => m.scim);
    expect(changed.filter((scim) => !scim.startsWith("addresses[primary eq true]."))).toEqual([]);
    expect(AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS).toHaveLength(32);
  });

  test("A6: a SCIM token with exactly the scopes Okta needs, created after the SCIM configuration", () => {
    const token = single(run(), T.scimToken, connection);
    expect(token.inputs.scopes).toEqual(["get:users", "post:users", "put:users"]);
    expect(token.dependsOn).toContain(`${T.scimConfiguration}::${connection}-scim-configuration`);
  });

  test("enabled clients come from config through one ConnectionClients resource", () => {
    expect(ofType(run(), T.connectionClients, connection)).toHaveLength(1);
    expect(ofType(run(), "auth0:index/connectionClient:ConnectionClient", connection)).toHaveLength(0);
  });
});

test("A4: additional mappings from config are appended after the defaults", () => {
  const mappings = single(dev, T.scimConfiguration, "okta-acme").inputs.mappings as { scim: string; auth0: string }[];
  expect(mappings).toHaveLength(AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.length + 1);
  expect(mappings[mappings.length - 1]).toEqual({
    scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.badgeNumber",
    auth0: "app_metadata.badge_number",
  });
});

test("enabled clients are the configured list", () => {
  expect(single(prod, T.connectionClients, "okta-acme").inputs.enabledClients).toEqual(["Gk5tW8pZ2xR9cV3bN6mQ1sL4", "Hy7uJ2kD9fS4aP6wE1rT3zX8"]);
});

test("data safety: protect is switched off only by decommission (tests/program/decommission.test.ts)", async () => {
  const run = await runCommittedStack("prod", {
    mutate: (v) => {
      (v["oktaScim:connections"] as { decommission?: boolean }[])[0].decommission = true;
    },
  });
  expect(single(run, T.connection, "okta-acme").protect).toBe(false);
});

test("token scopes are sent in canonical order, so reordering config is not a change", async () => {
  const run = await runCommittedStack("prod", {
    mutate: (v) => {
      (v["oktaScim:connections"] as { scim?: unknown }[])[0].scim = { tokenScopes: ["put:users", "get:users", "post:users"] };
    },
  });
  expect(single(run, T.scimToken, "okta-acme").inputs.scopes).toEqual(["get:users", "post:users", "put:users"]);
});
