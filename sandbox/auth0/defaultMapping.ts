// The SCIM attribute mapping Auth0 applies to an `okta` connection when none is given (and what
// GET …/scim-configuration/default-mapping returns): 32 pairs, in Auth0's order, as recorded from the
// real API in terraform-provider-auth0's public TestAccSCIMConfiguration recording.
export interface ScimMappingPair {
  scim: string;
  auth0: string;
}

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

const pairs: Array<[scim: string, auth0: string]> = [
  ["userName", "preferred_username"],
  ["emails[primary eq true].value", "email"],
  ["externalId", "app_metadata.external_id"],
  ["active", "blocked"],
  ["displayName", "name"],
  ["name.givenName", "given_name"],
  ["name.familyName", "family_name"],
  ["name.middleName", "app_metadata.middle_name"],
  ["name.honorificPrefix", "app_metadata.honorific_prefix"],
  ["name.honorificSuffix", "app_metadata.honorific_suffix"],
  ["nickName", "nickname"],
  ['photos[type eq "photo"].value', "picture"],
  ["phoneNumbers[primary eq true].value", "app_metadata.primary_phone_number"],
  ['phoneNumbers[type eq "mobile"].value', "app_metadata.mobile_phone_number"],
  ['addresses[type eq "work"].streetAddress', "app_metadata.street_address"],
  ['addresses[type eq "work"].locality', "app_metadata.city"],
  ['addresses[type eq "work"].region', "app_metadata.state"],
  ['addresses[type eq "work"].postalCode', "app_metadata.postal_code"],
  ['addresses[type eq "work"].formatted', "app_metadata.postal_address"],
  ['addresses[type eq "work"].country', "app_metadata.country"],
  ["profileUrl", "app_metadata.profile_url"],
  ["userType", "app_metadata.user_type"],
  ["title", "app_metadata.title"],
  ["preferredLanguage", "app_metadata.language"],
  ["locale", "app_metadata.locale"],
  ["timezone", "app_metadata.timezone"],
  [`${ENTERPRISE}.employeeNumber`, "app_metadata.employee_id"],
  [`${ENTERPRISE}.costCenter`, "app_metadata.cost_center"],
  [`${ENTERPRISE}.organization`, "app_metadata.organization"],
  [`${ENTERPRISE}.division`, "app_metadata.division"],
  [`${ENTERPRISE}.department`, "app_metadata.department"],
  [`${ENTERPRISE}.manager`, "app_metadata.manager"],
];

/** A fresh copy of the okta default mapping (callers may keep and change it). */
export function oktaDefaultMapping(): ScimMappingPair[] {
  return pairs.map(([scim, auth0]) => ({ scim, auth0 }));
}

export const OKTA_DEFAULT_USER_ID_ATTRIBUTE = "externalId";
