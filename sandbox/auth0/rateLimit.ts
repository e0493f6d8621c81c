// The Management API's rate limit, as Auth0 documents it, for the stand-in: one token bucket per
// tenant for every /api/v2 request (Auth0: "requests are evaluated against the global limit for the
// API, and then against the rate limit for specific API endpoints"; none of the endpoints this project
// calls has a limit of its own). Pure apart from the clock it is given.
//
// Sources (auth0/docs-v2, docs/troubleshoot/customer-support/operational-policies/rate-limit-policy/…):
// - rate-limit-policy.mdx, "Rate limit algorithm": a token bucket; burst limit = bucket size,
//   sustained limit = refill rate; per-second refills "are added by milliseconds".
// - rate-limit-configurations/free-public.mdx: Management, burst 2, sustained 2/second.
// - rate-limit-configurations/essentials-professional-b2b.mdx: "All other Endpoints Combined", burst
//   10, sustained 150/minute (the B2B plans, which include enterprise connections and inbound SCIM).
// - rate-limit-configurations/enterprise-public.mdx: Production burst 50, sustained 16/second;
//   Non-production burst 10, sustained 2/second.
// The reply carries `x-ratelimit-limit`, `x-ratelimit-remaining` and `x-ratelimit-reset` (UTC epoch
// seconds at which a request fits again), the headers the auth0 provider's retry transport waits on.

export interface RateLimitPlan {
  /** Bucket size: requests that may arrive at once. */
  burst: number;
  /** Requests added back per second. */
  refillPerSecond: number;
  /** Where the figures come from. */
  source: string;
}

export const MANAGEMENT_API_PLANS = {
  free: { burst: 2, refillPerSecond: 2, source: "rate-limit-configurations/free-public.mdx: Management 2, 2/second" },
  "essentials-professional": {
    burst: 10,
    refillPerSecond: 150 / 60,
    source: "rate-limit-configurations/essentials-professional-b2b.mdx: All other Endpoints Combined 10, 150/minute",
  },
  "enterprise-production": { burst: 50, refillPerSecond: 16, source: "rate-limit-configurations/enterprise-public.mdx: Production 50, 16/second" },
  "enterprise-non-production": { burst: 10, refillPerSecond: 2, source: "rate-limit-configurations/enterprise-public.mdx: Non-production 10, 2/second" },
} as const satisfies Record<string, RateLimitPlan>;
export type ManagementApiPlanName = keyof typeof MANAGEMENT_API_PLANS;

export interface RateLimitVerdict {
  allowed: boolean;
  /** The three headers Auth0 sends with every rate-limited endpoint's reply. */
  headers: Record<"x-ratelimit-limit" | "x-ratelimit-remaining" | "x-ratelimit-reset", string>;
}

/** A token bucket; `take()` answers one request. */
export class TokenBucket {
  private tokens: number;
  private updatedAtMs: number;

  constructor(
    readonly plan: RateLimitPlan,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.tokens = plan.burst;
    this.updatedAtMs = nowMs();
  }

  take(): RateLimitVerdict {
    this.refill();
    const allowed = this.tokens >= 1;
    if (allowed) this.tokens -= 1;
    // When the next whole request fits: now when one is left, else after the missing fraction refills.
    const missing = Math.max(0, 1 - this.tokens);
    const resetMs = this.updatedAtMs + (missing / this.plan.refillPerSecond) * 1000;
    return {
      allowed,
      headers: {
        "x-ratelimit-limit": String(this.plan.burst),
        "x-ratelimit-remaining": String(Math.floor(this.tokens)),
        // Whole seconds, rounded up: a client that waits until then finds room (Auth0 sends epoch seconds).
        "x-ratelimit-reset": String(Math.ceil(resetMs / 1000)),
      },
    };
  }

  private refill(): void {
    const now = this.nowMs();
    const elapsedSeconds = Math.max(0, now - this.updatedAtMs) / 1000;
    this.tokens = Math.min(this.plan.burst, this.tokens + elapsedSeconds * this.plan.refillPerSecond);
    this.updatedAtMs = now;
  }
}

/** Auth0's 429 body for the Management API. */
export const TOO_MANY_REQUESTS_BODY = { statusCode: 429, error: "Too Many Requests", message: "Global limit has been reached", errorCode: "too_many_requests" };
