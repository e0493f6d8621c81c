// A real SCIM 2.0 server for the verify tests: scimmy + scimmy-routers on express, on 127.0.0.1, mounted
// at Auth0's URL shape /scim/v2/connections/<id> with a bearer-token check and an in-memory user store
// (ids like Auth0's, containing "|"). `faults` turns it into one of the faulty variants.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import * as http from "node:http";
import * as https from "node:https";
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";

export interface ScimFaults {
  /** ListResponse counts sent as strings ("1"). */
  stringTotalResults?: boolean;
  /** The filter query is ignored: every list returns all users. */
  ignoreFilter?: boolean;
  /** This many requests get 500 before the server answers normally (Infinity: always). */
  serverErrors?: number;
  /** The 500 body quotes the request's Authorization header (a careless server; tests redaction). */
  echoAuthorizationIn500?: boolean;
  /** This many requests get 429 with this Retry-After before the server answers normally. */
  rateLimited?: { count: number; retryAfter: string };
  /** Requests are received and never answered (the timeout tests: no deadline can race an answer). */
  neverAnswer?: boolean;
  /** List requests are answered with an HTML page. */
  htmlContentType?: boolean;
  /** Every request gets 401, the right token too. */
  rejectEveryToken?: boolean;
  // Okta's CRUD-test rules, each broken on purpose (see tests/verify/oktaTestChecks.test.ts).
  /** GET /Users/{unknown id} answers 404 with a plain-text body instead of a SCIM Error. */
  plainNotFound?: boolean;
  /** A rejected token gets 401 with a plain-text body instead of a SCIM Error. */
  plainUnauthorized?: boolean;
  /** ListResponse itemsPerPage is the requested count, not the number of Resources returned. */
  itemsPerPageIsCount?: boolean;
  /** List Resources carry only id and schemas. */
  listWithoutAttributes?: boolean;
  /** The 201 of POST /Users carries only id, userName and schemas. */
  createWithoutEcho?: boolean;
  /** userName filters compare case-sensitively. */
  caseSensitiveUserName?: boolean;
  /** Addresses without a `type` are not stored (as Auth0's default `addresses[type eq "work"]` mapping loses Okta's). */
  dropsUntypedAddresses?: boolean;
  /** PUT keeps the stored profile and applies only `active`. */
  ignoreProfileUpdates?: boolean;
  /** Once inactive, a user cannot be re-activated. */
  noReactivation?: boolean;
  /** PATCH is not supported (405). */
  noPatch?: boolean;
  // Group Push's rules (verify --groups), each broken on purpose (see tests/verify/groupChecks.test.ts).
  /** displayName filters on /Groups are ignored: every group is listed. */
  groupsIgnoreFilter?: boolean;
  /** A second group of a taken displayName is created instead of refused with 409. */
  groupsAllowDuplicateNames?: boolean;
  /** PATCH of a group answers 200 and changes nothing. */
  groupsIgnorePatch?: boolean;
  /** DELETE of a group answers 204 and keeps it. */
  groupsKeepDeleted?: boolean;
}

type StoredGroup = Record<string, unknown> & { id: string; displayName: string };

type StoredUser = Record<string, unknown> & { id: string; userName: string };

interface Store {
  users: Map<string, StoredUser>;
  groups: Map<string, StoredGroup>;
  faults: ScimFaults;
  /** The JSON body of the request being handled, as sent (scimmy drops attributes it does not know). */
  lastRawBody?: Record<string, unknown>;
  /** Per user id, the last body a POST or PUT sent, as sent: what an Auth0 stand-in maps. */
  rawBodies: Map<string, Record<string, unknown>>;
}

export interface ScimTestServer {
  /** The SCIM base URL, e.g. http://127.0.0.1:PORT/scim/v2/connections/con_Test123. */
  baseUrl: string;
  connectionId: string;
  store: Store;
  /** Method and path of every request that reached the server, in order. */
  requests: string[];
  close(): Promise<void>;
}

let declared = false;

/** scimmy's resource declarations are global: declare once, reach the per-server store through context. */
function declareUserResource(): void {
  if (declared) return;
  declared = true;
  // A sound server keeps the enterprise extension Okta sends (Auth0 maps it by default).
  SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false);
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .egress((resource, ctx: Store) => {
      const users = [...ctx.users.values()];
      if (resource.id) {
        const user = ctx.users.get(resource.id);
        if (!user) throw new SCIMMY.Types.Error(404, null!, `User ${resource.id} not found`);
        return user;
      }
      // scimmy compares userName case-sensitively; RFC 7643 (and Okta's tests) want it case-insensitive.
      // The `caseSensitiveUserName` fault keeps scimmy's behaviour.
      const wanted = resource.filter && !ctx.faults.ignoreFilter ? /^userName eq "([^"]*)"$/i.exec(String(resource.filter.expression ?? ""))?.[1] : undefined;
      if (wanted !== undefined) {
        return users.filter((u) => (ctx.faults.caseSensitiveUserName ? u.userName === wanted : u.userName.toLowerCase() === wanted.toLowerCase()));
      }
      return resource.filter && !ctx.faults.ignoreFilter ? resource.filter.match(users) : users;
    })
    .ingress((resource, instance, ctx: Store) => {
      const data = { ...(instance as unknown as Record<string, unknown>) };
      if (ctx.faults.dropsUntypedAddresses && Array.isArray(data.addresses)) {
        data.addresses = (data.addresses as Record<string, unknown>[]).filter((a) => typeof a.type === "string");
        if ((data.addresses as unknown[]).length === 0) delete data.addresses;
      }
      if (resource.id) {
        const existing = ctx.users.get(resource.id);
        if (!existing) throw new SCIMMY.Types.Error(404, null!, `User ${resource.id} not found`);
        let updated: StoredUser = { ...data, id: existing.id, userName: String(data.userName) };
        if (ctx.faults.ignoreProfileUpdates) updated = { ...existing, active: data.active };
        if (ctx.faults.noReactivation && existing.active === false) updated = { ...updated, active: false };
        ctx.users.set(existing.id, updated);
        if (ctx.lastRawBody && !ctx.faults.ignoreProfileUpdates && ctx.lastRawBody.schemas && !(ctx.lastRawBody.schemas as string[]).some((u) => u.includes("PatchOp"))) {
          ctx.rawBodies.set(existing.id, { ...ctx.lastRawBody, active: updated.active });
        }
        return updated;
      }
      if ([...ctx.users.values()].some((u) => u.userName === data.userName)) {
        throw new SCIMMY.Types.Error(409, "uniqueness", `userName ${String(data.userName)} already exists`);
      }
      const id = `okta|${randomBytes(6).toString("hex")}`;
      const created = { ...data, id, userName: String(data.userName) };
      ctx.users.set(id, created);
      if (ctx.lastRawBody) ctx.rawBodies.set(id, ctx.lastRawBody);
      return created;
    })
    .degress(() => {
      throw new SCIMMY.Types.Error(501, null!, "DELETE is not used by Okta");
    });
  declareGroupResource();
}

/** Auth0's Groups (2026-06): displayName unique per connection, members are users. */
function declareGroupResource(): void {
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .egress((resource, ctx: Store) => {
      const groups = [...ctx.groups.values()];
      if (resource.id) {
        const group = ctx.groups.get(resource.id);
        if (!group) throw new SCIMMY.Types.Error(404, null!, `Group ${resource.id} not found`);
        return group;
      }
      return resource.filter && !ctx.faults.groupsIgnoreFilter ? resource.filter.match(groups) : groups;
    })
    .ingress((resource, instance, ctx: Store) => {
      const data = { ...(instance as unknown as Record<string, unknown>) } as StoredGroup;
      if (resource.id) {
        const existing = ctx.groups.get(resource.id);
        if (!existing) throw new SCIMMY.Types.Error(404, null!, `Group ${resource.id} not found`);
        if (ctx.faults.groupsIgnorePatch) return existing;
        const updated = { ...data, id: existing.id };
        ctx.groups.set(existing.id, updated);
        return updated;
      }
      if (!ctx.faults.groupsAllowDuplicateNames && [...ctx.groups.values()].some((g) => g.displayName === data.displayName)) {
        throw new SCIMMY.Types.Error(409, "uniqueness", `displayName ${String(data.displayName)} already exists`);
      }
      const id = randomBytes(8).toString("hex");
      const created = { ...data, id };
      ctx.groups.set(id, created);
      return created;
    })
    .degress((resource, ctx: Store) => {
      if (!resource.id || !ctx.groups.has(resource.id)) throw new SCIMMY.Types.Error(404, null!, `Group ${resource.id} not found`);
      if (!ctx.faults.groupsKeepDeleted) ctx.groups.delete(resource.id);
    });
}

const SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

/**
 * Rewrites what scimmy answers. scimmy itself reports itemsPerPage as its page size (20), not the
 * number of Resources returned, which Okta's rules refuse: the sound server corrects it, and the
 * `itemsPerPageIsCount` fault reports the requested count instead.
 */
function rewriteJson(req: express.Request, res: express.Response, faults: ScimFaults): void {
  const json = res.json.bind(res);
  res.json = (body: Record<string, unknown>) => {
    const isList = Array.isArray(body?.schemas) && body.schemas.includes(SCIMMY.Messages.ListResponse.id);
    if (isList) body = { ...body, itemsPerPage: Array.isArray(body.Resources) ? body.Resources.length : 0 };
    if (isList && faults.itemsPerPageIsCount) body = { ...body, itemsPerPage: Number(req.query.count ?? 100) };
    if (isList && faults.listWithoutAttributes && Array.isArray(body.Resources)) {
      body = { ...body, Resources: (body.Resources as Record<string, unknown>[]).map((r) => ({ schemas: r.schemas, id: r.id })) };
    }
    if (req.method === "POST" && faults.createWithoutEcho && !isList) body = { schemas: body.schemas, id: body.id, userName: body.userName, meta: body.meta };
    return json(body);
  };
}

function faultMiddleware(store: Store, requests: string[], unanswered: Set<express.Response>, token: string): express.RequestHandler {
  let served = 0;
  return (req, res, next) => {
    requests.push(`${req.method} ${req.originalUrl}`);
    const index = served++;
    const { faults } = store;
    if (faults.neverAnswer) {
      unanswered.add(res);
      return;
    }
    if (faults.serverErrors !== undefined && index < faults.serverErrors) {
      const echo = faults.echoAuthorizationIn500 ? ` for ${req.header("Authorization")}` : "";
      res.status(500).type("text/plain").send(`internal error${echo}`);
      return;
    }
    const limited = faults.rateLimited;
    if (limited && index < limited.count) {
      res.status(429).set("Retry-After", limited.retryAfter).type("application/scim+json").send("{}");
      return;
    }
    if (faults.htmlContentType && req.method === "GET") {
      res.status(200).type("text/html").send("<html><body>Sign in</body></html>");
      return;
    }
    if (faults.noPatch && req.method === "PATCH") {
      res.status(405).type("application/scim+json").send(JSON.stringify({ schemas: [SCIM_ERROR], status: "405", detail: "PATCH not supported" }));
      return;
    }
    if (faults.plainNotFound && req.method === "GET" && /\/Users\/[^/?]+$/.test(req.path)) {
      const id = decodeURIComponent(req.path.split("/").pop() ?? "");
      if (!store.users.has(id)) {
        res.status(404).type("text/plain").send("Not Found");
        return;
      }
    }
    if (faults.plainUnauthorized && req.header("Authorization") !== `Bearer ${token}`) {
      res.status(401).type("text/plain").send("Unauthorized");
      return;
    }
    store.lastRawBody = undefined;
    rewriteJson(req, res, faults);
    if (faults.stringTotalResults) {
      const json = res.json.bind(res);
      res.json = (body: Record<string, unknown>) => {
        const isList = Array.isArray(body?.schemas) && body.schemas.includes(SCIMMY.Messages.ListResponse.id);
        return json(isList ? { ...body, totalResults: String(body.totalResults) } : body);
      };
    }
    next();
  };
}

export interface StartOptions {
  token: string;
  faults?: ScimFaults;
  /** Serve HTTPS with this key and certificate (the TLS tests). */
  tls?: { key: string; cert: string };
}

export async function startScimServer(options: StartOptions): Promise<ScimTestServer> {
  declareUserResource();
  const store: Store = { users: new Map(), groups: new Map(), faults: options.faults ?? {}, rawBodies: new Map() };
  const requests: string[] = [];
  const unanswered = new Set<express.Response>();
  const connectionId = "con_Test123";
  const app = express();
  app.use(
    `/scim/v2/connections/${connectionId}`,
    faultMiddleware(store, requests, unanswered, options.token),
    // Keep the body as sent: an Auth0 stand-in maps it (scimmy's coercion drops unknown attributes).
    express.json({ type: ["application/scim+json", "application/json"] }),
    (req: express.Request, _res: express.Response, next: express.NextFunction) => {
      if (req.body && typeof req.body === "object" && !Array.isArray(req.body)) store.lastRawBody = req.body as Record<string, unknown>;
      next();
    },
    new SCIMMYRouters({
      type: "bearer",
      docUri: "https://example.invalid/scim-auth",
      handler: (req) => {
        if (store.faults.rejectEveryToken || req.header("Authorization") !== `Bearer ${options.token}`) {
          throw new Error("Invalid token");
        }
        return "okta";
      },
      context: () => store,
    }),
  );
  const server = options.tls ? https.createServer(options.tls, app) : http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls ? "https" : "http";
  return {
    baseUrl: `${scheme}://127.0.0.1:${port}/scim/v2/connections/${connectionId}`,
    connectionId,
    store,
    requests,
    close: async () => {
      for (const res of unanswered) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
