// Group provisioning (Okta Group Push → Auth0's SCIM /Groups, Auth0 "SCIM for Enterprise Groups",
// 2026-06): which token scopes it needs, Auth0's limits, and which of a connection's assigned groups
// are pushed. Pure.
import type { ScimTokenScope } from "./tokenScopes";

/**
 * What Group Push sends: GET (look-up by displayName), POST (create), PATCH (membership and renames
 * from a catalog app, up to 1,000 members per request), PUT (the whole group, from a custom app, which
 * cannot PATCH groups), DELETE (unlinking with "delete the group in the target app"). Auth0 lists
 * these five as the group scopes of a SCIM token.
 */
export const GROUP_PUSH_SCOPES: readonly ScimTokenScope[] = ["get:groups", "post:groups", "put:groups", "patch:groups", "delete:groups"];

/** Auth0's documented limits for SCIM groups of one connection. */
export const AUTH0_SCIM_GROUP_LIMITS = { groupsPerConnection: 10_000, membersPerGroup: 200_000, membersPerPatch: 1_000, membersPerPostOrPut: 10_000 } as const;

/** The group scopes a token lacks for Group Push (empty when it has them all). */
export function missingGroupPushScopes(scopes: readonly string[]): ScimTokenScope[] {
  return GROUP_PUSH_SCOPES.filter((s) => !scopes.includes(s));
}

export type GroupReference = { id: string } | { name: string };

/** Whether two config references name the same Okta group (the same id, or the same name). */
export function sameGroupReference(a: GroupReference, b: GroupReference): boolean {
  return "id" in a ? "id" in b && a.id === b.id : "name" in b && a.name === b.name;
}

/**
 * The pushed groups with their Okta ids, in `scim.groups` order. Each pushed group is one of the
 * connection's assigned `groups` (config validation), so its id is that group's resolved id.
 */
export function pushedGroups<R extends { ref: GroupReference; id: string }>(pushed: readonly GroupReference[], assigned: readonly R[]): R[] {
  return pushed.map((p) => {
    const found = assigned.find((a) => sameGroupReference(a.ref, p));
    if (!found) throw new Error(`pushed group ${JSON.stringify(p)} is not among the assigned groups (config validation should have refused it)`);
    return found;
  });
}
