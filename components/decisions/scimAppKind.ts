// Which Okta app carries provisioning (issue 22). Two kinds:
// - `custom` (the default, and every stack deployed before it): the SWA-wizard app this stack creates
//   (okta.app.AutoLogin). Auth0's guide until 2026-06; Okta sends PUT for updates and deactivation.
// - `catalog`: Okta's catalog app "(OAuth Bearer Token) Governance with SCIM 2.0", Auth0's OIDC guide
//   since 2026-06-05 (auth0/docs-v2 commit 698705a9). No public Okta source names its API key (the
//   `name` okta.app.Swa's preconfiguredApp needs), and the provider forces AUTO_LOGIN with
//   preconfiguredApp (resource_okta_app_swa.go), so the stack never creates it: an admin adds it from
//   the catalog, the config gives its id, and the stack declares its assignments, phase 2 and the
//   checklist for that id. Removing the connection therefore leaves the app itself to the admin.
// Okta's SCIM 2.0 reference (okta-developer-docs, reference/scim/scim-20) says integrations from the
// catalog (OIN) update and deactivate users with PATCH, so that app's token also needs patch:users,
// which Auth0's guide leaves out.
import type { ScimTokenScope } from "./tokenScopes";

export const SCIM_APP_KINDS = ["custom", "catalog"] as const;
export type ScimAppKind = (typeof SCIM_APP_KINDS)[number];

/** The catalog app's name as Okta's "Browse App Catalog" lists it. */
export const CATALOG_SCIM_APP_DISPLAY_NAME = "(OAuth Bearer Token) Governance with SCIM 2.0";

/** The Auth0 page each kind follows, with the date of the version followed. */
export const SCIM_APP_KIND_SOURCES: Record<ScimAppKind, string> = {
  custom: 'Auth0, "Inbound SCIM for Okta Workforce connections", the SWA-app version (before 2026-06-05)',
  catalog: 'Auth0, "Inbound SCIM for Okta Workforce connections", the catalog-app version (auth0/docs-v2 698705a9, 2026-06-05)',
};

/** What Okta sends for each kind: list/filter, create, and PUT (custom) or PATCH too (catalog). */
export const REQUIRED_SCOPES_BY_KIND: Record<ScimAppKind, readonly ScimTokenScope[]> = {
  custom: ["get:users", "post:users", "put:users"],
  catalog: ["get:users", "post:users", "put:users", "patch:users"],
};

export interface ScimAppKindSettings {
  kind?: ScimAppKind;
  /** catalog: the id of the catalog app an admin added. */
  appId?: string;
  /** custom only: the catalog app this connection is moving to (docs/catalog-app.md). */
  movingTo?: { appId: string };
}

/** The kind of a connection's SCIM app: absent is `custom`, so stacks written before the kind existed plan unchanged. */
export function scimAppKind(app: ScimAppKindSettings): ScimAppKind {
  return app.kind ?? "custom";
}

/**
 * The Okta apps that carry provisioning for a connection, each with the child names of its
 * assignments. While a custom app moves to the catalog app both carry it, assigned the same people.
 */
export type ProvisioningApp = { kind: "custom" } | { kind: "catalog"; appId: string };

export function provisioningApps(app: ScimAppKindSettings): ProvisioningApp[] {
  if (scimAppKind(app) === "catalog") return [{ kind: "catalog", appId: app.appId ?? "" }];
  return app.movingTo ? [{ kind: "custom" }, { kind: "catalog", appId: app.movingTo.appId }] : [{ kind: "custom" }];
}

/** The custom app's login page URL: config validation requires it for that kind (config/scimAppRules.ts). */
export function customAppUrl(app: { url?: string }): string {
  if (app.url === undefined) throw new Error("scimApp.url is required for the custom SCIM app; config validation should have said so");
  return app.url;
}
