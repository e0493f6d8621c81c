// The Auth0 stand-in serves SCIM Groups as Auth0 documents them (2026-06), so `verify --write --groups`
// and the sandbox's Group Push meet the same rules there as at Auth0: the whole verify sequence passes
// against it, the *:groups scopes guard each verb, displayName is unique, members are the connection's
// users, and deleting the connection deletes its groups.
import { runScimChecks } from "../../verify/checks/scim";
import { GROUP_CHECKS } from "../../verify/checks/scimGroups";
import type { HttpClient } from "../../verify/http";
import { DOMAIN, startHarness, type Harness } from "./standInHarness";

const USER_SCOPES = ["get:users", "post:users", "put:users", "patch:users"];
const GROUP_SCOPES = ["get:groups", "post:groups", "put:groups", "patch:groups", "delete:groups"];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** verify's HttpClient on the harness's proxied fetch (one attempt: nothing here is about retries). */
function client(connectionId: string, token: string): HttpClient {
  const base = `https://${DOMAIN}/scim/v2/connections/${connectionId}`;
  return {
    async send(request) {
      const r = await h.fetch(`${base}${request.path}`, {
        method: request.method,
        headers: { authorization: `Bearer ${request.tokenOverride ?? token}`, "content-type": "application/scim+json", accept: "application/scim+json" },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
      return { kind: "response", status: r.status, contentType: r.headers.get("content-type") ?? "", text: await r.text(), attempts: 1 };
    },
  };
}

function seeded(name: string, scopes: string[]) {
  const tenant = h.standIn.tenant(DOMAIN);
  const connectionId = tenant.seed({ name, scim: { tokens: [{ scopes }] } });
  return { tenant, connectionId, token: tenant.tokensOf(connectionId)[0].token };
}

test("verify --write --groups passes every group check against the stand-in, and leaves no group", async () => {
  const { tenant, connectionId, token } = seeded("groups-sound", [...USER_SCOPES, ...GROUP_SCOPES]);
  const results = await runScimChecks(client(connectionId, token), { write: true, groups: true, nonce: "sg1", appKind: "catalog" });
  const groupResults = results.filter((r) => Object.values<string>(GROUP_CHECKS).includes(r.name));
  expect(Object.fromEntries(groupResults.map((r) => [r.name, r.status]))).toEqual(Object.fromEntries(Object.values(GROUP_CHECKS).map((n) => [n, "pass"])));
  expect(tenant.groupsOf(connectionId)).toEqual([]);
});

test("a token without the group scopes gets 403 naming the scope, and verify says which", async () => {
  const { connectionId, token } = seeded("groups-no-scope", USER_SCOPES);
  const results = await runScimChecks(client(connectionId, token), { write: true, groups: true, nonce: "sg2", appKind: "catalog" });
  const lookup = results.find((r) => r.name === GROUP_CHECKS.filterUnknownGroup)!;
  expect(lookup.status).toBe("fail");
  expect(lookup.detail).toContain("403 Forbidden: the token lacks the scope get:groups");
});

test("members must be users of the connection; displayName is unique; PUT replaces; deleting the connection deletes its groups", async () => {
  const { tenant, connectionId, token } = seeded("groups-rules", [...USER_SCOPES, ...GROUP_SCOPES]);
  const http = client(connectionId, token);
  const json = async (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown) => {
    const r = await http.send({ method, path, body });
    return { status: r.kind === "response" ? r.status : 0, body: r.kind === "response" && r.text ? JSON.parse(r.text) : undefined };
  };
  const stranger = await json("POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Staff", members: [{ value: "okta|elsewhere|nobody" }] });
  expect(stranger.status).toBe(400);
  const created = await json("POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Staff", members: [] });
  expect(created.status).toBe(201);
  expect((await json("POST", "/Groups", { displayName: "staff" })).status).toBe(409);
  const put = await json("PUT", `/Groups/${created.body.id}`, { displayName: "Staff 2026", members: [] });
  expect(put).toMatchObject({ status: 200, body: { displayName: "Staff 2026", members: [] } });
  tenant.deleteConnection(connectionId);
  expect(tenant.groupsOf(connectionId)).toEqual([]);
});
