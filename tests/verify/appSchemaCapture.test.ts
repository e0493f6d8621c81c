// verify --capture-app-schema: reads the SCIM app's user schema from Okta (a loopback stand-in) and
// prints the scimApp.attributes block phase 2 builds its mapping from; the block validates as config.
import { parse } from "yaml";
import { runVerify } from "../../verify/cli";
import { parseStackConfig } from "../../config/load";
import { readStackFile, toRawConfig, cloneValues } from "../harness/stackFile";
import { startOktaServer, type OktaTestServer } from "./support/oktaServer";

const TOKEN = "SCIMTOKEN-capture-5a4b3c";
const OKTA_TOKEN = "okta-api-token-capture-1f2e";
let okta: OktaTestServer | undefined;
afterEach(async () => {
  await okta?.close();
  okta = undefined;
});

const outputs = (orgUrl: string) => ({
  "okta-acme": { scimEndpointUrl: "https://acme-dev.eu.auth0.com/scim/v2/connections/con_1", scimAppId: "0oaScimApp1", oidcClientId: "0oaOidcApp1", oktaOrgUrl: orgUrl },
  "okta-acme-scim-token": TOKEN,
});

async function capture(argv: string[], env: Record<string, string>, orgUrl: string) {
  let stdout = "";
  let stderr = "";
  const code = await runVerify(argv, env, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { readOutputs: async () => outputs(orgUrl), now: () => new Date("2026-11-29T12:00:00Z") });
  expect(stdout + stderr).not.toContain(TOKEN);
  expect(stdout + stderr).not.toContain(OKTA_TOKEN);
  return { code, stdout, stderr };
}

test("prints the app's base and custom attributes as a block that validates as scimApp.attributes", async () => {
  okta = await startOktaServer({
    scimAppId: "0oaScimApp1",
    oidcAppId: "0oaOidcApp1",
    features: [],
    implicitAssignment: false,
    scimGroups: [],
    oidcGroups: [],
    appSchema: { base: ["userName", "givenName", "familyName", "email", "primaryEmailType"], custom: ["badgeNumber"] },
  });
  const r = await capture(["--stack", "dev", "--connection", "okta-acme", "--capture-app-schema"], { OKTA_ORG_URL: okta.orgUrl, OKTA_API_TOKEN: OKTA_TOKEN }, okta.orgUrl);
  expect(r).toMatchObject({ code: 0, stderr: "" });
  expect(r.stdout).toContain("# okta-acme: the user schema of Okta SCIM app 0oaScimApp1");
  expect(r.stdout).toContain("captured 2026-11-29T12:00:00.000Z by `npm run verify -- --stack dev --connection okta-acme --capture-app-schema`");
  const attributes = (parse(r.stdout) as { attributes: string[] }).attributes;
  expect(attributes).toEqual(["userName", "givenName", "familyName", "email", "primaryEmailType", "badgeNumber"]);
  expect(okta.requests).toEqual(["GET /api/v1/meta/schemas/apps/0oaScimApp1/default"]);

  // Pasted into dev's first connection (which declares badgeNumber), the config validates.
  const { values, secretKeys } = readStackFile("dev");
  const copy = cloneValues(values);
  (copy["oktaScim:connections"] as { scimApp: Record<string, unknown> }[])[0].scimApp.attributes = attributes;
  expect("config" in parseStackConfig(toRawConfig(copy, secretKeys))).toBe(true);
});

test("needs the Okta credentials, and says why a connection was not captured", async () => {
  const noCreds = await capture(["--stack", "dev", "--capture-app-schema"], {}, "https://acme.okta.com");
  expect(noCreds.code).toBe(2);
  expect(noCreds.stderr).toContain("--capture-app-schema reads the SCIM app's schema from Okta: set OKTA_ORG_URL and OKTA_API_TOKEN");

  okta = await startOktaServer({ scimAppId: "0oaOther", oidcAppId: "x", features: [], implicitAssignment: false, scimGroups: [], oidcGroups: [] });
  const missing = await capture(["--stack", "dev", "--capture-app-schema"], { OKTA_ORG_URL: okta.orgUrl, OKTA_API_TOKEN: OKTA_TOKEN }, okta.orgUrl);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toMatch(/okta-acme not captured: GET \/api\/v1\/meta\/schemas\/apps\/0oaScimApp1\/default: 404, not found/);
  const otherOrg = await capture(["--stack", "dev", "--capture-app-schema"], { OKTA_ORG_URL: okta.orgUrl, OKTA_API_TOKEN: OKTA_TOKEN }, "https://globex.okta.com");
  expect(otherOrg.stderr).toContain("okta-acme not captured: it federates globex.okta.com");
});
