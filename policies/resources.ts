// Recognising the resources the rules look at, in the shapes the engine hands them over.
import { isTokenResourceType, SCIM_TOKEN_KIND, TYPES } from "./facts";

/**
 * A SCIM token, whichever resource declares it. Its connection is not part of the view: a fresh
 * stack's connection id is unknown during preview, and reading it would stop the policy; the stack
 * policy links tokens through the engine's property dependencies instead. Only `kind`, `scopes` and
 * `tokenLifetimeSeconds` are read: never `credentials` (secret) nor `__provider` (the serialized
 * dynamic provider, which need not be readable).
 */
export interface ScimTokenView {
  /** `managed`: the project's token resource; `auth0.ConnectionScimToken`: the provider's, which cannot expire. */
  shape: "managed" | "auth0.ConnectionScimToken";
  scopes: readonly string[];
  /** Seconds; undefined = the token never expires (always so for auth0.ConnectionScimToken). */
  tokenLifetimeSeconds?: number;
}

/**
 * Two shapes: the project's token resource (a dynamic resource, or the plugin's own type, with `kind:
 * "oktaScim:ScimToken"`, connectionId, scopes, tokenLifetimeSeconds or absent for "never expires",
 * generation, domain),
 * and `auth0.ConnectionScimToken` (connectionId, scopes), which stacks built before the project's
 * token resource, or by hand, still declare: its scopes and its place in the two-token limit count too.
 */
export function scimTokenView(type: string, props: Record<string, unknown>): ScimTokenView | undefined {
  if (type === TYPES.auth0ScimToken) {
    return { shape: "auth0.ConnectionScimToken", scopes: stringList(props.scopes) };
  }
  if (isTokenResourceType(type) && props.kind === SCIM_TOKEN_KIND) {
    const lifetime = props.tokenLifetimeSeconds;
    return {
      shape: "managed",
      scopes: stringList(props.scopes),
      ...(lifetime === undefined || lifetime === null ? {} : { tokenLifetimeSeconds: Number(lifetime) }),
    };
  }
  return undefined;
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => String(v)) : [];
}

/** Provider inputs reach the engine JSON-encoded ("50"), resource inputs as numbers: accept both. */
export function numberOrUndefined(value: unknown): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}
