// Which Management API credentials a token operation uses, decided at call time. Pure.
//
// A token's state holds only its tenant domain; the client id and secret are looked up when create,
// refresh or delete runs, so a rotated client secret (or a new deploying client) reaches every
// existing token without touching it. Sources, first match wins:
// 1. The environment variables the auth0 provider itself reads (terraform-provider-auth0:
//    AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET), used only when AUTH0_DOMAIN names the
//    token's tenant: credentials meant for another tenant are never sent anywhere.
// 2. The stack's `oktaScim:auth0`, which the explicit `pulumi-nodejs` provider carries as its input
//    (engineProvider.ts): the engine hands it to the provider process through `configure`, from the
//    program on `pulumi up` and `--run-program`, from the provider's stored state on a plain refresh
//    or destroy.
// The plugin's token type (hostedProvider.ts) passes, in place of 2, the credentials of this run's
// program, else those its own state holds.
import type { TenantCredentials } from "./contract";

export const AUTH0_ENV = { domain: "AUTH0_DOMAIN", clientId: "AUTH0_CLIENT_ID", clientSecret: "AUTH0_CLIENT_SECRET" } as const;

/**
 * The explicit provider's input holding the stack's tenant config (JSON). Named like the stack config
 * key because the dynamic provider's `configure` reads it through the same `Config.get`, which only
 * takes a key as is when it contains a namespace.
 */
export const PROVIDER_TENANT_KEY = "oktaScim:auth0";

export type CredentialSource = "environment" | "stack config";

export interface ResolvedCredentials extends TenantCredentials {
  source: CredentialSource;
}

/** `Acme.EU.auth0.com/`, `https://acme.eu.auth0.com` → `acme.eu.auth0.com`. */
export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/+$/, "");
}

const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/** The tenant config as the provider's `configure` receives it (a JSON string), or undefined. */
export function tenantFromProviderConfig(value: unknown): TenantCredentials | undefined {
  let parsed: unknown = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const t = (parsed ?? {}) as Record<string, unknown>;
  const domain = text(t.domain);
  const clientId = text(t.clientId);
  const clientSecret = typeof t.clientSecret === "string" && t.clientSecret !== "" ? t.clientSecret : undefined;
  return domain && clientId && clientSecret ? { domain, clientId, clientSecret } : undefined;
}

/** Human words for a source, used in failure messages. */
export function describeSource(source: CredentialSource): string {
  return source === "environment"
    ? `the environment (${AUTH0_ENV.clientId}, ${AUTH0_ENV.clientSecret})`
    : "the stack config oktaScim:auth0 (as the scim-token-resources provider received it)";
}

/**
 * Credentials for the tenant `domain`, from the environment first, then the stack config. Throws a
 * plain Error (no subclass: see ScimTokenApiError on closure serialization) saying how to supply them.
 */
export function resolveCredentials(domain: string, env: Readonly<Record<string, string | undefined>>, configured: TenantCredentials | undefined): ResolvedCredentials {
  const wanted = normalizeDomain(domain);
  const envDomain = text(env[AUTH0_ENV.domain]);
  const envId = text(env[AUTH0_ENV.clientId]);
  const envSecret = env[AUTH0_ENV.clientSecret] || undefined;
  const envMatches = envDomain !== undefined && normalizeDomain(envDomain) === wanted;
  if (envMatches && envId && envSecret) return { domain, clientId: envId, clientSecret: envSecret, source: "environment" };
  if (configured && normalizeDomain(configured.domain) === wanted) return { ...configured, domain, source: "stack config" };

  const notes: string[] = [];
  if (envDomain !== undefined && !envMatches) notes.push(`${AUTH0_ENV.domain} is ${envDomain}, another tenant, so the environment's credentials were not used.`);
  if (envMatches && !(envId && envSecret)) notes.push(`${AUTH0_ENV.domain} names this tenant but ${AUTH0_ENV.clientId} or ${AUTH0_ENV.clientSecret} is empty.`);
  if (configured) notes.push(`The stack config's oktaScim:auth0.domain is ${configured.domain}, another tenant.`);
  throw new Error(
    [
      `No Auth0 Management API credentials for tenant ${domain}.`,
      ...notes,
      `Run it with the program (\`pulumi up\`, or \`pulumi refresh --run-program\` / \`pulumi destroy --run-program\`) so the stack's oktaScim:auth0 reaches the scim-token-resources provider, or set ${AUTH0_ENV.domain}=${domain}, ${AUTH0_ENV.clientId} and ${AUTH0_ENV.clientSecret} in the environment.`,
    ].join(" "),
  );
}
