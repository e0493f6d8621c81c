// The rules of Okta's SCIM 2.0 spec and CRUD tests: the sound server (scimmy, corrected where scimmy
// itself breaks them) passes each; a server breaking one rule fails exactly that check.
import { runScimChecks, SCIM_CHECKS, scimErrorBodyResult, SCIM_ERROR_URN } from "../../verify/checks/scim";
import type { CheckResult } from "../../verify/checks/result";
import { createHttpClient, type HttpOutcome, type RetryPolicy } from "../../verify/http";
import { startScimServer, type ScimFaults, type ScimTestServer } from "./support/scimServer";

const TOKEN = "scim-test-token-okta-rules";
// Generous: nothing here is about speed.
const POLICY: RetryPolicy = { timeoutMs: 30_000, maxRetries: 0, maxRetryAfterMs: 1_000, backoffMs: 10 };

let server: ScimTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(faults: ScimFaults = {}): Promise<Record<string, CheckResult>> {
  server = await startScimServer({ token: TOKEN, faults });
  const results = await runScimChecks(createHttpClient(server.baseUrl, TOKEN, POLICY), { write: true, nonce: "r1" });
  return Object.fromEntries(results.map((r) => [r.name, r]));
}

const OKTA_RULES = [
  SCIM_CHECKS.unknownUser404,
  SCIM_CHECKS.unauthorizedBody,
  SCIM_CHECKS.itemsPerPage,
  SCIM_CHECKS.createEchoes,
  SCIM_CHECKS.listNonEmpty,
  SCIM_CHECKS.filterUppercase,
  SCIM_CHECKS.updateProfile,
  SCIM_CHECKS.reactivateUser,
];

test("a server that follows Okta's rules passes every one of them", async () => {
  const results = await run();
  expect(OKTA_RULES.map((id) => [id, results[id]?.status])).toEqual(OKTA_RULES.map((id) => [id, "pass"]));
});

const broken: [string, ScimFaults, string, RegExp][] = [
  ["404 without a SCIM Error body", { plainNotFound: true }, SCIM_CHECKS.unknownUser404, /→ 404, but the body is not JSON \(Okta expects a SCIM Error message\): Not Found/],
  ["401 without a SCIM Error body", { plainUnauthorized: true }, SCIM_CHECKS.unauthorizedBody, /^a wrong token → 401, but the body is not JSON/],
  ["itemsPerPage = the requested count", { itemsPerPageIsCount: true }, SCIM_CHECKS.itemsPerPage, /GET \/Users\?startIndex=1&count=2: itemsPerPage 2 for 0 resource\(s\)/],
  ["list Resources without their fields", { listWithoutAttributes: true }, SCIM_CHECKS.listNonEmpty, /a listed resource lacks userName/],
  ["a 201 that does not echo the values", { createWithoutEcho: true }, SCIM_CHECKS.createEchoes, /externalId: sent "scim-verify-r1", got nothing/],
  ["a case-sensitive userName filter", { caseSensitiveUserName: true }, SCIM_CHECKS.filterUppercase, /returned totalResults 0, expected the test user/],
  ["profile updates ignored", { ignoreProfileUpdates: true }, SCIM_CHECKS.updateProfile, /^profile update not applied: name\.familyName: sent "Test user \(safe to delete\) \(updated\)", got "Test user \(safe to delete\)"/],
  ["no re-activation", { noReactivation: true }, SCIM_CHECKS.reactivateUser, /after setting active:true the user reads active=false.*stays in Auth0, blocked/],
];

test.each(broken)("%s fails its check, and only the Okta rules it breaks", async (_title, faults, checkId, detail) => {
  const results = await run(faults);
  expect(results[checkId].status).toBe("fail");
  expect(results[checkId].detail).toMatch(detail);
  const otherFailures = OKTA_RULES.filter((id) => id !== checkId && results[id]?.status !== "pass");
  expect(otherFailures).toEqual([]);
});

test("an Error body whose status is a number warns; a 404 that is not an Error fails", () => {
  const response = (status: number, body: unknown): HttpOutcome => ({ kind: "response", status, contentType: "application/scim+json", text: JSON.stringify(body), attempts: 1 });
  expect(scimErrorBodyResult("x", response(404, { schemas: [SCIM_ERROR_URN], status: 404 }), 404, "GET").status).toBe("warn");
  expect(scimErrorBodyResult("x", response(404, { error: "not found" }), 404, "GET").status).toBe("fail");
  expect(scimErrorBodyResult("x", response(200, { schemas: [SCIM_ERROR_URN], status: "404" }), 404, "GET").status).toBe("fail");
  expect(scimErrorBodyResult("x", response(404, { schemas: [SCIM_ERROR_URN], status: "404" }), 404, "GET").status).toBe("pass");
});
