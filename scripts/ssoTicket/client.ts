// POST /api/v2/self-service-profiles/{id}/sso-ticket through the official auth0 SDK (v7,
// `selfServiceProfiles.ssoTicket.create`) over the project's transport (proxy-aware, never rejects:
// see components/scimToken/managementClient.ts). No retries: a ticket whose answer was lost may
// still exist, and a second request would leave two valid URLs; the vendor reruns on purpose.
import { ManagementError } from "auth0";
import type { TransportFailureBody } from "../../components/scimToken/apiErrors";
import { NO_ANSWER_STATUS, transportManagementClient } from "../../verify/auth0ReadBack";
import type { SsoTicketBody } from "../../components/decisions/selfService";

/** Status of the transport's answer when no HTTP answer arrived (a 4xx: the SDK does not retry it). */

export interface TicketApiOptions {
  domain: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** A failure in words and status only: never the request's options (they hold the client secret). */
export class TicketApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

function translate(error: unknown, timeoutMs: number): TicketApiError {
  if (error instanceof ManagementError && error.statusCode === NO_ANSWER_STATUS) {
    const body = error.body as Partial<TransportFailureBody> | undefined;
    return new TicketApiError(body?.transport_error === "timeout" ? `no answer within ${timeoutMs} ms` : `cannot reach Auth0 (${body?.detail ?? "network error"})`);
  }
  if (error instanceof ManagementError) {
    const body = error.body as { message?: unknown } | undefined;
    return new TicketApiError(typeof body?.message === "string" ? body.message : (error.message.split("\n")[0] ?? "request failed"), error.statusCode);
  }
  return new TicketApiError((error as Error)?.message ?? String(error));
}

/** Issues the ticket; resolves to its URL. */
export async function createSsoTicket(options: TicketApiOptions, profileId: string, body: SsoTicketBody): Promise<string> {
  // No retry: a lost answer must not leave two valid tickets.
  const client = transportManagementClient(options, 0);
  let ticket: string | undefined;
  try {
    ticket = (await client.selfServiceProfiles.ssoTicket.create(profileId, body)).ticket;
  } catch (error) {
    throw translate(error, options.timeoutMs);
  }
  if (typeof ticket !== "string" || !ticket.startsWith("https://")) throw new TicketApiError("Auth0 answered without a ticket URL");
  return ticket;
}
