// Create, read back and delete one SCIM token, with bounded retries and clear failures. Works on a
// TokenApi, so it runs the same against Auth0, the local test server, or anything else.
import {
  ScimTokenApiError,
  failureMessage,
  isAmbiguousForCreate,
  messageOf,
  type FailureContext,
  type TokenOperation,
} from "./apiErrors";
import { isExpired, type CreatedToken, type ListedToken } from "./contract";
import type { CredentialSource } from "./credentials";
import type { TokenApi } from "./managementClient";
import { RetriesExhausted, withRetries, type RetryPolicy } from "./retry";

export interface LifecycleDeps {
  api: TokenApi;
  retry: RetryPolicy;
  now: () => Date;
}

export interface TokenTarget {
  domain: string;
  connectionId: string;
  generation?: string;
  /** Where the client credentials came from: failure messages name the settings to check. */
  credentialsFrom?: CredentialSource;
}

/** Tolerance between our clock and Auth0's when recognising a token a failed POST may have created. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

function fail(error: unknown, ctx: FailureContext): never {
  if (error instanceof RetriesExhausted) {
    throw new ScimTokenApiError(failureMessage(error.failure, { ...ctx, attempts: error.attempts }), error.failure);
  }
  throw error;
}

async function call<T>(deps: LifecycleDeps, op: TokenOperation, target: TokenTarget, run: () => Promise<T>, extra: Partial<FailureContext> = {}): Promise<T> {
  try {
    return await withRetries(run, deps.retry);
  } catch (error) {
    return fail(error, { operation: op, ...target, ...extra });
  }
}

const sameScopes = (a: readonly string[], b: readonly string[]) => [...a].sort().join(" ") === [...b].sort().join(" ");

/**
 * After a POST failed in a way that may have created a token (5xx, timeout, lost connection), deletes
 * tokens that appeared since `before` with our scopes: their value was never seen, so nobody can use
 * them, and left alone they would hold one of the connection's two slots unrecorded.
 */
async function removeUnrecordedTokens(deps: LifecycleDeps, target: TokenTarget, before: ReadonlySet<string>, scopes: readonly string[], startedAt: Date) {
  const now = await call(deps, "list", target, () => deps.api.list(target.connectionId));
  const strays = now.filter(
    (t) => !before.has(t.tokenId) && sameScopes(t.scopes, scopes) && Date.parse(t.createdAt) >= startedAt.getTime() - CLOCK_SKEW_MS,
  );
  for (const stray of strays) {
    await call(deps, "delete", target, () => deps.api.remove(target.connectionId, stray.tokenId), {
      tokenId: stray.tokenId,
    }).catch((error: unknown) => {
      throw new Error(`${messageOf(error)} This token was created by a request that failed; it is not recorded in the stack: delete it in the Auth0 dashboard.`);
    });
  }
}

/**
 * Creates a token. On 409 (two active tokens), tokens whose validUntil has passed are deleted once and
 * the create retried: an expired token authenticates nothing but may still hold a slot.
 */
export async function createScimToken(
  deps: LifecycleDeps,
  target: TokenTarget,
  request: { scopes: string[]; tokenLifetimeSeconds?: number },
): Promise<CreatedToken> {
  const before = new Set((await call(deps, "list", target, () => deps.api.list(target.connectionId))).map((t) => t.tokenId));
  const startedAt = deps.now();
  const attempt = () =>
    withRetries(
      () => deps.api.create(target.connectionId, request),
      deps.retry,
      async (failure) => {
        if (isAmbiguousForCreate(failure)) await removeUnrecordedTokens(deps, target, before, request.scopes, startedAt);
      },
    );
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof RetriesExhausted && isAmbiguousForCreate(error.failure)) {
      await removeUnrecordedTokens(deps, target, before, request.scopes, startedAt);
    }
    if (error instanceof RetriesExhausted && error.failure.kind === "conflict") {
      const expired = (await call(deps, "list", target, () => deps.api.list(target.connectionId))).filter((t) => isExpired(t.validUntil, deps.now()));
      if (expired.length > 0) {
        for (const t of expired) {
          await call(deps, "delete", target, () => deps.api.remove(target.connectionId, t.tokenId), { tokenId: t.tokenId });
        }
        try {
          return await attempt();
        } catch (second) {
          return fail(second, { operation: "create", ...target });
        }
      }
    }
    return fail(error, { operation: "create", ...target });
  }
}

/**
 * The token as Auth0 lists it now, expired or not, or undefined when it is gone: deleted outside
 * Pulumi, or its connection no longer exists. Pulumi then drops it from the state on refresh and the
 * next `pulumi up` creates it again. An expired token is not gone: Auth0 still lists it, it may hold
 * one of the two slots, and recreating it would hand out a value Okta does not have.
 */
export async function readScimToken(deps: LifecycleDeps, target: TokenTarget, tokenId: string): Promise<ListedToken | undefined> {
  let tokens: ListedToken[];
  try {
    tokens = await call(deps, "list", target, () => deps.api.list(target.connectionId));
  } catch (error) {
    if (error instanceof ScimTokenApiError && error.failure.kind === "not-found") return undefined;
    throw error;
  }
  const found = tokens.find((t) => t.tokenId === tokenId);
  return found;
}

/** Deletes a token; one that is already gone (404) counts as deleted. */
export async function deleteScimToken(deps: LifecycleDeps, target: TokenTarget, tokenId: string): Promise<void> {
  try {
    await call(deps, "delete", target, () => deps.api.remove(target.connectionId, tokenId), { tokenId });
  } catch (error) {
    if (error instanceof ScimTokenApiError && error.failure.kind === "not-found") return;
    throw error;
  }
}
