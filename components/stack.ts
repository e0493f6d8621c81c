// The stack: providers from config, one public OktaAuth0ScimIntegration per configured connection
// (the same API library users have), and the outputs.
import * as pulumi from "@pulumi/pulumi";
import type { ConnectionConfig, StackConfig } from "../config/schema";
import { formatConfigPath } from "../config/paths";
import { OktaAuth0ScimIntegration } from "./oktaAuth0ScimIntegration";
import type { OktaAuth0ScimIntegrationArgs } from "./integrationArgs";
import { oktaOrgDomain } from "./decisions/urls";
import { auth0Provider, oktaProvider } from "./providers";
import { tokenOutputName } from "./naming";
import { DynamicResourcesProvider } from "./scimToken/engineProvider";
import { withChecklistContext } from "./stackContext";

/** A validated connection of the stack config as the component's args (the config's shape, minus the org reference). */
function integrationArgs(config: StackConfig, connection: ConnectionConfig, org: StackConfig["oktaOrgs"][number]): OktaAuth0ScimIntegrationArgs {
  const { oktaOrg: _orgReference, ...settings } = connection;
  return {
    ...settings,
    auth0: { domain: config.auth0.domain, customDomain: config.auth0.customDomain, clientId: config.auth0.clientId, clientSecret: config.auth0.clientSecret },
    okta: { orgName: org.orgName, baseUrl: org.baseUrl },
  };
}

export function defineStack(config: StackConfig, stackName: string = pulumi.getStack()): Record<string, pulumi.Output<unknown>> {
  const tenant = auth0Provider(config.auth0);
  // One explicit engine provider for every token resource of the stack (default providers are
  // disabled in the stack files); handed to each component like the auth0 and okta providers.
  const tokenProvider = new DynamicResourcesProvider("scim-token-resources");
  const orgs = new Map(config.oktaOrgs.map((org) => [org.name, { org, provider: oktaProvider(org) }]));

  const outputs: Record<string, pulumi.Output<unknown>> = {};
  config.connections.forEach((connection, index) => {
    // Validation guarantees the reference resolves.
    const { org, provider } = orgs.get(connection.oktaOrg)!;
    const args = withChecklistContext(integrationArgs(config, connection, org), { stackName, configPath: formatConfigPath(["connections", index]) });
    const integration = new OktaAuth0ScimIntegration(connection.name, args, {
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
      consoleChecklist: integration.consoleChecklist,
      // Per token generation: its id, expiry, last use and the output that holds it (the value is secret).
      scimTokens: generations.map((t) => ({
        generation: t.generation,
        tokenId: t.tokenId,
        validUntil: t.validUntil,
        lastUsedAt: t.lastUsedAt,
        tokenOutput: t.tokenOutputName,
      })),
    });
    // ...and the token on its own, so `pulumi stack output <name>-scim-token --show-secrets` prints just it.
    // The newest generation's token keeps the plain name; each generation also has its own output.
    outputs[tokenOutputName(connection.name)] = integration.scimToken;
    for (const t of generations) outputs[t.tokenOutputName] = t.token;
  });
  return outputs;
}
