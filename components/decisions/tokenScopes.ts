// Scopes of an Auth0 inbound-SCIM token. Source: Auth0 Management API, POST
// /api/v2/connections/{id}/scim-configuration/tokens (`scopes`), and the Auth0 procedure
// "Inbound SCIM for Okta Workforce connections", which asks for exactly the three Okta uses.

export const ALL_SCIM_TOKEN_SCOPES = [
  "get:users",
  "post:users",
  "put:users",
  "patch:users",
  "delete:users",
  "get:groups",
  "post:groups",
  "put:groups",
  "patch:groups",
  "delete:groups",
] as const;

export type ScimTokenScope = (typeof ALL_SCIM_TOKEN_SCOPES)[number];

/** What Okta Workforce sends for a custom SCIM app: list/filter, create, and PUT for update/deactivate. */
export const OKTA_REQUIRED_SCIM_TOKEN_SCOPES: readonly ScimTokenScope[] = ["get:users", "post:users", "put:users"];

export const DEFAULT_SCIM_TOKEN_SCOPES: readonly ScimTokenScope[] = OKTA_REQUIRED_SCIM_TOKEN_SCOPES;

/**
 * Scopes Okta needs that the list leaves out (empty when the list is usable by Okta). `required` is
 * the custom app's three unless given (the catalog app's list: ./scimAppKind.ts).
 */
export function missingOktaScopes(scopes: readonly string[], required: readonly ScimTokenScope[] = OKTA_REQUIRED_SCIM_TOKEN_SCOPES): ScimTokenScope[] {
  return required.filter((s) => !scopes.includes(s));
}

/**
 * The scopes sent to Auth0: de-duplicated and in the canonical order above, so reordering the list in
 * config is not a change (a scope change replaces the token).
 */
export function normalizeTokenScopes(scopes: readonly ScimTokenScope[]): ScimTokenScope[] {
  return ALL_SCIM_TOKEN_SCOPES.filter((s) => scopes.includes(s));
}
