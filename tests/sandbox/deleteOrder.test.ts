// The request-log checks the sandbox's decommission steps rely on (sandbox/run/deleteOrder.ts).
import { deleteOrderProblems, describeSequence, isWrite, writesTo, type ConnectionIds } from "../../sandbox/run/deleteOrder";
import type { LoggedCall } from "../../sandbox/log/requestLog";

const acme: ConnectionIds = { name: "okta-acme", connectionId: "con_A", appIds: ["0oaOIDC", "0oaSCIM"] };
const globex: ConnectionIds = { name: "okta-globex", connectionId: "con_G", appIds: ["0oaG1", "0oaG2"] };

const auth0 = (method: string, route: string, path: string): LoggedCall => ({ service: "auth0", method, route, path, host: "t.eu.auth0.com", status: 200 });
const okta = (method: string, route: string, path: string): LoggedCall => ({ service: "okta", method, route, path, host: "acme.okta.com", status: 204 });
const tokenDelete = (c: string, t: string) => auth0("DELETE", "/api/v2/connections/{id}/scim-configuration/tokens/{tokenId}", `/api/v2/connections/${c}/scim-configuration/tokens/${t}`);
const connectionDelete = (c: string) => auth0("DELETE", "/api/v2/connections/{id}", `/api/v2/connections/${c}`);
const unassignGroup = (app: string, g: string) => okta("DELETE", "/api/v1/apps/{appId}/groups/{groupId}", `/api/v1/apps/${app}/groups/${g}`);
const unassignUser = (app: string, u: string) => okta("DELETE", "/api/v1/apps/{appId}/users/{userId}", `/api/v1/apps/${app}/users/${u}`);

const good = [
  auth0("POST", "/oauth/token", "/oauth/token"),
  tokenDelete("con_A", "tok_1"),
  unassignGroup("0oaSCIM", "00g1"),
  unassignUser("0oaOIDC", "00u1"),
  connectionDelete("con_A"),
  okta("DELETE", "/api/v1/apps/{appId}", "/api/v1/apps/0oaOIDC"),
];

test("tokens, then Okta unassignments, then the Auth0 connection: no problem", () => {
  expect(deleteOrderProblems(good, acme, { tokensFirst: true })).toEqual([]);
  expect(describeSequence(good, acme)).toBe("okta-acme: token×1 → unassign×2 → connection×1");
});

test("an unassignment after the connection DELETE is reported", () => {
  const late = [good[1], good[2], good[4], good[3]];
  expect(deleteOrderProblems(late, acme, { tokensFirst: false })).toEqual(["okta-acme: 1 Okta unassignment(s) after the Auth0 connection DELETE"]);
});

test("a token deleted after Okta began unassigning is reported; without tokensFirst it is not required", () => {
  const late = [good[2], good[1], good[3], good[4]];
  expect(deleteOrderProblems(late, acme, { tokensFirst: true })).toEqual(["okta-acme: 1 SCIM token DELETE(s) after Okta began unassigning (or after the connection DELETE)"]);
  expect(deleteOrderProblems([good[2], good[4]], acme, { tokensFirst: false })).toEqual([]);
  expect(deleteOrderProblems([good[2], good[4]], acme, { tokensFirst: true })).toEqual(["okta-acme: no SCIM token DELETE logged"]);
});

test("a missing connection DELETE or no unassignment at all is reported", () => {
  expect(deleteOrderProblems([good[1], good[2]], acme, { tokensFirst: true })).toEqual(["okta-acme: 0 DELETE of the Auth0 connection (expected 1)"]);
  expect(deleteOrderProblems([good[1], good[4]], acme, { tokensFirst: true })).toEqual(["okta-acme: no Okta unassignment logged"]);
});

test("another connection's calls are not counted, and writes to it are found (log-ins and reads are not writes)", () => {
  const mixed = [...good, unassignGroup("0oaG1", "00g9"), auth0("GET", "/api/v2/connections/{id}", "/api/v2/connections/con_G")];
  expect(deleteOrderProblems(mixed, acme, { tokensFirst: true })).toEqual([]);
  expect(writesTo(mixed, globex).map((c) => c.path)).toEqual(["/api/v1/apps/0oaG1/groups/00g9"]);
  expect(writesTo(good, globex)).toEqual([]);
  expect(isWrite(auth0("POST", "/oauth/token", "/oauth/token"))).toBe(false);
  expect(isWrite(okta("POST", "/oauth2/v1/token", "/oauth2/v1/token"))).toBe(false);
});

test("a connection in a customer's org needs no Okta unassignment (the stack declared none), only the one connection DELETE after its tokens", () => {
  const customer: ConnectionIds = { name: "okta-hooli", connectionId: "con_H", appIds: [], customerOrg: true };
  expect(deleteOrderProblems([tokenDelete("con_H", "tok_1"), connectionDelete("con_H")], customer, { tokensFirst: true })).toEqual([]);
  expect(deleteOrderProblems([tokenDelete("con_H", "tok_1")], customer, { tokensFirst: true })).toEqual(["okta-hooli: 0 DELETE of the Auth0 connection (expected 1)"]);
  expect(deleteOrderProblems([tokenDelete("con_H", "tok_1"), connectionDelete("con_H")], { ...customer, customerOrg: false }, { tokensFirst: true })).toEqual(["okta-hooli: no Okta unassignment logged"]);
});
