// Group Push on the Okta stand-in (sandbox/okta/groupPush.ts), over HTTP as the okta provider calls it,
// and Okta's push itself (sandbox/run/groupPusher.ts) against the Auth0 stand-in's SCIM Groups.
import { RequestLog } from "../../sandbox/log/requestLog";
import { startOktaStandIn, type OktaStandIn } from "../../sandbox/okta/server";
import type { PushedGroup } from "../../sandbox/okta/groupPush";
import { auth0GroupPusher } from "../../sandbox/run/groupPusher";
import { DOMAIN, scimSender, startHarness, type Harness } from "./standInHarness";

const ACME = "acme.okta.com";
const API_TOKEN = "00sandbox-acme-api-token";
const ssws = { authorization: `SSWS ${API_TOKEN}`, accept: "application/json", "content-type": "application/json" };

let standIn: OktaStandIn;
beforeEach(async () => {
  standIn = await startOktaStandIn({ orgs: [{ domain: ACME, credentials: { apiToken: API_TOKEN } }], log: new RequestLog() });
});
afterEach(() => standIn.close());

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${standIn.httpUrl}${path}`, { method, headers: ssws, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** An org with a SCIM app assigned Engineering; Ann is in it, Bob is in it but the app reaches him through no group. */
function world() {
  const org = standIn.org(ACME);
  const app = org.createApp({ signOnMode: "AUTO_LOGIN", label: "Auth0 provisioning" }, true);
  const engineering = org.addGroup("Engineering");
  const support = org.addGroup("Support");
  org.assignGroup(app.id, support.id, undefined, {});
  org.addUser("ann@acme.example", { groupIds: [engineering.id, support.id] });
  org.addUser("bob@acme.example", { groupIds: [engineering.id] });
  const pushed: PushedGroup[] = [];
  org.groupPusher = async (_connection, group) => (pushed.push(group), { scimGroupId: `grp_${pushed.length}` });
  return { org, app, engineering, support, pushed, base: `/api/v1/apps/${app.id}/group-push/mappings` };
}

test("a mapping needs the app's SCIM connection and an existing group, and one per group", async () => {
  const w = world();
  expect((await call("POST", w.base, { sourceGroupId: w.support.id, status: "ACTIVE" })).status).toBe(400);
  w.org.scimConnections.set(w.app.id, { baseUrl: "https://t.auth0.com/scim/v2/connections/con_1", token: "tok" });
  expect((await call("POST", w.base, { sourceGroupId: "00gNoSuchGroup", status: "ACTIVE" })).status).toBe(404);
  const created = await call("POST", w.base, { sourceGroupId: w.support.id, status: "ACTIVE", targetGroupName: "Support" });
  expect(created).toMatchObject({ status: 200, body: { sourceGroupId: w.support.id, status: "ACTIVE" } });
  expect(created.body.id).toMatch(/^gPm/);
  expect((await call("POST", w.base, { sourceGroupId: w.support.id, status: "ACTIVE" })).status).toBe(400);
});

test("an active mapping pushes the group with its members assigned to the app; deletion needs INACTIVE and keeps the target when asked", async () => {
  const w = world();
  w.org.scimConnections.set(w.app.id, { baseUrl: "https://t.auth0.com/scim/v2/connections/con_1", token: "tok" });
  const created = await call("POST", w.base, { sourceGroupId: w.engineering.id, status: "ACTIVE" });
  await Promise.all(w.org.pushes);
  // Bob is in Engineering, but the app is assigned Support only: Okta pushes the members it provisions.
  expect(w.pushed).toEqual([{ displayName: "Engineering", memberUserNames: ["ann@acme.example"] }]);
  const read = await call("GET", `${w.base}/${created.body.id}`);
  expect(read.body.lastPush).toEqual(expect.any(String));
  expect(read.body.targetGroupId).toBe(created.body.targetGroupId);
  expect((await call("DELETE", `${w.base}/${created.body.id}?deleteTargetGroup=false`)).status).toBe(400);
  expect((await call("PATCH", `${w.base}/${created.body.id}`, { status: "INACTIVE" })).body.status).toBe("INACTIVE");
  expect((await call("DELETE", `${w.base}/${created.body.id}?deleteTargetGroup=false`)).status).toBe(204);
  expect(w.org.deletedTargets).toEqual([{ mappingId: created.body.id, deleteTargetGroup: false }]);
  expect((await call("GET", `${w.base}/${created.body.id}`)).status).toBe(404);
});

test("a push the SCIM server refuses leaves the mapping in ERROR with the reason", async () => {
  const w = world();
  w.org.scimConnections.set(w.app.id, { baseUrl: "https://t.auth0.com/scim/v2/connections/con_1", token: "tok" });
  w.org.groupPusher = async () => ({ error: "GET /Groups answered 403" });
  const created = await call("POST", w.base, { sourceGroupId: w.support.id, status: "ACTIVE" });
  await Promise.all(w.org.pushes);
  expect((await call("GET", `${w.base}/${created.body.id}`)).body).toMatchObject({ status: "ERROR", errorSummary: "GET /Groups answered 403", lastPush: null });
});

describe("Okta's push to the Auth0 stand-in", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const sender = (...request: Parameters<ReturnType<typeof scimSender>>) => scimSender(h)(...request);

  function seeded(name: string, scopes: string[]) {
    const tenant = h.standIn.tenant(DOMAIN);
    const connectionId = tenant.seed({ name, scim: { tokens: [{ scopes }] } });
    return { tenant, connectionId, connection: { baseUrl: `https://${DOMAIN}/scim/v2/connections/${connectionId}`, token: tenant.tokensOf(connectionId)[0].token } };
  }

  test("creates the group with the provisioned members, and links it by name on the next push instead of a second group", async () => {
    const { tenant, connectionId, connection } = seeded("push-sound", ["get:users", "post:users", "put:users", "get:groups", "post:groups", "put:groups", "patch:groups", "delete:groups"]);
    const user = await sender(connectionId, connection.token, "POST", "/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "ann@acme.example", externalId: "00uAnn", active: true, emails: [{ value: "ann@acme.example", primary: true, type: "work" }] });
    expect(user.status).toBe(201);
    const pusher = auth0GroupPusher(sender);
    const first = await pusher(connection, { displayName: "Engineering", memberUserNames: ["ann@acme.example", "not.provisioned@acme.example"] });
    expect(first).toEqual({ scimGroupId: expect.any(String) });
    const ann = tenant.usersOf(connectionId).find((u) => (u.resource as { userName?: string }).userName === "ann@acme.example")!;
    expect(tenant.groupsOf(connectionId).map((g) => [g.displayName, g.members.map((m) => m.value)])).toEqual([["Engineering", [ann.id]]]);
    const again = await pusher(connection, { displayName: "Engineering", memberUserNames: [] });
    expect(again).toEqual(first);
    const groups = tenant.groupsOf(connectionId);
    expect(groups.map((g) => [g.displayName, g.members.length])).toEqual([["Engineering", 0]]);
  });

  test("a token without the group scopes: the push fails with the server's answer", async () => {
    const { connection } = seeded("push-no-scope", ["get:users", "post:users", "put:users"]);
    const outcome = await auth0GroupPusher(sender)(connection, { displayName: "Engineering", memberUserNames: [] });
    expect(outcome).toEqual({ error: expect.stringContaining("GET /Groups answered 403") });
  });
});
