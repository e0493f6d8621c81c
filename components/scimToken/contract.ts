// The contract of the project's own SCIM token resource: what it takes, what it returns, and the
// bounds of a token lifetime. The policy pack reads these input names from the engine, so they are
// part of the project's interface: rename nothing here without changing policies/ too.

/** `kind` input of every token resource: how the policy pack recognises it among dynamic resources. */
export const SCIM_TOKEN_KIND = "oktaScim:ScimToken";

/** Auth0 refuses `token_lifetime` of 900 s or less (Management API, POST …/scim-configuration/tokens). */
export const MIN_TOKEN_LIFETIME_SECONDS = 901;

/**
 * The project's maximum lifetime: one year. Auth0 documents no maximum; the project caps it because a
 * bearer token that outlives a yearly rotation defeats the reason for setting an expiry at all.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 365 * 24 * 60 * 60;

/**
 * Tenant credentials of the deploying machine-to-machine app. Secret end to end; never in a dynamic
 * token's state (the plugin's token type keeps them, encrypted, in its own: hostedProvider.ts).
 */
export interface TenantCredentials {
  domain: string;
  clientId: string;
  clientSecret: string;
}

/** Inputs of one token resource (plain values, as the dynamic provider receives them). */
export interface ScimTokenInputs {
  kind: typeof SCIM_TOKEN_KIND;
  connectionId: string;
  /** Normalised (canonical order, no duplicates). */
  scopes: string[];
  /** Absent = the token never expires. */
  tokenLifetimeSeconds?: number;
  /** The generation name from config; also part of the resource name. */
  generation: string;
  /**
   * The Auth0 tenant the token lives in (plain). The dynamic token has no credential input: they are
   * looked up at call time (credentials.ts), so rotating them never touches a token. The plugin's
   * token type adds them as the secret input `tenant` (hostedProvider.ts).
   */
  domain: string;
}

/**
 * What releases before credentials were looked up at call time kept in each token's inputs and
 * outputs: the tenant credentials, client secret included. New code only meets it in `check`, `diff`
 * and `update` (refresh and delete of such a token run the code stored with it), and the first
 * update drops it from the state.
 */
export interface LegacyTokenState {
  credentials?: Partial<TenantCredentials>;
}

/** Outputs (state) of one token resource. `token` is a secret output. */
export interface ScimTokenOutputs extends ScimTokenInputs {
  tokenId: string;
  token: string;
  /** ISO timestamp, or null for a token without expiry. */
  validUntil: string | null;
  createdAt: string;
  /** When Okta (or anyone) last used the token; null when never. Refreshed by `pulumi refresh`. */
  lastUsedAt: string | null;
  /**
   * True once `pulumi refresh` saw validUntil pass. The token stays in the state (Auth0 still lists it
   * and it may hold one of the connection's two slots) and every preview demands the rotation.
   */
  expired: boolean;
}

/** One entry of Auth0's token list (the token value is never listed). */
export interface ListedToken {
  tokenId: string;
  scopes: string[];
  createdAt: string;
  validUntil: string | null;
  lastUsedAt: string | null;
}

export interface CreatedToken extends ListedToken {
  token: string;
}

/** Why a lifetime is not acceptable, or undefined when it is (absent is acceptable: no expiry). */
export function lifetimeProblem(seconds: unknown): string | undefined {
  if (seconds === undefined) return undefined;
  if (typeof seconds !== "number" || !Number.isInteger(seconds)) return "must be a whole number of seconds";
  if (seconds < MIN_TOKEN_LIFETIME_SECONDS) return `must be more than 900 seconds (Auth0's minimum); 90 days is 7776000`;
  if (seconds > MAX_TOKEN_LIFETIME_SECONDS) return `must be at most ${MAX_TOKEN_LIFETIME_SECONDS} seconds (one year, this project's maximum)`;
  return undefined;
}

/** True when the token's validUntil lies at or before `now`: Auth0 no longer accepts it. */
export function isExpired(validUntil: string | null, now: Date): boolean {
  return validUntil !== null && Date.parse(validUntil) <= now.getTime();
}

/**
 * Why a token cannot be imported (`import` option, `pulumi import`) or read by id (`id` option, `get`):
 * Auth0 never returns a token's value after creation, so the state would hold a token whose value
 * nobody can paste into Okta.
 */
export function importRefusal(what: string): string {
  return `${what}: a SCIM token cannot be imported or read by id, because Auth0 never returns a token's value after creation (the state would hold a token nobody can paste into Okta). Declare the generation without import/id: \`pulumi up\` creates a new token; once Okta uses it, delete the old one in the Auth0 dashboard (the connection's Provisioning tab).`;
}
