// verify --write --groups: Group Push's requests against a sound SCIM server passes every group check,
// and each variant that breaks one of Group Push's rules fails exactly that check.
import { runScimChecks } from "../../verify/checks/scim";
import { GROUP_CHECKS, testGroupName } from "../../verify/checks/scimGroups";
import type { CheckResult } from "../../verify/checks/result";
import { createHttpClient, type RetryPolicy } from "../../verify/http";
import { startScimServer, type ScimFaults, type ScimTestServer } from "./support/scimServer";

const TOKEN = "scim-test-token-groups";
// Generous: nothing here is about speed.
const POLICY: RetryPolicy = { timeoutMs: 30_000, maxRetries: 0, maxRetryAfterMs: 1_000, backoffMs: 10 };

let server: ScimTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(faults: ScimFaults = {}, groups = true) {
  server = await startScimServer({ token: TOKEN, faults });
  const results = await runScimChecks(createHttpClient(server.baseUrl, TOKEN, POLICY), { write: true, groups, nonce: "g1", appKind: "catalog" });
  return Object.fromEntries(results.map((r) => [r.name, r])) as Record<string, CheckResult>;
}

const groupStatuses = (byName: Record<string, CheckResult>) => Object.fromEntries(Object.values(GROUP_CHECKS).map((n) => [n, byName[n]?.status]));

test("a sound server passes every group check, and the test group is gone afterwards", async () => {
  const byName = await run();
  expect(groupStatuses(byName)).toEqual(Object.fromEntries(Object.values(GROUP_CHECKS).map((n) => [n, "pass"])));
  expect(server!.store.groups.size).toBe(0);
  // Group Push's order: look-up, create, duplicate, look-ups (another name, its own), PATCH add, GET, PATCH remove, GET, DELETE, GET.
  const groupRequests = server!.requests.filter((r) => r.includes("/Groups")).map((r) => r.split(" ")[0]);
  expect(groupRequests).toEqual(["GET", "POST", "POST", "GET", "GET", "PATCH", "GET", "PATCH", "GET", "DELETE", "GET"]);
});

test("without --groups no request reaches /Groups", async () => {
  const byName = await run({}, false);
  expect(groupStatuses(byName)).toEqual(Object.fromEntries(Object.values(GROUP_CHECKS).map((n) => [n, undefined])));
  expect(server!.requests.some((r) => r.includes("/Groups"))).toBe(false);
});

test.each<[string, ScimFaults, string, RegExp]>([
  ["a server that ignores the displayName filter", { groupsIgnoreFilter: true }, GROUP_CHECKS.filterUnknownGroup, /returned totalResults 1 while only .* exists/],
  ["a server that allows two groups of one name", { groupsAllowDuplicateNames: true }, GROUP_CHECKS.duplicateName, /expected 409|HTTP 201/],
  ["a server that answers PATCH and changes nothing", { groupsIgnorePatch: true }, GROUP_CHECKS.patchMembers, /the test user .* is missing/],
  ["a server that keeps a deleted group", { groupsKeepDeleted: true }, GROUP_CHECKS.deleteGroup, /HTTP 200, expected 404.*may still exist/],
])("%s fails that check", async (_label, faults, failing, detail) => {
  const byName = await run(faults);
  expect(byName[failing].status).toBe("fail");
  expect(byName[failing].detail).toMatch(detail);
  const others = Object.values(GROUP_CHECKS).filter((n) => n !== failing && n !== GROUP_CHECKS.filterUnknownGroup);
  for (const n of others) if (byName[n]) expect([n, byName[n].status]).not.toEqual([n, "fail"]);
});

test("a filter that finds a group of that name before it exists stops the group checks", async () => {
  server = await startScimServer({ token: TOKEN, faults: { groupsIgnoreFilter: true } });
  server.store.groups.set("x1", { id: "x1", displayName: "someone else's group", schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"] });
  const results = await runScimChecks(createHttpClient(server.baseUrl, TOKEN, POLICY), { write: true, groups: true, nonce: "g2", appKind: "catalog" });
  const unknown = results.find((r) => r.name === GROUP_CHECKS.filterUnknownGroup)!;
  expect(unknown.status).toBe("fail");
  expect(unknown.detail).toContain(`displayName eq "${testGroupName("g2")}"`);
  expect(results.some((r) => r.name === GROUP_CHECKS.createGroup)).toBe(false);
});
