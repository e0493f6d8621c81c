// Auth0 inbound SCIM attribute mappings for an okta-strategy connection.
//
// Giving `mappings` to auth0.ConnectionScimConfiguration REPLACES Auth0's default list, and the
// provider requires `mappings` together with `userIdAttribute`. So the defaults are stated here, in
// one place, and the connection's additional mappings are appended to them.
import type { ScimMapping } from "../../config/schema";

/** The SCIM attribute that holds the user id, as the Auth0 procedure requires for Okta Workforce. */
export const SCIM_USER_ID_ATTRIBUTE = "externalId";

/**
 * Auth0's default mapping for an okta-strategy connection, in the order Auth0 returns it.
 * Source: the Management API response to GET /api/v2/connections/{id}/scim-configuration/default-mapping
 * for a `strategy: okta` connection, as recorded in auth0/terraform-provider-auth0
 * test/data/recordings/TestAccSCIMConfiguration.yaml (commit 7660a34e, 2025-05-06); a configuration
 * created without a body gets the same 32 pairs and user_id_attribute externalId.
 * Re-check with `auth0.getConnectionScimConfiguration(...).defaultMappings` when Auth0 changes them.
 */
export const AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS: readonly ScimMapping[] = [
  { scim: "userName", auth0: "preferred_username" },
  { scim: "emails[primary eq true].value", auth0: "email" },
  { scim: "externalId", auth0: "app_metadata.external_id" },
  { scim: "active", auth0: "blocked" },
  { scim: "displayName", auth0: "name" },
  { scim: "name.givenName", auth0: "given_name" },
  { scim: "name.familyName", auth0: "family_name" },
  { scim: "name.middleName", auth0: "app_metadata.middle_name" },
  { scim: "name.honorificPrefix", auth0: "app_metadata.honorific_prefix" },
  { scim: "name.honorificSuffix", auth0: "app_metadata.honorific_suffix" },
  { scim: "nickName", auth0: "nickname" },
  { scim: "photos[type eq \"photo\"].value", auth0: "picture" },
  { scim: "phoneNumbers[primary eq true].value", auth0: "app_metadata.primary_phone_number" },
  { scim: "phoneNumbers[type eq \"mobile\"].value", auth0: "app_metadata.mobile_phone_number" },
  { scim: "addresses[type eq \"work\"].streetAddress", auth0: "app_metadata.street_address" },
  { scim: "addresses[type eq \"work\"].locality", auth0: "app_metadata.city" },
  { scim: "addresses[type eq \"work\"].region", auth0: "app_metadata.state" },
  { scim: "addresses[type eq \"work\"].postalCode", auth0: "app_metadata.postal_code" },
  { scim: "addresses[type eq \"work\"].formatted", auth0: "app_metadata.postal_address" },
  { scim: "addresses[type eq \"work\"].country", auth0: "app_metadata.country" },
  { scim: "profileUrl", auth0: "app_metadata.profile_url" },
  { scim: "userType", auth0: "app_metadata.user_type" },
  { scim: "title", auth0: "app_metadata.title" },
  { scim: "preferredLanguage", auth0: "app_metadata.language" },
  { scim: "locale", auth0: "app_metadata.locale" },
  { scim: "timezone", auth0: "app_metadata.timezone" },
  { scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.employeeNumber", auth0: "app_metadata.employee_id" },
  { scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.costCenter", auth0: "app_metadata.cost_center" },
  { scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.organization", auth0: "app_metadata.organization" },
  { scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.division", auth0: "app_metadata.division" },
  { scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department", auth0: "app_metadata.department" },
  { scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.manager", auth0: "app_metadata.manager" },
];

const key = (m: ScimMapping) => `${m.scim}\u0000${m.auth0}`;

/** Additional mappings that repeat a default (same SCIM attribute or same Auth0 attribute). */
export function mappingsDuplicatingDefaults(additional: readonly ScimMapping[]): ScimMapping[] {
  return additional.filter((m) => AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.some((d) => d.scim === m.scim || d.auth0 === m.auth0));
}

/**
 * The defaults with the connection's overrides applied: an override names a default by its Auth0
 * attribute and gives the SCIM path to read it from instead (for example app_metadata.city from
 * addresses[primary eq true].locality, because Okta sends addresses without type once the type
 * mappings are removed). Validation (config/crossFieldRules.ts) guarantees each override names a
 * default and keeps the list one-to-one.
 */
export function defaultMappingsWithOverrides(overrides: readonly ScimMapping[] = []): ScimMapping[] {
  return AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.map((d) => ({ scim: overrides.find((o) => o.auth0 === d.auth0)?.scim ?? d.scim, auth0: d.auth0 }));
}

/**
 * Overrides that read each default `addresses[type eq "work"].x` mapping from the primary address
 * instead. Phase 2 removes Okta's address type mapping (it breaks Auth0's PUT), after which Okta sends
 * the address marked primary and without type; the primary filter matches it with or without a type.
 * `npm run new-stack` writes these, as the example stacks have them (docs/scim-mappings.md).
 */
export function primaryAddressOverrides(): ScimMapping[] {
  const workAddress = 'addresses[type eq "work"].';
  return AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.filter((d) => d.scim.startsWith(workAddress)).map((d) => ({
    auth0: d.auth0,
    scim: `addresses[primary eq true].${d.scim.slice(workAddress.length)}`,
  }));
}

/** Whether an Auth0 attribute is one that Auth0's default okta mappings fill (what an override may name). */
export function isDefaultAuth0Attribute(auth0: string): boolean {
  return AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.some((d) => d.auth0 === auth0);
}

/** The full list sent to Auth0: the defaults (with overrides), then the additional mappings (duplicates dropped). */
export function scimMappings(additional: readonly ScimMapping[], overrides: readonly ScimMapping[] = []): ScimMapping[] {
  const seen = new Set<string>();
  const out: ScimMapping[] = [];
  for (const m of [...defaultMappingsWithOverrides(overrides), ...additional]) {
    if (!seen.has(key(m))) {
      seen.add(key(m));
      out.push({ scim: m.scim, auth0: m.auth0 });
    }
  }
  return out;
}
