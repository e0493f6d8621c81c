// Every policy of the pack, as plain objects: policies/index.ts serves them, and tests run them
// directly (constructing a PolicyPack would start the analyzer's gRPC server).
import type {
  EnforcementLevel,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";
import { DEFAULTS, SCHEMAS, withDefaults } from "./config";
import { TYPES } from "./facts";
import { scimTokenView } from "./resources";
import * as rules from "./rules";
import * as stackRules from "./stackRules";

export * from "./rules";
export * from "./stackRules";
export { scimTokenView } from "./resources";
export { DEFAULTS as POLICY_CONFIG_DEFAULTS } from "./config";
// The runtime's argument types, for tests that build those arguments (the root project has no @pulumi/policy).
export type {
  EnforcementLevel,
  PolicyConfigSchema,
  PolicyProviderResource,
  PolicyResource,
  PolicyResourceOptions,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";

export const POLICY_PACK_NAME = "okta-auth0-inbound-scim";

/**
 * Default enforcement of the token-lifetime policy: mandatory since the program declares every token
 * with the project's token resource, which can carry a lifetime (issue #5). An organisation migrating
 * stacks that still declare auth0.ConnectionScimToken can set the policy to advisory in its config.
 */
export const TOKEN_LIFETIME_ENFORCEMENT: EnforcementLevel = "mandatory";

/** Reports each problem; the message leads with the policy's description (as the CLI prints it). */
function reportAll(report: ReportViolation, problems: readonly string[]): void {
  for (const p of problems) report(p);
}

function reportStack(report: ReportViolation, problems: readonly stackRules.StackProblem[]): void {
  for (const p of problems) report(p.message, p.urn);
}

/** A resource policy on one type token; other resources are not applicable. */
function onType(type: string, check: (args: ResourceValidationArgs) => readonly string[]) {
  return (args: ResourceValidationArgs, report: ReportViolation) => {
    if (args.type === type) reportAll(report, check(args));
  };
}

export const connectionSyncOnFirstLogin: ResourceValidationPolicy = {
  name: "auth0-okta-connection-sync-on-first-login",
  description: "The okta-strategy connection does not sync user root attributes at each login (SCIM owns the profile).",
  severity: "high",
  enforcementLevel: "mandatory",
  remediationSteps: 'Set options.setUserRootAttributes to "on_first_login" on the auth0.Connection.',
  validateResource: onType(TYPES.auth0Connection, (args) => rules.syncOnFirstLoginProblems(args.props)),
};

export const connectionProtected: ResourceValidationPolicy = {
  name: "auth0-connection-protected",
  description: "Auth0 connections are protected (deleting or replacing one deletes all its users), unless marked in their metadata as being decommissioned.",
  severity: "critical",
  enforcementLevel: "mandatory",
  remediationSteps:
    "Keep the connection protected (stack config: connections[].protect, default true). To remove it on purpose: set connections[].decommission: true (tokens deleted, protection off, metadata marker oktascim-decommission), `pulumi up`, then remove the connection from config.",
  validateResource: onType(TYPES.auth0Connection, (args) => rules.connectionProtectedProblems(args.opts.protect, args.props)),
};

export const scimUserIdExternalId: ResourceValidationPolicy = {
  name: "auth0-scim-user-id-externalid",
  description: "The SCIM configuration uses externalId as the user id attribute, maps userName, externalId and active as Okta needs, and its mappings are one-to-one in namespaces Auth0 maps.",
  severity: "high",
  enforcementLevel: "mandatory",
  remediationSteps: 'Set userIdAttribute: "externalId", keep the userName, externalId and active mappings, and give each SCIM path and Auth0 attribute one mapping (connections[].scim.mappingOverrides / additionalMappings).',
  validateResource: onType(TYPES.scimConfiguration, (args) => rules.scimConfigurationProblems(args.props)),
};

export const scimTokenScopes: ResourceValidationPolicy = {
  name: "auth0-scim-token-scopes",
  description: "SCIM tokens hold the scopes Okta needs (get:users post:users put:users) and nothing outside the allow-list.",
  severity: "high",
  enforcementLevel: "mandatory",
  remediationSteps: "Set connections[].scim.tokenScopes (or the generation's scopes in connections[].scim.tokens) to get:users, post:users, put:users, as a new token generation; or widen allowedScopes in the policy config.",
  configSchema: SCHEMAS.tokenScopes,
  validateResource: (args, report) => {
    const token = scimTokenView(args.type, args.props);
    if (!token) return;
    const config = withDefaults(DEFAULTS.tokenScopes, args.getConfig<Partial<typeof DEFAULTS.tokenScopes>>());
    reportAll(report, rules.tokenScopeProblems(token, config.allowedScopes));
  },
};

export const scimTokenLifetime: ResourceValidationPolicy = {
  name: "auth0-scim-token-lifetime",
  description: "SCIM tokens expire within the configured maximum lifetime.",
  severity: "medium",
  enforcementLevel: TOKEN_LIFETIME_ENFORCEMENT,
  remediationSteps:
    "Rotate to a token generation with lifetimeSeconds within maxLifetimeDays (connections[].scim.tokens); replace auth0.ConnectionScimToken, which cannot expire, by the project's token resource.",
  configSchema: SCHEMAS.tokenLifetime,
  validateResource: (args, report) => {
    const token = scimTokenView(args.type, args.props);
    if (!token) return;
    const config = withDefaults(DEFAULTS.tokenLifetime, args.getConfig<Partial<typeof DEFAULTS.tokenLifetime>>());
    reportAll(report, rules.tokenLifetimeProblems(token, config.maxLifetimeDays));
  },
};

export const oidcAppAuth0Login: ResourceValidationPolicy = {
  name: "okta-oidc-app-auth0-login",
  description: "The Okta OIDC app: Federation Broker Mode off, https redirect to the Auth0 /login/callback only, code flow only.",
  severity: "critical",
  enforcementLevel: "mandatory",
  remediationSteps: "implicitAssignment: false; redirectUris: [https://<Auth0 login domain>/login/callback]; grantTypes: [authorization_code] (+ refresh_token if allowed).",
  configSchema: SCHEMAS.oidcApp,
  validateResource: (args, report) => {
    const config = () => withDefaults(DEFAULTS.oidcApp, args.getConfig<Partial<typeof DEFAULTS.oidcApp>>());
    if (args.type === TYPES.oktaOidcApp) reportAll(report, rules.oidcAppProblems(args.props, config()));
    // A redirect URI can also be added by its own resource; it must not escape the rule.
    if (args.type === TYPES.oktaOidcRedirectUri) {
      const problem = rules.redirectUriProblem(String(args.props.uri ?? ""), config());
      if (problem) reportAll(report, [`${problem}. Use https://<Auth0 login domain>/login/callback.`]);
    }
  },
};

export const scimAppHidden: ResourceValidationPolicy = {
  name: "okta-scim-app-hidden",
  description: "The SCIM provisioning app (Okta AUTO_LOGIN app) is hidden on web and iOS.",
  severity: "low",
  enforcementLevel: "mandatory",
  remediationSteps: "Set hideWeb: true and hideIos: true on the okta.app.AutoLogin app.",
  validateResource: onType(TYPES.oktaAutoLoginApp, (args) => rules.scimAppHiddenProblems(args.props)),
};

export const profileMappingNoTypeMappings: ResourceValidationPolicy = {
  name: "okta-profile-mapping-no-type-mappings",
  description: "The Okta → SCIM app profile mapping carries none of the three type mappings that break Auth0's PUT, and deletes what it does not list.",
  severity: "high",
  enforcementLevel: "mandatory",
  remediationSteps: "Remove the primaryEmailType / primaryPhoneType / addressType mappings and set deleteWhenAbsent: true.",
  validateResource: onType(TYPES.oktaProfileMapping, (args) => rules.profileMappingProblems(args.props)),
};

export const customAttributeNamespace: ResourceValidationPolicy = {
  name: "okta-custom-attribute-scim-namespace",
  description: "Custom SCIM app attributes have an externalName and a SCIM 2.0 namespace from the allow-list.",
  severity: "medium",
  enforcementLevel: "mandatory",
  remediationSteps: "Set customAttributes[].externalName and an externalNamespace from allowedNamespaces.",
  configSchema: SCHEMAS.customAttributes,
  validateResource: onType(TYPES.oktaAppUserSchemaProperty, (args) =>
    rules.customAttributeProblems(args.props, withDefaults(DEFAULTS.customAttributes, args.getConfig<Partial<typeof DEFAULTS.customAttributes>>()).allowedNamespaces),
  ),
};

export const appsSameAssignments: StackValidationPolicy = {
  name: "okta-apps-same-assignments",
  description:
    "For each integration, the OIDC app and the SCIM app are assigned the same groups and users; an okta connection has both apps beside it, unless it is marked as a customer's org, which has none.",
  severity: "high",
  enforcementLevel: "mandatory",
  remediationSteps: "Feed both apps from one list (connections[].groups and users); for a customer's Okta org set oktaOrgs[].administeredBy: customer and declare no Okta app.",
  validateStack: (args, report) => reportStack(report, stackRules.sameAssignmentProblems(args.resources)),
};

export const scimTokensPerConnection: StackValidationPolicy = {
  name: "auth0-scim-tokens-per-connection",
  description: "Every SCIM token belongs to a connection with a SCIM configuration, and no connection has more than two tokens.",
  severity: "high",
  enforcementLevel: "mandatory",
  remediationSteps: "Create tokens only for connections with a SCIM configuration; keep at most two (one while rotating).",
  validateStack: (args, report) => reportStack(report, stackRules.tokenOwnershipProblems(args.resources)),
};

export const oktaRateLimitShare: StackValidationPolicy = {
  name: "okta-provider-rate-limit-share",
  description: "An Okta provider that manages several resources sets a rate-limit share (maxApiCapacity) below 100.",
  severity: "low",
  enforcementLevel: "advisory",
  remediationSteps: "Set oktaOrgs[].maxApiCapacity (percent of the org's rate limit) to at most the configured maximum.",
  configSchema: SCHEMAS.rateLimit,
  validateStack: (args, report) =>
    reportStack(report, stackRules.rateLimitShareProblems(args.resources, withDefaults(DEFAULTS.rateLimit, args.getConfig<Partial<typeof DEFAULTS.rateLimit>>()))),
};

export const groupScopesNeeded: StackValidationPolicy = {
  name: "auth0-scim-token-group-scopes-needed",
  description: "An integration that pushes groups (okta.PushGroup) has a SCIM token holding get, post, put, patch and delete:groups.",
  severity: "high",
  enforcementLevel: "mandatory",
  remediationSteps:
    "Add a token generation whose scopes include the five *:groups scopes (connections[].scim.tokens), paste its token into Okta, then remove the old generation; allow the group scopes in auth0-scim-token-scopes' allowedScopes.",
  validateStack: (args, report) => reportStack(report, stackRules.groupScopesNeededProblems(args.resources)),
};

export const groupScopesUnused: StackValidationPolicy = {
  name: "auth0-scim-token-group-scopes-unused",
  description: "SCIM tokens hold group scopes only in integrations that push groups.",
  severity: "low",
  enforcementLevel: "advisory",
  remediationSteps: "Rotate to a token generation without the *:groups scopes, unless connections[].scim.groups is about to be pushed in phase 2.",
  validateStack: (args, report) => reportStack(report, stackRules.groupScopesUnusedProblems(args.resources)),
};

/** All policies, in the order of issue #4 (then group provisioning). */
export const policies: (ResourceValidationPolicy | StackValidationPolicy)[] = [
  connectionSyncOnFirstLogin,
  connectionProtected,
  scimUserIdExternalId,
  scimTokenScopes,
  scimTokenLifetime,
  oidcAppAuth0Login,
  scimAppHidden,
  profileMappingNoTypeMappings,
  customAttributeNamespace,
  appsSameAssignments,
  scimTokensPerConnection,
  oktaRateLimitShare,
  groupScopesNeeded,
  groupScopesUnused,
];
