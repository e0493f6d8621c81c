// The provider and API facts the rules rest on (see /work/shared/reference/provider-facts.md and the
// sources named below). The pack keeps its own copy instead of importing ../components: a pack is
// published (`pulumi policy publish`) as its own directory, so nothing outside policies/ travels with
// it. tests/policies/facts.test.ts fails when this copy and components/decisions drift apart.

/** Resource type tokens (the `__pulumiType` of @pulumi/auth0 3.49.0 and @pulumi/okta 7.0.0 classes). */
export const TYPES = {
  auth0Connection: "auth0:index/connection:Connection",
  scimConfiguration: "auth0:index/connectionScimConfiguration:ConnectionScimConfiguration",
  /** The provider's token: no expiry argument. The program no longer declares it; other stacks may. */
  auth0ScimToken: "auth0:index/connectionScimToken:ConnectionScimToken",
  oktaOidcApp: "okta:app/oAuth:OAuth",
  /** A redirect URI added to an OAuth app by its own resource: checked like the app's redirectUris. */
  oktaOidcRedirectUri: "okta:app/oAuthRedirectUri:OAuthRedirectUri",
  oktaAutoLoginApp: "okta:app/autoLogin:AutoLogin",
  oktaAppGroupAssignments: "okta:index/appGroupAssignments:AppGroupAssignments",
  oktaAppGroupAssignment: "okta:app/groupAssignment:GroupAssignment",
  oktaAppUser: "okta:app/user:User",
  oktaProfileMapping: "okta:profile/mapping:Mapping",
  oktaAppUserSchemaProperty: "okta:index/appUserSchemaProperty:AppUserSchemaProperty",
  oktaProvider: "pulumi:providers:okta",
  /** Group Push of one group (scim.groups): the integration's token must hold the group scopes. */
  oktaPushGroup: "okta:index/pushGroup:PushGroup",
} as const;

/** What Okta's Group Push sends to Auth0's /Groups (GET, POST, PUT, PATCH, DELETE): components/decisions/groupPush.ts. */
export const GROUP_PUSH_SCOPES: readonly string[] = ["get:groups", "post:groups", "put:groups", "patch:groups", "delete:groups"];

/** The `kind` input of the project's SCIM token resource (components/scimToken/contract.ts). */
export const SCIM_TOKEN_KIND = "oktaScim:ScimToken";

/** The token type the package's plugin serves (components/scimToken/hostedProvider.ts). */
export const HOSTED_SCIM_TOKEN_TYPE = "oktaScim:index:ScimToken";

/**
 * The project's token resource is typed `pulumi-nodejs:dynamic/scimToken:ScimToken` in a TypeScript
 * program (a dynamic resource; others are `pulumi-nodejs:dynamic:Resource` or
 * `pulumi-nodejs:dynamic/<module>:<Type>`), and `oktaScim:index:ScimToken` when the component runs in
 * the package's plugin for a program in another language (components/scimToken/hostedProvider.ts).
 * The pack recognises its token by the `kind` input on any of them, not by the type token: a renamed
 * type must not make a security rule pass silently.
 */
export function isTokenResourceType(type: string): boolean {
  return type === "pulumi-nodejs:dynamic:Resource" || type.startsWith("pulumi-nodejs:dynamic/") || type === HOSTED_SCIM_TOKEN_TYPE;
}

/** Scopes Okta Workforce uses against Auth0's SCIM server: list/filter, create, PUT (update, deactivate). */
export const OKTA_REQUIRED_SCIM_TOKEN_SCOPES: readonly string[] = ["get:users", "post:users", "put:users"];

/** Auth0 keeps at most two active SCIM tokens per connection (Management API, scim-configuration/tokens). */
export const AUTH0_MAX_SCIM_TOKENS_PER_CONNECTION = 2;

/** The SCIM 2.0 schema URNs Auth0's inbound SCIM maps (RFC 7643 core User and enterprise extension). */
export const SCIM_NAMESPACES: readonly string[] = [
  "urn:ietf:params:scim:schemas:core:2.0:User",
  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
];

/**
 * The mappings Okta finds, identifies and (de)activates users by (Auth0's okta defaults). A stack may
 * read other default attributes from another SCIM path (config scim.mappingOverrides, for example the
 * addresses by `primary eq true`), but never these.
 */
export const OKTA_IDENTITY_SCIM_MAPPINGS: readonly { scim: string; auth0: string }[] = [
  { scim: "userName", auth0: "preferred_username" },
  { scim: "externalId", auth0: "app_metadata.external_id" },
  { scim: "active", auth0: "blocked" },
];

/** The three Okta "type" mappings that break Auth0's PUT handling (Auth0 procedure, Okta step 15). */
export const PUT_BREAKING_TYPE_EXPRESSIONS: readonly string[] = [
  "(user.email != null && user.email != '') ? 'work' : ''",
  "(user.primaryPhone != null && user.primaryPhone != '') ? 'work' : ''",
  "(user.streetAddress != null && user.streetAddress != '') ? 'work' : ''",
];

/** App attribute names those mappings target in custom SCIM apps (older apps: emailType). */
export const PUT_BREAKING_TYPE_ATTRIBUTES: readonly string[] = ["primaryEmailType", "emailType", "primaryPhoneType", "addressType"];

/** Spacing and quote style do not change an Okta expression's meaning. */
function normalizeExpression(expression: string): string {
  return expression.replace(/\s+/g, "").replace(/"/g, "'");
}

const BREAKING_NORMALIZED = new Set(PUT_BREAKING_TYPE_EXPRESSIONS.map(normalizeExpression));

/** True when a mapping entry is one of the PUT-breaking type mappings, by attribute name or by expression. */
export function isPutBreakingTypeMapping(entry: { id: string; expression: string }): boolean {
  return PUT_BREAKING_TYPE_ATTRIBUTES.includes(entry.id) || BREAKING_NORMALIZED.has(normalizeExpression(entry.expression));
}

/**
 * The metadata key that marks an Auth0 connection as being decommissioned (step 1 of 2: tokens deleted,
 * protection off; components/decisions/decommission.ts). The protection policy allows an unprotected
 * connection only when it carries this key.
 */
export const DECOMMISSION_METADATA_KEY = "oktascim-decommission";

/**
 * The metadata key and value that mark an Auth0 connection to a customer's Okta org (`administeredBy:
 * customer`; components/decisions/customerOnboarding.ts): the stack declares no Okta app for it, so
 * the same-assignments policy has nothing to compare there, on purpose.
 */
export const ORG_ADMIN_METADATA_KEY = "oktascim-okta-admin";
export const CUSTOMER_ORG_ADMIN = "customer";
