// The public argument and output types of OktaAuth0ScimIntegration.
//
// Written out by hand (not `z.input<…>`) for two readers: TypeScript users, who get TSDoc on every
// field, and Pulumi's component analyzer (@pulumi/pulumi provider/experimental/analyzer), which
// derives the package schema for Python, Go, .NET and YAML from these declarations. The analyzer
// accepts interfaces, string/number/boolean, arrays, string-keyed maps, Input<T>/Output<T>, and
// string-literal unions only in the `const X = {...} as const; type X = …` form; not object unions
// or `T | null`. So a group is `{ id?, name? }` here where the zod schema has a union.
//
// The values are still validated by the one zod schema and the cross-field rules of the stack
// program (config/schema.ts, config/crossFieldRules.ts; see ./validateArgs.ts). The compile-time
// checks in ./integrationArgsConformance.ts fail when a setting exists on one side only.
import type * as pulumi from "@pulumi/pulumi";

/** Okta base domains (the org's domain is `{orgName}.{baseUrl}`). */
export const OktaBaseUrl = {
  OktaCom: "okta.com",
  OktaPreviewCom: "oktapreview.com",
  OktaEmeaCom: "okta-emea.com",
  OktaGovCom: "okta-gov.com",
  OktaMil: "okta.mil",
} as const;
export type OktaBaseUrl = (typeof OktaBaseUrl)[keyof typeof OktaBaseUrl];

/** Scopes of an Auth0 inbound-SCIM token. Okta Workforce needs get:users, post:users and put:users. */
export const ScimTokenScope = {
  GetUsers: "get:users",
  PostUsers: "post:users",
  PutUsers: "put:users",
  PatchUsers: "patch:users",
  DeleteUsers: "delete:users",
  GetGroups: "get:groups",
  PostGroups: "post:groups",
  PutGroups: "put:groups",
  PatchGroups: "patch:groups",
  DeleteGroups: "delete:groups",
} as const;
export type ScimTokenScope = (typeof ScimTokenScope)[keyof typeof ScimTokenScope];

/** Okta app-user attribute types. */
export const CustomAttributeType = {
  String: "string",
  Boolean: "boolean",
  Number: "number",
  Integer: "integer",
} as const;
export type CustomAttributeType = (typeof CustomAttributeType)[keyof typeof CustomAttributeType];

/** The SCIM 2.0 schemas Auth0's inbound SCIM maps. */
export const ScimNamespace = {
  CoreUser: "urn:ietf:params:scim:schemas:core:2.0:User",
  EnterpriseUser: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
} as const;
export type ScimNamespace = (typeof ScimNamespace)[keyof typeof ScimNamespace];

/**
 * Whether the component declares Okta's provisioning settings through the API (okta.app.Connection,
 * okta.app.Features) instead of the console steps. A string enum here (the stack config's `false`,
 * `true`, `"deactivate"`), because the component analyzer cannot describe a boolean-or-string value.
 */
export const ProvisioningViaApi = {
  /** Console steps (default). Stack config `false`. */
  Off: "off",
  /** Declare the connection and features through the API (Okta refuses this for most custom apps). Stack config `true`. */
  On: "on",
  /** Switch both off in Okta first; only then may they be removed (`off`). Stack config `"deactivate"`. */
  Deactivate: "deactivate",
} as const;
export type ProvisioningViaApi = (typeof ProvisioningViaApi)[keyof typeof ProvisioningViaApi];

/**
 * Which Okta app carries provisioning (components/decisions/scimAppKind.ts). A string enum, the form
 * the component analyzer describes.
 */
export const ScimAppKind = {
  /** The SWA app the component creates (default; every stack deployed before the kind existed). */
  Custom: "custom",
  /** Okta's catalog app "(OAuth Bearer Token) Governance with SCIM 2.0", added by an admin and named by `appId`. */
  Catalog: "catalog",
} as const;
export type ScimAppKind = (typeof ScimAppKind)[keyof typeof ScimAppKind];

/** The Auth0 tenant the connection is created in. */
export interface Auth0Tenant {
  /** The tenant's own domain, ending in .auth0.com (`acme-dev.eu.auth0.com`): Management API and SCIM endpoint. */
  domain: string;
  /** Custom domain users log in through, if any: it becomes the Okta app's redirect URI (the tenant's stays too). */
  customDomain?: string;
  /**
   * Client id of the machine-to-machine application the SCIM token resources call the Management API
   * with (scopes `create:scim_token`, `read:scim_token`, `delete:scim_token`); normally the same
   * application the `auth0` provider uses.
   */
  clientId: pulumi.Input<string>;
  /** That application's client secret. Pass a secret; it stays secret in the state. */
  clientSecret: pulumi.Input<string>;
}

/** The Okta Workforce org the connection federates. */
export interface OktaOrg {
  /** `acme` in acme.okta.com: the first label of the org's domain. */
  orgName: string;
  /** The org's base domain; default `okta.com`. */
  baseUrl?: OktaBaseUrl;
  /**
   * Id of the org's default user type (GET /api/v1/meta/types/user, name "user"; oty + 17
   * characters): the phase-2 profile mapping's source. Saves the lookup made otherwise at every preview.
   */
  defaultUserTypeId?: string;
  /**
   * `stack` (default): the component declares both halves and needs an okta provider. `customer`: the
   * org is a customer's; the component declares the Auth0 half only, never asks for an okta provider
   * and never calls Okta; `oidcApp.clientId` and `oidcApp.clientSecret` come from the customer's admin
   * (docs/customer-orgs.md).
   */
  administeredBy?: OrgAdministrator;
}

/** The Okta OIDC app users log in with (Federation Broker Mode off). */
export interface OktaOidcApp {
  /** The app's label in Okta (for a customer's org: the label the hand-off asks their admin to give it). */
  label: string;
  /** Add the refresh_token grant; default false. */
  refreshToken?: boolean;
  /** Customer orgs only: the client id of the OIDC app their admin created (0oa…), with clientSecret. */
  clientId?: string;
  /** Customer orgs only (secret): that app's client secret. */
  clientSecret?: pulumi.Input<string>;
}

/** The Okta SWA app that carries SCIM provisioning (its tile is hidden). */
/** The catalog app a custom app's connection is moving to (docs/catalog-app.md). */
export interface CatalogAppMove {
  /** The id (0oa…) of the catalog app the Okta admin added. */
  appId: string;
}

export interface OktaScimApp {
  /**
   * `custom` (default): the SWA app this component creates. `catalog`: Okta's catalog app
   * "(OAuth Bearer Token) Governance with SCIM 2.0", added by an Okta admin and named by `appId`; the
   * component assigns it and never creates or deletes it (docs/catalog-app.md).
   */
  kind?: ScimAppKind;
  /** The app's label in Okta. */
  label: string;
  /** custom only, and required there: its sign-on URL (https). */
  url?: string;
  /** catalog only, and required there: the catalog app's id (0oa…). */
  appId?: string;
  /** custom only: the catalog app this connection is moving to; both are assigned the same people until the move ends. */
  movingTo?: CatalogAppMove;
  /**
   * The app's user-schema attribute names, as `npm run verify -- --capture-app-schema` prints them
   * (reviewed, committed). Phase 2 maps exactly these; required once `consoleStepsDone` is true.
   */
  attributes?: string[];
}

/** An Okta group, by id or by name: give exactly one. */
export interface OktaGroupRef {
  /** Okta group id (00g + 17 characters). Use it for AD/LDAP-mastered groups. */
  id?: string;
  /** Name of an Okta-mastered group (looked up at every preview). */
  name?: string;
}

/** An Okta user, by id or by login: give exactly one. */
export interface OktaUserRef {
  /** Okta user id (00u + 17 characters). */
  id?: string;
  /** The user's Okta login (an email-like name). */
  login?: string;
}

/** One SCIM token generation. */
export interface ScimTokenGeneration {
  /** Short lower-case name (`2026-11`, `q1`): names the token resource; fixed for the token's life. */
  generation: string;
  /** Seconds until the token expires: more than 900, at most 31536000 (one year); absent = no expiry. */
  lifetimeSeconds?: number;
  /** This generation's scopes; default `scim.tokenScopes`. Must include get:users, post:users, put:users. */
  scopes?: ScimTokenScope[];
}

/** One extra SCIM → Auth0 attribute mapping. */
export interface ScimAttributeMapping {
  /** SCIM attribute path, for example urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.badgeNumber. */
  scim: string;
  /** Auth0 user attribute, for example app_metadata.cost_center. */
  auth0: string;
}

/** SCIM settings of the Auth0 connection. */
export interface ScimSettings {
  /** Default scopes of each token generation; default get:users, post:users, put:users. */
  tokenScopes?: ScimTokenScope[];
  /** Appended to Auth0's default okta mappings; may not repeat a default. */
  additionalMappings?: ScimAttributeMapping[];
  /**
   * Reads a default mapping's Auth0 attribute from another SCIM path, for example
   * `{ auth0: "app_metadata.city", scim: "addresses[primary eq true].locality" }`; default none.
   */
  mappingOverrides?: ScimAttributeMapping[];
  /**
   * Token generations, oldest first, at most two; the last is the one Okta should use. Default: one
   * generation `initial` without expiry. Rotate by adding one, pasting its token into Okta, then
   * removing the old one (two separate updates).
   */
  tokens?: ScimTokenGeneration[];
  /**
   * Okta groups pushed to Auth0 as SCIM groups (Okta Group Push), each one of `groups`; default none.
   * Declared in phase 2 (`okta.PushGroup`; removing one keeps the Auth0 group). The newest token
   * generation needs get, post, put, patch and delete:groups. See docs/group-provisioning.md.
   */
  groups?: OktaGroupRef[];
}

/** A custom Okta app-user attribute sent over SCIM (declared in phase 2). */
export interface CustomAttribute {
  /** The Okta app-user attribute name (variable name in the profile editor). */
  index: string;
  /** Its title in Okta. */
  title: string;
  /** Its description in Okta. */
  description?: string;
  /** Default `string`. */
  type?: CustomAttributeType;
  /** The SCIM attribute name Okta sends (costCenter). */
  externalName: string;
  /** Default the enterprise User extension. */
  externalNamespace?: ScimNamespace;
  /** Okta expression that fills the attribute, for example user.costCenter. */
  source: string;
}

/** What already exists for a connection set up by hand (each id is optional). */
export interface AdoptExisting {
  /** The existing Auth0 connection (con_…): it and its enabled clients are imported, never recreated. Give `oidcAppId` with it. */
  auth0ConnectionId?: string;
  /** Whether that connection's SCIM configuration exists: default true when auth0ConnectionId is set; false creates it. */
  scimConfiguration?: boolean;
  /**
   * The existing Okta OIDC log-in app (0oa…): imported with its group assignments and the configured users' assignments.
   * Only with `auth0ConnectionId`: Okta never returns the app's client secret on read; the connection holds it.
   */
  oidcAppId?: string;
  /** The existing Okta SWA provisioning app (0oa…): imported with its group assignments and the configured users' assignments. */
  scimAppId?: string;
}

/**
 * Arguments of one Okta Workforce → Auth0 inbound SCIM integration. Every field except `auth0.clientId`
 * and `auth0.clientSecret` must be a plain value: they decide which resources exist.
 */
export interface OktaAuth0ScimIntegrationArgs {
  /** The Auth0 tenant. */
  auth0: Auth0Tenant;
  /** The Okta org. */
  okta: OktaOrg;
  /** The Auth0 connection name. Fixed: renaming replaces the connection, which deletes every user in it. */
  name: string;
  /**
   * Stable key the child resources' names derive from; default `name`. Keep it when renaming the Auth0
   * connection so the Okta apps keep their identity. Name the component by it too (see `previousKeys`).
   */
  key?: string;
  /**
   * Keys this connection had before: its child resources are found under them (Pulumi aliases) instead
   * of being replaced; so is the component itself when its name is the current key. Default none.
   */
  previousKeys?: string[];
  /** Shown on the Auth0 login button. */
  displayName?: string;
  /** Auth0 applications (client ids) that may use the connection; this list is owned by the component. Default none. */
  enabledClients?: string[];
  /** OIDC scopes Auth0 asks Okta for at login; default openid, profile, email. */
  scopes?: string[];
  /** Home-realm discovery domains; default none. */
  domainAliases?: string[];
  /**
   * `protect` the Auth0 connection (deleting it deletes its users); default true. Only `decommission`
   * unprotects it: `false` without it is refused.
   */
  protect?: boolean;
  /**
   * Step 1 of removing the connection: its SCIM tokens are deleted (Okta loses access), the Auth0
   * connection is unprotected and marked in its metadata; step 2 removes the component, which deletes
   * the connection and every user in it. Back to false re-protects it and creates new tokens. Default false.
   */
  decommission?: boolean;
  /** The Okta OIDC log-in app. */
  oidcApp: OktaOidcApp;
  /** The Okta SWA app that carries provisioning. */
  scimApp: OktaScimApp;
  /** Groups assigned to BOTH Okta apps, so log-in and provisioning see the same people. Default none. */
  groups?: OktaGroupRef[];
  /** Users directly assigned to both Okta apps. Default none. */
  users?: OktaUserRef[];
  /** SCIM token scopes, generations and extra attribute mappings. */
  scim?: ScimSettings;
  /** Custom Okta app attributes sent over SCIM (phase 2). Default none. */
  customAttributes?: CustomAttribute[];
  /** Base attributes of the Okta → app profile mapping to leave unmapped (for apps whose schema lacks them). Default none. */
  omitBaseMappings?: string[];
  /**
   * Phase switch: true once an Okta admin has done the console checklist (provisioning on, SCIM
   * connection, To App settings). Only then are the profile mapping and app attributes declared. Default false.
   */
  consoleStepsDone?: boolean;
  /**
   * Declare okta.app.Connection / okta.app.Features instead of console steps (Okta refuses them for
   * most custom apps): `on`; `deactivate` switches them off, and only then may they be removed (`off`).
   * Default `off`.
   */
  manageProvisioningViaApi?: ProvisioningViaApi;
  /**
   * Take over a setup an admin made by hand: ids of the existing Auth0 connection and Okta apps, which
   * are then declared with Pulumi's `import` option instead of created. Phase 1 only (not with
   * `consoleStepsDone`); SCIM tokens are never imported. See docs/adopting-an-existing-setup.md.
   */
  adopt?: AdoptExisting;
  /**
   * How the customer's admin gets the setup: `document` (default, the Markdown hand-off) or
   * `selfService` (Auth0's guided assistant, reached through a ticket from `npm run sso-ticket`).
   * With `selfService` the admin enters the OIDC client id, secret and Okta domain in Auth0's
   * assistant and generates the SCIM token there: the connection ignores later changes to those
   * options and declares no SCIM token (components/decisions/selfService.ts).
   */
  handoff?: Handoff;
}

/** How a customer's Okta admin is told what to do (see OktaAuth0ScimIntegrationArgs.handoff). */
export const Handoff = {
  /** A Markdown page for their admin, written by `npm run handoff` (default). */
  Document: "document",
  /** Auth0's guided self-service assistant, reached through a ticket from `npm run sso-ticket`. */
  SelfService: "selfService",
} as const;
export type Handoff = (typeof Handoff)[keyof typeof Handoff];

/** Who administers the Okta org (see OktaOrg.administeredBy). */
export const OrgAdministrator = {
  /** The stack: it holds the org's API credentials (on the okta provider) and declares the Okta apps. */
  Stack: "stack",
  /** A customer: the component declares the Auth0 half only; their admin does the Okta side from the hand-off. */
  Customer: "customer",
} as const;
export type OrgAdministrator = (typeof OrgAdministrator)[keyof typeof OrgAdministrator];

/** One SCIM token generation as the component reports it (never the token itself). */
export interface ScimTokenInfo {
  /** The generation's name. */
  generation: string;
  /** Auth0's id of the token. */
  tokenId: string;
  /** When the token expires (ISO 8601); absent when it does not. */
  validUntil?: string;
  /** When Auth0 last saw the token used (refreshed by `pulumi refresh`): shows that Okta switched to it. */
  lastUsedAt?: string;
}
