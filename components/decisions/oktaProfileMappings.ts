// The Okta → SCIM app profile mapping (Okta default user type → the custom SCIM app's app-user type).
//
// `okta.profile.Mapping` is declared with `deleteWhenAbsent: true`: every property it does not list is
// set to "no mapping". That is how the three "type" mappings that break Auth0's PUT are removed (Auth0
// procedure "Inbound SCIM for Okta Workforce connections", step "delete the mappings ... Type"), and why
// every mapping worth keeping must be listed here. Deleting or replacing the mapping resource while
// `deleteWhenAbsent` is on wipes every Okta → app mapping of the app (docs/okta-app-schema.md).
//
// Phase 2 never guesses app attribute names: the list is built from the SCIM app's actual user schema,
// `scimApp.attributes` in the stack config, which `npm run verify -- --capture-app-schema` reads from
// Okta (GET /api/v1/meta/schemas/apps/{appId}/default) and a reviewer commits. Chosen over reading the
// schema at deploy time because @pulumi/okta 7.0.0 has no data source for an app's user schema (only
// resources that own single properties), a direct Okta call from the program would need the org's
// credentials and network in every preview and in `npm run plan`, and a committed list makes a change
// of the app's schema visible in review before it changes what Okta pushes. So:
// - a base attribute below is mapped only when the app's schema has it (a name the app lacks would make
//   `pulumi up` fail with a 400; only 8 of the names below are confirmed by public sources);
// - every attribute the schema has is accounted for (crossFieldRules): mapped, a type mapping (left
//   unmapped on purpose), `userName` (Okta fills it from the app's username format), a custom attribute
//   of the config, or listed in `omitBaseMappings`; anything else is refused, so none is forgotten.
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

/** Okta fills the app's userName from the app's username format, not from the profile mapping. */
export const USERNAME_APP_ATTRIBUTE = "userName";

/**
 * The full, explicit mapping list for one SCIM app: the base entries whose attribute the app's schema
 * has (less those the connection omits), plus one entry per custom attribute the stack declares.
 */
export function oktaToAppMappings(
  customAttributes: readonly CustomAttributeConfig[],
  omit: readonly string[],
  appAttributes: readonly string[],
): ProfileMappingEntry[] {
  const inApp = new Set(appAttributes);
  return [...BASE_OKTA_TO_APP_MAPPINGS.filter((m) => inApp.has(m.id) && !omit.includes(m.id)), ...customAttributes.map((a) => push(a.index, a.source))];
}

export interface AppSchemaProblem {
  /** Which list the problem is in, and the entry's index there. */
  list: "attributes" | "omitBaseMappings";
  index: number;
  message: string;
}

/** Attributes of the app's schema that nothing maps or deliberately leaves unmapped, and omissions that name nothing. */
export function appSchemaProblems(appAttributes: readonly string[], customAttributes: readonly CustomAttributeConfig[], omit: readonly string[]): AppSchemaProblem[] {
  const custom = new Set(customAttributes.map((a) => a.index));
  const problems: AppSchemaProblem[] = [];
  appAttributes.forEach((name, index) => {
    const accounted =
      BASE_APP_ATTRIBUTE_NAMES.has(name) || PUT_BREAKING_TYPE_ATTRIBUTES.includes(name) || name === USERNAME_APP_ATTRIBUTE || custom.has(name) || omit.includes(name);
    if (!accounted) {
      problems.push({
        list: "attributes",
        index,
        message: `${name} is an attribute of the SCIM app that this project has no Okta source for: list it in omitBaseMappings to leave it unmapped (phase 2 clears any mapping it has), or declare it in customAttributes with its source`,
      });
    }
  });
  omit.forEach((name, index) => {
    if (PUT_BREAKING_TYPE_ATTRIBUTES.includes(name)) problems.push({ list: "omitBaseMappings", index, message: `${name} is a type mapping, always left unmapped; remove it here` });
    else if (custom.has(name)) problems.push({ list: "omitBaseMappings", index, message: `${name} is declared in customAttributes, which maps it; remove it from one of the two` });
    else if (!appAttributes.includes(name)) problems.push({ list: "omitBaseMappings", index, message: `${name} is not an attribute of the SCIM app (scimApp.attributes); remove it` });
  });
  return problems;
}
