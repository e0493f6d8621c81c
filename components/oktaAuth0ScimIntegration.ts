// One Okta Workforce org → one Auth0 connection with inbound SCIM: the package's public component.
// Thin on purpose: the decisions (mappings, scopes, URLs, checklist text) live in ./decisions as pure
// functions, the args are validated by the stack config's own schema and rules (./validateArgs.ts).
//
// Its public members are what Pulumi's component analyzer turns into the package schema for other
// languages (see ./integrationArgs.ts): every property is an Output of an analysable type; anything
// only the stack program needs is behind a method.
import * as pulumi from "@pulumi/pulumi";
import type * as auth0 from "@pulumi/auth0";
import type * as okta from "@pulumi/okta";
import { newestGeneration } from "./decisions/tokenGenerations";
import { connectionKey } from "./naming";
import { DynamicResourcesProvider } from "./scimToken/engineProvider";
import type { TokenResources } from "./scimToken/declaredToken";
import { rememberProgramTenant, tokenHostingPlugin } from "./scimToken/hosting";
import type { OktaAuth0ScimIntegrationArgs, ScimTokenInfo } from "./integrationArgs";
import { IntegrationArgsError, validateIntegrationArgs } from "./validateArgs";
import { checklistContextOf, oktaReferencesOf, type ChecklistContext } from "./stackContext";
import { referencesWithoutLookup } from "./oktaReferencesArg";
import { declareAdministeredIntegration } from "./administeredIntegration";
import { declareAdministeredAfterLookups } from "./lookedUpIntegration";
import { declareCustomerIntegration } from "./customerIntegration";
import type { IntegrationOutputs, ScimTokenGenerationOutputs } from "./integrationOutputs";

export type { ScimTokenGenerationOutputs } from "./integrationOutputs";

export const COMPONENT_TYPE = "oktaScim:index:OktaAuth0ScimIntegration";

/** Package of a resource type, as the SDK's getProvider reads it (`auth0:index:Connection` → auth0). */
const PROVIDER_LOOKUP = { auth0: "auth0:index:Connection", okta: "okta:index:AppUserSchemaProperty", dynamic: "pulumi-nodejs:dynamic:Resource" } as const;

/**
 * Connects an Okta Workforce org to an Auth0 tenant for inbound SCIM 2.0 provisioning: the Auth0
 * okta-strategy connection with SCIM and its tokens, the Okta OIDC log-in app and SWA provisioning
 * app with one shared assignment list, and (phase 2) the Okta profile mapping and custom attributes.
 * Pass the auth0 and okta providers through `opts.providers` (or `opts.provider`, or a parent).
 */
export class OktaAuth0ScimIntegration extends pulumi.ComponentResource {
  /** The Auth0 connection's id. */
  readonly connectionId: pulumi.Output<string>;
  /** The Auth0 connection's name. */
  readonly connectionName: pulumi.Output<string>;
  /** The SCIM base URL to enter in Okta: https://{tenant}/scim/v2/connections/{connection id}. */
  readonly scimEndpointUrl: pulumi.Output<string>;
  /** Secret: the newest generation's SCIM token, the one Okta should use; empty while decommissioning (no token exists). */
  readonly scimToken: pulumi.Output<string>;
  /** Secret: every generation's token, by generation name (none while decommissioning). */
  readonly scimTokenByGeneration: pulumi.Output<Record<string, string>>;
  /** Every token generation, oldest first: id, expiry and last use (never the token); empty while decommissioning. */
  readonly scimTokens: pulumi.Output<ScimTokenInfo[]>;
  /** The Okta OIDC app's client id. */
  readonly oidcClientId: pulumi.Output<string>;
  /** The Okta SWA (provisioning) app's id. */
  readonly scimAppId: pulumi.Output<string>;
  /** The console steps Okta's API cannot do, with exact values and admin-console links. */
  readonly consoleChecklist: pulumi.Output<string>;

  constructor(name: string, args: OktaAuth0ScimIntegrationArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validate before anything is registered, the component itself included.
    const validated = validateIntegrationArgs(args);
    if ("problems" in validated) throw new IntegrationArgsError(name, validated.problems);
    const { connection: c } = validated.value;
    const customerOrg = validated.value.okta.administeredBy === "customer";
    // Groups and users: looked up by the stack program (or resolveOktaReferences), or needing no
    // lookup; else (undefined) the component looks them up. A customer's org has none (validation refuses them).
    const references = oktaReferencesOf(args) ?? referencesWithoutLookup(c);

    // Named by the connection's key, the component is found under its previous keys too (the stack
    // program names it so); any other name is the caller's to alias.
    const keyAliases = name === connectionKey(c) ? c.previousKeys.map((previous): pulumi.Alias => ({ name: previous })) : [];
    const aliases = [...(opts?.aliases ?? []), ...keyAliases];
    super(COMPONENT_TYPE, name, {}, aliases.length > 0 ? { ...opts, aliases } : opts);
    const auth0Provider = this.requireProvider(name, "auth0", PROVIDER_LOOKUP.auth0) as auth0.Provider;
    // Never asked for a customer's org: the stack holds no credentials for it.
    const oktaProvider = customerOrg ? undefined : (this.requireProvider(name, "okta", PROVIDER_LOOKUP.okta) as okta.Provider);
    const tokenResources = this.tokenResources(name, args);
    const stackContext: ChecklistContext = checklistContextOf(args) ?? {
      stackName: pulumi.getStack(),
      configPath: `the args of OktaAuth0ScimIntegration ${name}`,
    };

    const administered = { validated: validated.value, auth0Provider, tokenResources, stackContext, parent: this };
    const outputs: IntegrationOutputs = !oktaProvider
      ? declareCustomerIntegration({ validated: validated.value, oidcClientSecret: args.oidcApp.clientSecret, auth0Provider, tokenResources, stackContext, parent: this })
      : references
        ? declareAdministeredIntegration({ ...administered, oktaProvider, oktaReferences: references })
        : declareAdministeredAfterLookups(name, { ...administered, oktaProvider });
    this.connectionId = outputs.connectionId;
    this.connectionName = outputs.connectionName;
    this.scimEndpointUrl = outputs.scimEndpointUrl;
    this.oidcClientId = outputs.oidcClientId;
    this.scimAppId = outputs.scimAppId;
    this.consoleChecklist = outputs.consoleChecklist;
    const tokens = tokenOutputs(outputs.generations);
    this.scimToken = tokens.scimToken;
    this.scimTokenByGeneration = tokens.scimTokenByGeneration;
    this.scimTokens = tokens.scimTokens;
    generationsOf.set(this, outputs.generations);

    this.registerOutputs({
      connectionId: this.connectionId,
      connectionName: this.connectionName,
      scimEndpointUrl: this.scimEndpointUrl,
      scimToken: this.scimToken,
      scimTokenByGeneration: this.scimTokenByGeneration,
      scimTokens: this.scimTokens,
      oidcClientId: this.oidcClientId,
      scimAppId: this.scimAppId,
      consoleChecklist: this.consoleChecklist,
    });
  }

  /**
   * Every token generation with its own outputs and the stack output name the checklist refers to
   * (`<connection>-scim-token-<generation>`), oldest first. For programs that export each token.
   */
  tokenGenerations(): readonly ScimTokenGenerationOutputs[] {
    return generationsOf.get(this) ?? [];
  }

  /**
   * How the token resources are served. Inside this package's plugin (a program in another language)
   * the plugin serves them, with the tenant credentials as each token's secret input
   * (scimToken/hostedProvider.ts). In a TypeScript program they are dynamic resources: the caller may
   * give the `pulumi-nodejs` provider (the stack program does; it must carry the tenant credentials, see
   * DynamicResourcesProvider); otherwise the component declares its own from args.auth0, so a stack with
   * `pulumi:disable-default-providers` works without knowing about it. Their state holds no
   * credentials: their provider does.
   */
  private tokenResources(name: string, args: OktaAuth0ScimIntegrationArgs): TokenResources {
    const tenant = pulumi.secret({ domain: args.auth0.domain, clientId: args.auth0.clientId, clientSecret: args.auth0.clientSecret });
    const plugin = tokenHostingPlugin();
    if (plugin) {
      // The tokens' delete in this same run (a removed generation, a replacement) then uses these
      // credentials, not the ones their state holds, which a rotated client secret made stale.
      tenant.apply(rememberProgramTenant);
      return { servedBy: "plugin", tenant, version: plugin.version };
    }
    const provider = this.getProvider(PROVIDER_LOOKUP.dynamic) ?? new DynamicResourcesProvider(`${name}-scim-token-resources`, { tenant }, { parent: this });
    return { servedBy: "dynamic provider", provider };
  }

  private requireProvider(name: string, pkg: "auth0" | "okta", lookup: string): pulumi.ProviderResource {
    const provider = this.getProvider(lookup);
    if (provider) return provider;
    throw new pulumi.ResourceError(
      `OktaAuth0ScimIntegration "${name}" has no ${pkg} provider; nothing was created. Pass both the Pulumi way: ` +
        `new OktaAuth0ScimIntegration(name, args, { providers: { auth0: <auth0.Provider>, okta: <okta.Provider> } }) ` +
        `(or opts.provider for one of them, or providers on a parent component). The component never falls back to a ` +
        `default provider: the ${pkg === "auth0" ? "Auth0 tenant" : "Okta org"} must be chosen explicitly.`,
      this,
      true,
    );
  }
}

/** The token outputs of the public API, from the generations (already secret). */
function tokenOutputs(generations: ScimTokenGenerationOutputs[]) {
  return {
    // The newest generation's token: the one Okta should use. While decommissioning (or with the
    // self-service hand-off) there is none: an empty string keeps the public type (an Output<string>).
    scimToken: generations.length > 0 ? newestGeneration(generations).token : pulumi.secret(""),
    scimTokenByGeneration: pulumi.secret(
      pulumi.all(generations.map((g) => g.token.apply((token) => [g.generation, token] as const))).apply((pairs) => Object.fromEntries(pairs)),
    ),
    scimTokens: pulumi.all(
      generations.map((g) =>
        pulumi.all([g.tokenId, g.validUntil, g.lastUsedAt]).apply(([tokenId, validUntil, lastUsedAt]): ScimTokenInfo => ({
          generation: g.generation,
          tokenId,
          ...(validUntil === null || validUntil === undefined ? {} : { validUntil }),
          ...(lastUsedAt === null || lastUsedAt === undefined ? {} : { lastUsedAt }),
        })),
      ),
    ),
  };
}

// Per instance, the generations with their own outputs. Not a class property: the component analyzer
// publishes every property in the package schema, and this shape (Output<string | null>) is for the
// stack program only.
const generationsOf = new WeakMap<OktaAuth0ScimIntegration, ScimTokenGenerationOutputs[]>();
