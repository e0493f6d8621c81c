// Okta's deactivation on unassignment at the stand-in (sandbox/okta/deprovision.ts), over HTTP as the
// okta provider unassigns, and Okta's requests for it (sandbox/run/userDeprovisioner.ts) against the
// Auth0 stand-in: PUT from a custom app, PATCH from the catalog app, and nothing once the token is gone.
import { RequestLog } from "../../sandbox/log/requestLog";
import { startOktaStandIn, type OktaStandIn } from "../../sandbox/okta/server";
import { auth0UserDeprovisioner } from "../../sandbox/run/userDeprovisioner";
import { DOMAIN, scimSender, startHarness, type Harness } from "./standInHarness";

const ACME = "acme.okta.com";
const API_TOKEN = "00sandbox-acme-api-token";
const ssws = { authorization: `SSWS ${API_TOKEN}`, accept: "application/json", "content-type": "application/json" };

let standIn: OktaStandIn;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  standIn = await startOktaStandIn({ orgs: [{ domain: ACME, credentials: { apiToken: API_TOKEN } }], log: new RequestLog() });
});
afterEach(() => standIn.close());

const call = (method: string, path: string) => fetch(`${standIn.httpUrl}${path}`, { method, headers: ssws }).then((r) => r.status);

const sender = (...request: Parameters<ReturnType<typeof scimSender>>) => scimSender(h)(...request);

/** An Auth0 connection holding Ann (active), and an Okta app that provisions her through Engineering. */
async function world(name: string, writes: "PUT" | "PATCH") {
  const tenant = h.standIn.tenant(DOMAIN);
  const connectionId = tenant.seed({ name, scim: { tokens: [{ scopes: ["get:users", "post:users", "put:users", "patch:users"] }] } });
  const token = tenant.tokensOf(connectionId)[0].token;
  const created = await sender(connectionId, token, "POST", "/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "ann@acme.example", externalId: "00uAnn", active: true, emails: [{ value: "ann@acme.example", primary: true, type: "work" }] });
  expect(created.status).toBe(201);
  const org = standIn.org(ACME);
  const app = org.createApp({ signOnMode: "AUTO_LOGIN", label: "Auth0 provisioning" }, true);
  const engineering = org.addGroup("Engineering");
  const ann = org.addUser("ann@acme.example", { groupIds: [engineering.id] });
  org.assignGroup(app.id, engineering.id, undefined, {});
  org.scimConnections.set(app.id, { baseUrl: `https://${DOMAIN}/scim/v2/connections/${connectionId}`, token, deactivatesUsers: true, writes });
  org.userDeprovisioner = auth0UserDeprovisioner(sender);
  const active = () => (tenant.usersOf(connectionId).find((u) => (u.resource as { userName?: string }).userName === "ann@acme.example")!.resource as { active?: boolean }).active;
  return { tenant, connectionId, org, app, engineering, ann, active };
}

test.each(["PUT", "PATCH"] as const)("unassigning the group that gave Ann the app deactivates her in Auth0 (%s)", async (writes) => {
  const w = await world(`deprovision-${writes.toLowerCase()}`, writes);
  expect(await call("DELETE", `/api/v1/apps/${w.app.id}/groups/${w.engineering.id}`)).toBe(204);
  await Promise.all(w.org.deprovisions);
  expect(w.org.deprovisionAttempts).toEqual([{ appId: w.app.id, login: "ann@acme.example", status: 200 }]);
  expect(w.active()).toBe(false);
});

test("someone who keeps the app another way, or an app that does not deactivate, deactivates nobody", async () => {
  const w = await world("deprovision-kept", "PUT");
  w.org.appUsers.get(w.app.id)!.set(w.ann.id, { userName: "ann@acme.example", profile: {}, created: "", lastUpdated: "" });
  expect(await call("DELETE", `/api/v1/apps/${w.app.id}/groups/${w.engineering.id}`)).toBe(204);
  w.org.scimConnections.get(w.app.id)!.deactivatesUsers = false;
  expect(await call("DELETE", `/api/v1/apps/${w.app.id}/users/${w.ann.id}`)).toBe(204);
  await Promise.all(w.org.deprovisions);
  expect(w.org.deprovisionAttempts).toEqual([]);
  expect(w.active()).toBe(true);
});

test("once the token Okta holds is deleted, the deactivation gets 401 and Ann stays active", async () => {
  const w = await world("deprovision-revoked", "PATCH");
  w.tenant.tokensOf(w.connectionId).splice(0);
  expect(await call("DELETE", `/api/v1/apps/${w.app.id}/groups/${w.engineering.id}`)).toBe(204);
  await Promise.all(w.org.deprovisions);
  expect(w.org.deprovisionAttempts).toEqual([{ appId: w.app.id, login: "ann@acme.example", status: 401 }]);
  expect(w.active()).toBe(true);
});
