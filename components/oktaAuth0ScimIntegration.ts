// One Okta Workforce org → one Auth0 connection with inbound SCIM. Thin on purpose: the decisions
// (mappings, scopes, URLs, checklist text) live in ./decisions as pure functions.
import * as pulumi from "@pulumi/pulumi";
import type * as auth0 from "@pulumi/auth0";
import type * as okta from "@pulumi/okta";
import type { ConnectionConfig } from "../config/schema";
import { declareAuth0Side, declareScimTokens } from "./auth0Side";
import { declareOktaApps, declareOktaAssignments } from "./oktaApps";
import type { OktaReferences } from "./oktaDirectory";
import { declareOktaProvisioning } from "./oktaProvisioning";
import { consoleChecklistSteps, renderConsoleChecklist } from "./decisions/consoleChecklist";
import { oktaOrgDomain, scimEndpointUrl } from "./decisions/urls";
import { newestGeneration } from "./decisions/tokenGenerations";
import { generationTokenOutputName, tokenOutputName } from "./naming";

export const COMPONENT_TYPE = "oktaScim:index:OktaAuth0ScimIntegration";

export interface OktaAuth0ScimIntegrationArgs {
  connection: ConnectionConfig;
  /** Where the connection sits in the stack config, for messages (oktaScim:connections[0]). */
  configPath: string;
  stackName: string;
  auth0: {
    /** Tenant domain: Management API and SCIM endpoint. */
    domain: string;
    /** Custom domain users log in through, if any. */
    customDomain?: string;
    provider: auth0.Provider;
    /** Explicit `pulumi-nodejs` provider for the SCIM token resources. */
    tokenProvider: pulumi.ProviderResource;
  };
  okta: { orgName: string; baseUrl: string; provider: okta.Provider; defaultUserTypeId?: string };
  /** The connection's groups and users, looked up in Okta beforehand (components/oktaDirectory.ts). */
  oktaReferences: OktaReferences;
}

/** One token generation as the stack exports it. */
export interface ScimTokenGenerationOutputs {
  generation: string;
  /** The stack output that holds this generation's token. */
  tokenOutputName: string;
  /** Secret. */
  token: pulumi.Output<string>;
  tokenId: pulumi.Output<string>;
  validUntil: pulumi.Output<string | null>;
  /** When Auth0 last saw the token used (refreshed by `pulumi refresh`): shows that Okta switched. */
  lastUsedAt: pulumi.Output<string | null>;
  /** True once a refresh saw the token expire; every preview then asks for the rotation. */
  expired: pulumi.Output<boolean>;
}

export class OktaAuth0ScimIntegration extends pulumi.ComponentResource {
  readonly connectionId: pulumi.Output<string>;
  readonly connectionName: pulumi.Output<string>;
  readonly scimEndpointUrl: pulumi.Output<string>;
  /** Secret: the newest generation's token. */
  readonly scimToken: pulumi.Output<string>;
  /** Every generation, oldest first. */
  readonly scimTokens: ScimTokenGenerationOutputs[];
  readonly tokenOutputName: string;
  readonly oidcClientId: pulumi.Output<string>;
  readonly scimAppId: pulumi.Output<string>;
  readonly consoleChecklist: pulumi.Output<string>;

  constructor(name: string, args: OktaAuth0ScimIntegrationArgs, opts?: pulumi.ComponentResourceOptions) {
    super(COMPONENT_TYPE, name, {}, opts);
    const c = args.connection;
    const oktaDomain = oktaOrgDomain(args.okta.orgName, args.okta.baseUrl);

    const apps = declareOktaApps({
      connection: c,
      auth0Domain: args.auth0.domain,
      auth0CustomDomain: args.auth0.customDomain,
      provider: args.okta.provider,
      parent: this,
    });
    const auth0Side = declareAuth0Side({
      connection: c,
      oktaDomain,
      oidcClientId: apps.oidcApp.clientId,
      oidcClientSecret: apps.oidcClientSecret,
      provider: args.auth0.provider,
      parent: this,
    });
    // Delete order (Pulumi deletes a resource before what it depends on): tokens, then assignments,
    // then the connection. Okta loses access before anyone is unassigned, and nothing it would
    // deprovision disappears while it can still reach the connection.
    const assignments = declareOktaAssignments({
      connection: c,
      references: args.oktaReferences,
      oidcApp: apps.oidcApp,
      scimApp: apps.scimApp,
      after: [auth0Side.auth0Connection],
      provider: args.okta.provider,
      parent: this,
    });
    const scimTokens = declareScimTokens({
      connection: c,
      auth0Connection: auth0Side.auth0Connection,
      scimConfiguration: auth0Side.scimConfiguration,
      auth0Domain: args.auth0.domain,
      tokenProvider: args.auth0.tokenProvider,
      after: [assignments.oidcGroupAssignments, assignments.scimGroupAssignments, ...assignments.userAssignments],
      parent: this,
    });

    this.connectionId = auth0Side.auth0Connection.id;
    this.connectionName = auth0Side.auth0Connection.name;
    this.scimEndpointUrl = auth0Side.auth0Connection.id.apply((id) => scimEndpointUrl(args.auth0.domain, id));
    this.tokenOutputName = tokenOutputName(c.name);
    this.scimTokens = scimTokens.map(({ generation, resource }) => ({
      generation,
      tokenOutputName: generationTokenOutputName(c.name, generation),
      token: pulumi.secret(resource.token),
      tokenId: resource.tokenId,
      validUntil: resource.validUntil,
      lastUsedAt: resource.lastUsedAt,
      // An older state (before the output existed) has none: not known to be expired.
      expired: resource.expired.apply((e) => e === true),
    }));
    // The newest generation's token, already wrapped secret above: the one Okta should use.
    this.scimToken = newestGeneration(this.scimTokens).token;
    this.oidcClientId = apps.oidcApp.clientId;
    this.scimAppId = apps.scimApp.id;

    if (c.consoleStepsDone) {
      declareOktaProvisioning({
        connection: c,
        scimAppId: apps.scimApp.id,
        scimEndpointUrl: this.scimEndpointUrl,
        scimToken: this.scimToken,
        defaultUserTypeId: args.okta.defaultUserTypeId,
        provider: args.okta.provider,
        parent: this,
      });
    }

    this.consoleChecklist = pulumi
      .all([apps.scimApp.id, apps.scimApp.name, this.scimEndpointUrl])
      .apply(([appId, appName, url]) =>
        renderConsoleChecklist(
          consoleChecklistSteps({
            stackName: args.stackName,
            connectionName: c.name,
            configPath: args.configPath,
            oktaOrgName: args.okta.orgName,
            oktaBaseUrl: args.okta.baseUrl,
            scimApp: { id: appId, name: appName, label: c.scimApp.label },
            scimEndpointUrl: url,
            tokenOutputName: this.tokenOutputName,
            consoleStepsDone: c.consoleStepsDone,
            manageProvisioningViaApi: c.manageProvisioningViaApi === true,
            tokenGenerations: this.scimTokens.map((t) => ({ generation: t.generation, outputName: t.tokenOutputName })),
          }),
        ),
      );

    this.registerOutputs({
      connectionId: this.connectionId,
      connectionName: this.connectionName,
      scimEndpointUrl: this.scimEndpointUrl,
      scimToken: this.scimToken,
      oidcClientId: this.oidcClientId,
      scimAppId: this.scimAppId,
      consoleChecklist: this.consoleChecklist,
    });
  }
}
