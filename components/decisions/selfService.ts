// The self-service hand-off (issue 21 item 6): what the stack owns on a connection whose customer's
// admin configures it in Auth0's self-service assistant, and the ticket `npm run sso-ticket` asks
// for. Pure. Sources and reasoning: docs/customer-self-service.md.
//
// What the assistant changes on an EXISTING connection (ticket with connection_id), per Auth0's docs
// (authenticate/enterprise-connections/self-service-enterprise-configuration and
// .../manage-self-service-enterprise-config):
// - "Configure Connection ... collects information such as the customer's domain, client ID, and
//   client secret" → options.domain, options.client_id, options.client_secret. The org authorization
//   server's endpoints derive from the domain (urls.ts), so they follow it.
// - Provisioning: "Generate a SCIM bearer token in the assistant" with the ticket's
//   provisioning_config (scopes, token_lifetime) → one SCIM token on the connection.
// - Domain verification writes options.domain_aliases: the ticket switches that feature off, so the
//   stack keeps owning domainAliases.
// - enabled_clients of the ticket: "List of client_ids that the connection will be enabled for": the
//   ticket carries the config's enabledClients, the same list auth0.ConnectionClients owns.
import type { Handoff } from "../integrationArgs";
import { tokenGenerations } from "./tokenGenerations";
import type { ScimTokenScope } from "./tokenScopes";

/**
 * The connection options the customer's admin enters in the assistant (Pulumi input paths of
 * auth0.Connection). `ignoreChanges` keeps the stack from writing its own values back over them.
 * Pulumi applies ignoreChanges to updates only: the create still sends the stack's values.
 */
export const SELF_SERVICE_OWNED_OPTIONS = [
  "options.clientId",
  "options.clientSecret",
  "options.domain",
  "options.issuer",
  "options.authorizationEndpoint",
  "options.tokenEndpoint",
  "options.jwksUri",
  "options.userinfoEndpoint",
] as const;

/**
 * What the connection carries until the admin finishes: the assistant edits an existing connection,
 * so the stack creates it first, and the vendor never learns the customer's client id or secret.
 * Not credentials: Okta refuses this client id, so a login through the connection fails until the
 * admin has entered the real one (validation keeps domainAliases off until then, see
 * selfServiceProblems, so home realm discovery sends nobody to it).
 */
export const PENDING_CLIENT_ID = "pending-self-service-setup";
export const PENDING_CLIENT_SECRET = "pending-self-service-setup";

/** ignoreChanges for the Auth0 connection: none for the Markdown hand-off (plans stay as they are). */
export function connectionIgnoreChanges(handoff: Handoff | undefined): string[] {
  return handoff === "selfService" ? [...SELF_SERVICE_OWNED_OPTIONS] : [];
}

/**
 * Whether the stack declares SCIM token resources. Not for selfService: the admin generates the token
 * inside the assistant (so it never passes through the vendor), and Auth0 allows two tokens per
 * connection, which the stack's generations would otherwise share with the assistant's.
 */
export function declaresScimTokens(handoff: Handoff | undefined): boolean {
  return handoff !== "selfService";
}

/** Auth0: "If unspecified or set to 0, this value defaults to 432000 seconds (5 days)", the maximum. */
export const MAX_TICKET_TTL_SECONDS = 432_000;
/** Shorter than Auth0's default on purpose: the ticket URL is a secret; reissue one when it lapses. */
export const DEFAULT_TICKET_TTL_SECONDS = 86_400;
/** Auth0: "The expiration of the assistant itself is five hours and cannot be configured." */
export const ASSISTANT_SESSION_HOURS = 5;
/** Auth0: "An access ticket URL can be accessed a maximum of 10 times." */
export const MAX_TICKET_OPENS = 10;
/** provisioning_config.token_lifetime: "Must be greater than 900." */
export const MIN_PROVISIONING_TOKEN_LIFETIME_EXCLUSIVE = 900;

/** The slice of a connection's config the ticket is made from (read leniently from the stack file). */
export interface TicketConnection {
  name: string;
  handoff?: string;
  enabledClients?: string[];
  scim?: { tokenScopes?: ScimTokenScope[]; tokens?: { generation: string; lifetimeSeconds?: number; scopes?: ScimTokenScope[] }[] };
}

/** POST /api/v2/self-service-profiles/{id}/sso-ticket body, edit-connection form. */
export interface SsoTicketBody {
  connection_id: string;
  enabled_clients?: string[];
  ttl_sec: number;
  enabled_features: { sso: true; provisioning: true; domain_verification: false };
  provisioning_config: { scopes: ScimTokenScope[]; token_lifetime?: number };
}

const DEFAULT_SCOPES: ScimTokenScope[] = ["get:users", "post:users", "put:users"];

/** Why `ttl` cannot be a ticket's time to live, or undefined. 0 is refused: Auth0 reads it as 5 days. */
export function ttlProblem(ttl: number): string | undefined {
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TICKET_TTL_SECONDS) {
    return `--ttl must be a whole number of seconds from 1 to ${MAX_TICKET_TTL_SECONDS} (5 days, Auth0's maximum)`;
  }
  return undefined;
}

/**
 * The ticket body for `connection`, or the reason none may be issued. Scopes and lifetime are the
 * newest token generation's (scim.tokens, else scim.tokenScopes): the least the config grants Okta.
 */
export function ssoTicketRequest(connection: TicketConnection, connectionId: string, ttl: number): { body: SsoTicketBody } | { problem: string } {
  if ((connection.handoff ?? "document") !== "selfService") {
    return { problem: `connection ${connection.name} has handoff: ${connection.handoff ?? "document"}; a ticket is only for handoff: selfService (npm run handoff writes its document)` };
  }
  const ttlIssue = ttlProblem(ttl);
  if (ttlIssue) return { problem: ttlIssue };
  const generations = tokenGenerations(connection.scim?.tokens ?? [{ generation: "initial" }], connection.scim?.tokenScopes ?? DEFAULT_SCOPES);
  const newest = generations[generations.length - 1];
  const lifetime = newest.lifetimeSeconds;
  if (lifetime !== undefined && (!Number.isInteger(lifetime) || lifetime <= MIN_PROVISIONING_TOKEN_LIFETIME_EXCLUSIVE)) {
    return {
      problem: `scim.tokens generation ${newest.generation} of ${connection.name} has lifetimeSeconds ${lifetime}; Auth0 needs more than 900 for the token the assistant generates (90 days is 7776000)`,
    };
  }
  const clients = connection.enabledClients ?? [];
  return {
    body: {
      connection_id: connectionId,
      ...(clients.length > 0 ? { enabled_clients: [...clients] } : {}),
      ttl_sec: ttl,
      // Stated rather than inferred from the body: the domains stay the stack's (domainAliases).
      enabled_features: { sso: true, provisioning: true, domain_verification: false },
      provisioning_config: { scopes: newest.scopes, ...(lifetime !== undefined ? { token_lifetime: lifetime } : {}) },
    },
  };
}

/** What the vendor is told about the ticket's life (never the URL). */
export function ticketLifeText(ttl: number, issuedAt: Date): string {
  const until = new Date(issuedAt.getTime() + ttl * 1000).toISOString();
  return `The ticket can be opened until ${until} (${ttl} s), at most ${MAX_TICKET_OPENS} times; once opened, the assistant session lasts ${ASSISTANT_SESSION_HOURS} hours.`;
}
