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
/** Auth0 sets valid_until = created_at + token_lifetime; a little slack for rounding. */
const LIFETIME_SLACK_MS = 5 * 1000;

function fail(error: unknown, ctx: FailureContext): never {
  if (error instanceof RetriesExhausted) {
    throw new ScimTokenApiError(failureMessage(error.failure, { ...ctx, attempts: error.attempts, rateLimitWaitedMs: error.rateLimitWaitedMs }), error.failure);
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

/** One POST: what it sent, and when it was sent. */
export interface CreateAttempt {
  scopes: readonly string[];
  tokenLifetimeSeconds?: number;
  startedAt: Date;
}

/**
 * Whether `t` can be the token that `attempt` created: the same scopes, the same lifetime (valid_until
 * = created_at + lifetime, or no expiry for no lifetime), created between the attempt's start and
 * `now` (give or take clock skew). Nothing wider. Pure.
 */
export function couldBeCreatedBy(t: ListedToken, attempt: CreateAttempt, now: Date): boolean {
  if (!sameScopes(t.scopes, attempt.scopes)) return false;
  const created = Date.parse(t.createdAt);
  if (Number.isNaN(created) || created < attempt.startedAt.getTime() - CLOCK_SKEW_MS || created > now.getTime() + CLOCK_SKEW_MS) return false;
  return hasLifetime(t, attempt.tokenLifetimeSeconds);
}

/** valid_until = created_at + lifetime (give or take rounding), or no expiry for no lifetime. Pure. */
function hasLifetime(t: ListedToken, lifetimeSeconds: number | undefined): boolean {
  if (lifetimeSeconds === undefined) return t.validUntil === null;
  if (t.validUntil === null) return false;
  return Math.abs(Date.parse(t.validUntil) - Date.parse(t.createdAt) - lifetimeSeconds * 1000) <= LIFETIME_SLACK_MS;
}

/**
 * The tokens that can be this request's own, left by an earlier run that died after Auth0 made them
 * (a killed runner, a lost answer after the retries ran out): never used, the same scopes and the same
 * lifetime. Their value was never recorded, so nobody can use them; but this run cannot prove one is
 * not a hand-made token about to be pasted into Okta, so they are named, never deleted. Pure.
 */
export function likelyUnrecorded(listed: readonly ListedToken[], request: { scopes: readonly string[]; tokenLifetimeSeconds?: number }): ListedToken[] {
  return listed.filter((t) => t.lastUsedAt === null && sameScopes(t.scopes, request.scopes) && hasLifetime(t, request.tokenLifetimeSeconds));
}

/** The 409's message, naming the tokens an interrupted run of this generation may have left. */
function conflictError(error: RetriesExhausted, target: TokenTarget, listed: readonly ListedToken[], request: { scopes: readonly string[]; tokenLifetimeSeconds?: number }): ScimTokenApiError {
  const base = failureMessage(error.failure, { operation: "create", ...target, attempts: error.attempts });
  const suspects = likelyUnrecorded(listed, request);
  if (suspects.length === 0) return new ScimTokenApiError(base, error.failure);
  const named = suspects.map((t) => `${t.tokenId} (created ${t.createdAt}, never used)`).join(", ");
  return new ScimTokenApiError(
    `${base} ${suspects.length === 1 ? "Token" : "Tokens"} ${named} ${suspects.length === 1 ? "has" : "have"} this generation's scopes and lifetime and no use: most likely left by an interrupted \`pulumi up\` of this generation, whose value was lost. If the stack's other generations do not hold ${suspects.length === 1 ? "it" : "them"} (\`pulumi stack output --json\` lists their token ids under scimTokens), delete ${suspects.length === 1 ? "it" : "them"} (docs/day-2-operations.md, "After a failed or interrupted up") and run again.`,
    error.failure,
  );
}

/**
 * After a POST failed in a way that may have created a token (5xx, timeout, lost connection), deletes
 * the one token that POST can have created: its value was never seen, so nobody can use it, and left
 * alone it would hold one of the connection's two slots unrecorded. `known` holds every token seen
 * before (this run's first list and earlier cleanups): never a candidate, and it grows. Two or more
 * candidates mean someone else created a matching token meanwhile: this run cannot tell which is its
 * own, so it deletes none and stops with the ids.
 */
async function removeUnrecordedToken(deps: LifecycleDeps, target: TokenTarget, known: Set<string>, attempt: CreateAttempt) {
  const listed = await call(deps, "list", target, () => deps.api.list(target.connectionId));
  const now = deps.now();
  const candidates = listed.filter((t) => !known.has(t.tokenId) && couldBeCreatedBy(t, attempt, now));
  for (const t of listed) known.add(t.tokenId);
  if (candidates.length > 1) {
    const ids = candidates.map((t) => t.tokenId).join(", ");
    throw new Error(
      `Creating the SCIM token of generation "${target.generation ?? "?"}" on connection ${target.connectionId} failed without a clear answer, and meanwhile ${candidates.length} tokens with the same scopes and lifetime appeared (${ids}): one may be from this request, the others from someone else. None was deleted. In the Auth0 dashboard keep the ones in use (last used) and delete the rest, then run again.`,
    );
  }
  for (const stray of candidates) {
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
  const known = new Set<string>((await call(deps, "list", target, () => deps.api.list(target.connectionId))).map((t) => t.tokenId));
  // The POST the next cleanup is about (withRetries cleans up before each retry).
  let last: CreateAttempt = { ...request, startedAt: deps.now() };
  const attempt = () =>
    withRetries(
      () => {
        last = { ...request, startedAt: deps.now() };
        return deps.api.create(target.connectionId, request);
      },
      deps.retry,
      async (failure) => {
        if (isAmbiguousForCreate(failure)) await removeUnrecordedToken(deps, target, known, last);
      },
    );
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof RetriesExhausted && isAmbiguousForCreate(error.failure)) {
      await removeUnrecordedToken(deps, target, known, last);
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
      throw conflictError(error, target, await call(deps, "list", target, () => deps.api.list(target.connectionId)), request);
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
