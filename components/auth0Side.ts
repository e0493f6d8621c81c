// The Auth0 half of one integration: the okta-strategy connection, its enabled clients, the SCIM
// configuration, and (declared after the Okta assignments, see ScimTokensArgs.after) one SCIM token
// per token generation.
import * as pulumi from "@pulumi/pulumi";
import * as auth0 from "@pulumi/auth0";
import type { ConnectionConfig } from "../config/schema";
import { SCIM_USER_ID_ATTRIBUTE, scimMappings } from "./decisions/scimMappings";
import { tokenGenerations } from "./decisions/tokenGenerations";
import { declareScimToken, type ScimTokenResource, type TokenResources } from "./scimToken/declaredToken";
import { oktaOrgAuthorizationServer } from "./decisions/urls";
import { adopted, child } from "./naming";
import { connectionMetadata, connectionProtected } from "./decisions/decommission";
import { orgAdminMetadata } from "./decisions/customerOnboarding";
import { PENDING_CLIENT_ID, PENDING_CLIENT_SECRET, connectionIgnoreChanges, declaresScimTokens } from "./decisions/selfService";

export interface Auth0SideArgs {
  connection: ConnectionConfig;
  oktaDomain: string;
  oidcClientId: pulumi.Input<string>;
  oidcClientSecret: pulumi.Input<string>;
  /** A customer's org: the connection's metadata says so (the policy pack reads it; administered: unchanged). */
  administeredByCustomer: boolean;
  provider: auth0.Provider;
  parent: pulumi.Resource;
  /** Child name → id of the existing object to import (decisions/adoptionImports.ts). */
  imports: ReadonlyMap<string, string>;
}

export interface DeclaredScimToken {
  generation: string;
  resource: ScimTokenResource;
}

/** The connection, its enabled clients and its SCIM configuration. */
export function declareAuth0Side(args: Auth0SideArgs) {
  const { connection: c, provider, parent } = args;
  const base = { provider, parent };

  // Unprotected only while decommissioning (validation refuses `protect: false` otherwise), and then
  // marked in its metadata so the mandatory protection policy can tell a reviewed decommission apart.
  // Self-service hand-off: the customer's admin enters client id, secret and Okta domain in Auth0's
  // assistant; until then the connection carries placeholders, and afterwards the stack never writes
  // its own values back (decisions/selfService.ts). Other connections get no ignoreChanges at all.
  const selfService = c.handoff === "selfService";
  const ignoreChanges = connectionIgnoreChanges(c.handoff);
  const connectionOpts = { ...base, protect: connectionProtected(c), ...(ignoreChanges.length > 0 ? { ignoreChanges } : {}) };
  const connection = adopted(child(c, connectionOpts, (n) => n.auth0Connection), args.imports);
  const auth0Connection = new auth0.Connection(
    connection.name,
    {
      // Fixed in config: `name` forces replacement, and replacing a connection deletes its users.
      name: c.name,
      displayName: c.displayName,
      strategy: "okta",
      metadata: { ...connectionMetadata(c.decommission), ...orgAdminMetadata(args.administeredByCustomer) },
      // An update sends the whole options object: every option is stated so none is lost.
      options: {
        domain: args.oktaDomain,
        domainAliases: c.domainAliases,
        clientId: selfService ? PENDING_CLIENT_ID : args.oidcClientId,
        clientSecret: pulumi.secret(selfService ? PENDING_CLIENT_SECRET : args.oidcClientSecret),
        ...oktaOrgAuthorizationServer(args.oktaDomain),
        scopes: c.scopes,
        // Dashboard switch "Sync user profile attributes at each login" OFF: SCIM owns the profile.
        setUserRootAttributes: "on_first_login",
        nonPersistentAttrs: [],
        connectionSettings: { pkce: "auto" },
        attributeMap: { mappingMode: "basic_profile" },
      },
    },
    connection.opts,
  );

  const clients = adopted(child(c, base, (n) => n.auth0ConnectionClients), args.imports);
  const connectionClients = new auth0.ConnectionClients(
    clients.name,
    { connectionId: auth0Connection.id, enabledClients: c.enabledClients },
    clients.opts,
  );

  const configuration = adopted(child(c, base, (n) => n.scimConfiguration), args.imports);
  const scimConfiguration = new auth0.ConnectionScimConfiguration(
    configuration.name,
    {
      connectionId: auth0Connection.id,
      userIdAttribute: SCIM_USER_ID_ATTRIBUTE,
      mappings: scimMappings(c.scim.additionalMappings, c.scim.mappingOverrides),
    },
    configuration.opts,
  );

  return { auth0Connection, connectionClients, scimConfiguration };
}

export interface ScimTokensArgs {
  connection: ConnectionConfig;
  auth0Connection: auth0.Connection;
  scimConfiguration: auth0.ConnectionScimConfiguration;
  /** The tenant domain: each token's state names it (the credentials come from `tokenResources`). */
  auth0Domain: string;
  /**
   * How the token resources are served: the explicit `pulumi-nodejs` provider, which carries the tenant
   * credentials (default providers are disabled), or this package's plugin (scimToken/hosting.ts).
   */
  tokenResources: TokenResources;
  /**
   * What the tokens must outlive: the Okta group and user assignments. Pulumi deletes a resource
   * before what it depends on, so on removal (a connection taken out, `pulumi destroy`) the tokens go
   * first and Okta loses access before an unassignment could make it deactivate users in Auth0.
   */
  after: pulumi.Resource[];
  parent: pulumi.Resource;
}

/** Pure: the token generations the connection declares now, oldest first. */
export function declaredTokenGenerations(c: ConnectionConfig) {
  // Decommission step 1: no token is declared, so `pulumi up` deletes every generation and Okta loses
  // access. The generations stay in config: setting decommission back to false creates them anew.
  if (c.decommission) return [];
  // Self-service hand-off: the admin generates the token inside Auth0's assistant (npm run sso-ticket
  // sets its scopes and lifetime); it never passes through the stack, and the stack declares none.
  if (!declaresScimTokens(c.handoff)) return [];
  return tokenGenerations(c.scim.tokens, c.scim.tokenScopes);
}

/**
 * The project's own token resource for every generation, with or without a lifetime: the provider's
 * ConnectionScimToken cannot set an expiry, and one code path keeps rotation the same for both.
 * Each generation waits for the one before it: a create that failed ambiguously cleans up tokens
 * that appeared meanwhile, which must never include a sibling created in parallel.
 */
export function declareScimTokens(args: ScimTokensArgs): DeclaredScimToken[] {
  const c = args.connection;
  const scimTokens: DeclaredScimToken[] = [];
  for (const g of declaredTokenGenerations(c)) {
    const previous = scimTokens[scimTokens.length - 1]?.resource;
    const dependsOn = [args.scimConfiguration, ...args.after, ...(previous ? [previous] : [])];
    const token = child(c, { parent: args.parent, dependsOn }, (n) => n.scimToken(g.generation));
    const resource = declareScimToken(
      token.name,
      {
        connectionId: args.auth0Connection.id,
        scopes: g.scopes,
        tokenLifetimeSeconds: g.lifetimeSeconds,
        generation: g.generation,
        domain: args.auth0Domain,
      },
      args.tokenResources,
      token.opts,
    );
    scimTokens.push({ generation: g.generation, resource });
  }
  return scimTokens;
}
