// Auth0 read-back through the official `auth0` SDK (v7, ManagementClient). The SDK builds
// https://{domain}/api/v2 itself; `fetch` is its documented hook for a custom fetch implementation, which
// the tests use to reach a loopback server. A short timeout and our retry count are passed on, because
// the SDK's own defaults (60 s, 2 retries) would leave a 60-second timer running after a failed fetch.
import { ManagementClient, ManagementError, ManagementTimeoutError } from "auth0";
import type { Auth0ReadBack, ScimTokenInfo } from "./checks/auth0";
import { ReadBackError, callTranslatingErrors } from "./readBackError";

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
  if (error instanceof ManagementError) {
    const body = error.body as { message?: unknown } | undefined;
    const message = typeof body?.message === "string" ? body.message : (error.message.split("\n")[0] ?? "request failed");
    return new ReadBackError(message, error.statusCode);
  }
  const cause = (error as { cause?: { code?: string } })?.cause;
  return new ReadBackError(cause?.code ? `cannot reach Auth0 (${cause.code})` : (error as Error)?.message ?? String(error));
}

export function createAuth0ReadBack(options: Auth0ReadBackOptions): Auth0ReadBack {
  const client = new ManagementClient({
    domain: options.domain,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    timeoutInSeconds: options.timeoutMs / 1000,
    maxRetries: options.maxRetries,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
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
