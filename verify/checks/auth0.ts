// Auth0 read-back checks, from what the Management API returns (no SDK here: see ../auth0ReadBack.ts).
import { describeReadBackError } from "../readBackError";
import { type CheckResult, fail, pass, warn } from "./result";

export const AUTH0_CHECKS = {
  userIdAttribute: "auth0.scim-user-id-attribute",
  tokenExpiry: "auth0.scim-token-expiry",
  tokenLastUsed: "auth0.scim-token-last-used",
  unrecordedTokens: "auth0.scim-tokens-all-the-stacks",
  // With --write: what Auth0 stored of Okta's bodies (./storedUser.ts).
  storedAfterCreate: "auth0.user-attributes-after-create",
  storedAfterUpdate: "auth0.user-attributes-after-update",
} as const;

export interface ScimTokenInfo {
  token_id?: string;
  created_at?: string;
  valid_until?: string | null;
  last_used_at?: string | null;
}

export interface Auth0ReadBack {
  scimUserIdAttribute(connectionId: string): Promise<string>;
  scimTokens(connectionId: string): Promise<ScimTokenInfo[]>;
  /** The connection's SCIM mapping (`mapping` of the SCIM configuration). */
  scimMapping(connectionId: string): Promise<{ scim: string; auth0: string }[]>;
  /** The stored user (GET /api/v2/users/{id}; needs read:users). */
  user(userId: string): Promise<Record<string, unknown>>;
}

export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

export async function checkUserIdAttribute(readBack: Auth0ReadBack, connectionId: string): Promise<CheckResult> {
  try {
    const attribute = await readBack.scimUserIdAttribute(connectionId);
    return attribute === "externalId"
      ? pass(AUTH0_CHECKS.userIdAttribute, "SCIM user id attribute is externalId")
      : fail(AUTH0_CHECKS.userIdAttribute, `SCIM user id attribute is "${attribute}", expected "externalId" (Okta puts its user id there)`);
  } catch (error) {
    return fail(AUTH0_CHECKS.userIdAttribute, describeReadBackError(error, "GET scim-configuration", "read:scim_config"));
  }
}

const newestFirst = (a: ScimTokenInfo, b: ScimTokenInfo) => Date.parse(b.created_at ?? "") - Date.parse(a.created_at ?? "");

/**
 * Which token is the stack's: the one with `stackTokenId` (from the stack's scimTokens output) when
 * known; otherwise the newest, since the Management API never returns token values and a rotation
 * creates the new token last.
 */
function stackToken(tokens: readonly ScimTokenInfo[], stackTokenId: string | undefined): ScimTokenInfo | undefined {
  if (stackTokenId !== undefined) return tokens.find((t) => t.token_id === stackTokenId);
  return [...tokens].sort(newestFirst)[0];
}

/** The stack's token fails when expired or gone; any live token expiring within 14 days warns. */
export function tokenExpiryCheck(tokens: readonly ScimTokenInfo[], now: Date, stackTokenId?: string): CheckResult {
  if (tokens.length === 0) return fail(AUTH0_CHECKS.tokenExpiry, "the connection has no SCIM token: Okta cannot authenticate");
  const current = stackToken(tokens, stackTokenId);
  if (!current) {
    return fail(AUTH0_CHECKS.tokenExpiry, `the stack's token ${stackTokenId} is not among the connection's tokens: it was deleted outside Pulumi`);
  }
  const until = (t: ScimTokenInfo) => (t.valid_until ? Date.parse(t.valid_until) : Infinity);
  if (until(current) <= now.getTime()) {
    return fail(AUTH0_CHECKS.tokenExpiry, `the stack's SCIM token ${current.token_id ?? ""} expired at ${current.valid_until}`);
  }
  const live = tokens.filter((t) => until(t) > now.getTime());
  const soon = live.filter((t) => until(t) - now.getTime() < EXPIRY_WARNING_DAYS * DAY_MS);
  if (soon.length) {
    const list = soon.map((t) => `${t.token_id ?? "?"} expires ${t.valid_until} (${Math.floor((until(t) - now.getTime()) / DAY_MS)} days)`);
    return warn(AUTH0_CHECKS.tokenExpiry, `${list.join("; ")}: under ${EXPIRY_WARNING_DAYS} days`);
  }
  const stale = tokens.length - live.length;
  const expiries = live.map((t) => t.valid_until ?? "never");
  return pass(
    AUTH0_CHECKS.tokenExpiry,
    `${live.length} live token(s), expiry: ${expiries.join(", ")}${stale ? `; ${stale} expired token(s) still listed` : ""}`,
  );
}

/** last_used_at tells whether Okta has called the endpoint with any token yet. */
export function tokenLastUsedCheck(tokens: readonly ScimTokenInfo[]): CheckResult {
  const used = tokens.map((t) => t.last_used_at).filter((d): d is string => !!d).sort();
  if (used.length === 0) {
    return warn(AUTH0_CHECKS.tokenLastUsed, "no SCIM token has been used yet: Okta has not connected (finish the console checklist steps O9-12)");
  }
  return pass(AUTH0_CHECKS.tokenLastUsed, `last used ${used[used.length - 1]}`);
}

/**
 * Every token on the connection should be one of the stack's generations. One that is not holds one of
 * Auth0's two slots: never used, it is what an interrupted `pulumi up` leaves (Auth0 made it, the
 * state never recorded it, its value is lost), so it fails; used, it is a hand-made token Okta still
 * holds (an adopted setup before its step 7), so it warns.
 */
export function unrecordedTokensCheck(tokens: readonly ScimTokenInfo[], stackTokenIds: readonly string[]): CheckResult {
  const others = tokens.filter((t) => !stackTokenIds.includes(t.token_id ?? ""));
  if (others.length === 0) return pass(AUTH0_CHECKS.unrecordedTokens, `the connection's ${tokens.length} token(s) are the stack's generations`);
  const describe = (t: ScimTokenInfo) => `${t.token_id ?? "?"} (created ${t.created_at ?? "?"}, ${t.last_used_at ? `last used ${t.last_used_at}` : "never used"})`;
  const lost = others.filter((t) => !t.last_used_at);
  const used = others.filter((t) => t.last_used_at);
  const parts = [
    lost.length ? `${lost.map(describe).join(", ")}: none of the stack's generations and never used, as an interrupted \`pulumi up\` leaves one; delete ${lost.length === 1 ? "it" : "them"}` : "",
    used.length ? `${used.map(describe).join(", ")}: not the stack's, and in use (a hand-made token Okta holds?)` : "",
  ].filter(Boolean);
  return (lost.length ? fail : warn)(AUTH0_CHECKS.unrecordedTokens, parts.join("; "));
}

export async function runAuth0Checks(readBack: Auth0ReadBack, connectionId: string, now: Date, stackTokenId?: string, stackTokenIds?: readonly string[]): Promise<CheckResult[]> {
  const results = [await checkUserIdAttribute(readBack, connectionId)];
  try {
    const tokens = await readBack.scimTokens(connectionId);
    results.push(tokenExpiryCheck(tokens, now, stackTokenId), tokenLastUsedCheck(tokens));
    // Only the stack's outputs say which tokens are its own: with --scim-url there is nothing to compare.
    if (stackTokenIds !== undefined) results.push(unrecordedTokensCheck(tokens, stackTokenIds));
  } catch (error) {
    const detail = describeReadBackError(error, "GET scim-configuration/tokens", "read:scim_token");
    results.push(fail(AUTH0_CHECKS.tokenExpiry, detail), fail(AUTH0_CHECKS.tokenLastUsed, detail));
    if (stackTokenIds !== undefined) results.push(fail(AUTH0_CHECKS.unrecordedTokens, detail));
  }
  return results;
}
