// What the customer's admin does in Auth0's self-service assistant, on an EXISTING connection (a
// ticket with connection_id), changing exactly what Auth0's documentation says the flow changes:
// - "Configure Connection: ... collects information such as the customer's domain, client ID, and
//   client secret" → options.domain, options.client_id, options.client_secret;
// - the connection is enabled for the ticket's enabled_clients;
// - provisioning: "Generate a SCIM bearer token in the assistant" → one token with the ticket's
//   provisioning_config scopes and token_lifetime (SCIM switched on first if it was off);
// - domain verification only when the ticket enables it (it then writes options.domain_aliases).
// Sources: docs/customer-self-service.md. Nothing else on the connection is touched.
import type { Auth0Tenant, ScimToken } from "./tenant";
import { MAX_TOKENS_PER_CONNECTION } from "./tenant";

export interface AdminEntries {
  /** What the admin types into the "Configure connection" form. */
  domain: string;
  clientId: string;
  clientSecret: string;
  /** Verified domains, used only when the ticket enables domain verification. */
  verifiedDomains?: string[];
}

export interface FlowResult {
  connectionId: string;
  /** The token the assistant showed the admin (pasted into Okta), when provisioning was set up. */
  scimToken?: ScimToken;
}

/** The ticket id of a ticket URL (…/self-service/connections-flow?ticket=<id>). */
export function ticketIdOf(url: string): string {
  const id = new URL(url).searchParams.get("ticket");
  if (!id) throw new Error("not a self-service ticket URL");
  return id;
}

/** Runs the assistant to its end for `ticketId`; throws when Auth0 would refuse the ticket. */
export function finishSelfServiceFlow(tenant: Auth0Tenant, ticketId: string, admin: AdminEntries): FlowResult {
  const ticket = tenant.ssoTickets.get(ticketId);
  if (!ticket || ticket.revoked || ticket.used) throw new Error("the ticket is unknown, revoked or already used");
  if (Date.parse(ticket.expiresAt) <= tenant.now().getTime()) throw new Error("the ticket has expired");
  const b = ticket.body;
  const connectionId = b.connection_id as string | undefined;
  if (!connectionId) throw new Error("this simulation covers edit-connection tickets (connection_id) only");
  const connection = tenant.connections.get(connectionId);
  if (!connection) throw new Error("the ticket's connection no longer exists");
  const features = (b.enabled_features ?? {}) as { sso?: boolean; provisioning?: boolean; domain_verification?: boolean };
  const provisioning = b.provisioning_config as { scopes?: string[]; token_lifetime?: number | null } | undefined;

  if (features.sso !== false) {
    connection.options = { ...connection.options, domain: admin.domain, client_id: admin.clientId, client_secret: admin.clientSecret };
  }
  const verification = (b.domain_aliases_config as { domain_verification?: string } | undefined)?.domain_verification ?? "none";
  if (features.domain_verification !== false && verification !== "none" && admin.verifiedDomains?.length) {
    const aliases = (connection.options.domain_aliases as string[] | undefined) ?? [];
    connection.options = { ...connection.options, domain_aliases: [...new Set([...aliases, ...admin.verifiedDomains])] };
  }
  for (const client of (b.enabled_clients as string[] | undefined) ?? []) {
    if (!connection.enabled_clients.includes(client)) connection.enabled_clients.push(client);
  }
  let scimToken: ScimToken | undefined;
  if (features.provisioning !== false && provisioning?.scopes) {
    if (!tenant.scim.has(connectionId)) tenant.enableScim(connectionId);
    const tokens = tenant.tokensOf(connectionId);
    if (tokens.length >= MAX_TOKENS_PER_CONNECTION) throw new Error(`the connection already has ${MAX_TOKENS_PER_CONNECTION} SCIM tokens: the assistant cannot generate another`);
    scimToken = tenant.newToken([...provisioning.scopes], provisioning.token_lifetime ?? undefined);
    tokens.push(scimToken);
  }
  ticket.used = true;
  return { connectionId, ...(scimToken ? { scimToken } : {}) };
}
