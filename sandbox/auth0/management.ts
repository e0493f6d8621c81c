// The Management API subset the auth0 provider and the project's token resource call, answered the way
// the real API answers (shapes from terraform-provider-auth0's and go-auth0's public recordings):
// client-credentials login, connections CRUD, enabled clients, SCIM configuration and default mapping,
// SCIM tokens with the two-token limit and token_lifetime > 900.
import { randomBytes } from "crypto";
import type { Route, StandInRequest, StandInReply } from "../http/router";
import { oktaDefaultMapping, type ScimMappingPair } from "./defaultMapping";
import { apiError, json } from "./replies";
import { storedAuth0User } from "./storedUsers";
import { MAX_TOKENS_PER_CONNECTION, randomId, type Auth0Tenant, type Connection, type ScimConfiguration } from "./tenant";

/** Which tenant a request is for (by its Host), or undefined for an unknown host. */
export type TenantResolver = (host: string) => Auth0Tenant | undefined;

/** Every Management API scope the routes below check. */
export const MANAGEMENT_SCOPES = [
  "read:connections",
  "create:connections",
  "update:connections",
  "delete:connections",
  "read:scim_config",
  "create:scim_config",
  "update:scim_config",
  "delete:scim_config",
  "read:scim_token",
  "create:scim_token",
  "delete:scim_token",
  // npm run verify --write reads the stored user back.
  "read:users",
  // Self-service hand-off (selfService.ts): the stack's profile and npm run sso-ticket.
  "read:self_service_profiles",
  "create:self_service_profiles",
  "update:self_service_profiles",
  "delete:self_service_profiles",
  "create:sso_access_tickets",
  "delete:sso_access_tickets",
];

export const SCIM_TOKEN_SCOPES = ["users", "groups"].flatMap((kind) => ["get", "post", "put", "patch", "delete"].map((verb) => `${verb}:${kind}`));

/** Strategies with inbound SCIM (enterprise connections); others get "scim strategy not enabled". */
const SCIM_STRATEGIES = new Set(["okta", "samlp", "waad", "oidc", "adfs", "pingfederate", "google-apps"]);

export type Handler = (tenant: Auth0Tenant, request: StandInRequest) => StandInReply;

function basicCredentials(header: string | undefined): { id?: string; secret?: string } {
  const m = /^Basic\s+(.+)$/i.exec(header ?? "");
  if (!m) return {};
  const [id, secret] = Buffer.from(m[1], "base64").toString("utf8").split(":");
  return { id: decodeURIComponent(id ?? ""), secret: decodeURIComponent(secret ?? "") };
}

function login(tenant: Auth0Tenant, request: StandInRequest): StandInReply {
  const form = (request.body ?? {}) as Record<string, unknown>;
  const basic = basicCredentials(request.headers.authorization);
  const clientId = (form.client_id as string | undefined) ?? basic.id;
  const clientSecret = (form.client_secret as string | undefined) ?? basic.secret;
  if (form.grant_type !== "client_credentials") return json(403, { error: "unauthorized_client", error_description: "Grant type not allowed for the client." });
  const client = tenant.clients.find((c) => c.clientId === clientId);
  if (!client || client.clientSecret !== clientSecret) return json(401, { error: "access_denied", error_description: "Unauthorized" });
  const audience = `https://${tenant.domain}/api/v2/`;
  if (form.audience !== undefined && form.audience !== audience) {
    return json(403, { error: "access_denied", error_description: `Service not found: ${String(form.audience)}` });
  }
  const scopes = client.scopes ?? MANAGEMENT_SCOPES;
  const accessToken = `sandbox.${randomBytes(24).toString("base64url")}`;
  tenant.accessTokens.set(accessToken, scopes);
  return json(200, { access_token: accessToken, scope: scopes.join(" "), expires_in: 86400, token_type: "Bearer" });
}

/** Wraps a handler with the bearer check and the scope the route needs. */
export function authorized(scope: string, handler: Handler): Handler {
  return (tenant, request) => {
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const scopes = bearer ? tenant.accessTokens.get(bearer) : undefined;
    if (!scopes) return apiError(401, "Invalid token", "invalid_token");
    if (!scopes.includes(scope)) return apiError(403, `Insufficient scope, expected any of: ${scope}`, "insufficient_scope");
    return handler(tenant, request);
  };
}

function connectionOf(tenant: Auth0Tenant, request: StandInRequest): Connection | undefined {
  return tenant.connections.get(request.params.id);
}

const noConnection = () => apiError(404, "The connection does not exist", "inexistent_connection");

/** Options the API fills in for an okta connection when the client leaves them out (recorded). */
function withOktaDefaults(options: Record<string, unknown>): Record<string, unknown> {
  return {
    ...options,
    type: options.type ?? "back_channel",
    schema_version: options.schema_version ?? "oidc-V4",
    attribute_map: options.attribute_map ?? { mapping_mode: "basic_profile" },
    connection_settings: options.connection_settings ?? { pkce: "auto" },
  };
}

function present(connection: Connection, query?: URLSearchParams): Record<string, unknown> {
  const full: Record<string, unknown> = { ...connection };
  const fields = query?.get("fields");
  if (!fields) return full;
  const wanted = new Set(fields.split(","));
  const include = query?.get("include_fields") !== "false";
  return Object.fromEntries(Object.entries(full).filter(([k]) => k === "id" || wanted.has(k) === include));
}

const listConnections: Handler = (tenant, request) => {
  const q = request.query;
  let list = [...tenant.connections.values()];
  const name = q.get("name");
  if (name) list = list.filter((c) => c.name === name);
  const strategies = q.getAll("strategy");
  if (strategies.length > 0) list = list.filter((c) => strategies.includes(c.strategy));
  const page = Number(q.get("page") ?? 0);
  const perPage = Number(q.get("per_page") ?? 50);
  const slice = list.slice(page * perPage, page * perPage + perPage).map((c) => present(c, q));
  if (q.get("include_totals") === "true") return json(200, { total: list.length, start: page * perPage, limit: perPage, connections: slice });
  return json(200, slice);
};

const createConnection: Handler = (tenant, request) => {
  const b = (request.body ?? {}) as Record<string, unknown>;
  if (typeof b.name !== "string" || b.name === "") return apiError(400, "Payload validation error: 'Missing required property: name'.", "invalid_body");
  if (typeof b.strategy !== "string" || b.strategy === "") return apiError(400, "Payload validation error: 'Missing required property: strategy'.", "invalid_body");
  if ([...tenant.connections.values()].some((c) => c.name === b.name)) return apiError(409, "A connection with the same name already exists", "connection_conflict");
  const options = (b.options ?? {}) as Record<string, unknown>;
  const connection: Connection = {
    id: randomId("con_"),
    name: b.name,
    ...(typeof b.display_name === "string" ? { display_name: b.display_name } : {}),
    strategy: b.strategy,
    options: b.strategy === "okta" ? withOktaDefaults(options) : options,
    is_domain_connection: b.is_domain_connection === true,
    ...(typeof b.show_as_button === "boolean" ? { show_as_button: b.show_as_button } : b.strategy === "okta" ? { show_as_button: false } : {}),
    ...(b.metadata ? { metadata: b.metadata as Record<string, string> } : {}),
    realms: Array.isArray(b.realms) ? (b.realms as string[]) : [b.name],
    enabled_clients: Array.isArray(b.enabled_clients) ? (b.enabled_clients as string[]) : [],
  };
  tenant.connections.set(connection.id, connection);
  return json(201, present(connection));
};

const getConnection: Handler = (tenant, request) => {
  const c = connectionOf(tenant, request);
  return c ? json(200, present(c, request.query)) : noConnection();
};

/** PATCH replaces `options` as a whole (the provider sends every option) and merges the rest. */
const updateConnection: Handler = (tenant, request) => {
  const c = connectionOf(tenant, request);
  if (!c) return noConnection();
  const b = (request.body ?? {}) as Record<string, unknown>;
  for (const fixed of ["name", "strategy", "id"]) {
    if (fixed in b) return apiError(400, `Payload validation error: 'Additional properties not allowed: ${fixed}'.`, "invalid_body");
  }
  const { options, ...rest } = b;
  Object.assign(c, rest);
  if (options !== undefined) c.options = c.strategy === "okta" ? withOktaDefaults(options as Record<string, unknown>) : (options as Record<string, unknown>);
  return json(200, present(c));
};

const deleteConnection: Handler = (tenant, request) => {
  tenant.deleteConnection(request.params.id);
  return json(202, { deleted_at: tenant.now().toISOString() });
};

const listEnabledClients: Handler = (tenant, request) => {
  const c = connectionOf(tenant, request);
  return c ? json(200, { clients: c.enabled_clients.map((client_id) => ({ client_id })) }) : noConnection();
};

/** Body: [{client_id, status}], status true enables, false disables; answers 204. */
const updateEnabledClients: Handler = (tenant, request) => {
  const c = connectionOf(tenant, request);
  if (!c) return noConnection();
  const changes = request.body;
  if (!Array.isArray(changes) || !changes.every((x) => typeof x?.client_id === "string" && typeof x?.status === "boolean")) {
    return apiError(400, "Payload validation error: 'Expected type array' on property body, items {client_id, status}.", "invalid_body");
  }
  for (const { client_id, status } of changes as Array<{ client_id: string; status: boolean }>) {
    c.enabled_clients = c.enabled_clients.filter((id) => id !== client_id);
    if (status) c.enabled_clients.push(client_id);
  }
  return { status: 204 };
};

function presentScim(tenant: Auth0Tenant, c: Connection, config: ScimConfiguration) {
  return {
    tenant_name: tenant.tenantName,
    connection_id: c.id,
    connection_name: c.name,
    strategy: c.strategy,
    mapping: config.mapping,
    updated_on: config.updated_on,
    created_at: config.created_at,
    user_id_attribute: config.user_id_attribute,
  };
}

function mappingProblem(mapping: unknown): string | undefined {
  if (!Array.isArray(mapping)) return "Payload validation error: 'Expected type array' on property mapping.";
  if (!mapping.every((m) => typeof m?.scim === "string" && typeof m?.auth0 === "string")) return "Payload validation error: each mapping needs string 'scim' and 'auth0'.";
  return undefined;
}

const getScim: Handler = (tenant, request) => {
  const c = connectionOf(tenant, request);
  const config = c && tenant.scim.get(c.id);
  return c && config ? json(200, presentScim(tenant, c, config)) : apiError(404, "Not Found");
};

const createScim: Handler = (tenant, request) => {
  const c = connectionOf(tenant, request);
  if (!c) return noConnection();
  if (!SCIM_STRATEGIES.has(c.strategy)) return apiError(404, "scim strategy not enabled");
  if (tenant.scim.has(c.id)) return apiError(409, "SCIM configuration already exists for this connection", "scim_config_conflict");
  const b = (request.body ?? {}) as { user_id_attribute?: unknown; mapping?: unknown };
  if (b.mapping !== undefined) {
    const problem = mappingProblem(b.mapping);
    if (problem) return apiError(400, problem, "invalid_body");
  }
  const config = tenant.enableScim(c.id, typeof b.user_id_attribute === "string" ? b.user_id_attribute : undefined, b.mapping as ScimMappingPair[] | undefined);
  return json(201, presentScim(tenant, c, config));
};

const updateScim: Handler = (tenant, request) => {
  const c = connectionOf(tenant, request);
  const config = c && tenant.scim.get(c.id);
  if (!c || !config) return apiError(404, "Not Found");
  const b = (request.body ?? {}) as { user_id_attribute?: unknown; mapping?: unknown };
  if (typeof b.user_id_attribute !== "string") return apiError(400, "Payload validation error: 'Missing required property: user_id_attribute'.", "invalid_body");
  const problem = mappingProblem(b.mapping);
  if (problem) return apiError(400, problem, "invalid_body");
  config.user_id_attribute = b.user_id_attribute;
  config.mapping = b.mapping as ScimMappingPair[];
  config.updated_on = tenant.now().toISOString();
  return json(200, presentScim(tenant, c, config));
};

const deleteScim: Handler = (tenant, request) => {
  const c = connectionOf(tenant, request);
  if (!c) return noConnection();
  // Switching SCIM off invalidates the connection's tokens.
  tenant.scim.delete(c.id);
  tenant.tokens.delete(c.id);
  return { status: 204 };
};

const defaultMapping: Handler = (tenant, request) => {
  const c = connectionOf(tenant, request);
  if (!c) return noConnection();
  if (!SCIM_STRATEGIES.has(c.strategy)) return apiError(404, "scim strategy not enabled");
  // Auth0 lists the default pairs auth0-first.
  return json(200, { mapping: oktaDefaultMapping().map(({ scim, auth0 }) => ({ auth0, scim })) });
};

const listTokens: Handler = (tenant, request) => {
  const c = connectionOf(tenant, request);
  if (!c) return noConnection();
  return json(200, tenant.tokensOf(c.id).map(({ token: _value, ...listed }) => listed));
};

const createToken: Handler = (tenant, request) => {
  const c = connectionOf(tenant, request);
  if (!c) return noConnection();
  if (!tenant.scim.has(c.id)) return apiError(404, "Not Found");
  const b = (request.body ?? {}) as { scopes?: unknown; token_lifetime?: unknown };
  const lifetime = b.token_lifetime;
  if (lifetime !== undefined && lifetime !== null && (!Number.isInteger(lifetime) || (lifetime as number) <= 900)) {
    return apiError(400, "Payload validation error: 'Expected value to be greater than 900' on property token_lifetime (Lifetime of the token in seconds).", "invalid_body");
  }
  if (b.scopes !== undefined && !(Array.isArray(b.scopes) && b.scopes.every((s) => typeof s === "string" && SCIM_TOKEN_SCOPES.includes(s)))) {
    return apiError(400, `Payload validation error: 'Invalid scopes' on property scopes (allowed: ${SCIM_TOKEN_SCOPES.join(", ")}).`, "invalid_body");
  }
  const tokens = tenant.tokensOf(c.id);
  if (tokens.length >= MAX_TOKENS_PER_CONNECTION) {
    return apiError(409, `Maximum number of SCIM tokens reached for this connection (${MAX_TOKENS_PER_CONNECTION}).`, "scim_token_limit_reached");
  }
  const token = tenant.newToken((b.scopes as string[] | undefined) ?? [], typeof lifetime === "number" ? lifetime : undefined);
  tokens.push(token);
  const { last_used_at: _never, ...created } = token;
  return json(201, created);
};

const deleteToken: Handler = (tenant, request) => {
  const c = connectionOf(tenant, request);
  if (!c) return noConnection();
  const tokens = tenant.tokensOf(c.id);
  const i = tokens.findIndex((t) => t.token_id === request.params.tokenId);
  if (i < 0) return apiError(404, "The SCIM token does not exist", "inexistent_scim_token");
  tokens.splice(i, 1);
  return { status: 204 };
};

/** GET /api/v2/users/{id}: a user SCIM created, as Auth0 stores it through the connection's mapping. */
const getUser: Handler = (tenant, request) => {
  for (const [connectionId, users] of tenant.users) {
    const found = users.find((u) => u.id === request.params.id);
    const connection = tenant.connections.get(connectionId);
    if (!found || !connection) continue;
    const mapping = tenant.scim.get(connectionId)?.mapping ?? oktaDefaultMapping();
    return json(200, storedAuth0User(found, connection, mapping));
  }
  return apiError(404, "The user does not exist.", "inexistent_user");
};

const CONNECTION = "/api/v2/connections/{id}";
const SCIM = `${CONNECTION}/scim-configuration`;

/** The Management API routes, each resolving its tenant from the request's Host. */
export function managementRoutes(resolve: TenantResolver): Route[] {
  const table: Array<[method: string, template: string, handler: Handler]> = [
    ["POST", "/oauth/token", login],
    ["GET", "/api/v2/connections", authorized("read:connections", listConnections)],
    ["POST", "/api/v2/connections", authorized("create:connections", createConnection)],
    ["GET", CONNECTION, authorized("read:connections", getConnection)],
    ["PATCH", CONNECTION, authorized("update:connections", updateConnection)],
    ["DELETE", CONNECTION, authorized("delete:connections", deleteConnection)],
    ["GET", `${CONNECTION}/clients`, authorized("read:connections", listEnabledClients)],
    ["PATCH", `${CONNECTION}/clients`, authorized("update:connections", updateEnabledClients)],
    ["GET", SCIM, authorized("read:scim_config", getScim)],
    ["POST", SCIM, authorized("create:scim_config", createScim)],
    ["PATCH", SCIM, authorized("update:scim_config", updateScim)],
    ["DELETE", SCIM, authorized("delete:scim_config", deleteScim)],
    ["GET", `${SCIM}/default-mapping`, authorized("read:scim_config", defaultMapping)],
    ["GET", `${SCIM}/tokens`, authorized("read:scim_token", listTokens)],
    ["POST", `${SCIM}/tokens`, authorized("create:scim_token", createToken)],
    ["DELETE", `${SCIM}/tokens/{tokenId}`, authorized("delete:scim_token", deleteToken)],
    ["GET", "/api/v2/users/{id}", authorized("read:users", getUser)],
  ];
  return table.map(([method, template, handler]) => ({
    method,
    template,
    handle: (request) => {
      const tenant = resolve(request.host);
      return tenant ? handler(tenant, request) : apiError(404, `No stand-in tenant serves ${request.host}`, "unknown_tenant");
    },
  }));
}
