import { RequestLog, UNKNOWN_ROUTE, countByEndpoint, formatCounts } from "../../sandbox/log/requestLog";
import { compileRoute, matchRoute } from "../../sandbox/http/router";

const call = (method: string, route: string, status = 200) => ({ service: "auth0", method, route, path: route, host: "t.example", status });

test("counts calls per endpoint and per step", () => {
  const log = new RequestLog();
  log.record(call("POST", "/oauth/token"));
  const mark = log.mark();
  log.record(call("GET", "/api/v2/connections/{id}"));
  log.record(call("GET", "/api/v2/connections/{id}"));
  log.record(call("GET", "/nope", 501));
  expect(log.total()).toBe(4);
  expect(log.total(mark)).toBe(3);
  expect(log.count("auth0", "GET", "/api/v2/connections/{id}", mark)).toBe(2);
  expect([...countByEndpoint(log.since(mark)).entries()]).toEqual([
    ["auth0 GET /api/v2/connections/{id}", 2],
    ["auth0 GET /nope", 1],
  ]);
  expect(formatCounts(new Map([["auth0 POST /oauth/token", 1]]))).toEqual(["   1  auth0 POST /oauth/token"]);
});

test("lists requests no stand-in implements at the end of the report", () => {
  const log = new RequestLog();
  log.record(call("POST", "/oauth/token"));
  log.record({ ...call("GET", UNKNOWN_ROUTE, 501), path: "/api/v2/users" });
  expect(log.unknown()).toHaveLength(1);
  expect(log.report()).toEqual(["   1  auth0 GET (unknown)", "   1  auth0 POST /oauth/token", "1 request(s) no stand-in implements (answered 501):", "  auth0 GET t.example/api/v2/users"]);
});

test("routes match one segment per parameter and decode it", () => {
  const routes = [compileRoute({ method: "GET", template: "/scim/v2/connections/{id}/Users/{userId}", handle: () => ({ status: 200 }) })];
  expect(matchRoute(routes, "GET", "/scim/v2/connections/con_1/Users/okta%7Cc%7Ce1")?.params).toEqual({ id: "con_1", userId: "okta|c|e1" });
  expect(matchRoute(routes, "GET", "/scim/v2/connections/con_1/Users")).toBeUndefined();
  expect(matchRoute(routes, "PUT", "/scim/v2/connections/con_1/Users/x")).toBeUndefined();
});
