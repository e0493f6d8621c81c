// Policy config: each threshold or allow-list has ONE default, used both in the policy's configSchema
// (which the CLI applies and shows) and when a policy reads its config (so a missing key never
// disables a rule). Override per stack with `--policy-pack-config <file.json>` or centrally.
import type { PolicyConfigSchema } from "@pulumi/policy";
import { OKTA_REQUIRED_SCIM_TOKEN_SCOPES, SCIM_NAMESPACES } from "./facts";

export const DEFAULTS = {
  tokenScopes: { allowedScopes: [...OKTA_REQUIRED_SCIM_TOKEN_SCOPES] },
  tokenLifetime: { maxLifetimeDays: 365 },
  oidcApp: { allowRefreshToken: false, auth0CustomDomains: [] as string[], auth0Domains: [] as string[] },
  customAttributes: { allowedNamespaces: [...SCIM_NAMESPACES] },
  rateLimit: { maxApiCapacity: 99, minManagedResources: 3 },
};

const stringList = (description: string, defaults: readonly string[]) => ({
  type: "array" as const,
  items: { type: "string" as const },
  default: [...defaults],
  description,
});

export const SCHEMAS = {
  tokenScopes: {
    properties: {
      allowedScopes: stringList("Scopes a SCIM token may hold (it must still hold the three Okta needs).", DEFAULTS.tokenScopes.allowedScopes),
    },
  },
  tokenLifetime: {
    properties: {
      maxLifetimeDays: { type: "integer", minimum: 1, default: DEFAULTS.tokenLifetime.maxLifetimeDays, description: "Longest token lifetime allowed, in days." },
    },
  },
  oidcApp: {
    properties: {
      allowRefreshToken: { type: "boolean", default: DEFAULTS.oidcApp.allowRefreshToken, description: "Allow the refresh_token grant besides authorization_code." },
      auth0CustomDomains: stringList("Auth0 custom domains a redirect URI may point at, besides the tenant domain.", DEFAULTS.oidcApp.auth0CustomDomains),
      auth0Domains: stringList("The stack's Auth0 tenant domains (acme.us.auth0.com). Empty allows any *.auth0.com tenant: pin it so a redirect to a foreign tenant fails.", DEFAULTS.oidcApp.auth0Domains),
    },
  },
  customAttributes: {
    properties: {
      allowedNamespaces: stringList("SCIM schema URNs a custom app attribute may be sent under.", DEFAULTS.customAttributes.allowedNamespaces),
    },
  },
  rateLimit: {
    properties: {
      maxApiCapacity: { type: "integer", minimum: 1, maximum: 100, default: DEFAULTS.rateLimit.maxApiCapacity, description: "Highest maxApiCapacity (percent of the org's rate limit) an Okta provider may set." },
      minManagedResources: { type: "integer", minimum: 1, default: DEFAULTS.rateLimit.minManagedResources, description: "From how many Okta resources on one provider the share is required." },
    },
  },
} satisfies Record<keyof typeof DEFAULTS, PolicyConfigSchema>;

/** A policy's effective config: its defaults, overridden by what the CLI passed. */
export function withDefaults<T extends object>(defaults: T, given: Partial<T>): T {
  return { ...defaults, ...given };
}
