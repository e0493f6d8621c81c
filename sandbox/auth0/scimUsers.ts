// Auth0's inbound SCIM endpoint for a connection, /scim/v2/connections/{id}/Users: what Okta (and
// `npm run verify`) send. Bearer token = one of the connection's SCIM tokens (401 otherwise, 403 when the
// token lacks the verb's scope); every accepted call records the token's last_used_at, as Auth0 does.
// Users: list with `attr eq "value"` filters (joined by `and`), POST (409 on a taken userName), GET,
// PUT (whole user), PATCH (PatchOp add/replace/remove), DELETE.
import type { Route, StandInRequest, StandInReply } from "../http/router";
import type { TenantResolver } from "./management";
import { patchOperations, scimError, scimJson, scimListPage, type PatchOperation } from "./replies";
import type { Auth0Tenant, Connection, ScimUser } from "./tenant";

const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

export type Handler = (tenant: Auth0Tenant, connection: Connection, request: StandInRequest) => StandInReply;

const VERB_SCOPE: Record<string, string> = { GET: "get:users", POST: "post:users", PUT: "put:users", PATCH: "patch:users", DELETE: "delete:users" };

/** Reads a dotted attribute path ("name.givenName", "emails.value" looks into every email). Pure. */
export function attributeValues(resource: Record<string, unknown>, path: string): unknown[] {
  let current: unknown[] = [resource];
  for (const part of path.split(".")) {
    current = current.flatMap((v) => {
      if (v === null || typeof v !== "object") return [];
      const key = Object.keys(v as object).find((k) => k.toLowerCase() === part.toLowerCase());
      const next = key === undefined ? undefined : (v as Record<string, unknown>)[key];
      return Array.isArray(next) ? next : next === undefined ? [] : [next];
    });
  }
  return current;
}

/** Parses `a eq "x" and b eq "y"` into pairs; undefined when the filter uses anything else. Pure. */
export function parseEqFilter(filter: string): Array<{ path: string; value: string | boolean }> | undefined {
  const clauses = filter.split(/\s+and\s+/i);
  const parsed = clauses.map((clause) => {
    const m = /^\s*([\w.:]+)\s+eq\s+(?:"((?:[^"\\]|\\.)*)"|(true|false))\s*$/i.exec(clause);
    if (!m) return undefined;
    return { path: m[1], value: m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : m[3].toLowerCase() === "true" };
  });
  return parsed.every((p) => p !== undefined) ? (parsed as Array<{ path: string; value: string | boolean }>) : undefined;
}

function matches(user: ScimUser, clauses: Array<{ path: string; value: string | boolean }>): boolean {
  return clauses.every(({ path, value }) =>
    (path.toLowerCase() === "id" ? [user.id] : attributeValues(user.resource, path)).some((v) =>
      // SCIM: userName (and string comparisons generally here) are case-insensitive.
      typeof v === "string" && typeof value === "string" ? v.toLowerCase() === value.toLowerCase() : v === value,
    ),
  );
}

function present(user: ScimUser, connectionId: string, host: string): Record<string, unknown> {
  return {
    ...user.resource,
    schemas: (user.resource.schemas as string[] | undefined) ?? [USER_SCHEMA],
    id: user.id,
    meta: {
      resourceType: "User",
      created: user.created,
      lastModified: user.lastModified,
      location: `https://${host}/scim/v2/connections/${connectionId}/Users/${encodeURIComponent(user.id)}`,
    },
  };
}

/** The resource a client may set: everything but id and meta. */
function writable(body: unknown): Record<string, unknown> {
  const { id: _id, meta: _meta, ...rest } = (body ?? {}) as Record<string, unknown>;
  return rest;
}

const list: Handler = (tenant, connection, request) => {
  let users = tenant.usersOf(connection.id);
  const filter = request.query.get("filter");
  if (filter) {
    const clauses = parseEqFilter(filter);
    if (!clauses) return scimError(400, `Unsupported filter: ${filter}`, "invalidFilter");
    users = users.filter((u) => matches(u, clauses));
  }
  return scimListPage(users, request.query, (u) => present(u, connection.id, request.host));
};

const create: Handler = (tenant, connection, request) => {
  const resource = writable(request.body);
  if (typeof resource.userName !== "string" || resource.userName === "") return scimError(400, "userName is required", "invalidValue");
  const users = tenant.usersOf(connection.id);
  if (users.some((u) => matches(u, [{ path: "userName", value: resource.userName as string }]))) {
    return scimError(409, "User already exists", "uniqueness");
  }
  const userIdAttribute = tenant.scim.get(connection.id)?.user_id_attribute ?? "externalId";
  const key = attributeValues(resource, userIdAttribute)[0];
  if (typeof key !== "string" || key === "") return scimError(400, `${userIdAttribute} is required (the connection's user_id_attribute)`, "invalidValue");
  const at = tenant.now().toISOString();
  const user: ScimUser = { id: `${connection.strategy}|${connection.name}|${key}`, resource: { ...resource, active: resource.active ?? true }, created: at, lastModified: at };
  users.push(user);
  return scimJson(201, present(user, connection.id, request.host));
};

function findUser(tenant: Auth0Tenant, connection: Connection, request: StandInRequest): ScimUser | undefined {
  return tenant.usersOf(connection.id).find((u) => u.id === request.params.userId);
}

const notFound = (request: StandInRequest) => scimError(404, `User ${request.params.userId} not found`);

const get: Handler = (tenant, connection, request) => {
  const user = findUser(tenant, connection, request);
  return user ? scimJson(200, present(user, connection.id, request.host)) : notFound(request);
};

const replace: Handler = (tenant, connection, request) => {
  const user = findUser(tenant, connection, request);
  if (!user) return notFound(request);
  const resource = writable(request.body);
  if (typeof resource.userName !== "string" || resource.userName === "") return scimError(400, "userName is required", "invalidValue");
  user.resource = { ...resource, active: resource.active ?? true };
  user.lastModified = tenant.now().toISOString();
  return scimJson(200, present(user, connection.id, request.host));
};

/** Applies one PatchOp operation with a simple path ("active", "name.givenName") or none. */
function applyOperation(resource: Record<string, unknown>, op: PatchOperation): string | undefined {
  const kind = (op.op ?? "").toLowerCase();
  if (!["add", "replace", "remove"].includes(kind)) return `unsupported op ${String(op.op)}`;
  if (op.path === undefined) {
    if (kind === "remove" || op.value === null || typeof op.value !== "object") return "an operation without path needs an object value";
    Object.assign(resource, writable(op.value));
    return undefined;
  }
  if (!/^[\w]+(\.[\w]+)?$/.test(op.path)) return `unsupported path ${op.path}`;
  const [head, leaf] = op.path.split(".");
  if (leaf === undefined) {
    if (kind === "remove") delete resource[head];
    else resource[head] = op.value;
    return undefined;
  }
  const parent = (resource[head] ?? {}) as Record<string, unknown>;
  if (kind === "remove") delete parent[leaf];
  else parent[leaf] = op.value;
  resource[head] = parent;
  return undefined;
}

const patch: Handler = (tenant, connection, request) => {
  const user = findUser(tenant, connection, request);
  if (!user) return notFound(request);
  const operations = patchOperations(request.body);
  if (!operations) return scimError(400, "Expected a PatchOp message with Operations", "invalidSyntax");
  const next = structuredClone(user.resource);
  for (const op of operations) {
    const problem = applyOperation(next, op);
    if (problem) return scimError(400, problem, "invalidPath");
  }
  user.resource = next;
  user.lastModified = tenant.now().toISOString();
  return scimJson(200, present(user, connection.id, request.host));
};

const remove: Handler = (tenant, connection, request) => {
  const users = tenant.usersOf(connection.id);
  const i = users.findIndex((u) => u.id === request.params.userId);
  if (i < 0) return notFound(request);
  users.splice(i, 1);
  return { status: 204 };
};

/** Token check: the token must be one of this connection's, unexpired, with the verb's scope. */
export function guarded(handler: Handler, resolve: TenantResolver, verbScope: Record<string, string> = VERB_SCOPE): Route["handle"] {
  return (request) => {
    const tenant = resolve(request.host);
    const connection = tenant?.connections.get(request.params.id);
    if (!tenant || !connection || !tenant.scim.has(connection.id)) return scimError(404, "Not Found");
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const found = bearer ? tenant.findScimToken(bearer) : undefined;
    if (!found || found.connectionId !== connection.id) return scimError(401, "Unauthorized");
    found.token.last_used_at = tenant.now().toISOString();
    const scope = verbScope[request.method];
    if (!found.token.scopes.includes(scope)) return scimError(403, `Insufficient scope, expected: ${scope}`);
    return handler(tenant, connection, request);
  };
}

const USERS = "/scim/v2/connections/{id}/Users";

export function scimUserRoutes(resolve: TenantResolver): Route[] {
  const table: Array<[string, string, Handler]> = [
    ["GET", USERS, list],
    ["POST", USERS, create],
    ["GET", `${USERS}/{userId}`, get],
    ["PUT", `${USERS}/{userId}`, replace],
    ["PATCH", `${USERS}/{userId}`, patch],
    ["DELETE", `${USERS}/{userId}`, remove],
  ];
  return table.map(([method, template, handler]) => ({ method, template, handle: guarded(handler, resolve) }));
}
