// The Okta admin console settings of the SCIM app that only a person can set for a custom app (Okta:
// "application provisioning settings cannot be updated using the Application Connections API and must
// be updated in Okta Admin UI"). One list, read by both texts that tell an admin what to switch: the
// console checklist for the stack's own orgs (./consoleChecklist.ts) and the customer's hand-off page
// (./handoff/). Steps O9-14 of the Auth0 procedure "Inbound SCIM for Okta Workforce connections".
import { USERNAME_APP_ATTRIBUTE } from "./oktaProfileMappings";

/** Provisioning → Integration: "Unique identifier field for users". Auth0 maps SCIM userName. */
export const SCIM_UNIQUE_IDENTIFIER_FIELD = USERNAME_APP_ATTRIBUTE;

/** Provisioning → Integration: the "Supported provisioning actions" to tick; every other stays off. */
export const SCIM_PROVISIONING_ACTIONS: readonly string[] = ["Push New Users", "Push Profile Updates"];

/** Provisioning → Integration: the authentication mode; the token goes in its Authorization (Bearer) field. */
export const SCIM_AUTHENTICATION_MODE = "HTTP Header";

/** Provisioning → To App: the switches to enable. */
export const TO_APP_SWITCHES_ON: readonly string[] = ["Create Users", "Update User Attributes", "Deactivate Users"];

/** Provisioning → To App: the switch to leave off (Auth0's inbound SCIM does not take passwords from Okta). */
export const TO_APP_SWITCHES_OFF: readonly string[] = ["Sync Password"];

/** "A", "A and B", "A, B and C": how the console texts list switch names. */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// The catalog app "(OAuth Bearer Token) Governance with SCIM 2.0" (scimApp.kind catalog), as Auth0's
// OIDC guide describes its screens since 2026-06-05 (auth0/docs-v2 698705a9). It has no "Unique
// identifier field" and no list of supported actions to tick: the To App switches decide.

/** General tab → App Settings: what the guide sets, so users see no tile for it. */
export const CATALOG_GENERAL_SETTINGS: readonly string[] = ["Do not display application icon to users: ticked", "Browser plugin auto-submit: off"];

/** Provisioning → Integration: the button that opens the SCIM settings, and where the token goes. */
export const CATALOG_API_INTEGRATION = { open: "Configure API Integration → Enable API integration", baseUrl: "SCIM 2.0 Base Url", token: "OAuth Bearer Token", test: "Test API Credentials" } as const;

/** Provisioning → To App: the switch the catalog app has instead of Sync Password, left off. */
export const CATALOG_TO_APP_SWITCHES_OFF: readonly string[] = ["Set password when creating new users"];
