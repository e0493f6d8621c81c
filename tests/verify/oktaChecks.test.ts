// Okta read-back through @okta/okta-sdk-nodejs against a loopback Okta API with documented bodies.
import { OKTA_CHECKS, runOktaChecks } from "../../verify/checks/okta";
import { createOktaReadBack } from "../../verify/oktaReadBack";
import { PUT_BREAKING_TYPE_EXPRESSIONS } from "../../components/decisions/oktaProfileMappings";
import { startOktaServer, type OktaFake, type OktaTestServer } from "./support/oktaServer";

const SOUND: OktaFake = {
  scimAppId: "0oaScimApp1",
  oidcAppId: "0oaOidcApp1",
  features: ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION", "REACTIVATE_USERS"],
  implicitAssignment: false,
  scimGroups: ["00gA", "00gB"],
  oidcGroups: ["00gB", "00gA"],
  mappingProperties: { givenName: "user.firstName", email: "user.email" },
};

let server: OktaTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(overrides: Partial<OktaFake>) {
  const fake = { ...SOUND, ...overrides };
  server = await startOktaServer(fake);
  // A generous timeout: against a server that answers it never fires, however slow the machine.
  const readBack = createOktaReadBack({ orgUrl: server.orgUrl, apiToken: "okta-api-token-value", timeoutMs: 20_000, maxRetries: 0 });
  const results = await runOktaChecks(readBack, { scimAppId: fake.scimAppId, oidcAppId: fake.oidcAppId });
  return Object.fromEntries(results.map((r) => [r.name, r]));
}

it("all five pass for a correctly configured pair of apps", async () => {
  const results = await run({});
  expect(Object.values(results).map((r) => r.status)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
  expect(server!.requests).toContain("GET /api/v1/mappings?targetId=0oaScimApp1");
  // Three checks read the two apps; each is fetched once.
  expect(server!.requests.filter((r) => r === "GET /api/v1/apps/0oaScimApp1")).toHaveLength(1);
  expect(server!.requests.filter((r) => r === "GET /api/v1/apps/0oaOidcApp1")).toHaveLength(1);
});

it("a missing feature fails, naming it", async () => {
  const results = await run({ features: ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES"] });
  expect(results[OKTA_CHECKS.features]).toMatchObject({ status: "fail" });
  expect(results[OKTA_CHECKS.features].detail).toContain("lacks PUSH_USER_DEACTIVATION");
});

it("a type mapping still present fails (matched by expression, whatever the attribute is called)", async () => {
  const results = await run({ mappingProperties: { givenName: "user.firstName", customAddrKind: PUT_BREAKING_TYPE_EXPRESSIONS[2] } });
  expect(results[OKTA_CHECKS.typeMappings]).toMatchObject({ status: "fail" });
  expect(results[OKTA_CHECKS.typeMappings].detail).toContain("customAddrKind");
});

it("a type attribute whose mapping was removed (empty expression) passes", async () => {
  const results = await run({ mappingProperties: { givenName: "user.firstName", primaryEmailType: "" } });
  expect(results[OKTA_CHECKS.typeMappings].status).toBe("pass");
});

it("no mapping yet warns that provisioning is not on", async () => {
  const results = await run({ mappingProperties: undefined });
  expect(results[OKTA_CHECKS.typeMappings]).toMatchObject({ status: "warn" });
});

it("differing groups fail, saying which group is where", async () => {
  const results = await run({ oidcGroups: ["00gA", "00gC"] });
  expect(results[OKTA_CHECKS.sameGroups]).toMatchObject({ status: "fail", detail: "groups differ: only on the SCIM app: 00gB; only on the OIDC app: 00gC" });
});

it("Federation Broker Mode on fails", async () => {
  const results = await run({ implicitAssignment: true });
  expect(results[OKTA_CHECKS.federationBroker].status).toBe("fail");
});

it("403 on the mappings names the permission", async () => {
  const results = await run({ mappingsForbidden: true });
  expect(results[OKTA_CHECKS.typeMappings]).toMatchObject({ status: "fail", detail: "GET /api/v1/mappings: 403, missing permission okta.profileMappings.read" });
});

it("a second app with the SCIM app's label (a lost create sent again) fails, naming it; a prefix match does not", async () => {
  const results = await run({
    otherApps: [
      { id: "0oaStray1", label: "Auth0 SCIM", status: "ACTIVE" },
      { id: "0oaOther2", label: "Auth0 SCIM (old)", status: "ACTIVE" },
    ],
  });
  expect(results[OKTA_CHECKS.onePerLabel]).toMatchObject({ status: "fail" });
  expect(results[OKTA_CHECKS.onePerLabel].detail).toContain(`0oaStray1 (ACTIVE, created 2026-01-02T00:00:00.000Z) is labelled "Auth0 SCIM" like the stack's 0oaScimApp1`);
  expect(results[OKTA_CHECKS.onePerLabel].detail).not.toContain("0oaOther2");
  expect(server!.requests).toContain("GET /api/v1/apps?q=Auth0%20SCIM");
});
