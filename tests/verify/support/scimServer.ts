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
}

type StoredUser = Record<string, unknown> & { id: string; userName: string };

interface Store {
  users: Map<string, StoredUser>;
  faults: ScimFaults;
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
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .egress((resource, ctx: Store) => {
      const users = [...ctx.users.values()];
      if (resource.id) {
        const user = ctx.users.get(resource.id);
        if (!user) throw new SCIMMY.Types.Error(404, null!, `User ${resource.id} not found`);
        return user;
      }
      return resource.filter && !ctx.faults.ignoreFilter ? resource.filter.match(users) : users;
    })
    .ingress((resource, instance, ctx: Store) => {
      const data = { ...(instance as unknown as Record<string, unknown>) };
      if (resource.id) {
        const existing = ctx.users.get(resource.id);
        if (!existing) throw new SCIMMY.Types.Error(404, null!, `User ${resource.id} not found`);
        const updated = { ...data, id: existing.id, userName: String(data.userName) };
        ctx.users.set(existing.id, updated);
        return updated;
      }
      if ([...ctx.users.values()].some((u) => u.userName === data.userName)) {
        throw new SCIMMY.Types.Error(409, "uniqueness", `userName ${String(data.userName)} already exists`);
      }
      const id = `okta|${randomBytes(6).toString("hex")}`;
      const created = { ...data, id, userName: String(data.userName) };
      ctx.users.set(id, created);
      return created;
    })
    .degress(() => {
      throw new SCIMMY.Types.Error(501, null!, "DELETE is not used by Okta");
    });
}

function faultMiddleware(store: Store, requests: string[], unanswered: Set<express.Response>): express.RequestHandler {
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
  const store: Store = { users: new Map(), faults: options.faults ?? {} };
  const requests: string[] = [];
  const unanswered = new Set<express.Response>();
  const connectionId = "con_Test123";
  const app = express();
  app.use(
    `/scim/v2/connections/${connectionId}`,
    faultMiddleware(store, requests, unanswered),
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
