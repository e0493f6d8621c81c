// After the first deployment of a stack with many customers' connections: every declared connection
// complete at the Auth0 stand-in (connection, SCIM configuration, its tokens), nothing half-made, not
// one request to a customer's Okta org, and how often the Management API's rate limit answered 429.
import { connectionsOf, failed, passed, readStackConfig, type Context } from "../context";
import { isWaitingCustomerConnection } from "../plan";
import type { StepResult } from "../report";
import { customerOrgDomains } from "../scale";
import { declaresScimTokens } from "../../../components/decisions/selfService";

/** Tokens a declared connection holds after `up` (decisions/tokenGenerations.ts, selfService.ts). */
function expectedTokens(c: Record<string, any>): number {
  if (c.decommission === true || !declaresScimTokens(c.handoff)) return 0;
  return Array.isArray(c.scim?.tokens) ? c.scim.tokens.length : 1;
}

export async function customersCompleteStep(ctx: Context, name: string): Promise<StepResult> {
  const config = readStackConfig(ctx.stackFile);
  const declared = connectionsOf(config).filter((c) => !isWaitingCustomerConnection(config, c));
  const census = ctx.standIns.auth0.tenant(ctx.standIns.auth0.domains[0]).census();
  const tokens = declared.reduce((n, c) => n + expectedTokens(c), 0);
  const problems: string[] = [];
  if (census.connections !== declared.length) problems.push(`${census.connections} connection(s) at Auth0, ${declared.length} declared`);
  if (census.scimConfigurations !== declared.length) problems.push(`${census.scimConfigurations} SCIM configuration(s), ${declared.length} declared`);
  if (census.tokens !== tokens) problems.push(`${census.tokens} SCIM token(s), ${tokens} declared`);
  const customers = new Set(customerOrgDomains(config));
  const calls = ctx.standIns.log.since().filter((e) => customers.has(e.host));
  const tunnels = ctx.standIns.proxy.refused.filter((authority) => customers.has(authority.replace(/:\d+$/, "")));
  if (calls.length + tunnels.length > 0) problems.push(`${calls.length + tunnels.length} request(s) to a customer's Okta org (${[...calls.map((c) => c.host), ...tunnels][0]})`);
  const limited = ctx.standIns.log.since().filter((e) => e.status === 429).length;
  if (problems.length > 0) return failed(name, problems.join("; "));
  return passed(name, `${declared.length} connections complete (${tokens} tokens), 0 requests to ${customers.size} customer org(s), ${limited} request(s) answered 429 and retried`);
}
