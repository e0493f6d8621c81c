// The package's public entry point (`import { OktaAuth0ScimIntegration } from "okta-auth0-inbound-scim"`):
// the component, its argument and output types, and the error bad args raise. Everything else in the
// repository (the stack program, scripts, verify, policies) is not part of the package's API.
export { OktaAuth0ScimIntegration, COMPONENT_TYPE } from "./components/oktaAuth0ScimIntegration";
export type { ScimTokenGenerationOutputs } from "./components/oktaAuth0ScimIntegration";
export {
  OktaBaseUrl,
  ScimTokenScope,
  CustomAttributeType,
  ScimNamespace,
  ProvisioningViaApi,
  ScimAppKind,
} from "./components/integrationArgs";
export type {
  OktaAuth0ScimIntegrationArgs,
  Auth0Tenant,
  OktaOrg,
  OktaOidcApp,
  OktaScimApp,
  CatalogAppMove,
  OktaGroupRef,
  OktaUserRef,
  ScimSettings,
  ScimTokenGeneration,
  ScimAttributeMapping,
  CustomAttribute,
  ScimTokenInfo,
} from "./components/integrationArgs";
export { IntegrationArgsError } from "./components/validateArgs";
export { resolveOktaReferences } from "./components/oktaReferencesArg";
export type { ConfigProblem } from "./config/crossFieldRules";
