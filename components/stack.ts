// The stack: providers from config, one public OktaAuth0ScimIntegration per configured connection
// (the same API library users have), and the outputs.
import * as pulumi from "@pulumi/pulumi";
import type { ConnectionConfig, StackConfig } from "../config/schema";
import { formatConfigPath } from "../config/paths";
import { ConfigValidationError } from "../config/load";
import { lookUpOktaReferences, type OktaReferences } from "./oktaDirectory";
import { connectionKey, tokenOutputName } from "./naming";
import { OktaAuth0ScimIntegration } from "./oktaAuth0ScimIntegration";
import type { OktaAuth0ScimIntegrationArgs } from "./integrationArgs";
import { oktaOrgDomain } from "./decisions/urls";
import { auth0Provider, oktaProvider } from "./providers";
import { DynamicResourcesProvider } from "./scimToken/engineProvider";
import { withStackContext } from "./stackContext";
import { provisioningViaApiArg } from "./validateArgs";

/** A validated connection of the stack config as the component's args (the config's shape, minus the org reference). */
function integrationArgs(config: StackConfig, connection: ConnectionConfig, org: StackConfig["oktaOrgs"][number]): OktaAuth0ScimIntegrationArgs {
  const { oktaOrg: _orgReference, manageProvisioningViaApi, ...settings } = connection;
  return {
    ...settings,
    manageProvisioningViaApi: provisioningViaApiArg(manageProvisioningViaApi),
    auth0: { domain: config.auth0.domain, customDomain: config.auth0.customDomain, clientId: config.auth0.clientId, clientSecret: config.auth0.clientSecret },
    okta: { orgName: org.orgName, baseUrl: org.baseUrl, defaultUserTypeId: org.defaultUserTypeId },
  };
}

export async function defineStack(config: StackConfig, stackName: string = pulumi.getStack()): Promise<Record<string, pulumi.Output<unknown>>> {
  const tenant = auth0Provider(config.auth0);
  // The SCIM token resources call the Management API themselves, with the same client credentials,
  // which their provider carries (never the tokens: see components/scimToken/credentials.ts).
  const tokenProvider = new DynamicResourcesProvider("scim-token-resources", {
    tenant: pulumi.secret({ domain: config.auth0.domain, clientId: config.auth0.clientId, clientSecret: config.auth0.clientSecret }),
  });
  const orgs = new Map(config.oktaOrgs.map((org) => [org.name, { org, provider: oktaProvider(org) }]));

  // Every group and user named in config, looked up and checked before any connection's resources
  // are registered; all problems of all connections are reported at once.
  const lookups = await Promise.all(
    config.connections.map((connection, index) => lookUpOktaReferences(connection, ["connections", index], orgs.get(connection.oktaOrg)!.provider)),
  );
  const problems = lookups.flatMap((l) => ("problems" in l ? l.problems : []));
  if (problems.length > 0) throw new ConfigValidationError(problems);
  const references = lookups.map((l) => (l as { references: OktaReferences }).references);

  const outputs: Record<string, pulumi.Output<unknown>> = {};
  config.connections.forEach((connection, index) => {
    // Validation guarantees the reference resolves.
    const { org, provider } = orgs.get(connection.oktaOrg)!;
    // Named by the stable key (default: the connection name); the component aliases a changed key's
    // old name itself (previousKeys). The looked-up references ride along with the args.
    const args = withStackContext(integrationArgs(config, connection, org), {
      checklist: { stackName, configPath: formatConfigPath(["connections", index]) },
      oktaReferences: references[index],
    });
    const integration = new OktaAuth0ScimIntegration(connectionKey(connection), args, {
      providers: { auth0: tenant, okta: provider, "pulumi-nodejs": tokenProvider },
    });
    const generations = integration.tokenGenerations();
    // Everything a reviewer may read without --show-secrets, under the connection's name...
    outputs[connection.name] = pulumi.output({
      connectionId: integration.connectionId,
      connectionName: integration.connectionName,
      scimEndpointUrl: integration.scimEndpointUrl,
      // Which Okta org the connection federates: `npm run verify` reads back only the org it has a token for.
      oktaOrgUrl: `https://${oktaOrgDomain(org.orgName, org.baseUrl)}`,
      oidcClientId: integration.oidcClientId,
      scimAppId: integration.scimAppId,
      // The SCIM app's captured attributes phase 2 maps: `npm run verify` compares them with the live schema.
      scimAppAttributes: connection.scimApp.attributes ?? null,
      consoleChecklist: integration.consoleChecklist,
      // Per token generation: its id, expiry (and whether a refresh saw it expire), last use and the
      // output that holds it (the value is secret).
      scimTokens: generations.map((t) => ({
        generation: t.generation,
        tokenId: t.tokenId,
        validUntil: t.validUntil,
        lastUsedAt: t.lastUsedAt,
        expired: t.expired,
        tokenOutput: t.tokenOutputName,
      })),
    });
    // ...and the token on its own, so `pulumi stack output <name>-scim-token --show-secrets` prints just it.
    // The newest generation's token keeps the plain name; each generation also has its own output.
    // While decommissioning no token exists, and no output pretends one does.
    if (generations.length > 0) outputs[tokenOutputName(connection.name)] = integration.scimToken;
    for (const t of generations) outputs[t.tokenOutputName] = t.token;
  });
  return outputs;
}
