// Decommissioning a connection takes two reviewed steps (docs/day-2-operations.md, Teardown):
//   1. `decommission: true`: the SCIM tokens are no longer declared, so `pulumi up` deletes them and
//      Okta can neither create nor deactivate anyone in Auth0 from then on; the Auth0 connection loses
//      its `protect` and carries a marker in its own metadata, which the mandatory policy
//      `auth0-connection-protected` reads (a policy sees resources, never the stack config);
//   2. the connection is removed from config: `pulumi up` deletes its resources, users included.
// Back to `decommission: false` before step 2 re-protects the connection and creates new tokens.

/**
 * The metadata key of the marker. Auth0 connection metadata: at most 10 keys, string values of at most
 * 255 characters, no `.` or `$` in a key. policies/facts.ts keeps its own copy (the pack is published
 * on its own); tests/policies/facts.test.ts fails when they drift apart.
 */
export const DECOMMISSION_METADATA_KEY = "oktascim-decommission";

/** The marker's value: says what it means to whoever opens the connection in the Auth0 dashboard. */
export const DECOMMISSION_METADATA_VALUE =
  "step 1 of 2: SCIM tokens deleted, connection unprotected; removing it from the stack config deletes it and every user in it";

/**
 * The connection's `metadata` input. While decommissioning, the marker. Otherwise an empty map, not an
 * absent one: the auth0 provider sends `metadata` only when it is declared, so after a reversal an
 * absent map would leave the marker in Auth0 (and a diff at every preview); an empty map clears it.
 */
export function connectionMetadata(decommission: boolean): Record<string, string> {
  return decommission ? { [DECOMMISSION_METADATA_KEY]: DECOMMISSION_METADATA_VALUE } : {};
}

/** The connection is protected exactly when it is not being decommissioned (validation refuses the rest). */
export function connectionProtected(c: { protect?: boolean; decommission: boolean }): boolean {
  return c.protect ?? !c.decommission;
}
