// Compile-time checks (no runtime code): the hand-written public types of ./integrationArgs.ts and
// the zod schema of the stack config (config/schema.ts) describe the same settings. `npm run
// typecheck` fails here when a setting is added, renamed or removed on one side only, or when an
// enum's values drift. Add the field to integrationArgs.ts (with TSDoc) to fix it.
import type { z } from "zod";
import type { auth0TenantSchema, connectionSchema, oktaOrgSchema } from "../config/schema";
import type * as A from "./integrationArgs";
import type { OutputInstance } from "@pulumi/pulumi";

/** What an Input<T> may be besides T: not settings of their own (a secret may be an Output). */
type InputWrapper = PromiseLike<unknown> | OutputInstance<unknown>;

/** Every dotted key path of a type, through arrays, optional fields and unions. */
type DeepKeys<T> = T extends InputWrapper
  ? never
  : T extends readonly (infer E)[]
  ? DeepKeys<E>
  : T extends object
    ? { [K in keyof T & string]-?: K | `${K}.${DeepKeys<NonNullable<T[K]>>}` }[keyof T & string]
    : never;

/** Dotted key paths that are required where they appear (their parents may be optional). */
type RequiredPaths<T> = T extends InputWrapper
  ? never
  : T extends readonly (infer E)[]
  ? RequiredPaths<E>
  : T extends object
    ? { [K in keyof T & string]-?: (undefined extends T[K] ? never : K) | `${K}.${RequiredPaths<NonNullable<T[K]>>}` }[keyof T & string]
    : never;

type Same<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false;
type Assert<T extends true> = T;

type ConnectionInput = Omit<z.input<typeof connectionSchema>, "oktaOrg">;
type ConnectionArgs = Omit<A.OktaAuth0ScimIntegrationArgs, "auth0" | "okta">;

/** The connection settings, at every depth. */
export type ConnectionKeysMatch = Assert<Same<DeepKeys<ConnectionArgs>, DeepKeys<ConnectionInput>>>;
/**
 * Required in the args exactly where the schema has neither a default nor `.optional()`, at every
 * depth. Groups and users (also scim.groups) are left out: the schema's `{ id } | { name }` union is `{ id?, name? }` here.
 */
type GroupRefPaths = `scim.groups.${string}`;
export type RequiredConnectionKeysMatch = Assert<
  Same<Exclude<RequiredPaths<Omit<ConnectionArgs, "groups" | "users">>, GroupRefPaths>, Exclude<RequiredPaths<Omit<ConnectionInput, "groups" | "users">>, GroupRefPaths>>
>;
/**
 * The tenant: the schema's keys (the credentials may be outputs here). The self-service profile is
 * one per stack, declared by the stack program (components/selfServiceProfile.ts), not per integration.
 */
export type TenantKeysMatch = Assert<Same<keyof A.Auth0Tenant, Exclude<keyof z.input<typeof auth0TenantSchema>, "selfServiceProfile">>>;
/** The org: name and credentials belong to the okta provider, not to the component. */
export type OrgKeysMatch = Assert<Same<keyof A.OktaOrg, "orgName" | "baseUrl" | "defaultUserTypeId" | "administeredBy">>;
export type OrgKeysExist = Assert<[keyof A.OktaOrg] extends [keyof z.input<typeof oktaOrgSchema>] ? true : false>;

type GenerationInput = NonNullable<NonNullable<ConnectionInput["scim"]>["tokens"]>[number];
type AttributeInput = NonNullable<ConnectionInput["customAttributes"]>[number];
export type BaseUrlValuesMatch = Assert<Same<A.OktaBaseUrl, NonNullable<z.input<typeof oktaOrgSchema>["baseUrl"]>>>;
export type ScopeValuesMatch = Assert<Same<A.ScimTokenScope, NonNullable<GenerationInput["scopes"]>[number]>>;
export type AttributeTypeValuesMatch = Assert<Same<A.CustomAttributeType, NonNullable<AttributeInput["type"]>>>;
export type OrgAdministratorValuesMatch = Assert<Same<A.OrgAdministrator, NonNullable<z.input<typeof oktaOrgSchema>["administeredBy"]>>>;
export type HandoffValuesMatch = Assert<Same<A.Handoff, NonNullable<ConnectionInput["handoff"]>>>;
export type NamespaceValuesMatch = Assert<Same<A.ScimNamespace, NonNullable<AttributeInput["externalNamespace"]>>>;
/** One enum value per value of the stack config's `manageProvisioningViaApi` (false, true, "deactivate"). */
export type ProvisioningViaApiValuesMatch = Assert<
  Same<(typeof import("./validateArgs").PROVISIONING_VIA_API_CONFIG)[A.ProvisioningViaApi], NonNullable<ConnectionInput["manageProvisioningViaApi"]>>
>;
