// Recognising the resources the rules look at, in the shapes the engine hands them over.
import { SCIM_TOKEN_KIND, TYPES } from "./facts";

/**
 * A SCIM token, whichever resource declares it. Its connection is not part of the view: a fresh
 * stack's connection id is unknown during preview, and reading it would stop the policy; the stack
 * policy links tokens through the engine's property dependencies instead.
 */
export interface ScimTokenView {
  scopes: readonly string[];
  /** Seconds; undefined = the token never expires; null = the resource cannot state a lifetime. */
  tokenLifetimeSeconds: number | undefined | null;
}

/**
 * Two shapes: today's `auth0.ConnectionScimToken` (connectionId, scopes; the provider has no expiry
 * argument), and the project's dynamic token resource (`kind: "oktaScim:ScimToken"`, connectionId,
 * scopes, tokenLifetimeSeconds or absent for "never expires", generation).
 */
export function scimTokenView(type: string, props: Record<string, unknown>): ScimTokenView | undefined {
  if (type === TYPES.auth0ScimToken) {
    return { scopes: stringList(props.scopes), tokenLifetimeSeconds: null };
  }
  if (type === TYPES.dynamicResource && props.kind === SCIM_TOKEN_KIND) {
    const lifetime = props.tokenLifetimeSeconds;
    return {
      scopes: stringList(props.scopes),
      tokenLifetimeSeconds: lifetime === undefined || lifetime === null ? undefined : Number(lifetime),
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
