// The half of the component for a customer's Okta org (`okta.administeredBy: customer`,
// docs/customer-orgs.md): the Auth0 side and its tokens only. No okta provider is asked for and no
// Okta resource is declared: the customer's admin creates both apps from the hand-off, and the
// connection carries the client id and secret they sent back.
import * as pulumi from "@pulumi/pulumi";
import type * as auth0 from "@pulumi/auth0";
import { declareAuth0Side, declareScimTokens } from "./auth0Side";
import { oktaOrgDomain, scimEndpointUrl } from "./decisions/urls";
import { customerChecklistText, customerOnboardingStep } from "./decisions/customerOnboarding";
import type { ChecklistContext } from "./stackContext";
import type { ValidatedArgs } from "./validateArgs";
import { generationOutputs, type IntegrationOutputs } from "./integrationOutputs";
import type { TokenResources } from "./scimToken/declaredToken";

export interface CustomerIntegrationArgs {
  validated: ValidatedArgs;
  /** The customer's OIDC app secret as given (it may be an Output; validation saw a placeholder). */
  oidcClientSecret: pulumi.Input<string> | undefined;
  auth0Provider: auth0.Provider;
  tokenResources: TokenResources;
  stackContext: ChecklistContext;
  parent: pulumi.Resource;
}

export function declareCustomerIntegration(args: CustomerIntegrationArgs): IntegrationOutputs {
  const { connection: c, auth0: tenant, okta: org } = args.validated;
  const auth0Side = declareAuth0Side({
    connection: c,
    oktaDomain: oktaOrgDomain(org.orgName, org.baseUrl),
    // With the self-service hand-off both are placeholders until the admin enters theirs (auth0Side.ts).
    oidcClientId: c.oidcApp.clientId ?? "",
    oidcClientSecret: args.oidcClientSecret ?? "",
    administeredByCustomer: true,
    provider: args.auth0Provider,
    parent: args.parent,
    imports: new Map(),
  });
  // No Okta assignment to outlive: the customer's admin unassigns in their org, after the vendor
  // deleted the tokens (decommission), as the hand-off says.
  const scimTokens = declareScimTokens({
    connection: c,
    auth0Connection: auth0Side.auth0Connection,
    scimConfiguration: auth0Side.scimConfiguration,
    auth0Domain: tenant.domain,
    tokenResources: args.tokenResources,
    after: [],
    parent: args.parent,
  });
  const step = customerOnboardingStep(c);
  return {
    connectionId: auth0Side.auth0Connection.id,
    connectionName: auth0Side.auth0Connection.name,
    scimEndpointUrl: auth0Side.auth0Connection.id.apply((id) => scimEndpointUrl(tenant.domain, id)),
    oidcClientId: pulumi.output(c.oidcApp.clientId ?? ""),
    // The SCIM app lives in the customer's org; the stack never learns its id.
    scimAppId: pulumi.output(""),
    consoleChecklist: pulumi.output(
      customerChecklistText({ stackName: args.stackContext.stackName, connectionName: c.name, step, decommission: c.decommission }),
    ),
    generations: generationOutputs(c, scimTokens),
  };
}
