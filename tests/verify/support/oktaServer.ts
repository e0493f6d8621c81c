// A stand-in for the Okta management API on 127.0.0.1, answering the four read endpoints the Okta
// read-back uses with the documented response bodies.
import type { AddressInfo } from "node:net";
import * as http from "node:http";
import express from "express";

export interface OktaFake {
  scimAppId: string;
  oidcAppId: string;
  features: string[];
  implicitAssignment: boolean;
  scimGroups: string[];
  oidcGroups: string[];
  /** Mapping properties (app attribute → expression); undefined: the app has no mapping yet. */
  mappingProperties?: Record<string, string>;
  /** Answer the mappings endpoints with 403 (token's admin cannot read profile mappings). */
  mappingsForbidden?: boolean;
  /** The SCIM app's user schema: base and custom property names (GET /api/v1/meta/schemas/apps/{id}/default). */
  appSchema?: { base: string[]; custom: string[] };
  /** Apps no stack manages, listed by GET /api/v1/apps?q= beside the two (a lost create's second app). */
  otherApps?: Array<{ id: string; label: string; status: string }>;
}

const SCIM_LABEL = "Auth0 SCIM";
const OIDC_LABEL = "Auth0 log-in";

export interface OktaTestServer {
  orgUrl: string;
  requests: string[];
  close(): Promise<void>;
}

const groupAssignments = (ids: string[]) =>
  ids.map((id, priority) => ({ id, lastUpdated: "2026-01-01T00:00:00.000Z", priority, _links: { group: { href: `/api/v1/groups/${id}` } } }));

export async function startOktaServer(fake: OktaFake): Promise<OktaTestServer> {
  const requests: string[] = [];
  const app = express();
  app.use((req, _res, next) => {
    requests.push(`${req.method} ${req.originalUrl}`);
    next();
  });
  // Okta's q: a starts-with match on name or label, case-insensitive.
  app.get("/api/v1/apps", (req, res) => {
    const q = String(req.query.q ?? "").toLowerCase();
    const all = [
      { id: fake.scimAppId, name: "example_scimapp_1", label: SCIM_LABEL, status: "ACTIVE", created: "2026-01-01T00:00:00.000Z" },
      { id: fake.oidcAppId, name: "oidc_client", label: OIDC_LABEL, status: "ACTIVE", created: "2026-01-01T00:00:00.000Z" },
      ...(fake.otherApps ?? []).map((a) => ({ ...a, name: "example_scimapp_2", created: "2026-01-02T00:00:00.000Z" })),
    ];
    res.json(all.filter((a) => a.label.toLowerCase().startsWith(q) || a.name.toLowerCase().startsWith(q)));
  });
  app.get("/api/v1/apps/:id", (req, res) => {
    if (req.params.id === fake.scimAppId) {
      res.json({
        id: fake.scimAppId,
        name: "example_scimapp_1",
        label: SCIM_LABEL,
        status: "ACTIVE",
        signOnMode: "AUTO_LOGIN",
        features: fake.features,
        settings: { app: { url: "https://example.invalid" } },
        visibility: { hide: { iOS: true, web: true } },
      });
    } else if (req.params.id === fake.oidcAppId) {
      res.json({
        id: fake.oidcAppId,
        name: "oidc_client",
        label: OIDC_LABEL,
        status: "ACTIVE",
        signOnMode: "OPENID_CONNECT",
        features: [],
        credentials: { oauthClient: { client_id: fake.oidcAppId } },
        settings: { implicitAssignment: fake.implicitAssignment, oauthClient: { application_type: "web" } },
      });
    } else {
      res.status(404).json({ errorCode: "E0000007", errorSummary: `Not found: Resource not found: ${req.params.id} (AppInstance)`, errorCauses: [] });
    }
  });
  app.get("/api/v1/apps/:id/groups", (req, res) => {
    res.json(groupAssignments(req.params.id === fake.scimAppId ? fake.scimGroups : fake.oidcGroups));
  });
  const forbidden = (res: express.Response) =>
    res.status(403).json({ errorCode: "E0000006", errorSummary: "You do not have permission to perform the requested action", errorCauses: [] });
  app.get("/api/v1/mappings", (req, res) => {
    if (fake.mappingsForbidden) return void forbidden(res);
    if (!fake.mappingProperties || req.query.targetId !== fake.scimAppId) return void res.json([]);
    res.json([
      {
        id: "prm1okta2app",
        source: { id: "oty1default", name: "user", type: "user" },
        target: { id: fake.scimAppId, name: "example_scimapp_1", type: "appuser" },
      },
    ]);
  });
  app.get("/api/v1/mappings/:id", (_req, res) => {
    if (fake.mappingsForbidden) return void forbidden(res);
    const properties = Object.fromEntries(Object.entries(fake.mappingProperties ?? {}).map(([k, expression]) => [k, { expression, pushStatus: "PUSH" }]));
    res.json({
      id: "prm1okta2app",
      source: { id: "oty1default", name: "user", type: "user" },
      target: { id: fake.scimAppId, name: "example_scimapp_1", type: "appuser" },
      properties,
    });
  });
  app.get("/api/v1/meta/schemas/apps/:id/default", (req, res) => {
    if (!fake.appSchema || req.params.id !== fake.scimAppId) {
      res.status(404).json({ errorCode: "E0000007", errorSummary: `Not found: Resource not found: ${req.params.id} (AppInstance)`, errorCauses: [] });
      return;
    }
    const properties = (names: string[]) => Object.fromEntries(names.map((n) => [n, { title: n, type: "string", scope: "NONE" }]));
    res.json({
      id: `https://example.okta.com/meta/schemas/apps/${fake.scimAppId}/default`,
      $schema: "http://json-schema.org/draft-04/schema#",
      name: "example_scimapp_1",
      title: "Auth0 SCIM User",
      definitions: {
        base: { id: "#base", type: "object", properties: properties(fake.appSchema.base), required: ["userName"] },
        custom: { id: "#custom", type: "object", properties: properties(fake.appSchema.custom), required: [] },
      },
      type: "object",
      properties: { profile: { allOf: [{ $ref: "#/definitions/custom" }, { $ref: "#/definitions/base" }] } },
    });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    orgUrl: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
