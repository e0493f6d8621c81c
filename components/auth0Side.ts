// The Auth0 half of one integration: the okta-strategy connection, its enabled clients, the SCIM
// configuration and one SCIM token per token generation.
import * as pulumi from "@pulumi/pulumi";
import * as auth0 from "@pulumi/auth0";
import type { ConnectionConfig } from "../config/schema";
import { SCIM_USER_ID_ATTRIBUTE, scimMappings } from "./decisions/scimMappings";
import { tokenGenerations } from "./decisions/tokenGenerations";
import { ScimToken } from "./scimToken/resource";
import { oktaOrgAuthorizationServer } from "./decisions/urls";
import { childNames } from "./naming";

export interface Auth0SideArgs {
  connection: ConnectionConfig;
  oktaDomain: string;
  oidcClientId: pulumi.Input<string>;
  oidcClientSecret: pulumi.Input<string>;
  provider: auth0.Provider;
  /** The tenant domain: the token resources' state names it (their credentials come from `tokenProvider`). */
  auth0Domain: string;
  /** Explicit `pulumi-nodejs` provider for the token resources (default providers are disabled); carries the tenant credentials. */
  tokenProvider: pulumi.ProviderResource;
  parent: pulumi.Resource;
}

export interface DeclaredScimToken {
  generation: string;
  resource: ScimToken;
}

export function declareAuth0Side(args: Auth0SideArgs) {
  const { connection: c, provider, parent } = args;
  const names = childNames(c.name);
  const opts = { provider, parent };

  const auth0Connection = new auth0.Connection(
    names.auth0Connection,
    {
      // Fixed in config: `name` forces replacement, and replacing a connection deletes its users.
      name: c.name,
      displayName: c.displayName,
      strategy: "okta",
      // An update sends the whole options object: every option is stated so none is lost.
      options: {
        domain: args.oktaDomain,
        domainAliases: c.domainAliases,
        clientId: args.oidcClientId,
        clientSecret: pulumi.secret(args.oidcClientSecret),
        ...oktaOrgAuthorizationServer(args.oktaDomain),
        scopes: c.scopes,
        // Dashboard switch "Sync user profile attributes at each login" OFF: SCIM owns the profile.
        setUserRootAttributes: "on_first_login",
        nonPersistentAttrs: [],
        connectionSettings: { pkce: "auto" },
        attributeMap: { mappingMode: "basic_profile" },
      },
    },
    { ...opts, protect: c.protect },
  );

  const connectionClients = new auth0.ConnectionClients(
    names.auth0ConnectionClients,
    { connectionId: auth0Connection.id, enabledClients: c.enabledClients },
    opts,
  );

  const scimConfiguration = new auth0.ConnectionScimConfiguration(
    names.scimConfiguration,
    {
      connectionId: auth0Connection.id,
      userIdAttribute: SCIM_USER_ID_ATTRIBUTE,
      mappings: scimMappings(c.scim.additionalMappings),
    },
    opts,
  );

  // The project's own token resource for every generation, with or without a lifetime: the provider's
  // ConnectionScimToken cannot set an expiry, and one code path keeps rotation the same for both.
  // Each generation waits for the one before it: a create that failed ambiguously cleans up tokens
  // that appeared meanwhile, which must never include a sibling created in parallel.
  const scimTokens: DeclaredScimToken[] = [];
  for (const g of tokenGenerations(c.scim.tokens, c.scim.tokenScopes)) {
    const previous = scimTokens[scimTokens.length - 1]?.resource;
    const resource = new ScimToken(
      names.scimToken(g.generation),
      {
        connectionId: auth0Connection.id,
        scopes: g.scopes,
        tokenLifetimeSeconds: g.lifetimeSeconds,
        generation: g.generation,
        domain: args.auth0Domain,
      },
      { provider: args.tokenProvider, parent, dependsOn: previous ? [scimConfiguration, previous] : [scimConfiguration] },
    );
    scimTokens.push({ generation: g.generation, resource });
  }

  return {
    auth0Connection,
    connectionClients,
    scimConfiguration,
    scimTokens,
  };
}
