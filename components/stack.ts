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
import { auth0LoginCallbackUrls, oktaOrgDomain } from "./decisions/urls";
import { customerOnboardingStep, declaresAuth0Half, nextActionText } from "./decisions/customerOnboarding";
import { auth0Provider, oktaProvider } from "./providers";
import { DynamicResourcesProvider } from "./scimToken/engineProvider";
import { withStackContext } from "./stackContext";
import { SELF_SERVICE_PROFILE_OUTPUT, declareSelfServiceProfile, selfServiceProfileOutput } from "./selfServiceProfile";
import { provisioningViaApiArg } from "./validateArgs";
import { scimAppKind } from "./decisions/scimAppKind";

/** A validated connection of the stack config as the component's args (the config's shape, minus the org reference). */
function integrationArgs(config: StackConfig, connection: ConnectionConfig, org: StackConfig["oktaOrgs"][number]): OktaAuth0ScimIntegrationArgs {
  const { oktaOrg: _orgReference, manageProvisioningViaApi, ...settings } = connection;
  return {
    ...settings,
    manageProvisioningViaApi: provisioningViaApiArg(manageProvisioningViaApi),
    auth0: { domain: config.auth0.domain, customDomain: config.auth0.customDomain, clientId: config.auth0.clientId, clientSecret: config.auth0.clientSecret },
    okta: {
      orgName: org.orgName,
      baseUrl: org.baseUrl,
      defaultUserTypeId: org.defaultUserTypeId,
      // Stated for a customer's org only: an administered org's args stay as they were.
      ...(org.administeredBy === "customer" ? { administeredBy: org.administeredBy } : {}),
    },
  };
}

type OrgEntry = { org: StackConfig["oktaOrgs"][number]; provider: ReturnType<typeof oktaProvider> | undefined };

/**
 * Every group and user named in config, looked up and checked before any connection's resources are
 * registered; all problems of all connections are reported at once. None for a customer's org
 * (validation refuses groups and users there).
 */
async function lookUpAllReferences(config: StackConfig, orgs: Map<string, OrgEntry>): Promise<OktaReferences[]> {
  const lookups = await Promise.all(
    config.connections.map((connection, index) => {
      const provider = orgs.get(connection.oktaOrg)!.provider;
      return provider ? lookUpOktaReferences(connection, ["connections", index], provider) : { references: { groups: [], users: [] } };
    }),
  );
  const problems = lookups.flatMap((l) => ("problems" in l ? l.problems : []));
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return lookups.map((l) => (l as { references: OktaReferences }).references);
}

/** The onboarding fields of a customer connection's output. */
function customerOutputFields(config: StackConfig, connection: ConnectionConfig) {
  const step = customerOnboardingStep(connection);
  return {
    administeredBy: "customer",
    onboardingStep: step,
    next: nextActionText(step),
    callbackUrls: auth0LoginCallbackUrls(config.auth0.domain, config.auth0.customDomain),
  };
}

/** The output of a customer connection that waits for its OIDC app: no resource exists yet. */
function waitingConnectionOutput(config: StackConfig, connection: ConnectionConfig, org: StackConfig["oktaOrgs"][number]) {
  return {
    ...customerOutputFields(config, connection),
    waitingFor: "oidcApp.clientId and oidcApp.clientSecret from the customer's Okta admin",
    oktaOrgUrl: `https://${oktaOrgDomain(org.orgName, org.baseUrl)}`,
  };
}

export async function defineStack(config: StackConfig, stackName: string = pulumi.getStack()): Promise<Record<string, pulumi.Output<unknown>>> {
  const tenant = auth0Provider(config.auth0);
  // The SCIM token resources call the Management API themselves, with the same client credentials,
  // which their provider carries (never the tokens: see components/scimToken/credentials.ts).
  const tokenProvider = new DynamicResourcesProvider("scim-token-resources", {
    tenant: pulumi.secret({ domain: config.auth0.domain, clientId: config.auth0.clientId, clientSecret: config.auth0.clientSecret }),
  });
  // An okta provider for each org the stack administers; never one for a customer's org (the stack
  // holds no credentials for it and never calls its API: docs/customer-orgs.md).
  const orgs = new Map(
    config.oktaOrgs.map((org) => [org.name, { org, provider: org.administeredBy === "customer" ? undefined : oktaProvider(org) }]),
  );
  const references = await lookUpAllReferences(config, orgs);

  const outputs: Record<string, pulumi.Output<unknown>> = {};
  // Declared only when configured (existing stacks register nothing new): `npm run sso-ticket` reads its id.
  const profile = declareSelfServiceProfile(config, tenant);
  if (profile) outputs[SELF_SERVICE_PROFILE_OUTPUT] = selfServiceProfileOutput(profile);
  config.connections.forEach((connection, index) => {
    // Validation guarantees the reference resolves.
    const { org, provider } = orgs.get(connection.oktaOrg)!;
    if (org.administeredBy === "customer") {
      const step = customerOnboardingStep(connection);
      // Waiting for the customer's OIDC app: nothing declared, the output says what it waits for.
      if (!declaresAuth0Half(step)) {
        outputs[connection.name] = pulumi.output(waitingConnectionOutput(config, connection, org));
        return;
      }
    }
    // Named by the stable key (default: the connection name); the component aliases a changed key's
    // old name itself (previousKeys). The looked-up references ride along with the args.
    const args = withStackContext(integrationArgs(config, connection, org), {
      checklist: { stackName, configPath: formatConfigPath(["connections", index]) },
      oktaReferences: references[index],
    });
    const integration = new OktaAuth0ScimIntegration(connectionKey(connection), args, {
      providers: { auth0: tenant, ...(provider ? { okta: provider } : {}), "pulumi-nodejs": tokenProvider },
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
      // The catalog app only (custom outputs stay as they were): verify then checks PATCH, as Okta sends it.
      ...(scimAppKind(connection.scimApp) === "catalog" ? { scimAppKind: "catalog" } : {}),
      consoleChecklist: integration.consoleChecklist,
      // A customer's org only (administered outputs stay as they were): where its onboarding stands.
      ...(org.administeredBy === "customer" ? customerOutputFields(config, connection) : {}),
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
