// verify --stack on a stack with customers' Okta orgs: a customer connection gets its SCIM checks (with
// the token), the Okta side is reported as the customer's (not checked, not failed) and not one request
// reaches Okta even with the vendor's Okta credentials set; a connection that waits for its OIDC app is
// listed, not an error.
import { runVerify } from "../../verify/cli";
import { startScimServer, type ScimTestServer } from "./support/scimServer";
import { startOktaServer, type OktaTestServer } from "./support/oktaServer";

const TOKEN = "SCIMTOKEN-customer-7e6d5c";
const OKTA_TOKEN = "okta-api-token-vendor-org-3c2b";
let scim: ScimTestServer | undefined;
let okta: OktaTestServer | undefined;
afterEach(async () => {
  await scim?.close();
  await okta?.close();
  scim = okta = undefined;
});

const outputs = (scimUrl: string) => ({
  "okta-umbrella": {
    administeredBy: "customer",
    onboardingStep: "scim-app",
    scimEndpointUrl: scimUrl,
    oidcClientId: "0oa9umbR3lLaC0rp4x7z",
    scimAppId: "",
    oktaOrgUrl: "https://umbrella-corp.okta-emea.com",
    scimAppAttributes: null,
  },
  "okta-umbrella-scim-token": TOKEN,
  "okta-initech": { administeredBy: "customer", onboardingStep: "oidc-app", waitingFor: "oidcApp.clientId and oidcApp.clientSecret from the customer's Okta admin" },
});

async function verify(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const env = { OKTA_ORG_URL: okta!.orgUrl, OKTA_API_TOKEN: OKTA_TOKEN };
  const code = await runVerify(argv, env, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { readOutputs: async () => outputs(scim!.baseUrl), nonce: "c1" });
  expect(stdout + stderr).not.toContain(TOKEN);
  expect(stdout + stderr).not.toContain(OKTA_TOKEN);
  return { code, stdout, stderr };
}

beforeEach(async () => {
  scim = await startScimServer({ token: TOKEN });
  okta = await startOktaServer({ scimAppId: "0oaScimApp1", oidcAppId: "0oaOidcApp1", features: [], implicitAssignment: false, scimGroups: [], oidcGroups: [] });
});

test("a customer connection: SCIM checks run and pass, the Okta side is the customer's, no Okta request; the waiting one is listed", async () => {
  const r = await verify(["--stack", "customers", "--json"]);
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as { checks: { name: string; status: string }[]; skipped: string[] };
  expect(report.checks.length).toBeGreaterThan(0);
  expect(report.checks.every((c) => c.status === "pass")).toBe(true);
  expect(report.checks.some((c) => c.name.startsWith("okta."))).toBe(false);
  expect(report.skipped).toContain("Okta side of okta-umbrella: the customer's. Their Okta admin checks it with the hand-off page (npm run handoff); verify calls no Okta API for a customer's org.");
  expect(report.skipped).toContain("okta-initech: waits for the customer's OIDC app (onboardingStep oidc-app); nothing is deployed for it yet.");
  expect(okta!.requests).toEqual([]);
  expect(scim!.requests.length).toBeGreaterThan(0);
});

test("--connection of a waiting connection says what it waits for; --capture-app-schema refuses a customer's org", async () => {
  const waiting = await verify(["--stack", "customers", "--connection", "okta-initech"]);
  expect(waiting.code).toBe(2);
  expect(waiting.stderr + waiting.stdout).toContain("waits for the customer's OIDC app");
  const capture = await verify(["--stack", "customers", "--connection", "okta-umbrella", "--capture-app-schema"]);
  expect(capture.code).toBe(1);
  expect(capture.stderr).toContain("okta-umbrella not captured: its Okta org is a customer's");
  expect(okta!.requests).toEqual([]);
});
