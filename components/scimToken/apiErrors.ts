// Turns whatever the auth0 SDK throws into one classified failure and one clear message. Pure: no
// network, no SDK import (the SDK's errors are read by shape), so it is tested directly and is cheap
// to serialize into the dynamic provider.

/** The three Management API operations on SCIM tokens, with the scope each needs. */
export const OPERATION_SCOPES = {
  create: "create:scim_token",
  list: "read:scim_token",
  delete: "delete:scim_token",
} as const;

export type TokenOperation = keyof typeof OPERATION_SCOPES;

export type FailureKind =
  | "unauthorized"
  | "forbidden"
  | "not-found"
  | "conflict"
  | "bad-request"
  | "rate-limited"
  | "server"
  | "timeout"
  | "network"
  | "other";

export interface ApiFailure {
  kind: FailureKind;
  status?: number;
  /** Auth0's own explanation (its `message` / `error_description`), when it sent one. */
  detail?: string;
  /** From `Retry-After` (seconds or an HTTP date), else Auth0's `x-ratelimit-reset`, for 429. */
  retryAfterMs?: number;
  /** The failure happened while getting the Management API access token (POST /oauth/token). */
  duringLogin: boolean;
}

/** Status our transport answers with when no HTTP answer arrived at all (see managementClient.ts). */
export const TRANSPORT_FAILURE_STATUS = 599;

export interface TransportFailureBody {
  transport_error: "timeout" | "network";
  detail: string;
}

/** Status codes worth another attempt: the request was not processed, or may succeed later. */
export function isRetryable(f: ApiFailure): boolean {
  return f.kind === "rate-limited" || f.kind === "server" || f.kind === "timeout" || f.kind === "network";
}

/** Failures after which a POST may or may not have created a token on Auth0's side. */
export function isAmbiguousForCreate(f: ApiFailure): boolean {
  return f.kind === "server" || f.kind === "timeout" || f.kind === "network";
}

/** Seconds as an integer, or an HTTP date, as RFC 9110 allows for Retry-After. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/**
 * Auth0's `x-ratelimit-reset`: the UTC epoch second at which the bucket has room again. What the
 * Management API sends on a 429 (the auth0 provider's retry transport waits on it too).
 */
export function parseRateLimitReset(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Math.max(0, Number(value.trim()) * 1000 - now.getTime());
}

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  statusCode?: unknown;
  body?: unknown;
  rawResponse?: { headers?: { get?: (name: string) => string | null } };
}

function bodyDetail(body: unknown): string | undefined {
  if (typeof body === "string" && body.trim() !== "") return body.trim().slice(0, 300);
  if (body === null || typeof body !== "object") return undefined;
  const b = body as Record<string, unknown>;
  for (const key of ["message", "error_description", "detail", "error"]) {
    if (typeof b[key] === "string" && (b[key] as string).trim() !== "") return (b[key] as string).slice(0, 300);
  }
  return undefined;
}

function kindOfStatus(status: number): FailureKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status === 409) return "conflict";
  if (status === 408) return "timeout";
  if (status === 429) return "rate-limited";
  if (status >= 500) return "server";
  if (status >= 400) return "bad-request";
  return "other";
}

/** Classifies an error thrown by the auth0 SDK (ManagementError, ManagementTimeoutError, or anything). */
export function classifyFailure(error: unknown, now: Date = new Date()): ApiFailure {
  const e = (error ?? {}) as ErrorShape;
  const message = typeof e.message === "string" ? e.message : "";
  const duringLogin = message.startsWith("ManagementClient: token request");
  if (e.name === "ManagementTimeoutError") return { kind: "timeout", duringLogin };
  if (typeof e.statusCode === "number") {
    const status = e.statusCode;
    const body = e.body as Partial<TransportFailureBody> | undefined;
    if (status === TRANSPORT_FAILURE_STATUS && body && typeof body === "object" && body.transport_error) {
      return { kind: body.transport_error, detail: body.detail, duringLogin };
    }
    const header = (name: string) => e.rawResponse?.headers?.get?.(name);
    return {
      kind: kindOfStatus(status),
      status,
      detail: bodyDetail(e.body),
      retryAfterMs: status === 429 ? (parseRetryAfter(header("retry-after"), now) ?? parseRateLimitReset(header("x-ratelimit-reset"), now)) : undefined,
      duringLogin,
    };
  }
  return { kind: "other", detail: message.split("\n")[0] || String(error), duringLogin };
}

/** What a message needs to say where the failure happened (no credentials in here). */
export interface FailureContext {
  operation: TokenOperation;
  domain: string;
  connectionId: string;
  tokenId?: string;
  generation?: string;
  attempts?: number;
  /** Time spent waiting on 429s before giving up. */
  rateLimitWaitedMs?: number;
  /** Where the client credentials came from (credentials.ts); absent in messages that predate it. */
  credentialsFrom?: "environment" | "stack config";
}

/** Which settings to check after Auth0 refused the credentials, by where they came from. */
function credentialSettings(ctx: FailureContext): string {
  if (ctx.credentialsFrom === "environment") {
    return "They came from the environment (AUTH0_DOMAIN names this tenant): check AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, or unset them to use the stack's oktaScim:auth0.";
  }
  const rotated =
    ctx.credentialsFrom === "stack config"
      ? " If the client secret was rotated, the configuration stored by the last `pulumi up` is stale: run `pulumi up` (or this command with --run-program), or set AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET for it (docs/scim-token-lifecycle.md)."
      : "";
  return `Check oktaScim:auth0.clientId and oktaScim:auth0.clientSecret (set the secret with \`pulumi config set --secret --path 'oktaScim:auth0.clientSecret' <value>\`).${rotated}`;
}

const SCOPE_IN_DETAIL = /expected (?:any of|all of)?:?\s*([a-z_]+:[a-z_]+(?:\s*,\s*[a-z_]+:[a-z_]+)*)/i;

function subject(ctx: FailureContext): string {
  const gen = ctx.generation ? ` (generation "${ctx.generation}")` : "";
  const verb = { create: "create a SCIM token", list: "read the SCIM tokens", delete: `delete SCIM token ${ctx.tokenId ?? ""}`.trim() }[ctx.operation];
  return `Could not ${verb}${gen} of connection ${ctx.connectionId} on ${ctx.domain}`;
}

/** One sentence that says what failed, why, and what to do. Never contains a credential. */
export function failureMessage(f: ApiFailure, ctx: FailureContext): string {
  const head = subject(ctx);
  const said = f.detail ? ` Auth0 said: "${f.detail}".` : "";
  const tries = ctx.attempts && ctx.attempts > 1 ? ` after ${ctx.attempts} attempts` : "";
  const needed = OPERATION_SCOPES[ctx.operation];
  switch (f.kind) {
    case "unauthorized":
      return `${head}: Auth0 refused the deploying client's credentials (401).${said} ${credentialSettings(ctx)}`;
    case "forbidden": {
      if (f.duringLogin) {
        return `${head}: the deploying client may not call the Auth0 Management API (403 at login).${said} In the Auth0 dashboard, Applications → APIs → Auth0 Management API → Machine to Machine Applications: authorize the client and grant create:scim_token, read:scim_token and delete:scim_token.`;
      }
      const named = f.detail?.match(SCOPE_IN_DETAIL)?.[1] ?? needed;
      const which = ctx.credentialsFrom === "environment" ? " (the client named by AUTH0_CLIENT_ID in the environment)" : "";
      return `${head}: the deploying client${which} lacks the Management API scope ${named} (403).${said} Grant it in the Auth0 dashboard, Applications → APIs → Auth0 Management API → Machine to Machine Applications, then run again.`;
    }
    case "not-found":
      return ctx.operation === "delete"
        ? `${head}: token ${ctx.tokenId} does not exist (404).${said}`
        : `${head}: the connection does not exist or has no SCIM configuration (404).${said} Check that the connection and its SCIM configuration are deployed.`;
    case "conflict":
      return `${head}: the connection already has two active SCIM tokens, Auth0's limit (409).${said} Remove the old generation from oktaScim:connections[…].scim.tokens (or delete a token this stack does not manage) and run again.`;
    case "bad-request":
      return `${head}: Auth0 refused the request (${f.status ?? 400}).${said} Check the generation's lifetimeSeconds (more than 900) and scopes.`;
    case "rate-limited": {
      const waited = ctx.rateLimitWaitedMs ? `, having waited ${Math.round(ctx.rateLimitWaitedMs / 1000)} s as Auth0 asked` : "";
      return `${head}: still rate limited by Auth0 (429)${tries}${waited}.${said} Other automation may be using the tenant's Management API quota: run again when it is done, or raise the tenant's rate limit.`;
    }
    case "server":
      return `${head}: Auth0 answered ${f.status ?? "5xx"}${tries}.${said} Check https://status.auth0.com and run again.`;
    case "timeout":
      return `${head}: no answer from ${ctx.domain} in time${tries}. Check network access to the tenant and run again.`;
    case "network":
      return `${head}: could not reach ${ctx.domain}${tries} (${f.detail ?? "network error"}). Check the domain in oktaScim:auth0.domain and network access.`;
    default:
      return `${head}: ${f.detail ?? "unexpected error"}.`;
  }
}

/**
 * Thrown by the token lifecycle: a message fit for the Pulumi CLI, plus the classified failure.
 * `message` is assigned explicitly: Pulumi's closure serialization turns `super(message)` into
 * `Error.call(this, message)`, which sets nothing, so in the provider process the message would be
 * lost (and the instance is no `Error` there: read messages with `messageOf`).
 */
export class ScimTokenApiError extends Error {
  constructor(
    message: string,
    readonly failure: ApiFailure,
  ) {
    super(message);
    this.message = message;
    this.name = "ScimTokenApiError";
  }
}

/** The message of anything thrown, including errors of classes rebuilt by closure serialization. */
export function messageOf(error: unknown): string {
  const m = (error as { message?: unknown } | null)?.message;
  return typeof m === "string" ? m : String(error);
}

/** Replaces every occurrence of each secret with a marker: the last guard before a message leaves. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join("[redacted]");
  }
  return out;
}
