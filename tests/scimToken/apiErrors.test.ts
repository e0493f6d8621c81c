import { classifyFailure, failureMessage, parseRateLimitReset, parseRetryAfter, redactSecrets } from "../../components/scimToken/apiErrors";
import { RATE_LIMIT_SPREAD_MS, retryDelayMs } from "../../components/scimToken/retry";
import { lifetimeProblem, MAX_TOKEN_LIFETIME_SECONDS } from "../../components/scimToken/contract";

const now = new Date("2026-11-28T12:00:00Z");
const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 5000, rateLimitBudgetMs: 120_000 };

describe("Retry-After and backoff", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter("Sat, 28 Nov 2026 12:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });

  it("reads Auth0's x-ratelimit-reset (epoch seconds) when a 429 has no Retry-After, and prefers Retry-After", () => {
    const epoch = (iso: string) => String(Date.parse(iso) / 1000);
    expect(parseRateLimitReset(epoch("2026-11-28T12:00:03Z"), now)).toBe(3000);
    expect(parseRateLimitReset(epoch("2026-11-28T11:59:00Z"), now)).toBe(0);
    expect(parseRateLimitReset("later", now)).toBeUndefined();
    const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name] ?? null });
    const limited = (h: Record<string, string>) => classifyFailure({ statusCode: 429, body: { message: "Global limit has been reached" }, rawResponse: { headers: headers(h) } }, now);
    expect(limited({ "x-ratelimit-reset": epoch("2026-11-28T12:00:02Z") }).retryAfterMs).toBe(2000);
    expect(limited({ "x-ratelimit-reset": epoch("2026-11-28T12:00:02Z"), "retry-after": "5" }).retryAfterMs).toBe(5000);
    expect(limited({}).retryAfterMs).toBeUndefined();
  });

  const fresh = { otherFailures: 0, rateLimitedFailures: 0, rateLimitWaitedMs: 0 };
  const after = (n: Partial<typeof fresh>) => ({ ...fresh, ...n });

  it("waits what a 429 asks, spread by up to a second so refused resources do not return together", () => {
    const limited = { kind: "rate-limited" as const, retryAfterMs: 2000, duringLogin: false };
    expect(retryDelayMs(limited, after({ rateLimitedFailures: 1 }), policy, () => 0)).toBe(2000);
    expect(retryDelayMs(limited, after({ rateLimitedFailures: 1 }), policy, () => 0.999)).toBe(2000 + Math.round(RATE_LIMIT_SPREAD_MS * 0.999));
    // A reset already in the past (whole seconds) still waits the base delay, never 0 in a tight loop.
    expect(retryDelayMs({ ...limited, retryAfterMs: 0 }, after({ rateLimitedFailures: 1 }), policy, () => 0)).toBe(policy.baseDelayMs);
  });

  it("429s are bounded by the time budget, not by the attempts", () => {
    const limited = { kind: "rate-limited" as const, retryAfterMs: 1000, duringLogin: false };
    // Far more 429s than maxAttempts: still waiting while the budget lasts.
    expect(retryDelayMs(limited, after({ rateLimitedFailures: 50, rateLimitWaitedMs: 50_000 }), policy, () => 0)).toBe(1000);
    expect(retryDelayMs(limited, after({ rateLimitedFailures: 60, rateLimitWaitedMs: policy.rateLimitBudgetMs - 999 }), policy, () => 0)).toBeUndefined();
    // One wait longer than the whole budget stops at once.
    expect(retryDelayMs({ ...limited, retryAfterMs: policy.rateLimitBudgetMs + 1 }, after({ rateLimitedFailures: 1 }), policy, () => 0)).toBeUndefined();
    // A 429 without any hint backs off exponentially, against the same budget.
    expect([1, 2, 3].map((n) => retryDelayMs({ kind: "rate-limited", duringLogin: false }, after({ rateLimitedFailures: n }), policy, () => 0))).toEqual([100, 200, 400]);
  });

  it("other failures back off exponentially and stop at the attempt limit, whatever 429s came before", () => {
    const server = { kind: "server" as const, status: 503, duringLogin: false };
    expect([1, 2, 3].map((n) => retryDelayMs(server, after({ otherFailures: n, rateLimitedFailures: 9 }), policy, () => 0))).toEqual([100, 200, 400]);
    expect(retryDelayMs(server, after({ otherFailures: 4 }), policy)).toBeUndefined();
    expect(retryDelayMs({ kind: "conflict", status: 409, duringLogin: false }, after({ otherFailures: 1 }), policy)).toBeUndefined();
  });
});

describe("messages", () => {
  it("a 403 names the scope Auth0 says is missing", () => {
    const f = classifyFailure({ statusCode: 403, body: { message: "Insufficient scope, expected any of: delete:scim_token" } });
    expect(failureMessage(f, { operation: "delete", domain: "t.auth0.com", connectionId: "con_1", tokenId: "tok_1" })).toContain(
      "lacks the Management API scope delete:scim_token",
    );
  });

  it("redacts every secret it is given", () => {
    expect(redactSecrets("a s3cr3t-value b s3cr3t-value", ["s3cr3t-value"])).toBe("a [redacted] b [redacted]");
  });
});

describe("token lifetime bounds", () => {
  it("accepts absent, 901 and the maximum; refuses 900, fractions and more than a year", () => {
    expect([undefined, 901, MAX_TOKEN_LIFETIME_SECONDS].map(lifetimeProblem)).toEqual([undefined, undefined, undefined]);
    expect(lifetimeProblem(900)).toMatch(/more than 900/);
    expect(lifetimeProblem(1000.5)).toMatch(/whole number/);
    expect(lifetimeProblem(MAX_TOKEN_LIFETIME_SECONDS + 1)).toMatch(/one year/);
  });
});
