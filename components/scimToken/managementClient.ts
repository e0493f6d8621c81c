// The only code that talks to Auth0: a thin wrapper around the official auth0 SDK (v7)
// `ManagementClient.connections.scimConfiguration.tokens.{get,create,delete}`.
//
// Two SDK behaviours shape it:
// - The SDK arms a 60-second timer per request and clears it only when `fetch` resolves; a fetch that
//   rejects (connection refused, DNS) leaves the timer alive and keeps the process up for a minute.
//   `transportFetch` therefore never rejects on its own: a transport failure becomes a synthetic 599
//   answer that apiErrors.ts classifies, and its own (unref'd) timeout bounds every request.
// - `ManagementClient` always builds https://{domain}; the `fetch` option is the seam tests use to
//   send those requests to a server on 127.0.0.1 while the real SDK does everything else. By default
//   it is proxyFetch.ts's transport, which honours HTTPS_PROXY / NO_PROXY like every other tool.
//
// The SDK is `require`d inside the function, never imported at module level: this module is
// serialized into the dynamic provider, and a runtime require keeps the SDK out of the closure.
import { TRANSPORT_FAILURE_STATUS, type TransportFailureBody } from "./apiErrors";
import type { CreatedToken, ListedToken, TenantCredentials } from "./contract";
import { fetchForEnvironment } from "./proxyFetch";

export interface TokenApi {
  list(connectionId: string): Promise<ListedToken[]>;
  create(connectionId: string, request: { scopes: string[]; tokenLifetimeSeconds?: number }): Promise<CreatedToken>;
  remove(connectionId: string, tokenId: string): Promise<void>;
}

export interface TokenApiOptions {
  /** Transport under the SDK; by default fetch through the proxy the environment names, if any. */
  fetch?: typeof fetch;
  /** Per request, login included. */
  timeoutMs?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

function describeTransportError(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? "network error";
}

/**
 * Wraps `base` so that it resolves on every transport failure and gives up after `timeoutMs`. The
 * failure answer has status `failureStatus` (599 by default, which the SDK retries like any 5xx; a
 * caller that must not retry transport failures passes a 4xx).
 */
export function transportFetch(base: typeof fetch, timeoutMs: number, failureStatus: number = TRANSPORT_FAILURE_STATUS): typeof fetch {
  return async (input, init) => {
    const own = AbortSignal.timeout(timeoutMs);
    const callerSignal = init?.signal ?? undefined;
    const signal = callerSignal ? AbortSignal.any([callerSignal, own]) : own;
    try {
      return await base(input, { ...init, signal });
    } catch (error) {
      // The caller's own abort: its timer has already fired, so rethrowing leaks nothing.
      if (callerSignal?.aborted) throw error;
      const body: TransportFailureBody = own.aborted
        ? { transport_error: "timeout", detail: `no answer within ${timeoutMs} ms` }
        : { transport_error: "network", detail: describeTransportError(error) };
      return new Response(JSON.stringify(body), { status: failureStatus, headers: { "content-type": "application/json" } });
    }
  };
}

interface RawToken {
  token_id?: string;
  token?: string;
  scopes?: string[];
  created_at?: string;
  valid_until?: string | null;
  last_used_at?: string | null;
}

function listed(raw: RawToken): ListedToken {
  return {
    tokenId: raw.token_id ?? "",
    scopes: raw.scopes ?? [],
    createdAt: raw.created_at ?? "",
    validUntil: raw.valid_until ?? null,
    lastUsedAt: raw.last_used_at ?? null,
  };
}

/** A TokenApi for one tenant, authenticating with the client-credentials grant of the deploying app. */
export function createTokenApi(credentials: TenantCredentials, options: TokenApiOptions = {}): TokenApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ManagementClient } = require("auth0") as typeof import("auth0");
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const client = new ManagementClient({
    domain: credentials.domain,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    fetch: transportFetch(options.fetch ?? fetchForEnvironment(), timeoutMs),
    // Retries belong to retry.ts (one policy for login and API calls, Retry-After honoured).
    maxRetries: 0,
    // Ours fires first; the SDK's timer is then cleared because our fetch resolves.
    timeoutInSeconds: Math.ceil(timeoutMs / 1000) + 5,
  });
  const tokens = client.connections.scimConfiguration.tokens;
  return {
    async list(connectionId) {
      const raw = (await tokens.get(connectionId)) as RawToken[];
      return raw.map(listed);
    },
    async create(connectionId, request) {
      const body: { scopes: string[]; token_lifetime?: number } = { scopes: request.scopes };
      if (request.tokenLifetimeSeconds !== undefined) body.token_lifetime = request.tokenLifetimeSeconds;
      const raw = (await tokens.create(connectionId, body)) as RawToken;
      return { ...listed(raw), token: raw.token ?? "" };
    },
    async remove(connectionId, tokenId) {
      await tokens.delete(connectionId, tokenId);
    },
  };
}
