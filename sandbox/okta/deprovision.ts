// What Okta does when someone loses an app that provisions with "Deactivate Users" on (To App): it
// deactivates them on the SCIM server, with the token the admin pasted (PUT from a custom app, PATCH
// from a catalog app). The sandbox run sets `userDeprovisioner` to reach the Auth0 stand-in; without
// it, or for an app whose SCIM connection does not deactivate, nothing is sent. Asynchronous, as
// Okta's is: `deprovisions` holds the promises, `deprovisionAttempts` each outcome (the status of
// Okta's last request: 401 once the token is deleted).
import type { OktaOrg } from "./org";
import type { ScimConnection } from "./groupPush";

export interface DeprovisionAttempt {
  appId: string;
  login: string;
  status: number;
}

/** Okta's side of one deactivation: its SCIM requests; resolves to the last response's status. */
export type UserDeprovisioner = (connection: ScimConnection, userName: string) => Promise<{ status: number }>;

/** Logins of everyone assigned to the app, directly or through one of its groups. */
export function assignedLogins(org: OktaOrg, appId: string): Set<string> {
  const groups = new Set(org.groupAssignments.get(appId)?.keys() ?? []);
  const direct = org.appUsers.get(appId) ?? new Map();
  return new Set([...org.users.values()].filter((u) => direct.has(u.id) || u.groupIds.some((g) => groups.has(g))).map((u) => u.login));
}

/** Runs an unassignment; whoever it leaves without the app is deactivated as Okta would. */
export function unassigning<T>(org: OktaOrg, appId: string, change: () => T): T {
  const before = assignedLogins(org, appId);
  const result = change();
  const connection = org.scimConnections.get(appId);
  const deprovision = org.userDeprovisioner;
  if (!deprovision || !connection?.deactivatesUsers) return result;
  const after = assignedLogins(org, appId);
  for (const login of before) {
    if (after.has(login)) continue;
    org.deprovisions.push(deprovision(connection, login).then((r) => void org.deprovisionAttempts.push({ appId, login, status: r.status })));
  }
  return result;
}
