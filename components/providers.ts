// Explicit providers, built from the stack config: one for the Auth0 tenant, one per Okta org.
// Default providers are disabled in the stack files, so a resource without one fails loudly.
import * as pulumi from "@pulumi/pulumi";
import * as auth0 from "@pulumi/auth0";
import * as okta from "@pulumi/okta";
import type { Auth0TenantConfig, OktaOrgConfig } from "../config/schema";

/**
 * Scopes an Okta OAuth service app needs for everything this project manages or looks up. Creating an
 * OAuth app on an Identity Engine org also assigns it the default access policy, which the provider
 * looks up first (terraform-provider-okta app_authentication_policy.go → ListPolicies): policies.read.
 */
export const OKTA_SERVICE_APP_SCOPES = [
  "okta.apps.manage",
  "okta.policies.read",
  "okta.groups.read",
  "okta.users.read",
  "okta.schemas.manage",
  "okta.profileMappings.manage",
  "okta.userTypes.read",
];

/** Half of the org's rate limit: room for other automation and the console. */
export const DEFAULT_MAX_API_CAPACITY = 50;

export function auth0Provider(tenant: Auth0TenantConfig): auth0.Provider {
  return new auth0.Provider("auth0-tenant", {
    domain: tenant.domain,
    clientId: tenant.clientId,
    clientSecret: pulumi.secret(tenant.clientSecret),
  });
}

export function oktaProvider(org: OktaOrgConfig): okta.Provider {
  const credentials =
    org.apiToken !== undefined
      ? { apiToken: pulumi.secret(org.apiToken) }
      : {
          clientId: org.clientId,
          privateKeyId: org.privateKeyId,
          privateKey: pulumi.secret(org.privateKey ?? ""),
          scopes: OKTA_SERVICE_APP_SCOPES,
        };
  return new okta.Provider(`okta-${org.name}`, {
    orgName: org.orgName,
    baseUrl: org.baseUrl,
    ...credentials,
    // Okta's rate limits are per org and per minute; leave room for other automation and the console.
    maxApiCapacity: org.maxApiCapacity ?? DEFAULT_MAX_API_CAPACITY,
    backoff: true,
    maxRetries: 5,
  });
}
