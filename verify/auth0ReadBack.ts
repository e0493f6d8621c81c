// Auth0 read-back through the official `auth0` SDK (v7, ManagementClient). The SDK builds
// https://{domain}/api/v2 itself; `fetch` is its documented hook for a custom fetch implementation, which
// the tests use to reach a loopback server.
//
// The SDK arms a timer per request and clears it only when `fetch` resolves: a fetch that rejects
// (connection refused, DNS) would leave it running for the whole timeout. So the SDK gets the token
// resource's transport, which never rejects: a failure becomes a synthetic answer that
// toReadBackError turns back into "cannot reach" or "no response". Its status is one the SDK does not
// retry, so `--retries` keeps meaning 429 and 5xx, as for the SCIM checks.
import { ManagementClient, ManagementError, ManagementTimeoutError } from "auth0";
import { fetchForEnvironment } from "../components/scimToken/proxyFetch";
import type { TransportFailureBody } from "../components/scimToken/apiErrors";
import { transportFetch } from "../components/scimToken/managementClient";
import type { Auth0ReadBack, ScimTokenInfo } from "./checks/auth0";
import { ReadBackError, callTranslatingErrors } from "./readBackError";

/** Status of the transport's answer when no HTTP answer arrived (a 4xx: the SDK does not retry it). */
/** What the transport answers when Auth0 did not answer in time (see transportManagementClient). */
export const NO_ANSWER_STATUS = 499;

export interface Auth0ReadBackOptions {
  domain: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  maxRetries: number;
  fetch?: typeof fetch;
}

/** Converts the SDK's error into ours, keeping only status and message (never request options). */
function toReadBackError(error: unknown, timeoutMs: number): ReadBackError {
  if (error instanceof ManagementTimeoutError) return new ReadBackError(`no response within ${timeoutMs} ms`);
  if (error instanceof ManagementError && error.statusCode === NO_ANSWER_STATUS) {
    const body = error.body as Partial<TransportFailureBody> | undefined;
    if (body?.transport_error === "timeout") return new ReadBackError(`no response within ${timeoutMs} ms`);
    if (body?.transport_error === "network") return new ReadBackError(`cannot reach Auth0 (${body.detail})`);
  }
  if (error instanceof ManagementError) {
    const body = error.body as { message?: unknown } | undefined;
    const message = typeof body?.message === "string" ? body.message : (error.message.split("\n")[0] ?? "request failed");
    return new ReadBackError(message, error.statusCode);
  }
  const cause = (error as { cause?: { code?: string } })?.cause;
  return new ReadBackError(cause?.code ? `cannot reach Auth0 (${cause.code})` : (error as Error)?.message ?? String(error));
}

/** A Management API client over the project's transport (deadline, HTTPS_PROXY / NO_PROXY), with `maxRetries` SDK retries. */
export function transportManagementClient(
  options: { domain: string; clientId: string; clientSecret: string; timeoutMs: number; fetch?: typeof fetch },
  maxRetries: number,
): ManagementClient {
  return new ManagementClient({
    domain: options.domain,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    // Without an injected fetch: the transport that honours HTTPS_PROXY / NO_PROXY.
    fetch: transportFetch(options.fetch ?? fetchForEnvironment(), options.timeoutMs, NO_ANSWER_STATUS),
    // The transport's own deadline fires first; the SDK's timer is then cleared because fetch resolved.
    timeoutInSeconds: Math.ceil(options.timeoutMs / 1000) + 5,
    maxRetries,
  });
}

export function createAuth0ReadBack(options: Auth0ReadBackOptions): Auth0ReadBack {
  const client = transportManagementClient(options, options.maxRetries);
  const call = callTranslatingErrors((error) => toReadBackError(error, options.timeoutMs));
  return {
    scimUserIdAttribute: (connectionId) =>
      call(async () => (await client.connections.scimConfiguration.get(connectionId)).user_id_attribute),
    scimTokens: (connectionId) =>
      call(async () => (await client.connections.scimConfiguration.tokens.get(connectionId)) as ScimTokenInfo[]),
    scimMapping: (connectionId) =>
      call(async () =>
        ((await client.connections.scimConfiguration.get(connectionId)).mapping ?? []).flatMap((m) =>
          typeof m.scim === "string" && typeof m.auth0 === "string" ? [{ scim: m.scim, auth0: m.auth0 }] : [],
        ),
      ),
    user: (userId) => call(async () => (await client.users.get(userId)) as unknown as Record<string, unknown>),
  };
}
