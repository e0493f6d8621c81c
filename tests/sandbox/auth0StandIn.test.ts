// The Auth0 stand-in, reached by the tenant's name through the CONNECT proxy over TLS with the run's CA:
// the real auth0 SDK (through the token resource's own client) and plain HTTP calls shaped like the
// auth0 provider's and Okta's.
import { createTokenApi } from "../../components/scimToken/managementClient";
import { CLIENT_ID, CLIENT_SECRET, DOMAIN, startHarness, type Harness } from "./standInHarness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const base = `https://${DOMAIN}`;

async function managementToken(): Promise<string> {
  const r = await h.fetch(`${base}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: CLIENT_SECRET, audience: `${base}/api/v2/` }),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { access_token: string }).access_token;
}

async function api(method: string, p: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
  const r = await h.fetch(`${base}${p}`, {
    method,
    headers: { authorization: `Bearer ${token ?? (await managementToken())}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

test("the real auth0 SDK creates, lists and deletes tokens with the two-token limit", async () => {
  const connectionId = h.standIn.tenant(DOMAIN).seed({ name: "sdk-conn", scim: {} });
  const tokens = createTokenApi({ domain: DOMAIN, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, { fetch: h.fetch });
  const a = await tokens.create(connectionId, { scopes: ["get:users"], tokenLifetimeSeconds: 901 });
  expect(a.token).toMatch(new RegExp(`^${a.tokenId}\\.[0-9a-f]{64}$`));
  expect(Date.parse(a.validUntil!) - Date.parse(a.createdAt)).toBe(901_000);
  const b = await tokens.create(connectionId, { scopes: ["get:users"] });
  expect(b.validUntil).toBeNull();
  await expect(tokens.create(connectionId, { scopes: ["get:users"] })).rejects.toMatchObject({ statusCode: 409 });
  expect((await tokens.list(connectionId)).map((t) => t.tokenId)).toEqual([a.tokenId, b.tokenId]);
  await tokens.remove(connectionId, a.tokenId);
  expect((await tokens.list(connectionId)).map((t) => t.tokenId)).toEqual([b.tokenId]);
  expect(h.proxy.tunnels.every((t) => t === `${DOMAIN}:443`)).toBe(true);
});

test("refuses a wrong client secret and a lifetime of 900 s", async () => {
  const login = await h.fetch(`${base}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: "wrong" }).toString(),
  });
  expect(login.status).toBe(401);
  const connectionId = h.standIn.tenant(DOMAIN).seed({ name: "lifetime-conn", scim: {} });
  const r = await api("POST", `/api/v2/connections/${connectionId}/scim-configuration/tokens`, { scopes: ["get:users"], token_lifetime: 900 });
  expect(r.status).toBe(400);
  expect(r.body.message).toMatch(/greater than 900/);
});

test("connections, enabled clients and the SCIM configuration behave like the Management API", async () => {
  const token = await managementToken();
  const created = await api("POST", "/api/v2/connections", { name: "okta-wf", strategy: "okta", options: { client_id: "x", scopes: "openid" } }, token);
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect(created.body).toMatchObject({ strategy: "okta", realms: ["okta-wf"], options: { type: "back_channel", connection_settings: { pkce: "auto" } } });
  expect((await api("POST", "/api/v2/connections", { name: "okta-wf", strategy: "okta" }, token)).status).toBe(409);

  // PATCH replaces options as a whole; name cannot change.
  const patched = await api("PATCH", `/api/v2/connections/${id}`, { options: { client_id: "y" } }, token);
  expect(patched.body.options.client_id).toBe("y");
  expect(patched.body.options.scopes).toBeUndefined();
  expect((await api("PATCH", `/api/v2/connections/${id}`, { name: "renamed" }, token)).status).toBe(400);

  expect((await api("PATCH", `/api/v2/connections/${id}/clients`, [{ client_id: "app1", status: true }, { client_id: "app2", status: true }], token)).status).toBe(204);
  await api("PATCH", `/api/v2/connections/${id}/clients`, [{ client_id: "app1", status: false }], token);
  expect((await api("GET", `/api/v2/connections/${id}/clients`, undefined, token)).body).toEqual({ clients: [{ client_id: "app2" }] });

  expect((await api("GET", `/api/v2/connections/${id}/scim-configuration`, undefined, token)).status).toBe(404);
  const scim = await api("POST", `/api/v2/connections/${id}/scim-configuration`, undefined, token);
  expect(scim.status).toBe(201);
  expect(scim.body).toMatchObject({ connection_id: id, connection_name: "okta-wf", strategy: "okta", user_id_attribute: "externalId" });
  expect(scim.body.mapping).toHaveLength(32);
  const defaults = await api("GET", `/api/v2/connections/${id}/scim-configuration/default-mapping`, undefined, token);
  expect(defaults.body.mapping[0]).toEqual({ auth0: "preferred_username", scim: "userName" });
  const updated = await api("PATCH", `/api/v2/connections/${id}/scim-configuration`, { user_id_attribute: "userName", mapping: [{ scim: "userName", auth0: "email" }] }, token);
  expect(updated.body).toMatchObject({ user_id_attribute: "userName", mapping: [{ scim: "userName", auth0: "email" }] });

  expect((await api("DELETE", `/api/v2/connections/${id}/scim-configuration`, undefined, token)).status).toBe(204);
  const deleted = await api("DELETE", `/api/v2/connections/${id}`, undefined, token);
  expect(deleted.status).toBe(202);
  expect(deleted.body.deleted_at).toEqual(expect.any(String));
  expect((await api("GET", `/api/v2/connections/${id}`, undefined, token)).status).toBe(404);
});

test("the SCIM endpoint checks the token, records last_used_at and answers Okta's sequence", async () => {
  const tenant = h.standIn.tenant(DOMAIN);
  const connectionId = tenant.seed({ name: "scim-conn", scim: { tokens: [{ scopes: ["get:users", "post:users", "put:users"] }] } });
  const [seeded] = tenant.tokensOf(connectionId);
  expect(seeded.last_used_at).toBeUndefined();
  const scim = async (method: string, p: string, body?: unknown, token = seeded.token) => {
    const r = await h.fetch(`${base}/scim/v2/connections/${connectionId}${p}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, type: r.headers.get("content-type"), body: (await r.json()) as any };
  };
  expect((await scim("GET", "/Users?startIndex=1&count=2", undefined, "not-a-token")).status).toBe(401);
  const empty = await scim("GET", "/Users?startIndex=1&count=2");
  expect(empty).toMatchObject({ status: 200, body: { totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] } });
  expect(empty.type).toMatch(/application\/scim\+json/);
  expect(tenant.tokensOf(connectionId)[0].last_used_at).toEqual(expect.any(String));

  const user = { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "Ada@Example.com", externalId: "00u1", active: true };
  const created = await scim("POST", "/Users", user);
  expect(created.status).toBe(201);
  expect(created.body.id).toBe("okta|scim-conn|00u1");
  expect((await scim("POST", "/Users", user)).status).toBe(409);
  const found = await scim("GET", `/Users?filter=${encodeURIComponent('userName eq "ada@example.com"')}`);
  expect(found.body.totalResults).toBe(1);
  const path = `/Users/${encodeURIComponent(created.body.id)}`;
  expect((await scim("PUT", path, { ...created.body, active: false })).body.active).toBe(false);
  expect((await scim("GET", path)).body.active).toBe(false);
  // The token lacks patch:users.
  const patch = await scim("PATCH", path, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "active", value: true }] });
  expect(patch.status).toBe(403);
  expect(patch.body.status).toBe("403");
});

test("unknown endpoints get 501 and are listed; hosts nobody serves are refused by the proxy", async () => {
  const r = await api("GET", "/api/v2/users");
  expect(r.status).toBe(501);
  expect(h.log.unknown().map((c) => `${c.method} ${c.path}`)).toContain("GET /api/v2/users");
  await expect(h.fetch("https://elsewhere.example/")).rejects.toThrow();
  expect(h.proxy.refused).toContain("elsewhere.example:443");
});
