// Where a token operation's Management API credentials come from (components/scimToken/credentials.ts).
import { normalizeDomain, resolveCredentials, tenantFromProviderConfig } from "../../components/scimToken/credentials";

const TENANT = "acme-dev.eu.auth0.com";
const CONFIG = { domain: TENANT, clientId: "cfgClient", clientSecret: "cfg-secret" };
const ENV = { AUTH0_DOMAIN: TENANT, AUTH0_CLIENT_ID: "envClient", AUTH0_CLIENT_SECRET: "env-secret" };

it("uses the environment when AUTH0_DOMAIN names the token's tenant, in any spelling", () => {
  expect(resolveCredentials(TENANT, { ...ENV, AUTH0_DOMAIN: "https://ACME-dev.eu.auth0.com/" }, CONFIG)).toMatchObject({ clientId: "envClient", source: "environment" });
  expect(normalizeDomain(" https://Acme.EU.auth0.com// ")).toBe("acme.eu.auth0.com");
});

it("falls back to the stack config when the environment is for another tenant, incomplete, or absent", () => {
  for (const env of [{ ...ENV, AUTH0_DOMAIN: "other.eu.auth0.com" }, { ...ENV, AUTH0_CLIENT_SECRET: "" }, { AUTH0_CLIENT_ID: "x", AUTH0_CLIENT_SECRET: "y" }, {}]) {
    expect(resolveCredentials(TENANT, env, CONFIG)).toMatchObject({ clientId: "cfgClient", clientSecret: "cfg-secret", source: "stack config" });
  }
});

it("never sends the stack config's credentials to another tenant, and says what was found instead", () => {
  const run = () => resolveCredentials("other.eu.auth0.com", { ...ENV }, CONFIG);
  expect(run).toThrow(/No Auth0 Management API credentials for tenant other\.eu\.auth0\.com\. AUTH0_DOMAIN is acme-dev\.eu\.auth0\.com, another tenant.*oktaScim:auth0\.domain is acme-dev\.eu\.auth0\.com, another tenant/);
  expect(run).not.toThrow(/env-secret|cfg-secret/);
});

it("reads the provider's configuration as the engine passes it (a JSON string), and nothing incomplete", () => {
  expect(tenantFromProviderConfig(JSON.stringify(CONFIG))).toEqual(CONFIG);
  expect(tenantFromProviderConfig(JSON.stringify({ ...CONFIG, clientSecret: "" }))).toBeUndefined();
  expect(tenantFromProviderConfig("not json")).toBeUndefined();
  expect(tenantFromProviderConfig(undefined)).toBeUndefined();
});
