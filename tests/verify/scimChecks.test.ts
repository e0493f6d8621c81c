// The SCIM checks against a real SCIM 2.0 server (scimmy) on 127.0.0.1, and against its faulty variants.
import { runScimChecks, SCIM_CHECKS } from "../../verify/checks/scim";
import type { CheckResult } from "../../verify/checks/result";
import { createHttpClient, type RetryPolicy } from "../../verify/http";
import { startScimServer, type ScimFaults, type ScimTestServer } from "./support/scimServer";
import { selfSignedCertificate } from "./support/certificate";

const TOKEN = "scim-test-token-7f3a9c";
// The per-attempt timeout is generous: against a server that answers it never fires, however slow the
// machine. Only the timeout test shortens it, against a server that never answers. Waits between
// attempts are recorded instead of slept.
const waits: number[] = [];
const POLICY: RetryPolicy = { timeoutMs: 20_000, maxRetries: 2, maxRetryAfterMs: 1_000, backoffMs: 10, sleep: async (ms) => void waits.push(ms) };

let server: ScimTestServer | undefined;
beforeEach(() => {
  waits.length = 0;
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(faults: ScimFaults = {}, write = false, policy: RetryPolicy = POLICY): Promise<Record<string, CheckResult>> {
  server = await startScimServer({ token: TOKEN, faults });
  const results = await runScimChecks(createHttpClient(server.baseUrl, TOKEN, policy), { write, nonce: "n1" });
  return Object.fromEntries(results.map((r) => [r.name, r]));
}

const statuses = (results: Record<string, CheckResult>) => Object.fromEntries(Object.values(results).map((r) => [r.name, r.status]));

describe("against a sound SCIM server", () => {
  it("passes the read-only checks, in Okta's order, without creating anything", async () => {
    const results = await run();
    expect(statuses(results)).toEqual({
      [SCIM_CHECKS.listUsers]: "pass",
      [SCIM_CHECKS.filterUnknownUser]: "pass",
      [SCIM_CHECKS.unknownUser404]: "pass",
      [SCIM_CHECKS.itemsPerPage]: "pass",
      [SCIM_CHECKS.wrongToken]: "pass",
      [SCIM_CHECKS.unauthorizedBody]: "pass",
    });
    expect(server!.requests.map((r) => r.split("?")[0])).toEqual([
      "GET /scim/v2/connections/con_Test123/Users",
      "GET /scim/v2/connections/con_Test123/Users",
      `GET /scim/v2/connections/con_Test123/Users/${encodeURIComponent("okta|scim-verify-absent-n1")}`,
      "GET /scim/v2/connections/con_Test123/Users",
    ]);
    expect(server!.requests[1]).toContain("filter=userName%20eq%20%22scim-verify-absent-n1%40verify.invalid%22");
    expect(server!.store.users.size).toBe(0);
  });

  it("with --write creates, re-creates (409), reads and deactivates a test user, and says how to remove it", async () => {
    const results = await run({}, true);
    expect(Object.values(results).filter((r) => r.status !== "pass")).toEqual([]);
    expect(Object.keys(results)).toEqual([
      SCIM_CHECKS.listUsers,
      SCIM_CHECKS.filterUnknownUser,
      SCIM_CHECKS.unknownUser404,
      SCIM_CHECKS.createUser,
      SCIM_CHECKS.createEchoes,
      SCIM_CHECKS.createDuplicate,
      SCIM_CHECKS.getUser,
      SCIM_CHECKS.roundTripAfterCreate,
      SCIM_CHECKS.listNonEmpty,
      SCIM_CHECKS.filterUppercase,
      SCIM_CHECKS.updateProfile,
      SCIM_CHECKS.roundTripAfterUpdate,
      SCIM_CHECKS.deactivateUser,
      SCIM_CHECKS.reactivateUser,
      SCIM_CHECKS.itemsPerPage,
      SCIM_CHECKS.wrongToken,
      SCIM_CHECKS.unauthorizedBody,
    ]);
    const [user] = [...server!.store.users.values()];
    expect(user).toMatchObject({ userName: "scim-verify-n1@verify.invalid", active: false });
    // The id contains "|": it must travel URL-encoded.
    expect(server!.requests).toContain(`PUT /scim/v2/connections/con_Test123/Users/${encodeURIComponent(user.id)}`);
    expect(results[SCIM_CHECKS.deactivateUser].detail).toMatch(/stays in Auth0, blocked.*DELETE \/api\/v2\/users\//);
  });
});

describe("against faulty variants", () => {
  it("a server that silently drops the untyped address it was sent fails both round trips, naming each field; the rest passes", async () => {
    const results = await run({ dropsUntypedAddresses: true }, true);
    for (const check of [SCIM_CHECKS.roundTripAfterCreate, SCIM_CHECKS.roundTripAfterUpdate]) {
      expect(results[check].status).toBe("fail");
      expect(results[check].lines).toEqual(
        ["streetAddress", "locality", "region", "postalCode", "country"].map((f) => expect.stringMatching(new RegExp(`^DROPPED addresses\\[primary eq true\\]\\.${f} \\(sent "`))),
      );
    }
    expect(results[SCIM_CHECKS.roundTripAfterCreate].detail).toContain("5 value(s) sent were not stored, 0 came back changed");
    // Before this check, nothing else saw it: every other check passes.
    expect(Object.values(results).filter((r) => r.status !== "pass").map((r) => r.name).sort()).toEqual([SCIM_CHECKS.roundTripAfterCreate, SCIM_CHECKS.roundTripAfterUpdate].sort());
  });

  it("string totalResults fails the list check, naming the field", async () => {
    const results = await run({ stringTotalResults: true });
    expect(results[SCIM_CHECKS.listUsers]).toMatchObject({ status: "fail" });
    expect(results[SCIM_CHECKS.listUsers].detail).toContain('totalResults="0"');
  });

  it("an ignored filter fails the filter check", async () => {
    server = await startScimServer({ token: TOKEN, faults: { ignoreFilter: true } });
    server.store.users.set("okta|1", { id: "okta|1", userName: "someone@example.com" });
    const results = await runScimChecks(createHttpClient(server.baseUrl, TOKEN, POLICY), { write: false, nonce: "n1" });
    const filter = results.find((r) => r.name === SCIM_CHECKS.filterUnknownUser)!;
    expect(filter).toMatchObject({ status: "fail" });
    expect(filter.detail).toContain("ignores the filter");
    expect(results.find((r) => r.name === SCIM_CHECKS.listUsers)!.status).toBe("pass");
  });

  it("500s are retried a bounded number of times, then reported", async () => {
    const results = await run({ serverErrors: Infinity });
    expect(results[SCIM_CHECKS.listUsers]).toMatchObject({ status: "fail" });
    expect(results[SCIM_CHECKS.listUsers].detail).toBe("HTTP 500 server error after 3 attempts: internal error");
    // Each check backs off twice, doubling: 10 ms, then 20 ms.
    expect(waits.slice(0, 2)).toEqual([10, 20]);
  });

  it("a passing 500 is retried and the check passes", async () => {
    const results = await run({ serverErrors: 1 });
    expect(results[SCIM_CHECKS.listUsers].status).toBe("pass");
    expect(server!.requests.filter((r) => r.includes("count=2"))).toHaveLength(2);
    expect(waits).toEqual([10]);
  });

  it("429 with a short Retry-After is honoured, then the request is repeated", async () => {
    const results = await run({ rateLimited: { count: 1, retryAfter: "0" } });
    expect(results[SCIM_CHECKS.listUsers].status).toBe("pass");
    expect(server!.requests.filter((r) => r.includes("count=2"))).toHaveLength(2);
    expect(waits).toEqual([0]);
  });

  it("429 asking for longer than the bound is reported with its Retry-After, without waiting", async () => {
    const results = await run({ rateLimited: { count: Infinity, retryAfter: "3600" } });
    expect(results[SCIM_CHECKS.listUsers]).toMatchObject({ status: "fail" });
    expect(results[SCIM_CHECKS.listUsers].detail).toMatch(/^429 Too Many Requests \(Retry-After: 3600\): rate limited/);
    expect(server!.requests.filter((r) => r.includes("count=2"))).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("a request the server never answers is reported as a timeout", async () => {
    const results = await run({ neverAnswer: true }, false, { ...POLICY, timeoutMs: 200, maxRetries: 0 });
    expect(server!.requests[0]).toMatch(/^GET \/scim\/v2\/connections\/con_Test123\/Users\?/);
    expect(results[SCIM_CHECKS.listUsers]).toEqual({ name: SCIM_CHECKS.listUsers, status: "fail", detail: "no response within 200 ms" });
  });

  it("a wrong content type (an HTML login page) fails with the content type named", async () => {
    const results = await run({ htmlContentType: true });
    expect(results[SCIM_CHECKS.listUsers].status).toBe("fail");
    expect(results[SCIM_CHECKS.listUsers].detail).toMatch(/^content type "text\/html; charset=utf-8", expected application\/scim\+json: <html>/);
  });

  it("401 for the right token fails the list check with a token explanation", async () => {
    const results = await run({ rejectEveryToken: true });
    expect(results[SCIM_CHECKS.listUsers]).toMatchObject({ status: "fail" });
    expect(results[SCIM_CHECKS.listUsers].detail).toMatch(/^401 Unauthorized: the token is not accepted/);
  });

  it("an endpoint that accepts any token fails the wrong-token check", async () => {
    server = await startScimServer({ token: TOKEN });
    // A client whose "wrong" token is the right one stands in for a server that ignores the token.
    const lax = { send: (req: Parameters<ReturnType<typeof createHttpClient>["send"]>[0]) => createHttpClient(server!.baseUrl, TOKEN, POLICY).send({ ...req, tokenOverride: undefined }) };
    const results = await runScimChecks(lax, { write: false, nonce: "n1" });
    expect(results.find((r) => r.name === SCIM_CHECKS.wrongToken)).toMatchObject({ status: "fail", detail: "a wrong token got 200: the endpoint accepts any token" });
  });

  it("an untrusted certificate is reported as a TLS error", async () => {
    const { key, cert } = await selfSignedCertificate();
    server = await startScimServer({ token: TOKEN, tls: { key, cert } });
    const results = await runScimChecks(createHttpClient(server.baseUrl, TOKEN, POLICY), { write: false, nonce: "n1" });
    expect(results[0].status).toBe("fail");
    expect(results[0].detail).toMatch(/^TLS error \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\)/);
  });
});
