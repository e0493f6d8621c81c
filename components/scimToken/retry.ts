// Retries for the token resource's Management API calls. Two budgets, because the two kinds of
// failure mean different things:
// - A 5xx, a timeout or a lost connection may not heal: bounded attempts with exponential backoff.
// - A 429 always heals, and Auth0 says when (Retry-After, else `x-ratelimit-reset`). A stack with a
//   hundred connections shares one tenant bucket (Essentials/Professional: burst 10, 150/minute) with
//   the auth0 provider's own calls, so one token resource can meet many 429s in a row through no fault
//   of its own. Those wait as Auth0 asks, counted against a time budget instead of the attempts.
// The SDK's own retries are switched off (maxRetries: 0) so that every attempt, including the login
// request the SDK makes first, goes through this one policy.
import { classifyFailure, isRetryable, type ApiFailure } from "./apiErrors";

export interface RetryPolicy {
  /** Attempts, the first included, for failures other than 429. */
  maxAttempts: number;
  baseDelayMs: number;
  /** No single backoff wait is longer (a 429's own wait is bounded by rateLimitBudgetMs instead). */
  maxDelayMs: number;
  /** Total time one call may spend waiting on 429s; a wait that would pass it ends the retries. */
  rateLimitBudgetMs: number;
  /** Injected in tests to record the waits instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000, rateLimitBudgetMs: 10 * 60_000 };

/** What one call has been through so far. */
export interface RetryState {
  /** Failures other than 429, the current one included. */
  otherFailures: number;
  /** 429s so far, the current one included. */
  rateLimitedFailures: number;
  /** Time already spent waiting on 429s. */
  rateLimitWaitedMs: number;
}

/**
 * Spread added to a 429's wait: resources that were refused together must not come back in the same
 * millisecond, or they empty the refilled bucket at once and are refused together again.
 */
export const RATE_LIMIT_SPREAD_MS = 1000;

const backoffMs = (n: number, policy: RetryPolicy, random: () => number) =>
  // Up to 20 % jitter so that parallel resources do not retry in lockstep.
  Math.min(policy.maxDelayMs, Math.round(policy.baseDelayMs * 2 ** (n - 1) * (1 + 0.2 * random())));

/** The wait before the next attempt, or undefined to stop retrying. */
export function retryDelayMs(failure: ApiFailure, state: RetryState, policy: RetryPolicy, random: () => number = Math.random): number | undefined {
  if (!isRetryable(failure)) return undefined;
  if (failure.kind === "rate-limited") {
    // At least the base delay: a reset given in whole seconds may already have passed.
    const asked = failure.retryAfterMs ?? backoffMs(state.rateLimitedFailures, policy, random);
    const wait = Math.max(policy.baseDelayMs, asked) + Math.round(RATE_LIMIT_SPREAD_MS * random());
    return state.rateLimitWaitedMs + wait <= policy.rateLimitBudgetMs ? wait : undefined;
  }
  if (state.otherFailures >= policy.maxAttempts) return undefined;
  return backoffMs(state.otherFailures, policy, random);
}

export class RetriesExhausted extends Error {
  constructor(
    readonly failure: ApiFailure,
    readonly attempts: number,
    readonly original: unknown,
    /** Time spent waiting on 429s before giving up. */
    readonly rateLimitWaitedMs: number = 0,
  ) {
    super("retries exhausted");
    this.name = "RetriesExhausted";
  }
}

/**
 * Runs `op` until it succeeds, fails with a non-retryable error, or a budget runs out. Always
 * rejects with RetriesExhausted, which carries the classified failure and the number of attempts.
 * `beforeRetry` runs before each retry (create uses it to clean up a token a failed POST may have made).
 */
export async function withRetries<T>(
  op: () => Promise<T>,
  policy: RetryPolicy,
  beforeRetry?: (failure: ApiFailure) => Promise<void>,
): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const state: RetryState = { otherFailures: 0, rateLimitedFailures: 0, rateLimitWaitedMs: 0 };
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind === "rate-limited") state.rateLimitedFailures++;
      else state.otherFailures++;
      const delay = retryDelayMs(failure, state, policy);
      if (delay === undefined) throw new RetriesExhausted(failure, attempt, error, state.rateLimitWaitedMs);
      if (failure.kind === "rate-limited") state.rateLimitWaitedMs += delay;
      await sleep(delay);
      if (beforeRetry) await beforeRetry(failure);
    }
  }
}
