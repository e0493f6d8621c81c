// The Auth0 half of one integration: the okta-strategy connection, its enabled clients, the SCIM
// configuration and the SCIM token.
import * as pulumi from "@pulumi/pulumi";
import * as auth0 from "@pulumi/auth0";
import type { ConnectionConfig } from "../config/schema";
import { SCIM_USER_ID_ATTRIBUTE, scimMappings } from "./decisions/scimMappings";
import { normalizeTokenScopes } from "./decisions/tokenScopes";
import { oktaOrgAuthorizationServer } from "./decisions/urls";
import { childNames } from "./naming";

export interface Auth0SideArgs {
  connection: ConnectionConfig;
  oktaDomain: string;
  oidcClientId: pulumi.Input<string>;
  oidcClientSecret: pulumi.Input<string>;
  provider: auth0.Provider;
  parent: pulumi.Resource;
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

  const scimToken = new auth0.ConnectionScimToken(
    names.scimToken,
    { connectionId: auth0Connection.id, scopes: normalizeTokenScopes(c.scim.tokenScopes) },
    { ...opts, dependsOn: [scimConfiguration] },
  );

  return {
    auth0Connection,
    connectionClients,
    scimConfiguration,
    scimToken,
    // The provider marks `token` secret in the engine; wrap it here too so it stays secret end to end.
    scimTokenValue: pulumi.secret(scimToken.token),
  };
}
