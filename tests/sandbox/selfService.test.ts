// The Auth0 stand-in's self-service routes (profiles, tickets, revocation) and its simulation of the
// admin finishing the assistant, through the CONNECT proxy over TLS. The last test is the "no drift"
// proof at the stand-in's level: after the flow, the live connection differs from what the stack
// declares only at the paths the stack ignores.
import { runCommittedStack, single, T } from "../harness/committedStack";
import type { StackConfigValues } from "../harness/stackFile";
import { SELF_SERVICE_OWNED_OPTIONS, ssoTicketRequest } from "../../components/decisions/selfService";
import { finishSelfServiceFlow, ticketIdOf } from "../../sandbox/auth0/selfServiceFlow";
import { CLIENT_ID, CLIENT_SECRET, DOMAIN, startHarness, type Harness } from "./standInHarness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const base = `https://${DOMAIN}`;
type Json = Record<string, any>;

async function managementToken(): Promise<string> {
  const r = await h.fetch(`${base}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: CLIENT_SECRET, audience: `${base}/api/v2/` }),
  });
  return ((await r.json()) as { access_token: string }).access_token;
}

async function api(method: string, p: string, body?: unknown): Promise<{ status: number; body: any }> {
  const r = await h.fetch(`${base}${p}`, {
    method,
    headers: { authorization: `Bearer ${await managementToken()}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : undefined };
}

const tenant = () => h.standIn.tenant(DOMAIN);
const newProfile = async (name = "customers-okta") => (await api("POST", "/api/v2/self-service-profiles", { name, allowed_strategies: ["okta"] })).body.id as string;

describe("self-service profiles", () => {
  test("create, read, list, update and delete, in the shape the provider's recordings show", async () => {
    const created = await api("POST", "/api/v2/self-service-profiles", { name: "p1", description: "d", allowed_strategies: ["okta"], user_attributes: [{ name: "email", description: "Email", is_optional: false }] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.stringMatching(/^ssp_/), name: "p1", allowed_strategies: ["okta"], created_at: expect.any(String), updated_at: expect.any(String) });
    const id = created.body.id;
    expect((await api("GET", `/api/v2/self-service-profiles/${id}`)).body.name).toBe("p1");
    expect((await api("GET", "/api/v2/self-service-profiles?include_totals=true")).body).toMatchObject({ total: expect.any(Number), self_service_profiles: expect.arrayContaining([expect.objectContaining({ id })]) });
    expect((await api("PATCH", `/api/v2/self-service-profiles/${id}`, { description: "e" })).body).toMatchObject({ name: "p1", description: "e" });
    expect((await api("DELETE", `/api/v2/self-service-profiles/${id}`)).status).toBe(204);
    expect((await api("GET", `/api/v2/self-service-profiles/${id}`)).status).toBe(404);
  });

  test.each([
    ["a name over 100 characters", { name: "x".repeat(101) }],
    ["no name", { description: "d" }],
    ["an unknown strategy", { name: "p", allowed_strategies: ["okta", "github"] }],
    ["an attribute without is_optional", { name: "p", user_attributes: [{ name: "email", description: "Email" }] }],
    ["an unknown field", { name: "p", allowedStrategies: ["okta"] }],
  ])("refuses %s", async (_title, body) => {
    expect((await api("POST", "/api/v2/self-service-profiles", body)).status).toBe(400);
  });

  test("a tenant holds at most 20 profiles", async () => {
    tenant().selfServiceProfiles.clear();
    for (let i = 0; i < 20; i++) expect((await api("POST", "/api/v2/self-service-profiles", { name: `p${i}` })).status).toBe(201);
    expect((await api("POST", "/api/v2/self-service-profiles", { name: "p20" })).status).toBe(409);
    tenant().selfServiceProfiles.clear();
  });

  test("the routes check their Management API scopes", async () => {
    const t = tenant();
    t.clients.push({ clientId: "readOnlyClient", clientSecret: "READ-ONLY-SECRET", scopes: ["read:self_service_profiles"] });
    const login = await h.fetch(`${base}/oauth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ grant_type: "client_credentials", client_id: "readOnlyClient", client_secret: "READ-ONLY-SECRET" }) });
    const token = ((await login.json()) as { access_token: string }).access_token;
    const id = await newProfile();
    const r = await h.fetch(`${base}/api/v2/self-service-profiles/${id}/sso-ticket`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}" });
    expect(r.status).toBe(403);
    expect(((await r.json()) as { message: string }).message).toMatch(/create:sso_access_tickets/);
  });
});

describe("access tickets", () => {
  let profile: string;
  let connectionId: string;
  beforeAll(async () => {
    profile = await newProfile("tickets");
    connectionId = tenant().seed({ name: "ticket-conn", scim: {} });
  });
  const ticket = (body: unknown, id = profile) => api("POST", `/api/v2/self-service-profiles/${id}/sso-ticket`, body);

  test("an edit ticket answers 201 with the ticket URL on the tenant's domain", async () => {
    const r = await ticket({ connection_id: connectionId, ttl_sec: 600, provisioning_config: { scopes: ["get:users"], token_lifetime: 901 } });
    expect(r.status).toBe(201);
    expect(r.body.ticket).toMatch(new RegExp(`^https://${DOMAIN.replace(/\./g, "\\.")}/self-service/connections-flow\\?ticket=[A-Za-z0-9]+$`));
    const stored = tenant().ssoTickets.get(ticketIdOf(r.body.ticket))!;
    expect(Date.parse(stored.expiresAt) - tenant().now().getTime()).toBeLessThanOrEqual(600_000);
  });

  test.each([
    ["an unknown connection", { connection_id: "con_XXXXXXXXXXXXXXXX" }, 404],
    ["both connection_id and connection_config", { connection_id: "CONN", connection_config: { name: "x" } }, 400],
    ["neither", { ttl_sec: 60 }, 400],
    ["a ttl over 5 days", { connection_id: "CONN", ttl_sec: 432_001 }, 400],
    ["a negative ttl", { connection_id: "CONN", ttl_sec: -1 }, 400],
    ["a token lifetime of 900", { connection_id: "CONN", provisioning_config: { scopes: ["get:users"], token_lifetime: 900 } }, 400],
    ["an unknown SCIM scope", { connection_id: "CONN", provisioning_config: { scopes: ["get:everything"] } }, 400],
    ["provisioning enabled without provisioning_config", { connection_id: "CONN", enabled_features: { provisioning: true } }, 400],
  ])("refuses %s", async (_title, body, status) => {
    const withId = JSON.parse(JSON.stringify(body).replace('"CONN"', JSON.stringify(connectionId)));
    expect((await ticket(withId)).status).toBe(status);
  });

  test("an unknown profile is a 404", async () => {
    expect((await ticket({ connection_id: connectionId }, "ssp_unknown")).status).toBe(404);
  });

  test("a revoked ticket cannot be used; revoking an unknown ticket is also a 202", async () => {
    const url = (await ticket({ connection_id: connectionId })).body.ticket as string;
    expect((await api("POST", `/api/v2/self-service-profiles/${profile}/sso-ticket/${ticketIdOf(url)}/revoke`)).status).toBe(202);
    expect((await api("POST", `/api/v2/self-service-profiles/${profile}/sso-ticket/nope/revoke`)).status).toBe(202);
    expect(() => finishSelfServiceFlow(tenant(), ticketIdOf(url), { domain: "x.okta.com", clientId: "0oa1", clientSecret: "s" })).toThrow(/revoked/);
  });
});

/** The provider's API body for the connection's options (camelCase inputs → the API's snake_case). */
function apiOptions(options: Json): Json {
  const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const convert = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(convert) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [snake(k), convert(x)])) : v;
  const { scopes, ...rest } = options;
  // The okta strategy's API field is `scope`, one space-separated string.
  return { ...(convert(rest) as Json), scope: (scopes as string[]).join(" ") };
}

test("no drift: after the admin finishes, the live connection differs from the stack's declaration only where the stack ignores changes", async () => {
  const mutate = (v: StackConfigValues) => {
    (v["oktaScim:auth0"] as Json).selfServiceProfile = { name: "customers-okta" };
    // The customers example's waiting connection, switched to the self-service hand-off.
    (v["oktaScim:connections"] as Json[]).find((c) => c.name === "okta-initech")!.handoff = "selfService";
  };
  const run = await runCommittedStack("customers", { mutate });
  const declared = single(run, T.connection, "okta-initech");
  const enabledClients = single(run, T.connectionClients, "okta-initech").inputs.enabledClients as string[];
  const connectionConfig = { name: "okta-initech", handoff: "selfService", enabledClients };

  // What `pulumi up` writes: the connection as declared, its enabled clients, SCIM on.
  const created = await api("POST", "/api/v2/connections", { name: declared.inputs.name, strategy: "okta", options: apiOptions(declared.inputs.options as Json) });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await api("PATCH", `/api/v2/connections/${id}/clients`, enabledClients.map((client_id) => ({ client_id, status: true })))).status).toBe(204);
  expect((await api("POST", `/api/v2/connections/${id}/scim-configuration`, { user_id_attribute: "externalId" })).status).toBe(201);
  const beforeFlow = (await api("GET", `/api/v2/connections/${id}`)).body;
  const scimBefore = (await api("GET", `/api/v2/connections/${id}/scim-configuration`)).body;

  // The vendor issues the ticket the command would, and the admin finishes the assistant.
  const request = ssoTicketRequest({ ...connectionConfig, scim: { tokens: [{ generation: "g1", lifetimeSeconds: 7_776_000 }] } }, id, 3600);
  if (!("body" in request)) throw new Error(request.problem);
  const issued = await api("POST", `/api/v2/self-service-profiles/${await newProfile("drift")}/sso-ticket`, request.body);
  expect(issued.status).toBe(201);
  const flow = finishSelfServiceFlow(tenant(), ticketIdOf(issued.body.ticket), { domain: "login.initech.example", clientId: "0oaCUSTOMER0000000001", clientSecret: "CUSTOMER-ENTERED-SECRET" });
  const afterFlow = (await api("GET", `/api/v2/connections/${id}`)).body;

  // The assistant did change the connection (else this test would prove nothing)...
  expect(afterFlow.options.client_id).toBe("0oaCUSTOMER0000000001");
  // ...and every option it changed is one the stack ignores; the rest still equals the declaration.
  const ignored = new Set(SELF_SERVICE_OWNED_OPTIONS.map((p) => p.replace("options.", "").replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  const changed = Object.keys({ ...beforeFlow.options, ...afterFlow.options }).filter((k) => JSON.stringify(beforeFlow.options[k]) !== JSON.stringify(afterFlow.options[k]));
  expect(changed.length).toBeGreaterThan(0);
  expect(changed.filter((k) => !ignored.has(k))).toEqual([]);
  const { options: _o, ...restBefore } = beforeFlow;
  const { options: _p, ...restAfter } = afterFlow;
  expect(restAfter).toEqual(restBefore); // name, display name, metadata, enabled clients
  expect(afterFlow.enabled_clients.sort()).toEqual([...enabledClients].sort());
  expect((await api("GET", `/api/v2/connections/${id}/scim-configuration`)).body).toEqual(scimBefore);
  // The one new thing is the token the assistant generated: with the ticket's scopes and lifetime, and no stack resource for it.
  expect(flow.scimToken).toMatchObject({ scopes: ["get:users", "post:users", "put:users"], valid_until: expect.any(String) });
  expect((await api("GET", `/api/v2/connections/${id}/scim-configuration/tokens`)).body).toHaveLength(1);
});
