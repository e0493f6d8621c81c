// The state of one stand-in Auth0 tenant: machine-to-machine clients, connections with their enabled
// clients, SCIM configurations, SCIM tokens and the users SCIM created. Plain data plus the rules the
// real API enforces (two tokens per connection, token_lifetime > 900); the HTTP shape lives in
// management.ts and scimUsers.ts. Tests seed a hand-made setup through `seed`.
import { randomBytes } from "crypto";
import { OKTA_DEFAULT_USER_ID_ATTRIBUTE, oktaDefaultMapping, type ScimMappingPair } from "./defaultMapping";
import type { SelfServiceProfile, SsoTicket } from "./selfService";

export interface M2mClient {
  clientId: string;
  clientSecret: string;
  /** Management API scopes granted to it; everything when absent. */
  scopes?: string[];
}

export interface Connection {
  id: string;
  name: string;
  display_name?: string;
  strategy: string;
  options: Record<string, unknown>;
  is_domain_connection: boolean;
  show_as_button?: boolean;
  metadata?: Record<string, string>;
  realms: string[];
  enabled_clients: string[];
}

export interface ScimConfiguration {
  user_id_attribute: string;
  mapping: ScimMappingPair[];
  created_at: string;
  updated_on: string;
}

export interface ScimToken {
  token_id: string;
  token: string;
  scopes: string[];
  created_at: string;
  valid_until?: string;
  last_used_at?: string;
}

/** A SCIM group of a connection (Auth0's Groups, 2026-06): members are user ids. */
export interface ScimGroup {
  id: string;
  displayName: string;
  members: { value: string; display?: string }[];
  created: string;
  lastModified: string;
}

export interface ScimUser {
  id: string;
  resource: Record<string, unknown>;
  created: string;
  lastModified: string;
}

/** What a test can pre-seed: a connection made "by hand", optionally with SCIM on and tokens. */
export interface SeedConnection {
  id?: string;
  name: string;
  strategy?: string;
  options?: Record<string, unknown>;
  enabledClients?: string[];
  scim?: { userIdAttribute?: string; mapping?: ScimMappingPair[]; tokens?: Array<Partial<ScimToken>> };
}

/** At most this many tokens per connection (Management API: 409 beyond). */
export const MAX_TOKENS_PER_CONNECTION = 2;

export const randomId = (prefix: string, length = 16) => {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return prefix + [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join("");
};

export class Auth0Tenant {
  readonly connections = new Map<string, Connection>();
  readonly scim = new Map<string, ScimConfiguration>();
  readonly tokens = new Map<string, ScimToken[]>();
  readonly users = new Map<string, ScimUser[]>();
  readonly groups = new Map<string, ScimGroup[]>();
  /** Self-service profiles and the access tickets issued from them (selfService.ts). */
  readonly selfServiceProfiles = new Map<string, SelfServiceProfile>();
  readonly ssoTickets = new Map<string, SsoTicket>();
  /** Access tokens issued by POST /oauth/token → the scopes they carry. */
  readonly accessTokens = new Map<string, string[]>();

  constructor(
    readonly domain: string,
    readonly clients: M2mClient[],
    readonly now: () => Date = () => new Date(),
  ) {}

  /** "dev-abc" of "dev-abc.eu.auth0.com", as Auth0 reports it in tenant_name. */
  get tenantName(): string {
    return this.domain.split(".")[0];
  }

  /** Pre-seeds a connection (and its SCIM configuration and tokens); returns the connection id. */
  seed(seed: SeedConnection): string {
    const id = seed.id ?? randomId("con_");
    this.connections.set(id, {
      id,
      name: seed.name,
      strategy: seed.strategy ?? "okta",
      options: seed.options ?? {},
      is_domain_connection: false,
      realms: [seed.name],
      enabled_clients: [...(seed.enabledClients ?? [])],
    });
    if (seed.scim) {
      this.enableScim(id, seed.scim.userIdAttribute, seed.scim.mapping);
      for (const t of seed.scim.tokens ?? []) this.tokensOf(id).push(this.newToken(t.scopes ?? ["get:users", "post:users", "put:users"], undefined, t));
    }
    return id;
  }

  enableScim(connectionId: string, userIdAttribute?: string, mapping?: ScimMappingPair[]): ScimConfiguration {
    const at = this.now().toISOString();
    const config: ScimConfiguration = {
      user_id_attribute: userIdAttribute ?? OKTA_DEFAULT_USER_ID_ATTRIBUTE,
      mapping: mapping ?? oktaDefaultMapping(),
      created_at: at,
      updated_on: at,
    };
    this.scim.set(connectionId, config);
    if (!this.tokens.has(connectionId)) this.tokens.set(connectionId, []);
    return config;
  }

  tokensOf(connectionId: string): ScimToken[] {
    let list = this.tokens.get(connectionId);
    if (!list) this.tokens.set(connectionId, (list = []));
    return list;
  }

  usersOf(connectionId: string): ScimUser[] {
    let list = this.users.get(connectionId);
    if (!list) this.users.set(connectionId, (list = []));
    return list;
  }

  groupsOf(connectionId: string): ScimGroup[] {
    let list = this.groups.get(connectionId);
    if (!list) this.groups.set(connectionId, (list = []));
    return list;
  }

  /** A token shaped like Auth0's: id "tok_…", value "<id>.<64 hex>". */
  newToken(scopes: string[], lifetimeSeconds: number | undefined, overrides: Partial<ScimToken> = {}): ScimToken {
    const token_id = overrides.token_id ?? randomId("tok_");
    const created = this.now();
    return {
      token_id,
      token: overrides.token ?? `${token_id}.${randomBytes(32).toString("hex")}`,
      scopes,
      created_at: overrides.created_at ?? created.toISOString(),
      ...(lifetimeSeconds !== undefined ? { valid_until: new Date(created.getTime() + lifetimeSeconds * 1000).toISOString() } : {}),
      ...(overrides.valid_until !== undefined ? { valid_until: overrides.valid_until } : {}),
      ...(overrides.last_used_at !== undefined ? { last_used_at: overrides.last_used_at } : {}),
    };
  }

  /** The connection and token a SCIM bearer value belongs to, when it is valid now. */
  findScimToken(value: string): { connectionId: string; token: ScimToken } | undefined {
    for (const [connectionId, list] of this.tokens) {
      const token = list.find((t) => t.token === value);
      if (!token) continue;
      if (token.valid_until && Date.parse(token.valid_until) <= this.now().getTime()) return undefined;
      return { connectionId, token };
    }
    return undefined;
  }

  /** Removes a connection and everything under it (as Auth0 does: its users too). */
  deleteConnection(id: string): void {
    this.connections.delete(id);
    this.scim.delete(id);
    this.tokens.delete(id);
    this.users.delete(id);
    this.groups.delete(id);
  }

  /** Totals a test can assert on ("destroy leaves the tenant empty"). */
  census(): { connections: number; scimConfigurations: number; tokens: number; users: number } {
    const sum = (m: Map<string, unknown[]>) => [...m.values()].reduce((n, l) => n + l.length, 0);
    return { connections: this.connections.size, scimConfigurations: this.scim.size, tokens: sum(this.tokens), users: sum(this.users) };
  }
}
