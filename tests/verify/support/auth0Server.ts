// A stand-in for Auth0's Management API on 127.0.0.1: the token endpoint and the two SCIM read
// endpoints, answering with the documented response bodies (or the documented error body).
import type { AddressInfo } from "node:net";
import * as http from "node:http";
import * as https from "node:https";
import express from "express";
import type { ScimTokenInfo } from "../../../verify/checks/auth0";

export interface Auth0Fake {
  userIdAttribute: string;
  tokens: ScimTokenInfo[];
  /** Answer the tokens endpoint with 403 insufficient_scope. */
  tokensForbidden?: boolean;
  /** Answer the token endpoint with 401 (wrong client secret). */
  rejectClient?: boolean;
  /** The SCIM configuration's mapping (default: only userName). */
  mapping?: { scim: string; auth0: string }[];
  /** The stored user for GET /api/v2/users/{id}; undefined answers 404. */
  user?: (id: string) => Record<string, unknown> | undefined;
  /** Receive every request and never answer it (the timeout test: no deadline can race an answer). */
  neverAnswer?: boolean;
}

export interface Auth0TestServer {
  origin: string;
  port: number;
  requests: string[];
  /** A fetch for the SDK that sends https://{domain}/... to this server instead. */
  fetchFor(domain: string): typeof fetch;
  close(): Promise<void>;
}

const forbidden = (scope: string) => ({
  statusCode: 403,
  error: "Forbidden",
  message: `Insufficient scope, expected any of: ${scope}`,
  errorCode: "insufficient_scope",
});

export async function startAuth0Server(fake: Auth0Fake, tls?: { key: string; cert: string }): Promise<Auth0TestServer> {
  const requests: string[] = [];
  const unanswered = new Set<express.Response>();
  const app = express();
  app.use((req, res, next) => {
    requests.push(`${req.method} ${req.originalUrl}`);
    if (fake.neverAnswer) unanswered.add(res);
    else next();
  });
  app.post("/oauth/token", express.urlencoded({ extended: false }), (req, res) => {
    if (fake.rejectClient) {
      res.status(401).json({ error: "access_denied", error_description: "Unauthorized" });
      return;
    }
    res.json({ access_token: "mgmt-access-token", token_type: "Bearer", expires_in: 86400, scope: "read:scim_config read:scim_token" });
  });
  app.get("/api/v2/connections/:id/scim-configuration", (req, res) => {
    res.json({
      connection_id: req.params.id,
      connection_name: "okta-workforce",
      strategy: "okta",
      tenant_name: "test-tenant",
      user_id_attribute: fake.userIdAttribute,
      mapping: fake.mapping ?? [{ auth0: "preferred_username", scim: "userName" }],
      created_at: "2026-01-01T00:00:00.000Z",
      updated_on: "2026-01-01T00:00:00.000Z",
    });
  });
  app.get("/api/v2/connections/:id/scim-configuration/tokens", (_req, res) => {
    if (fake.tokensForbidden) {
      res.status(403).json(forbidden("read:scim_token"));
      return;
    }
    res.json(fake.tokens);
  });
  app.get("/api/v2/users/:id", (req, res) => {
    const user = fake.user?.(req.params.id);
    if (!user) return void res.status(404).json({ statusCode: 404, error: "Not Found", message: "The user does not exist.", errorCode: "inexistent_user" });
    res.json(user);
  });
  const server = tls ? https.createServer(tls, app) : http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `${tls ? "https" : "http"}://127.0.0.1:${port}`;
  return {
    origin,
    port,
    requests,
    fetchFor: (domain) => (input, init) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      return fetch(url.replace(`https://${domain}`, origin), init);
    },
    close: async () => {
      for (const res of unanswered) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
