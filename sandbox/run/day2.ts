// What the day-2 steps (group lookups, phase rollback, token code change, renames) share: which
// logged calls change something at a stand-in, the Okta org of a connection, and the resources of a
// connection in the state by their key. Pure but for `oktaOrgOf`, which reads the run's stand-ins.
import type { LoggedCall } from "../log/requestLog";
import type { OktaOrg } from "../okta/org";
import type { ConnectionSettings, Context } from "./context";

/** Where clients get access tokens: a POST, but it changes nothing a user would see. */
const TOKEN_ISSUING_ROUTES = new Set(["/oauth/token", "/oauth2/v1/token"]);

/** A call that creates, changes or deletes something at a stand-in. */
export function isWrite(call: Pick<LoggedCall, "method" | "route">): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(call.method) && !TOKEN_ISSUING_ROUTES.has(call.route);
}

/** "okta POST /api/v1/apps/{appId}/groups/{groupId}" for each call, for a failed step's detail. */
export const describeCalls = (calls: readonly LoggedCall[]) => calls.map((c) => `${c.service} ${c.method} ${c.route}`);

/** The stand-in org a connection of `config` lives in, with its domain. */
export function oktaOrgOf(ctx: Context, connection: ConnectionSettings): { domain: string; org: OktaOrg } {
  const domain = ctx.credentials.orgs.find((o) => o.name === connection.oktaOrg)?.domain;
  if (!domain) throw new Error(`connection ${connection.name} names Okta org "${connection.oktaOrg}", which the stack's oktaOrgs lack`);
  return { domain, org: ctx.standIns.okta.org(domain) };
}

/** The resource name of a URN (its last `::` part). */
export const nameOfUrn = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

/**
 * URNs of the resources named under a connection key: the component (named by the key) and its
 * children (`<key>-…`, components/naming.ts). Provider resources are left out: an org's okta provider
 * is `okta-<org name>`, which may look like a key. A key that is a prefix of another connection's key
 * (`acme` and `acme-eu`) would match both: the steps pick keys that are not.
 */
export function urnsUnderKey(resources: ReadonlyArray<{ urn: string; type: string }>, key: string): string[] {
  return resources
    .filter((r) => !r.type.startsWith("pulumi:providers:"))
    .map((r) => r.urn)
    .filter((u) => {
      const name = nameOfUrn(u);
      return name === key || name.startsWith(`${key}-`);
    });
}
