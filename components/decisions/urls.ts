// Every URL the integration builds, in one place. Host names come from validated config, so these
// functions only assemble; they never guess.

/** Auth0's inbound SCIM base URL for a connection, as the dashboard shows it (no trailing slash). */
export function scimEndpointUrl(auth0Domain: string, connectionId: string): string {
  return `https://${auth0Domain}/scim/v2/connections/${connectionId}`;
}

/** Where Okta sends the authorization code back to Auth0. */
export function auth0LoginCallbackUrl(auth0LoginDomain: string): string {
  return `https://${auth0LoginDomain}/login/callback`;
}

/**
 * Every callback Auth0 may use: the custom domain's (where users log in) first, and the tenant
 * domain's, which the dashboard's "Try connection" and apps not yet moved to the custom domain use.
 */
export function auth0LoginCallbackUrls(tenantDomain: string, customDomain?: string): string[] {
  const domains = customDomain && customDomain !== tenantDomain ? [customDomain, tenantDomain] : [tenantDomain];
  return domains.map(auth0LoginCallbackUrl);
}

export function oktaOrgDomain(orgName: string, baseUrl: string): string {
  return `${orgName}.${baseUrl}`;
}

/** The Okta org authorization server's endpoints (issuer = the org URL). */
export function oktaOrgAuthorizationServer(oktaDomain: string) {
  const issuer = `https://${oktaDomain}`;
  return {
    issuer,
    authorizationEndpoint: `${issuer}/oauth2/v1/authorize`,
    tokenEndpoint: `${issuer}/oauth2/v1/token`,
    jwksUri: `${issuer}/oauth2/v1/keys`,
    userinfoEndpoint: `${issuer}/oauth2/v1/userinfo`,
  };
}

export type OktaAppTab = "general" | "assignments" | "provisioning" | "to-app" | "push-groups";

const TAB_FRAGMENTS: Record<OktaAppTab, string> = {
  general: "tab-general",
  assignments: "tab-assignments",
  provisioning: "tab-user-management",
  "to-app": "tab-user-management/create-n-update",
  "push-groups": "tab-push-groups",
};

/**
 * Direct link to a tab of an app in the Okta admin console. The path (`/admin/app/{name}/instance/{id}`)
 * is stable; the fragments are best effort (seen in public material, not documented by Okta).
 */
export function oktaAdminAppUrl(orgName: string, baseUrl: string, appName: string, appId: string, tab: OktaAppTab): string {
  return `https://${orgName}-admin.${baseUrl}/admin/app/${appName}/instance/${appId}/#${TAB_FRAGMENTS[tab]}`;
}

/** A page of the Okta admin console of an org whose app ids the stack does not know (a customer's org). */
export function oktaAdminConsoleUrl(orgName: string, baseUrl: string, path: string): string {
  return `https://${orgName}-admin.${baseUrl}${path}`;
}

/** The admin console's list of active apps, where "Create App Integration" starts both app wizards. */
export const OKTA_ADMIN_APPS_PATH = "/admin/apps/active";

/** The admin console's Tasks page, where Okta lists failed provisioning pushes (best effort, like the tab fragments). */
export const OKTA_ADMIN_TASKS_PATH = "/admin/tasks";
