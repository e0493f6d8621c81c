// The half of the component for an Okta org the stack administers: both Okta apps with one shared
// assignment list, the Auth0 side, the tokens, phase 2 and the console checklist.
import * as pulumi from "@pulumi/pulumi";
import type * as auth0 from "@pulumi/auth0";
import type * as okta from "@pulumi/okta";
import { declareAuth0Side, declareScimTokens } from "./auth0Side";
import { declareOktaApps, declareOktaAssignments } from "./oktaApps";
import { declareOktaProvisioning } from "./oktaProvisioning";
import { pushedGroups } from "./decisions/groupPush";
import { consoleChecklistSteps, renderConsoleChecklist } from "./decisions/consoleChecklist";
import { oktaOrgDomain, scimEndpointUrl } from "./decisions/urls";
import { newestGeneration } from "./decisions/tokenGenerations";
import { tokenOutputName } from "./naming";
import type { OktaReferences } from "./oktaDirectory";
import type { ChecklistContext } from "./stackContext";
import type { ValidatedArgs } from "./validateArgs";
import { adoptionImportIds } from "./decisions/adoptionImports";
import { oidcClientSecretForConnection } from "./oidcClientSecret";
import { generationOutputs, type IntegrationOutputs } from "./integrationOutputs";
import type { TokenResources } from "./scimToken/declaredToken";

export interface AdministeredIntegrationArgs {
  validated: ValidatedArgs;
  oktaReferences: OktaReferences;
  auth0Provider: auth0.Provider;
  oktaProvider: okta.Provider;
  tokenResources: TokenResources;
  stackContext: ChecklistContext;
  parent: pulumi.Resource;
}

export function declareAdministeredIntegration(args: AdministeredIntegrationArgs): IntegrationOutputs {
  const { connection: c, auth0: tenant, okta: org } = args.validated;
  const { parent, oktaProvider } = args;
  const oktaDomain = oktaOrgDomain(org.orgName, org.baseUrl);
  // connections[].adopt: which children take over what an admin made by hand (Pulumi `import`).
  const imports = adoptionImportIds(c, args.oktaReferences.users);

  const apps = declareOktaApps({ connection: c, auth0Domain: tenant.domain, auth0CustomDomain: tenant.customDomain, provider: oktaProvider, parent, imports });
  const auth0Side = declareAuth0Side({
    connection: c,
    oktaDomain,
    oidcClientId: apps.oidcApp.clientId,
    // An adopted app's secret is not in the state (Okta never returns it on read): see ./oidcClientSecret.ts.
    oidcClientSecret: oidcClientSecretForConnection(apps.oidcClientSecret, c.name, args.auth0Provider, c.adopt?.oidcAppId !== undefined),
    administeredByCustomer: false,
    provider: args.auth0Provider,
    parent,
    imports,
  });
  // Delete order (Pulumi deletes a resource before what it depends on): tokens, then assignments,
  // then the connection. Okta loses access before anyone is unassigned, and nothing it would
  // deprovision disappears while it can still reach the connection.
  const assignments = declareOktaAssignments({
    connection: c,
    references: args.oktaReferences,
    oidcApp: apps.oidcApp,
    provisioning: apps.provisioning,
    after: [auth0Side.auth0Connection],
    provider: oktaProvider,
    parent,
    imports,
  });
  const scimTokens = declareScimTokens({
    connection: c,
    auth0Connection: auth0Side.auth0Connection,
    scimConfiguration: auth0Side.scimConfiguration,
    auth0Domain: tenant.domain,
    tokenResources: args.tokenResources,
    after: [assignments.oidcGroupAssignments, ...assignments.provisioningGroupAssignments, ...assignments.userAssignments],
    parent,
  });
  const generations = generationOutputs(c, scimTokens);
  const endpoint = auth0Side.auth0Connection.id.apply((id) => scimEndpointUrl(tenant.domain, id));
  // The app phase 2 and the checklist are about: the custom app until a move to the catalog app ends.
  const scimApp = apps.provisioning[0];

  if (c.consoleStepsDone) {
    declareOktaProvisioning({
      connection: c,
      scimAppId: scimApp.id,
      scimEndpointUrl: endpoint,
      // The newest generation's token: the one Okta should use (none while decommissioning).
      scimToken: generations.length > 0 ? newestGeneration(generations).token : pulumi.secret(""),
      defaultUserTypeId: org.defaultUserTypeId,
      pushedGroupIds: pushedGroups(c.scim.groups, args.oktaReferences.groups).map((g) => g.id),
      pushesBefore: scimTokens.map((t) => t.resource),
      provider: oktaProvider,
      parent,
    });
  }

  const consoleChecklist = pulumi
    .all([scimApp.id, apps.customScimApp?.name, endpoint, auth0Side.auth0Connection.id])
    .apply(([appId, appName, url, connectionId]) =>
      renderConsoleChecklist(
        consoleChecklistSteps({
          stackName: args.stackContext.stackName,
          connectionName: c.name,
          configPath: args.stackContext.configPath,
          oktaOrgName: org.orgName,
          oktaBaseUrl: org.baseUrl,
          scimApp: { id: appId, name: appName, label: c.scimApp.label, kind: scimApp.kind },
          ...(c.scimApp.movingTo ? { movingTo: c.scimApp.movingTo } : {}),
          scimEndpointUrl: url,
          tokenOutputName: tokenOutputName(c.name),
          consoleStepsDone: c.consoleStepsDone,
          manageProvisioningViaApi: c.manageProvisioningViaApi === true,
          tokenGenerations: generations.map((t) => ({ generation: t.generation, outputName: t.tokenOutputName })),
          adopting: c.adopt !== undefined,
          decommission: c.decommission,
          connectionId,
          oidcAppLabel: c.oidcApp.label,
          pushedGroups: c.scim.groups.map((g) => ("name" in g ? g.name : g.id)),
        }),
      ),
    );

  return {
    connectionId: auth0Side.auth0Connection.id,
    connectionName: auth0Side.auth0Connection.name,
    scimEndpointUrl: endpoint,
    oidcClientId: apps.oidcApp.clientId,
    scimAppId: scimApp.id,
    consoleChecklist,
    generations,
  };
}
