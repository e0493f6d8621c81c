// Bounded retries with exponential backoff, honouring Auth0's Retry-After on 429. The SDK's own
// retries are switched off (maxRetries: 0) so that every attempt, including the login request the SDK
// makes first, goes through this one policy.
import { classifyFailure, isRetryable, type ApiFailure } from "./apiErrors";

export interface RetryPolicy {
  /** Total attempts, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** No single wait is longer; a Retry-After beyond it ends the retries (the caller reports 429). */
  maxDelayMs: number;
  /** Injected in tests to record the waits instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/** The wait before attempt `attempt + 1` (attempt counts from 1), or undefined to stop retrying. */
export function retryDelayMs(failure: ApiFailure, attempt: number, policy: RetryPolicy, random: () => number = Math.random): number | undefined {
  if (!isRetryable(failure) || attempt >= policy.maxAttempts) return undefined;
  if (failure.kind === "rate-limited" && failure.retryAfterMs !== undefined) {
    return failure.retryAfterMs <= policy.maxDelayMs ? failure.retryAfterMs : undefined;
  }
  const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
  // Up to 20 % jitter so that parallel resources do not retry in lockstep.
  return Math.min(policy.maxDelayMs, Math.round(exponential * (1 + 0.2 * random())));
}

export class RetriesExhausted extends Error {
  constructor(
    readonly failure: ApiFailure,
    readonly attempts: number,
    readonly original: unknown,
  ) {
    super("retries exhausted");
    this.name = "RetriesExhausted";
  }
}

/**
 * Runs `op` until it succeeds, fails with a non-retryable error, or the attempts run out. Always
 * rejects with RetriesExhausted, which carries the classified failure and the number of attempts.
 * `beforeRetry` runs before each retry (create uses it to clean up a token a failed POST may have made).
 */
export async function withRetries<T>(
  op: () => Promise<T>,
  policy: RetryPolicy,
  beforeRetry?: (failure: ApiFailure) => Promise<void>,
): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (error) {
      const failure = classifyFailure(error);
      const delay = retryDelayMs(failure, attempt, policy);
      if (delay === undefined) throw new RetriesExhausted(failure, attempt, error);
      await sleep(delay);
      if (beforeRetry) await beforeRetry(failure);
    }
  }
}
