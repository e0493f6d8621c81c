// The sandbox's adoption step (sandbox/run/adoption.ts): the hand-made side stack's config, the adopt
// block it then declares, and how an adoption's `pulumi preview --json` is judged.
import { adoptionConfig, adoptionPreview, handmadeConfig } from "../../sandbox/run/adoption";
import { settingsForOneConnection } from "../../sandbox/run/secrets";

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
  const { config, connection } = handmadeConfig(base)!;
  expect(config[`${NS}:connections`]).toEqual([connection]);
  expect(connection).toMatchObject({ name: "okta-acme-handmade", consoleStepsDone: false, manageProvisioningViaApi: false, oidcApp: { label: "Log in (handmade)" }, scim: { tokens: [{ generation: "a" }] } });
  expect(connection.key).toBeUndefined();
  expect(connection.previousKeys).toBeUndefined();
  expect((base[`${NS}:connections`] as Array<Record<string, unknown>>)[0].name).toBe("okta-acme");
});

test("the adoption config adds the ids; the mismatch variant also changes the OIDC app label", () => {
  const { config } = handmadeConfig(base)!;
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

test("the hand-made setup skips customers' connections, says where its connection stood, and is undefined when every connection is a customer's", () => {
  const mixed = {
    ...base,
    [`${NS}:oktaOrgs`]: [{ name: "cust", administeredBy: "customer", orgName: "cust", baseUrl: "okta.com" }, { name: "own", orgName: "own", baseUrl: "okta.com" }],
    [`${NS}:connections`]: [
      { name: "okta-cust", oktaOrg: "cust", oidcApp: { label: "C", clientId: "0oaC", clientSecret: { secure: "x" } }, scimApp: { label: "C2" } },
      { name: "okta-own", oktaOrg: "own", oidcApp: { label: "O" }, scimApp: { label: "O2" } },
    ],
  };
  const made = handmadeConfig(mixed)!;
  expect(made.index).toBe(1);
  expect(made.connection.name).toBe("okta-own-handmade");
  const onlyCustomers = { ...mixed, [`${NS}:connections`]: [(mixed[`${NS}:connections`] as unknown[])[0]] };
  expect(handmadeConfig(onlyCustomers)).toBeUndefined();
});

test("a config cut to one connection keeps the other keys' secrets, moves that connection's to index 0 and drops the rest", () => {
  const s = (key: string, path: string) => ({ key, path, leaf: path.split(".").pop()!, value: "v" });
  const settings = [s("oktaScim:auth0", "auth0.clientSecret"), s("oktaScim:connections", "connections[0].oidcApp.clientSecret"), s("oktaScim:connections", "connections[2].oidcApp.clientSecret"), s("oktaScim:connections", "connections[12].oidcApp.clientSecret")];
  expect(settingsForOneConnection(settings, 2).map((x) => x.path)).toEqual(["auth0.clientSecret", "connections[0].oidcApp.clientSecret"]);
  expect(settingsForOneConnection(settings, 1).map((x) => x.path)).toEqual(["auth0.clientSecret"]);
});
