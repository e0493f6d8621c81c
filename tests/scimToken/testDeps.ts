// Wiring for tests: a TokenApi built on the real auth0 SDK, sent to the fake tenant, with retries
// that record their waits instead of sleeping.
import type { LifecycleDeps } from "../../components/scimToken/lifecycle";
import { createTokenApi } from "../../components/scimToken/managementClient";
import type { RetryPolicy } from "../../components/scimToken/retry";
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FAKE_DOMAIN, FakeAuth0 } from "./fakeAuth0";

export const CREDENTIALS = { domain: FAKE_DOMAIN, clientId: FAKE_CLIENT_ID, clientSecret: FAKE_CLIENT_SECRET };

export function recordingRetry(waits: number[]): RetryPolicy {
  return { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 10_000, rateLimitBudgetMs: 60_000, sleep: async (ms) => void waits.push(ms) };
}

export function lifecycleDeps(fake: FakeAuth0, waits: number[] = [], options: { clientSecret?: string; timeoutMs?: number; fetch?: typeof fetch } = {}): LifecycleDeps {
  const api = createTokenApi(
    { ...CREDENTIALS, clientSecret: options.clientSecret ?? FAKE_CLIENT_SECRET },
    // The production default (20 s) unless a test shortens it: against the fake it never fires.
    { fetch: options.fetch ?? fake.redirectFetch(), timeoutMs: options.timeoutMs },
  );
  return { api, retry: recordingRetry(waits), now: () => new Date() };
}

/** A fresh fake tenant with one connection for each test of the calling block, stopped after it. */
export function useFakeTenant(connectionId: string): () => FakeAuth0 {
  let fake: FakeAuth0;
  beforeEach(async () => {
    fake = new FakeAuth0();
    fake.addConnection(connectionId);
    await fake.start();
  });
  afterEach(() => fake.stop());
  return () => fake;
}
