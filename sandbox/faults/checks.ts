// After a faulted `pulumi up` and what a user runs next: is the stand-ins' state what the config
// declares? Pure over the stand-ins' models: exactly one Auth0 connection per declared name, as many
// SCIM tokens as declared generations (never more than Auth0's two), one OIDC and one SCIM app per
// connection in an administered org, both apps assigned exactly the declared groups, and every SCIM
// user that existed before the fault still there.
import type { Auth0Tenant } from "../auth0/tenant";
import type { OktaOrg } from "../okta/org";

export interface DeclaredConnection {
  name: string;
  /** Token generations the config declares now (none while decommissioning). */
  tokens: number;
  /** Absent for a customer's org: the stack declares nothing there. */
  okta?: { org: OktaOrg; oidcLabel: string; scimLabel: string; groupNames: string[] };
}

export interface StateVerdict {
  /** More objects than declared: a second connection, a third token, a second app. */
  duplicates: string[];
  /** SCIM users gone, or a declared object missing. */
  lost: string[];
  /** Declared and present, but not as declared (assignments, token count). */
  differs: string[];
}

export function checkState(tenant: Auth0Tenant, declared: readonly DeclaredConnection[], scimUsersBefore: ReadonlyMap<string, readonly string[]>): StateVerdict {
  const verdict: StateVerdict = { duplicates: [], lost: [], differs: [] };
  for (const d of declared) {
    const connections = [...tenant.connections.values()].filter((c) => c.name === d.name);
    if (connections.length > 1) verdict.duplicates.push(`${connections.length} Auth0 connections named ${d.name}`);
    if (connections.length === 0) verdict.lost.push(`no Auth0 connection named ${d.name}`);
    const connection = connections[0];
    if (connection) {
      const tokens = tenant.tokensOf(connection.id).length;
      if (tokens > 2) verdict.duplicates.push(`${tokens} SCIM tokens on ${d.name}`);
      else if (tokens !== d.tokens) verdict.differs.push(`${tokens} SCIM token(s) on ${d.name}, ${d.tokens} declared`);
      const users = new Set(tenant.usersOf(connection.id).map((u) => u.id));
      const gone = (scimUsersBefore.get(d.name) ?? []).filter((id) => !users.has(id));
      if (gone.length > 0) verdict.lost.push(`${gone.length} SCIM user(s) of ${d.name} gone`);
    }
    if (d.okta) checkOkta(d.name, d.okta, verdict);
  }
  return verdict;
}

function checkOkta(name: string, okta: NonNullable<DeclaredConnection["okta"]>, verdict: StateVerdict): void {
  const apps = [...okta.org.apps.values()];
  const wanted = new Set(okta.groupNames.map((n) => [...okta.org.groups.values()].find((g) => g.name === n)?.id ?? `(no group ${n})`));
  for (const [kind, label] of [
    ["OIDC", okta.oidcLabel],
    ["SCIM", okta.scimLabel],
  ] as const) {
    const found = apps.filter((a) => a.label === label && a.signOnMode === (kind === "OIDC" ? "OPENID_CONNECT" : "AUTO_LOGIN"));
    if (found.length > 1) verdict.duplicates.push(`${found.length} Okta ${kind} apps labelled "${label}" (${name})`);
    if (found.length === 0) verdict.lost.push(`no Okta ${kind} app labelled "${label}" (${name})`);
    for (const app of found.slice(0, 1)) {
      const assigned = new Set(okta.org.groupAssignments.get(app.id)?.keys() ?? []);
      const same = assigned.size === wanted.size && [...wanted].every((id) => assigned.has(id));
      if (!same) verdict.differs.push(`the ${kind} app of ${name} has ${assigned.size} group(s), ${wanted.size} declared`);
    }
  }
}

/** The SCIM users per connection name: taken before the faulted step, checked after it. */
export function scimUsersByConnection(tenant: Auth0Tenant): Map<string, string[]> {
  return new Map([...tenant.connections.values()].map((c) => [c.name, tenant.usersOf(c.id).map((u) => u.id)]));
}
