// A local stand-in for the parts of Auth0 the token resource uses, on 127.0.0.1, behaving as Auth0
// documents them: client-credentials login (POST /oauth/token), and under /api/v2
// GET/POST …/connections/{id}/scim-configuration/tokens and DELETE …/tokens/{token_id}, with
// Management API scopes, the two-token limit (409), token_lifetime > 900 (400), valid_until,
// last_used_at and 404 for unknown ids. Faults (429 with Retry-After, 5xx, hangs, dropped
// connections) are injected per request. The real auth0 SDK talks to it through `redirectFetch`.
import * as http from "http";
import type { AddressInfo } from "net";
import { randomBytes } from "crypto";
import type { ScimToken } from "../../sandbox/auth0/tenant";

export const FAKE_DOMAIN = "fake-tenant.example.auth0.com";
export const FAKE_CLIENT_ID = "fakeClientId0123456789";
export const FAKE_CLIENT_SECRET = "FAKE-CLIENT-SECRET-never-print-me";

export const ALL_TOKEN_SCOPES = ["create:scim_token", "read:scim_token", "delete:scim_token"];

/** A token as the Management API stores and lists it: the same wire shape as the sandbox's stand-in. */
type StoredToken = ScimToken;

export interface Fault {
  method: string;
  /** Matched against the path (e.g. "/oauth/token", "/scim-configuration/tokens"). */
  path: string;
  status?: number;
  retryAfter?: string;
  /** Process the request first, then answer with the fault status (a POST that created anyway). */
  afterProcessing?: boolean;
  /** Never answer (until the server closes). */
  hang?: boolean;
  /** Drop the connection without an answer. */
  drop?: boolean;
  body?: unknown;
  times: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  authorization?: string;
  body?: unknown;
}

export class FakeAuth0 {
  readonly connections = new Map<string, StoredToken[]>();
  grantedScopes = [...ALL_TOKEN_SCOPES];
  /** The deploying client's current secret; a test rotates it by assigning a new one. */
  clientSecret = FAKE_CLIENT_SECRET;
  /** 403 at login: the client is not authorized for the Management API. */
  clientAuthorized = true;
  readonly log: LoggedRequest[] = [];
  private faults: Fault[] = [];
  private issued = new Set<string>();
  private server?: http.Server;
  private hung: http.ServerResponse[] = [];
  baseUrl = "";

  addConnection(id: string): void {
    this.connections.set(id, []);
  }

  /** A token that exists in Auth0 but not in any stack (made in the dashboard, or expired). */
  seedToken(connectionId: string, token: Partial<StoredToken> = {}): StoredToken {
    const t: StoredToken = {
      token_id: `tok_${randomBytes(8).toString("hex")}`,
      token: randomBytes(24).toString("base64url"),
      scopes: ["get:users", "post:users", "put:users"],
      created_at: new Date().toISOString(),
      ...token,
    };
    this.connections.get(connectionId)!.push(t);
    return t;
  }

  /** What Okta's use of a token does: Auth0 records last_used_at. */
  useToken(tokenValue: string): void {
    for (const list of this.connections.values()) {
      for (const t of list) if (t.token === tokenValue) t.last_used_at = new Date().toISOString();
    }
  }

  inject(fault: Fault): void {
    this.faults.push(fault);
  }

  tokensOf(connectionId: string): StoredToken[] {
    return this.connections.get(connectionId) ?? [];
  }

  /** fetch that sends the SDK's https://{domain}/… requests to this server instead. */
  redirectFetch(): typeof fetch {
    return (input, init) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      return fetch(url.replace(/^https:\/\/[^/]+/, this.baseUrl), init);
    };
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => this.handle(req, res, raw));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const f = this.faults.find((x) => x.times > 0 && x.method === method && path.includes(x.path));
    if (f) f.times--;
    return f;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const method = req.method ?? "GET";
    const path = (req.url ?? "/").split("?")[0];
    let body: unknown;
    try {
      body = raw === "" ? undefined : req.headers["content-type"]?.includes("json") ? JSON.parse(raw) : Object.fromEntries(new URLSearchParams(raw));
    } catch {
      body = raw;
    }
    const entry: LoggedRequest = { method, path, status: 0, authorization: req.headers.authorization, body };
    this.log.push(entry);
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      res.writeHead(status, { ...(payload === undefined ? {} : { "content-type": "application/json" }), ...headers });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    const fault = this.takeFault(method, path);
    if (fault?.hang) {
      this.hung.push(res);
      return;
    }
    if (fault?.drop) {
      req.socket.destroy();
      return;
    }
    const faultAnswer = () =>
      send(fault!.status ?? 500, fault!.body ?? { statusCode: fault!.status ?? 500, error: "Injected", message: "injected fault" }, fault!.retryAfter ? { "retry-after": fault!.retryAfter } : {});
    if (fault && !fault.afterProcessing) return faultAnswer();
    const [status, payload] = this.route(method, path, req.headers.authorization, body);
    if (fault) return faultAnswer();
    send(status, payload);
  }

  private route(method: string, path: string, authorization: string | undefined, body: unknown): [number, unknown?] {
    if (method === "POST" && path === "/oauth/token") {
      const form = body as Record<string, string>;
      if (form.grant_type !== "client_credentials" || form.client_id !== FAKE_CLIENT_ID || form.client_secret !== this.clientSecret) {
        return [401, { error: "access_denied", error_description: "Unauthorized" }];
      }
      if (!this.clientAuthorized) {
        return [403, { error: "access_denied", error_description: `Client is not authorized to access "https://${FAKE_DOMAIN}/api/v2/". You need to create a "client-grant" associated to this API.` }];
      }
      const token = `at_${randomBytes(12).toString("hex")}`;
      this.issued.add(token);
      return [200, { access_token: token, token_type: "Bearer", expires_in: 86400, scope: this.grantedScopes.join(" ") }];
    }
    const m = path.match(/^\/api\/v2\/connections\/([^/]+)\/scim-configuration\/tokens(?:\/([^/]+))?$/);
    if (!m) return [404, { statusCode: 404, error: "Not Found", message: "Not Found" }];
    const bearer = authorization?.replace(/^Bearer /, "");
    if (!bearer || !this.issued.has(bearer)) return [401, { statusCode: 401, error: "Unauthorized", message: "Invalid token" }];
    const needed = { GET: "read:scim_token", POST: "create:scim_token", DELETE: "delete:scim_token" }[method];
    if (!needed) return [404, { statusCode: 404, error: "Not Found", message: "Not Found" }];
    if (!this.grantedScopes.includes(needed)) {
      return [403, { statusCode: 403, error: "Forbidden", message: `Insufficient scope, expected any of: ${needed}`, errorCode: "insufficient_scope" }];
    }
    const [, connectionId, tokenId] = m;
    const tokens = this.connections.get(decodeURIComponent(connectionId));
    if (!tokens) return [404, { statusCode: 404, error: "Not Found", message: "The connection does not exist", errorCode: "inexistent_connection" }];
    if (method === "GET" && !tokenId) {
      return [200, tokens.map(({ token: _secret, ...listed }) => ({ ...listed, valid_until: listed.valid_until, last_used_at: listed.last_used_at }))];
    }
    if (method === "DELETE" && tokenId) {
      const i = tokens.findIndex((t) => t.token_id === decodeURIComponent(tokenId));
      if (i < 0) return [404, { statusCode: 404, error: "Not Found", message: "The SCIM token does not exist" }];
      tokens.splice(i, 1);
      return [204];
    }
    if (method === "POST" && !tokenId) {
      const b = (body ?? {}) as { scopes?: unknown; token_lifetime?: unknown };
      if (b.token_lifetime !== undefined && b.token_lifetime !== null && (!Number.isInteger(b.token_lifetime) || (b.token_lifetime as number) <= 900)) {
        return [400, { statusCode: 400, error: "Bad Request", message: "Payload validation error: 'Expected value to be greater than 900' on property token_lifetime (Lifetime of the token in seconds).", errorCode: "invalid_body" }];
      }
      if (b.scopes !== undefined && !(Array.isArray(b.scopes) && b.scopes.every((s) => typeof s === "string"))) {
        return [400, { statusCode: 400, error: "Bad Request", message: "Payload validation error: 'Expected type array' on property scopes.", errorCode: "invalid_body" }];
      }
      if (tokens.length >= 2) {
        return [409, { statusCode: 409, error: "Conflict", message: "Maximum number of SCIM tokens reached for this connection (2)." }];
      }
      const now = new Date();
      const t: StoredToken = {
        token_id: `tok_${randomBytes(8).toString("hex")}`,
        token: randomBytes(24).toString("base64url"),
        scopes: (b.scopes as string[] | undefined) ?? [],
        created_at: now.toISOString(),
        ...(typeof b.token_lifetime === "number" ? { valid_until: new Date(now.getTime() + b.token_lifetime * 1000).toISOString() } : {}),
      };
      tokens.push(t);
      const { last_used_at: _never, ...created } = t;
      return [201, created];
    }
    return [404, { statusCode: 404, error: "Not Found", message: "Not Found" }];
  }
}
