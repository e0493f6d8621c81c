// Auth0's SCIM Groups for a connection, /scim/v2/connections/{id}/Groups (Auth0 "SCIM for Enterprise
// Groups", 2026-06): what Okta's Group Push and `npm run verify --groups` send. List with
// `displayName eq "…"` (and `id eq`), POST (409 on a taken displayName: unique per connection), GET,
// PUT (the whole group), PATCH (add/replace members or displayName, remove members[value eq "…"]),
// DELETE. Members are users of the same connection; the *:groups scopes guard each verb.
import type { Route, StandInRequest } from "../http/router";
import type { TenantResolver } from "./management";
import { patchOperations, scimError, scimJson, scimListPage, type PatchOperation } from "./replies";
import { guarded, parseEqFilter, type Handler } from "./scimUsers";
import type { Auth0Tenant, Connection, ScimGroup } from "./tenant";
import { randomBytes } from "crypto";

const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
const GROUP_VERB_SCOPE: Record<string, string> = { GET: "get:groups", POST: "post:groups", PUT: "put:groups", PATCH: "patch:groups", DELETE: "delete:groups" };
/** Auth0's limit on the members one PATCH may carry. */
export const MEMBERS_PER_PATCH = 1000;

function present(group: ScimGroup, connectionId: string, host: string): Record<string, unknown> {
  return {
    schemas: [GROUP_SCHEMA],
    id: group.id,
    displayName: group.displayName,
    members: group.members,
    meta: { resourceType: "Group", created: group.created, lastModified: group.lastModified, location: `https://${host}/scim/v2/connections/${connectionId}/Groups/${group.id}` },
  };
}

type Members = { ok: true; members: ScimGroup["members"] } | { ok: false; status: number; detail: string };

/** Members must be users of this connection: a member Auth0 does not know is refused. */
function readMembers(tenant: Auth0Tenant, connection: Connection, value: unknown): Members {
  if (value === undefined) return { ok: true, members: [] };
  if (!Array.isArray(value)) return { ok: false, status: 400, detail: "members must be an array" };
  const users = new Set(tenant.usersOf(connection.id).map((u) => u.id));
  const members: ScimGroup["members"] = [];
  for (const m of value as Record<string, unknown>[]) {
    if (typeof m?.value !== "string" || !users.has(m.value)) return { ok: false, status: 400, detail: `member ${JSON.stringify(m?.value)} is not a user of this connection` };
    members.push({ value: m.value, ...(typeof m.display === "string" ? { display: m.display } : {}) });
  }
  return { ok: true, members };
}

const nameTaken = (tenant: Auth0Tenant, connection: Connection, name: string, except?: string) =>
  tenant.groupsOf(connection.id).some((g) => g.id !== except && g.displayName.toLowerCase() === name.toLowerCase());

const list: Handler = (tenant, connection, request) => {
  let groups = tenant.groupsOf(connection.id);
  const filter = request.query.get("filter");
  if (filter) {
    const clauses = parseEqFilter(filter);
    if (!clauses || clauses.some((c) => !["displayname", "id"].includes(c.path.toLowerCase()))) return scimError(400, `Unsupported filter: ${filter}`, "invalidFilter");
    groups = groups.filter((g) => clauses.every((c) => (c.path.toLowerCase() === "id" ? g.id === c.value : typeof c.value === "string" && g.displayName.toLowerCase() === c.value.toLowerCase())));
  }
  return scimListPage(groups, request.query, (g) => present(g, connection.id, request.host));
};

const create: Handler = (tenant, connection, request) => {
  const body = (request.body ?? {}) as Record<string, unknown>;
  if (typeof body.displayName !== "string" || body.displayName === "") return scimError(400, "displayName is required", "invalidValue");
  if (nameTaken(tenant, connection, body.displayName)) return scimError(409, "Group already exists", "uniqueness");
  const members = readMembers(tenant, connection, body.members);
  if (!members.ok) return scimError(members.status, members.detail, "invalidValue");
  const at = tenant.now().toISOString();
  const group: ScimGroup = { id: randomBytes(12).toString("hex"), displayName: body.displayName, members: members.members, created: at, lastModified: at };
  tenant.groupsOf(connection.id).push(group);
  return scimJson(201, present(group, connection.id, request.host));
};

const findGroup = (tenant: Auth0Tenant, connection: Connection, request: StandInRequest) => tenant.groupsOf(connection.id).find((g) => g.id === request.params.groupId);
const notFound = (request: StandInRequest) => scimError(404, `Group ${request.params.groupId} not found`);

const get: Handler = (tenant, connection, request) => {
  const group = findGroup(tenant, connection, request);
  return group ? scimJson(200, present(group, connection.id, request.host)) : notFound(request);
};

const replace: Handler = (tenant, connection, request) => {
  const group = findGroup(tenant, connection, request);
  if (!group) return notFound(request);
  const body = (request.body ?? {}) as Record<string, unknown>;
  if (typeof body.displayName !== "string" || body.displayName === "") return scimError(400, "displayName is required", "invalidValue");
  if (nameTaken(tenant, connection, body.displayName, group.id)) return scimError(409, "Group already exists", "uniqueness");
  const members = readMembers(tenant, connection, body.members);
  if (!members.ok) return scimError(members.status, members.detail, "invalidValue");
  Object.assign(group, { displayName: body.displayName, members: members.members, lastModified: tenant.now().toISOString() });
  return scimJson(200, present(group, connection.id, request.host));
};

/** One PatchOp operation on a group: members (add, replace, remove by filter) or displayName. */
function applyOperation(tenant: Auth0Tenant, connection: Connection, group: ScimGroup, op: PatchOperation): string | undefined {
  const kind = (op.op ?? "").toLowerCase();
  const removal = /^members\[value eq "([^"]+)"\]$/.exec(op.path ?? "");
  if (kind === "remove" && removal) {
    group.members = group.members.filter((m) => m.value !== removal[1]);
    return undefined;
  }
  if ((kind === "add" || kind === "replace") && op.path === "members") {
    const members = readMembers(tenant, connection, op.value);
    if (!members.ok) return members.detail;
    if (members.members.length > MEMBERS_PER_PATCH) return `at most ${MEMBERS_PER_PATCH} members per PATCH`;
    const kept = kind === "replace" ? [] : group.members.filter((m) => !members.members.some((n) => n.value === m.value));
    group.members = [...kept, ...members.members];
    return undefined;
  }
  if (kind === "replace" && (op.path === "displayName" || (op.path === undefined && typeof (op.value as Record<string, unknown>)?.displayName === "string"))) {
    const name = op.path === "displayName" ? op.value : (op.value as Record<string, unknown>).displayName;
    if (typeof name !== "string" || name === "") return "displayName must be a non-empty string";
    if (nameTaken(tenant, connection, name, group.id)) return "displayName is taken";
    group.displayName = name;
    return undefined;
  }
  return `unsupported operation ${String(op.op)} ${String(op.path)}`;
}

const patch: Handler = (tenant, connection, request) => {
  const group = findGroup(tenant, connection, request);
  if (!group) return notFound(request);
  const operations = patchOperations(request.body);
  if (!operations) return scimError(400, "Expected a PatchOp message with Operations", "invalidSyntax");
  const next = structuredClone(group);
  for (const op of operations) {
    const problem = applyOperation(tenant, connection, next, op);
    if (problem) return scimError(400, problem, "invalidValue");
  }
  Object.assign(group, next, { lastModified: tenant.now().toISOString() });
  return { status: 204 };
};

const remove: Handler = (tenant, connection, request) => {
  const groups = tenant.groupsOf(connection.id);
  const i = groups.findIndex((g) => g.id === request.params.groupId);
  if (i < 0) return notFound(request);
  groups.splice(i, 1);
  return { status: 204 };
};

const GROUPS = "/scim/v2/connections/{id}/Groups";

export function scimGroupRoutes(resolve: TenantResolver): Route[] {
  const table: Array<[string, string, Handler]> = [
    ["GET", GROUPS, list],
    ["POST", GROUPS, create],
    ["GET", `${GROUPS}/{groupId}`, get],
    ["PUT", `${GROUPS}/{groupId}`, replace],
    ["PATCH", `${GROUPS}/{groupId}`, patch],
    ["DELETE", `${GROUPS}/{groupId}`, remove],
  ];
  return table.map(([method, template, handler]) => ({ method, template, handle: guarded(handler, resolve, GROUP_VERB_SCOPE) }));
}
