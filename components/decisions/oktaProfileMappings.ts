// The Okta → SCIM app profile mapping (Okta default user type → the custom SCIM app's app-user type).
//
// `okta.profile.Mapping` is declared with `deleteWhenAbsent: true`: every property it does not list is
// set to "no mapping". That is how the three "type" mappings that break Auth0's PUT are removed (Auth0
// procedure "Inbound SCIM for Okta Workforce connections", step "delete the mappings ... Type"), and why
// every mapping worth keeping must be listed here.
//
// The kept list is the set of SCIM 2.0 attributes Okta's SCIM app template maps by default, minus the
// type mappings; custom attributes from config are appended. The names were checked against public
// attribute tables of Okta SCIM 2.0 apps for the name, email and phone attributes (variable names
// givenName, familyName, middleName, honorificPrefix, honorificSuffix, email, primaryPhone,
// mobilePhone); the others follow Okta's naming but are not confirmed against a live app. An app
// whose schema lacks one makes phase 2's `pulumi up` fail with a 400: the connection's
// `omitBaseMappings` setting drops it from the list.
import type { CustomAttributeConfig } from "../../config/schema";

export interface ProfileMappingEntry {
  /** App-user attribute (target). */
  id: string;
  /** Okta expression evaluated against the Okta user. */
  expression: string;
  pushStatus: "PUSH" | "DONT_PUSH";
}

/** The expressions of the three type mappings that break Auth0's PUT handling (from the Auth0 doc). */
export const PUT_BREAKING_TYPE_EXPRESSIONS: readonly string[] = [
  "(user.email != null && user.email != '') ? 'work' : ''",
  "(user.primaryPhone != null && user.primaryPhone != '') ? 'work' : ''",
  "(user.streetAddress != null && user.streetAddress != '') ? 'work' : ''",
];

/** App attribute names those mappings target in custom SCIM apps (older apps: emailType). */
export const PUT_BREAKING_TYPE_ATTRIBUTES: readonly string[] = ["primaryEmailType", "emailType", "primaryPhoneType", "addressType"];

/** Normalises whitespace so `a!=null` and `a != null` compare equal. */
function normalizeExpression(expression: string): string {
  return expression.replace(/\s+/g, "").replace(/"/g, "'");
}

const BREAKING_NORMALIZED = new Set(PUT_BREAKING_TYPE_EXPRESSIONS.map(normalizeExpression));

/** True when a mapping entry is one of the PUT-breaking type mappings (by name or by expression). */
export function isPutBreakingTypeMapping(entry: { id: string; expression: string }): boolean {
  return PUT_BREAKING_TYPE_ATTRIBUTES.includes(entry.id) || BREAKING_NORMALIZED.has(normalizeExpression(entry.expression));
}

const push = (id: string, expression: string): ProfileMappingEntry => ({ id, expression, pushStatus: "PUSH" });

/** Okta user → SCIM app attributes kept by default (Okta SCIM 2.0 app template, type mappings left out). */
export const BASE_OKTA_TO_APP_MAPPINGS: readonly ProfileMappingEntry[] = [
  push("givenName", "user.firstName"),
  push("familyName", "user.lastName"),
  push("middleName", "user.middleName"),
  push("honorificPrefix", "user.honorificPrefix"),
  push("honorificSuffix", "user.honorificSuffix"),
  push("email", "user.email"),
  push("title", "user.title"),
  push("displayName", "user.displayName"),
  push("nickName", "user.nickName"),
  push("profileUrl", "user.profileUrl"),
  push("primaryPhone", "user.primaryPhone"),
  push("mobilePhone", "user.mobilePhone"),
  push("streetAddress", "user.streetAddress"),
  push("locality", "user.city"),
  push("region", "user.state"),
  push("postalCode", "user.zipCode"),
  push("country", "user.countryCode"),
  push("preferredLanguage", "user.preferredLanguage"),
  push("locale", "user.locale"),
  push("timezone", "user.timezone"),
  push("userType", "user.userType"),
  push("employeeNumber", "user.employeeNumber"),
  push("costCenter", "user.costCenter"),
  push("organization", "user.organization"),
  push("division", "user.division"),
  push("department", "user.department"),
  push("managerValue", "user.managerId"),
  push("managerDisplayName", "user.manager"),
];

/** Names of the app's base attributes: a custom attribute may not reuse one (validation refuses it). */
export const BASE_APP_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set(BASE_OKTA_TO_APP_MAPPINGS.map((m) => m.id));

/**
 * The full, explicit mapping list for one SCIM app: the base list (less the attributes the connection
 * omits, for apps whose schema lacks them) plus one entry per custom attribute.
 */
export function oktaToAppMappings(customAttributes: readonly CustomAttributeConfig[], omit: readonly string[] = []): ProfileMappingEntry[] {
  return [...BASE_OKTA_TO_APP_MAPPINGS.filter((m) => !omit.includes(m.id)), ...customAttributes.map((a) => push(a.index, a.source))];
}
