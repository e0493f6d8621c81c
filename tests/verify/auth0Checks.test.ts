// Auth0 read-back: the pure token rules, and the whole path through the auth0 SDK (ManagementClient)
// against a loopback Management API. The SDK always builds https://{domain}; its documented `fetch`
// option routes the calls to the loopback server (the CLI test covers real HTTPS with a test CA).
import { AUTH0_CHECKS, runAuth0Checks, tokenExpiryCheck, tokenLastUsedCheck, unrecordedTokensCheck, type ScimTokenInfo } from "../../verify/checks/auth0";
import { createAuth0ReadBack } from "../../verify/auth0ReadBack";
import type { CheckResult } from "../../verify/checks/result";
import { startAuth0Server, type Auth0Fake, type Auth0TestServer } from "./support/auth0Server";
import { longTimersOf } from "./support/longTimers";

const NOW = new Date("2026-06-01T00:00:00.000Z");
// Against a server that answers, the per-request timeout never fires, however slow the machine.
const GENEROUS_TIMEOUT_MS = 20_000;
const DOMAIN = "test-tenant.example.auth0.com";
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();
const token = (id: string, created: string, validUntil: string | null, lastUsed?: string): ScimTokenInfo => ({
  token_id: id,
  created_at: created,
  valid_until: validUntil,
  last_used_at: lastUsed,
});

describe("tokens outside the stack's generations (pure)", () => {
  it("passes when every token is a generation's, fails on a never-used other, warns on a used one", () => {
    const ours = token("tok_ours", days(-3), days(90), days(-1));
    expect(unrecordedTokensCheck([ours], ["tok_ours"]).status).toBe("pass");
    const lost = unrecordedTokensCheck([ours, token("tok_lost", days(-1), days(90))], ["tok_ours"]);
    expect(lost).toMatchObject({ status: "fail" });
    expect(lost.detail).toContain("tok_lost (created");
    expect(lost.detail).toContain("never used");
    expect(lost.detail).not.toContain("tok_ours");
    const handMade = unrecordedTokensCheck([ours, token("tok_hand", days(-100), null, days(0))], ["tok_ours"]);
    expect(handMade).toMatchObject({ status: "warn" });
    expect(handMade.detail).toContain("tok_hand");
  });
});

describe("token expiry and use (pure)", () => {
  it("passes a token valid for 90 days, warns under 14 days, fails when the newest is past", () => {
    expect(tokenExpiryCheck([token("tok_1", days(-1), days(90))], NOW).status).toBe("pass");
    const soon = tokenExpiryCheck([token("tok_1", days(-1), days(10))], NOW);
    expect(soon).toMatchObject({ status: "warn" });
    expect(soon.detail).toContain("tok_1 expires");
    expect(soon.detail).toContain("(10 days)");
    const past = tokenExpiryCheck([token("tok_1", days(-30), days(-2))], NOW);
    expect(past).toMatchObject({ status: "fail" });
    expect(past.detail).toContain("expired");
  });

  it("a token without expiry passes; an older expired token beside a fresh one is only mentioned", () => {
    expect(tokenExpiryCheck([token("tok_1", days(-1), null)], NOW)).toMatchObject({ status: "pass", detail: "1 live token(s), expiry: never" });
    const rotated = tokenExpiryCheck([token("old", days(-100), days(-1)), token("new", days(-1), null)], NOW);
    expect(rotated).toMatchObject({ status: "pass" });
    expect(rotated.detail).toContain("1 expired token(s) still listed");
  });

  it("with the stack's token id, that token is judged, not the newest one", () => {
    const tokens = [token("stack", days(-100), days(-1)), token("manual", days(-1), null)];
    expect(tokenExpiryCheck(tokens, NOW, "stack")).toMatchObject({ status: "fail", detail: expect.stringContaining("the stack's SCIM token stack expired") });
    expect(tokenExpiryCheck(tokens, NOW)).toMatchObject({ status: "pass" });
    expect(tokenExpiryCheck(tokens, NOW, "gone")).toMatchObject({ status: "fail", detail: expect.stringContaining("deleted outside Pulumi") });
  });

  it("no token at all fails", () => {
    expect(tokenExpiryCheck([], NOW).status).toBe("fail");
  });

  it("last_used_at tells whether Okta has connected", () => {
    expect(tokenLastUsedCheck([token("t", days(-1), null)])).toMatchObject({ status: "warn" });
    expect(tokenLastUsedCheck([token("t", days(-1), null, "2026-05-30T10:00:00.000Z")])).toEqual({
      name: AUTH0_CHECKS.tokenLastUsed,
      status: "pass",
      detail: "last used 2026-05-30T10:00:00.000Z",
    });
  });
});

describe("through the auth0 SDK against a loopback Management API", () => {
  let server: Auth0TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function run(fake: Auth0Fake) {
    server = await startAuth0Server(fake);
    const readBack = createAuth0ReadBack({
      domain: DOMAIN,
      clientId: "client-id",
      clientSecret: "client-secret-value",
      timeoutMs: GENEROUS_TIMEOUT_MS,
      maxRetries: 0,
      fetch: server.fetchFor(DOMAIN),
    });
    return runAuth0Checks(readBack, "con_Test123", NOW);
  }

  it("all pass for externalId and a used, long-lived token", async () => {
    const results = await run({ userIdAttribute: "externalId", tokens: [token("tok_1", days(-5), days(200), days(-1))] });
    expect(results.map((r) => [r.name, r.status])).toEqual([
      [AUTH0_CHECKS.userIdAttribute, "pass"],
      [AUTH0_CHECKS.tokenExpiry, "pass"],
      [AUTH0_CHECKS.tokenLastUsed, "pass"],
    ]);
    expect(server!.requests).toEqual([
      "POST /oauth/token",
      "GET /api/v2/connections/con_Test123/scim-configuration",
      "GET /api/v2/connections/con_Test123/scim-configuration/tokens",
    ]);
  });

  it("a different user id attribute fails, naming it", async () => {
    const [attr] = await run({ userIdAttribute: "userName", tokens: [] });
    expect(attr).toMatchObject({ status: "fail" });
    expect(attr.detail).toContain('"userName", expected "externalId"');
  });

  it("an expiring token warns", async () => {
    const results = await run({ userIdAttribute: "externalId", tokens: [token("tok_1", days(-5), days(3), days(-1))] });
    expect(results[1]).toMatchObject({ name: AUTH0_CHECKS.tokenExpiry, status: "warn" });
  });

  it("403 names the missing scope", async () => {
    const results = await run({ userIdAttribute: "externalId", tokens: [], tokensForbidden: true });
    expect(results[1]).toMatchObject({ status: "fail", detail: "GET scim-configuration/tokens: 403, missing permission read:scim_token" });
  });

  it("rejected client credentials give 401 without quoting the secret", async () => {
    const results = await run({ userIdAttribute: "externalId", tokens: [], rejectClient: true });
    expect(results[0]).toMatchObject({ status: "fail", detail: "GET scim-configuration: 401, the credentials are not accepted" });
    expect(JSON.stringify(results)).not.toContain("client-secret-value");
  });

  /** A fetch to a port nothing listens on any more. */
  async function fetchToClosedPort(): Promise<typeof fetch> {
    const gone = await startAuth0Server({ userIdAttribute: "externalId", tokens: [] });
    await gone.close();
    return gone.fetchFor(DOMAIN);
  }

  it("an unreachable Management API gives a clear detail", async () => {
    const readBack = createAuth0ReadBack({ domain: DOMAIN, clientId: "c", clientSecret: "client-secret-value", timeoutMs: GENEROUS_TIMEOUT_MS, maxRetries: 0, fetch: await fetchToClosedPort() });
    const [attr] = await runAuth0Checks(readBack, "con_Test123", NOW);
    expect(attr).toMatchObject({ status: "fail", detail: "GET scim-configuration: cannot reach Auth0 (ECONNREFUSED)" });
  });

  it("a request refused after the login leaves no SDK timer running", async () => {
    server = await startAuth0Server({ userIdAttribute: "externalId", tokens: [] });
    const login = server.fetchFor(DOMAIN);
    const refused = await fetchToClosedPort();
    const loginOnly: typeof fetch = (input, init) => (String(input instanceof Request ? input.url : input).endsWith("/oauth/token") ? login(input, init) : refused(input, init));
    const readBack = createAuth0ReadBack({ domain: DOMAIN, clientId: "c", clientSecret: "client-secret-value", timeoutMs: GENEROUS_TIMEOUT_MS, maxRetries: 0, fetch: loginOnly });
    let attr: CheckResult | undefined;
    const timers = await longTimersOf(async () => ([attr] = await runAuth0Checks(readBack, "con_Test123", NOW)), GENEROUS_TIMEOUT_MS);
    expect(server.requests).toEqual(["POST /oauth/token"]);
    expect(attr).toMatchObject({ status: "fail", detail: "GET scim-configuration: cannot reach Auth0 (ECONNREFUSED)" });
    // The SDK arms a timer of the whole timeout for each request: none may outlive its request.
    expect(timers.armed).toBeGreaterThan(0);
    expect(timers.pending).toBe(0);
  });

  it("a Management API that never answers is reported as a timeout", async () => {
    server = await startAuth0Server({ userIdAttribute: "externalId", tokens: [], neverAnswer: true });
    const readBack = createAuth0ReadBack({ domain: DOMAIN, clientId: "c", clientSecret: "client-secret-value", timeoutMs: 300, maxRetries: 0, fetch: server.fetchFor(DOMAIN) });
    const [attr] = await runAuth0Checks(readBack, "con_Test123", NOW);
    expect(server.requests[0]).toBe("POST /oauth/token");
    expect(attr).toMatchObject({ status: "fail", detail: "GET scim-configuration: no response within 300 ms" });
  });
});
