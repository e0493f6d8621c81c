// okta.scim-app-schema-matches-stack: the live schema of the SCIM app (Okta stand-in, through the SDK)
// against the stack's captured scimApp.attributes.
import { checkAppSchema, OKTA_CHECKS, runOktaChecks } from "../../verify/checks/okta";
import { createOktaReadBack } from "../../verify/oktaReadBack";
import { targetsFromStackOutputs } from "../../verify/targets";
import { startOktaServer, type OktaTestServer } from "./support/oktaServer";

let okta: OktaTestServer | undefined;
afterEach(async () => {
  await okta?.close();
  okta = undefined;
});

async function readBack(base: string[], custom: string[] = []) {
  okta = await startOktaServer({ scimAppId: "0oaScim", oidcAppId: "0oaOidc", features: [], implicitAssignment: false, scimGroups: [], oidcGroups: [], appSchema: { base, custom } });
  return createOktaReadBack({ orgUrl: okta.orgUrl, apiToken: "okta-token", timeoutMs: 30_000, maxRetries: 0 });
}

test("passes when the app has exactly the captured attributes, fails naming each difference, warns before a capture", async () => {
  const rb = await readBack(["userName", "givenName", "familyName"], ["badgeNumber"]);
  expect(await checkAppSchema(rb, "0oaScim", ["userName", "givenName", "familyName", "badgeNumber"])).toMatchObject({ status: "pass" });
  const drift = await checkAppSchema(rb, "0oaScim", ["userName", "givenName", "title"]);
  expect(drift.status).toBe("fail");
  expect(drift.detail).toBe(
    "the app has familyName, badgeNumber, which scimApp.attributes lacks (phase 2 leaves it unmapped); scimApp.attributes lists title, which the app no longer has (the next pulumi up fails on it)",
  );
  expect((await checkAppSchema(rb, "0oaScim", null)).status).toBe("warn");
});

test("runs with the stack's outputs, not with --scim-url (nothing captured to compare)", async () => {
  const rb = await readBack(["userName"]);
  const [target] = targetsFromStackOutputs({ c: { scimEndpointUrl: "https://t.eu.auth0.com/scim/v2/connections/con_1", scimAppAttributes: ["userName"] }, "c-scim-token": "tok" }, "dev");
  expect(target.scimAppAttributes).toEqual(["userName"]);
  const withStack = await runOktaChecks(rb, { scimAppId: "0oaScim", oidcAppId: "0oaOidc", capturedAttributes: target.scimAppAttributes });
  expect(withStack.find((r) => r.name === OKTA_CHECKS.appSchema)?.status).toBe("pass");
  const explicit = await runOktaChecks(rb, { scimAppId: "0oaScim", oidcAppId: "0oaOidc" });
  expect(explicit.map((r) => r.name)).not.toContain(OKTA_CHECKS.appSchema);
});
