import { classifyFailure, failureMessage, parseRateLimitReset, parseRetryAfter, redactSecrets } from "../../components/scimToken/apiErrors";
import { retryDelayMs } from "../../components/scimToken/retry";
import { lifetimeProblem, MAX_TOKEN_LIFETIME_SECONDS } from "../../components/scimToken/contract";

const now = new Date("2026-11-28T12:00:00Z");
const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 5000 };

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

  it("waits Retry-After on 429, backs off exponentially otherwise, and stops at the attempt limit", () => {
    const limited = { kind: "rate-limited" as const, retryAfterMs: 2000, duringLogin: false };
    expect(retryDelayMs(limited, 1, policy)).toBe(2000);
    const server = { kind: "server" as const, status: 503, duringLogin: false };
    expect([1, 2, 3].map((a) => retryDelayMs(server, a, policy, () => 0))).toEqual([100, 200, 400]);
    expect(retryDelayMs(server, 4, policy)).toBeUndefined();
    expect(retryDelayMs({ kind: "conflict", status: 409, duringLogin: false }, 1, policy)).toBeUndefined();
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
