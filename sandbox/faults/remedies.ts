// What docs/day-2-operations.md ("After a failed or interrupted up") has a user do by hand, done to
// the stand-ins as an admin does it in the consoles: delete exactly the objects that verify's two
// leftover checks, or the token resource's 409, name. Nothing here finds leftovers by itself: a case
// counts as converged by hand only when the tools a user has named them.
import type { Auth0Tenant } from "../auth0/tenant";
import type { OktaOrg } from "../okta/org";

export interface Leftovers {
  oktaApps: string[];
  tokens: string[];
}

// "<id> (created <time>, never used)": the token's 409 and auth0.scim-tokens-all-the-stacks.
const NEVER_USED_TOKEN = /(\S+) \(created [^)]*, never used\)/g;
// "<id> (ACTIVE, created <time>) is labelled": okta.one-app-per-label.
const SAME_LABEL_APP = /(\S+) \((?:ACTIVE|INACTIVE)[^)]*\) is labelled/g;

const idsOf = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]);

/** Pure: the ids verify's FAIL lines name (`npm run verify -- --stack <s>`). */
export function leftoversNamedByVerify(failing: readonly string[]): Leftovers {
  const lines = (check: string) => failing.filter((l) => l.includes(check)).join("\n");
  return {
    oktaApps: [...new Set(idsOf(lines("okta.one-app-per-label"), SAME_LABEL_APP))],
    tokens: [...new Set(idsOf(lines("auth0.scim-tokens-all-the-stacks"), NEVER_USED_TOKEN))],
  };
}

/** Pure: the token ids a failed `up` names as left by an interrupted run (the token resource's 409). */
export function tokensNamedByConflict(output: string): string[] {
  const lines = output.split("\n").filter((l) => l.includes("left by an interrupted"));
  return [...new Set(lines.flatMap((l) => idsOf(l, NEVER_USED_TOKEN)))];
}

/**
 * Deletes the named leftovers: a token from whichever connection holds it; an Okta app only when
 * nothing is assigned to it (the docs' condition), deactivated first as Okta requires. Returns what
 * was done, one phrase per object, and what was refused.
 */
export function removeLeftovers(tenant: Auth0Tenant, orgs: readonly OktaOrg[], leftovers: Leftovers): { done: string[]; refused: string[] } {
  const done: string[] = [];
  const refused: string[] = [];
  for (const id of leftovers.tokens) {
    const holder = [...tenant.tokens.entries()].find(([, list]) => list.some((t) => t.token_id === id));
    if (!holder) continue;
    tenant.tokens.set(holder[0], holder[1].filter((t) => t.token_id !== id));
    done.push(`deleted SCIM token ${id}`);
  }
  for (const id of leftovers.oktaApps) {
    const org = orgs.find((o) => o.apps.has(id));
    if (!org) continue;
    const assigned = (org.groupAssignments.get(id)?.size ?? 0) + (org.appUsers.get(id)?.size ?? 0);
    if (assigned > 0) {
      refused.push(`Okta app ${id} has ${assigned} assignment(s): not deleted`);
      continue;
    }
    org.apps.get(id)!.status = "INACTIVE";
    org.deleteApp(id);
    done.push(`deactivated and deleted Okta app ${id}`);
  }
  return { done, refused };
}

const CONNECTION_TYPE = "auth0:index/connection:Connection";
const SCIM_CONFIGURATION_TYPE = "auth0:index/connectionScimConfiguration:ConnectionScimConfiguration";
const OIDC_APP_TYPE = "okta:app/oAuth:OAuth";

export interface StrayConnectionAdoption {
  name: string;
  adopt: { auth0ConnectionId: string; oidcAppId: string; scimConfiguration?: false };
}

/**
 * Pure: for a declared connection whose create (or whose SCIM configuration's create) Auth0 applied
 * while the answer was lost, so that every re-run gets 409, the adopt block
 * docs/day-2-operations.md gives: the connection's id (from Auth0, by name) and the OIDC app the
 * state already holds (what the state holds is not imported again); `scimConfiguration: false` when
 * the lost run never got as far as SCIM. Nothing for a connection the state holds whole.
 */
export function strayConnectionAdoptions(
  declared: ReadonlyArray<{ name: string; oidcLabel: string }>,
  state: ReadonlyArray<{ type: string; outputs?: Record<string, unknown> }>,
  atAuth0: ReadonlyArray<{ id: string; name: string; scimConfigured: boolean }>,
): StrayConnectionAdoption[] {
  const connectionsInState = new Set(state.filter((r) => r.type === CONNECTION_TYPE).map((r) => r.outputs?.name));
  const scimInState = new Set(state.filter((r) => r.type === SCIM_CONFIGURATION_TYPE).map((r) => r.outputs?.connectionId));
  return declared.flatMap((d) => {
    const atTenant = atAuth0.find((c) => c.name === d.name);
    const oidc = state.find((r) => r.type === OIDC_APP_TYPE && r.outputs?.label === d.oidcLabel);
    if (!atTenant || typeof oidc?.outputs?.id !== "string") return [];
    const connectionLost = !connectionsInState.has(d.name);
    const scimLost = atTenant.scimConfigured && !scimInState.has(atTenant.id);
    if (!connectionLost && !scimLost) return [];
    return [{ name: d.name, adopt: { auth0ConnectionId: atTenant.id, oidcAppId: oidc.outputs.id, ...(atTenant.scimConfigured ? {} : { scimConfiguration: false as const }) } }];
  });
}
