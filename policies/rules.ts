// Pure rule helpers, one per resource policy: props in (as the engine passes them), problems out.
// Each problem says what is wrong and what to change; none repeats a secret (no token, no client
// secret, no provider closure is ever read into a message).
import { DECOMMISSION_METADATA_KEY, isPutBreakingTypeMapping, OKTA_IDENTITY_SCIM_MAPPINGS, OKTA_REQUIRED_SCIM_TOKEN_SCOPES, SCIM_NAMESPACES } from "./facts";
import { readKnown } from "./previewValues";
import { stringList, type ScimTokenView } from "./resources";

type Props = Record<string, unknown>;

const record = (value: unknown): Props => (value !== null && typeof value === "object" ? (value as Props) : {});

/** 1. An okta-strategy connection with SCIM must not overwrite SCIM's profile at each login. */
export function syncOnFirstLoginProblems(props: Props): string[] {
  if (props.strategy !== "okta") return [];
  // During preview the engine passes options leaf by leaf: the program's client id is unknown, the
  // mode is not. Options computed as a whole from unknown values (an apply over an app's outputs)
  // arrive unknown: the rule cannot see the mode then, and says so as a violation, never as a
  // "can't run" that a preview shows as advisory and lets through (seen on the real engine).
  const read = readKnown(() => record(props.options).setUserRootAttributes);
  if (!read.known) {
    return ["options.setUserRootAttributes is not known during preview (options are computed from values that do not exist yet), so the sync mode cannot be checked. Declare options as an object whose setUserRootAttributes is the plain value \"on_first_login\"."];
  }
  const mode = read.value;
  if (mode === "on_first_login") return [];
  const shown = mode === undefined ? "unset (Auth0 default on_each_login)" : JSON.stringify(mode);
  return [
    `options.setUserRootAttributes is ${shown}: each login would overwrite the profile SCIM provisions ` +
      `(never_on_login also stops creating users at login). Set options.setUserRootAttributes to "on_first_login".`,
  ];
}

const TWO_STEP_PATH =
  "To remove a connection on purpose, take the reviewed two-step path: set connections[].decommission: true (its SCIM tokens are deleted, the connection is unprotected and marked), `pulumi up`, then remove it from config (docs/day-2-operations.md, Teardown).";

/**
 * 2. Deleting or replacing an Auth0 connection deletes every user in it: it is protected, unless it is
 * being decommissioned, which the connection itself says (metadata key DECOMMISSION_METADATA_KEY with a
 * non-empty value). `metadata` is read through the preview proxy: if it is unknown, the policy cannot
 * see the marker and refuses, rather than giving no verdict.
 */
export function connectionProtectedProblems(protect: boolean, props: Props): string[] {
  if (protect) return [];
  const marker = readKnown(() => {
    const value = record(props.metadata)[DECOMMISSION_METADATA_KEY];
    return typeof value === "string" ? value : undefined;
  });
  if (!marker.known) {
    return [`the connection is not protected and its metadata is not known yet, so the decommission marker cannot be seen: deleting or replacing it deletes every user in it. Declare metadata from plain values. ${TWO_STEP_PATH}`];
  }
  if (marker.value !== undefined && marker.value !== "") return [];
  return [`the connection is not protected and not marked as being decommissioned (metadata "${DECOMMISSION_METADATA_KEY}"): deleting or replacing it deletes every user in it. Keep it protected (connections[].protect: true, the default). ${TWO_STEP_PATH}`];
}

/** Spacing, quote style and case do not change which SCIM attribute a path reads. */
function canonicalScimPath(path: string): string {
  return path.trim().replace(/\s+/g, " ").replace(/'/g, '"').toLowerCase();
}

/** A path naming a schema URN must name one Auth0 maps (core User or the enterprise extension). */
function unknownNamespace(path: string): boolean {
  if (!path.toLowerCase().startsWith("urn:")) return false;
  return !SCIM_NAMESPACES.some((ns) => path.startsWith(`${ns}.`) || path.startsWith(`${ns}:`));
}

/**
 * 3. Okta identifies users by externalId and matches them by userName; the mapping list is one-to-one
 * and names only namespaces Auth0 maps. Other defaults may be read from another SCIM path (overrides).
 */
export function scimConfigurationProblems(props: Props): string[] {
  const hasId = props.userIdAttribute !== undefined;
  const hasMappings = props.mappings !== undefined;
  // Neither given: Auth0 applies its okta defaults, which are externalId and a userName mapping.
  if (!hasId && !hasMappings) return [];
  const problems: string[] = [];
  if (props.userIdAttribute !== "externalId") {
    problems.push(`userIdAttribute is ${hasId ? JSON.stringify(props.userIdAttribute) : "unset"}; Okta Workforce sends the user id as externalId. Set userIdAttribute: "externalId".`);
  }
  const mappings = (Array.isArray(props.mappings) ? props.mappings.map(record) : []).map((m) => ({ scim: String(m.scim ?? ""), auth0: String(m.auth0 ?? "") }));
  if (!mappings.some((m) => m.scim === "userName")) {
    problems.push('no mapping reads the SCIM attribute userName (Okta\'s unique identifier). Keep { scim: "userName", auth0: "preferred_username" } in mappings.');
  }
  for (const identity of OKTA_IDENTITY_SCIM_MAPPINGS) {
    const given = mappings.find((m) => m.auth0 === identity.auth0);
    if (given && canonicalScimPath(given.scim) !== canonicalScimPath(identity.scim)) {
      problems.push(`${identity.auth0} is read from ${given.scim}; Okta identifies users by ${identity.scim}. Remove that override (scim.mappingOverrides).`);
    }
  }
  const seenScim = new Map<string, string>();
  const seenAuth0 = new Set<string>();
  for (const m of mappings) {
    const key = canonicalScimPath(m.scim);
    const first = seenScim.get(key);
    if (first !== undefined && first !== m.auth0) problems.push(`${m.scim} fills both ${first} and ${m.auth0}: each SCIM path may fill one Auth0 attribute. Fix scim.mappingOverrides / additionalMappings.`);
    else seenScim.set(key, m.auth0);
    if (seenAuth0.has(m.auth0)) problems.push(`${m.auth0} is filled by two mappings: keep one (scim.mappingOverrides / additionalMappings).`);
    seenAuth0.add(m.auth0);
    if (unknownNamespace(m.scim)) problems.push(`${m.scim} is in a namespace Auth0 does not map; use ${SCIM_NAMESPACES.join(" or ")}.`);
  }
  return problems;
}

/** 4. Exactly what Okta needs, nothing outside the allow-list. */
export function tokenScopeProblems(token: ScimTokenView, allowedScopes: readonly string[]): string[] {
  const problems: string[] = [];
  const missing = OKTA_REQUIRED_SCIM_TOKEN_SCOPES.filter((s) => !token.scopes.includes(s));
  if (missing.length > 0) {
    problems.push(`the token lacks ${missing.join(", ")}, which Okta needs to list, create and update users. Add them to connections[].scim.tokenScopes (or the generation's scopes in connections[].scim.tokens).`);
  }
  const extra = [...new Set(token.scopes.filter((s) => !allowedScopes.includes(s)))];
  if (extra.length > 0) {
    problems.push(
      `the token holds ${extra.join(", ")}, outside the allowed scopes (${allowedScopes.join(", ")}). ` +
        "Remove them from connections[].scim.tokenScopes (or the generation's scopes in connections[].scim.tokens), or allow them in this policy's allowedScopes.",
    );
  }
  return problems;
}

/** 5. A leaked token stops working within the maximum lifetime. */
export function tokenLifetimeProblems(token: ScimTokenView, maxLifetimeDays: number): string[] {
  const maxSeconds = maxLifetimeDays * 86400;
  // A lifetime never changes in place (the token provider refuses it): the fix is always a new generation.
  const fix = `Add a token generation with lifetimeSeconds of at most ${maxSeconds} (${maxLifetimeDays} days) to connections[].scim.tokens, paste its token into Okta, then remove the old one`;
  if (token.shape === "auth0.ConnectionScimToken") {
    return [`auth0.ConnectionScimToken never expires (the provider has no lifetime argument). Declare the token with the project's token resource instead: ${fix}.`];
  }
  if (token.tokenLifetimeSeconds === undefined) {
    return [`the token never expires. ${fix}.`];
  }
  if (!Number.isFinite(token.tokenLifetimeSeconds) || token.tokenLifetimeSeconds > maxSeconds) {
    return [`the token lives ${token.tokenLifetimeSeconds} s, longer than ${maxSeconds} s (${maxLifetimeDays} days). ${fix}; or raise this policy's maxLifetimeDays.`];
  }
  return [];
}

export interface OidcAppRuleConfig {
  allowRefreshToken: boolean;
  auth0CustomDomains: readonly string[];
  /** The stack's Auth0 tenant domains; empty allows any *.auth0.com tenant. */
  auth0Domains: readonly string[];
}

/**
 * Why a redirect URI is not `https://<this tenant's domain or an allowed custom domain>/login/callback`,
 * or undefined. Messages name host and path only: a URI may carry credentials.
 */
export function redirectUriProblem(uri: string, config: Pick<OidcAppRuleConfig, "auth0CustomDomains" | "auth0Domains">): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return "a redirect URI is not a URL";
  }
  const shown = `${url.host}${url.pathname}`;
  if (url.protocol !== "https:") return `redirect URI ${shown} does not use https`;
  if (url.username || url.password || url.port || url.search || url.hash) return `redirect URI ${shown} carries credentials, a port, a query or a fragment`;
  if (url.pathname !== "/login/callback") return `redirect URI ${shown} is not Auth0's /login/callback`;
  const host = url.hostname;
  if (config.auth0CustomDomains.includes(host)) return undefined;
  const tenant = config.auth0Domains.length > 0 ? config.auth0Domains.includes(host) : /^[a-z0-9-]+(\.[a-z0-9-]+)*\.auth0\.com$/.test(host);
  if (!tenant) {
    return config.auth0Domains.length > 0
      ? `redirect URI ${shown} points at ${host}, neither this stack's Auth0 tenant (auth0Domains) nor an allowed Auth0 custom domain (auth0CustomDomains)`
      : `redirect URI ${shown} points at ${host}, neither an *.auth0.com tenant domain nor an allowed Auth0 custom domain (auth0CustomDomains)`;
  }
  return undefined;
}

/** 6. The OIDC log-in app: broker mode off, Auth0 callback only, code flow only. */
export function oidcAppProblems(props: Props, config: OidcAppRuleConfig): string[] {
  const problems: string[] = [];
  if (props.implicitAssignment === true) {
    problems.push("Federation Broker Mode is on (implicitAssignment: true): every Okta user could log in, assigned or not. Set implicitAssignment: false.");
  }
  const uris = stringList(props.redirectUris);
  if (uris.length === 0) problems.push("the app has no redirect URI. Set redirectUris to [https://<Auth0 login domain>/login/callback].");
  for (const uri of uris) {
    const problem = redirectUriProblem(uri, config);
    if (problem) problems.push(`${problem}. Use https://<Auth0 login domain>/login/callback.`);
  }
  const allowed = config.allowRefreshToken ? ["authorization_code", "refresh_token"] : ["authorization_code"];
  const grants = stringList(props.grantTypes);
  const extra = grants.filter((g) => !allowed.includes(g));
  if (extra.length > 0 || !grants.includes("authorization_code")) {
    problems.push(
      `grant types are [${grants.join(", ")}]; allowed: authorization_code${config.allowRefreshToken ? " (+ refresh_token)" : ""}. ` +
        "Set grantTypes accordingly (refresh_token needs connections[].oidcApp.refreshToken and this policy's allowRefreshToken).",
    );
  }
  return problems;
}

/** 7. The provisioning app is not something users should click. */
export function scimAppHiddenProblems(props: Props): string[] {
  const shown = (["hideWeb", "hideIos"] as const).filter((k) => props[k] !== true);
  return shown.length === 0 ? [] : [`${shown.join(" and ")} not true: the SCIM app's tile shows to users. Set hideWeb: true and hideIos: true.`];
}

/** 8. No PUT-breaking type mapping, and everything unlisted deleted. */
export function profileMappingProblems(props: Props): string[] {
  const problems: string[] = [];
  if (props.deleteWhenAbsent !== true) {
    problems.push("deleteWhenAbsent is not true: Okta keeps the template's type mappings that this list leaves out. Set deleteWhenAbsent: true.");
  }
  const mappings = Array.isArray(props.mappings) ? props.mappings.map(record) : [];
  for (const m of mappings) {
    const entry = { id: String(m.id ?? ""), expression: String(m.expression ?? "") };
    if (isPutBreakingTypeMapping(entry)) {
      problems.push(`mapping ${entry.id} (${entry.expression}) is one of the three type mappings that break Auth0's PUT. Remove it from mappings.`);
    }
  }
  return problems;
}

/** 9. Custom attributes reach Auth0 only under a SCIM 2.0 namespace it maps. */
export function customAttributeProblems(props: Props, allowedNamespaces: readonly string[]): string[] {
  const problems: string[] = [];
  if (typeof props.externalName !== "string" || props.externalName === "") {
    problems.push(`attribute ${String(props.index)} has no externalName: Okta would not send it over SCIM. Set customAttributes[].externalName.`);
  }
  if (typeof props.externalNamespace !== "string" || !allowedNamespaces.includes(props.externalNamespace)) {
    problems.push(
      `attribute ${String(props.index)} is sent under ${props.externalNamespace === undefined ? "no namespace" : JSON.stringify(props.externalNamespace)}; ` +
        `allowed: ${allowedNamespaces.join(", ")}. Set customAttributes[].externalNamespace to one of them.`,
    );
  }
  return problems;
}
