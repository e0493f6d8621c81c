// The sandbox's adoption step (sandbox/run/adoption.ts): the hand-made side stack's config, the adopt
// block it then declares, and how an adoption's `pulumi preview --json` is judged.
import { adoptionConfig, adoptionPreview, handmadeConfig } from "../../sandbox/run/adoption";

const NS = "oktaScim";
const base = {
  [`${NS}:auth0`]: { domain: "acme-dev.eu.auth0.com" },
  [`${NS}:connections`]: [
    {
      name: "okta-acme",
      key: "acme",
      previousKeys: ["old"],
      consoleStepsDone: true,
      oidcApp: { label: "Log in" },
      scimApp: { label: "Provisioning", url: "https://x.example" },
      scim: { tokens: [{ generation: "a" }, { generation: "b" }] },
    },
    { name: "okta-globex", oidcApp: { label: "G" }, scimApp: { label: "G2" } },
  ],
};
const ids = { auth0ConnectionId: "con_A1b2C3d4E5f6G7h8", oidcAppId: "0oa1oidcAPPaaaaaaaaa", scimAppId: "0oa2swaAPPbbbbbbbbbb" };
const urn = (type: string, name: string) => `urn:pulumi:dev-adopt::oktaScim::oktaScim:index:OktaAuth0ScimIntegration$${type}::${name}`;

test("the hand-made setup is the first connection alone, in phase 1, under its own name and labels, with one token generation", () => {
  const { config, connection } = handmadeConfig(base);
  expect(config[`${NS}:connections`]).toEqual([connection]);
  expect(connection).toMatchObject({ name: "okta-acme-handmade", consoleStepsDone: false, manageProvisioningViaApi: false, oidcApp: { label: "Log in (handmade)" }, scim: { tokens: [{ generation: "a" }] } });
  expect(connection.key).toBeUndefined();
  expect(connection.previousKeys).toBeUndefined();
  expect((base[`${NS}:connections`] as Array<Record<string, unknown>>)[0].name).toBe("okta-acme");
});

test("the adoption config adds the ids; the mismatch variant also changes the OIDC app label", () => {
  const { config } = handmadeConfig(base);
  const [adopting] = adoptionConfig(config, ids)[`${NS}:connections`] as Array<Record<string, any>>;
  expect(adopting.adopt).toEqual(ids);
  expect(adopting.oidcApp.label).toBe("Log in (handmade)");
  const [mismatching] = adoptionConfig(config, ids, true)[`${NS}:connections`] as Array<Record<string, any>>;
  expect(mismatching.oidcApp.label).toBe("Log in (handmade) renamed");
});

test("a preview of imports, new tokens, the stack, providers and the component passes; updates, replaces and other creates do not", () => {
  const ok = adoptionPreview([
    { op: "create", urn: "urn:pulumi:dev-adopt::oktaScim::pulumi:pulumi:Stack::oktaScim-dev-adopt" },
    { op: "create", urn: "urn:pulumi:dev-adopt::oktaScim::pulumi:providers:okta::okta-acme" },
    { op: "create", urn: "urn:pulumi:dev-adopt::oktaScim::oktaScim:index:OktaAuth0ScimIntegration::okta-acme" },
    { op: "import", urn: urn("auth0:index/connection:Connection", "c") },
    { op: "create", urn: urn("pulumi-nodejs:dynamic/scimToken:ScimToken", "t") },
    { op: "same", urn: urn("okta:app/oAuth:OAuth", "o") },
  ]);
  expect(ok).toEqual({ imports: ["auth0:index/connection:Connection::c"], creates: ["pulumi-nodejs:dynamic/scimToken:ScimToken::t"], unexpected: [] });
  const bad = adoptionPreview([
    { op: "import", urn: urn("okta:app/oAuth:OAuth", "o") },
    { op: "update", urn: urn("okta:app/oAuth:OAuth", "o"), diffReasons: ["label"] },
    { op: "create", urn: urn("okta:app/user:User", "u") },
    { op: "replace", urn: urn("auth0:index/connection:Connection", "c"), diffReasons: ["options"], detailedDiff: { "options.clientSecret": { kind: "update" } } },
  ]);
  expect(bad.unexpected).toEqual(["create okta:app/user:User::u", "replace auth0:index/connection:Connection::c [options.clientSecret]", "update okta:app/oAuth:OAuth::o [label]"]);
});
