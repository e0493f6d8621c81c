// The stand-ins' fault injection (sandbox/http/faults.ts through the router): each kind does to one
// write what it says, and only to the write it was armed for.
import * as http from "http";
import type { AddressInfo } from "net";
import { routeRequests, type Route } from "../../sandbox/http/router";
import { FaultInjector, isWrite, type FaultKind } from "../../sandbox/http/faults";
import { RequestLog } from "../../sandbox/log/requestLog";

async function serve(service: string, faults: FaultInjector) {
  const applied: string[] = [];
  const routes: Route[] = [
    { method: "POST", template: "/api/v2/things", handle: (r) => (applied.push(`POST ${JSON.stringify(r.body)}`), { status: 201, body: { id: "t1" } }) },
    { method: "GET", template: "/api/v2/things", handle: () => ({ status: 200, body: [] }) },
    { method: "POST", template: "/oauth/token", handle: () => ({ status: 200, body: { access_token: "x" } }) },
  ];
  const log = new RequestLog();
  const server = http.createServer(routeRequests(service, routes, log, faults));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (body: unknown) => fetch(`${url}/api/v2/things`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  return {
    applied,
    log,
    post,
    get: () => fetch(`${url}/api/v2/things`),
    token: () => fetch(`${url}/oauth/token`, { method: "POST", body: "{}" }),
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

test("writes are what change state; reads and credential exchanges are not", () => {
  expect(isWrite({ service: "auth0", method: "POST", route: "/api/v2/connections" })).toBe(true);
  expect(isWrite({ service: "okta", method: "DELETE", route: "/api/v1/apps/{appId}/groups/{groupId}" })).toBe(true);
  expect(isWrite({ service: "auth0", method: "GET", route: "/api/v2/connections" })).toBe(false);
  expect(isWrite({ service: "auth0", method: "POST", route: "/oauth/token" })).toBe(false);
  expect(isWrite({ service: "okta", method: "POST", route: "/oauth2/v1/token" })).toBe(false);
});

test.each([
  ["500", 500],
  ["503", 503],
])("%s refuses the armed write without applying it, and only that one", async (kind, status) => {
  const faults = new FaultInjector();
  const s = await serve("auth0", faults);
  try {
    faults.armAfter(kind as FaultKind, 2);
    expect((await s.get()).status).toBe(200);
    expect((await s.token()).status).toBe(200);
    expect((await s.post({ n: 1 })).status).toBe(201);
    expect((await s.post({ n: 2 })).status).toBe(status);
    expect((await s.post({ n: 3 })).status).toBe(201);
    expect(s.applied).toEqual(['POST {"n":1}', 'POST {"n":3}']);
    expect(faults.fired).toEqual([{ kind, write: 2, call: { service: "auth0", method: "POST", route: "/api/v2/things" } }]);
    expect(faults.writeLog).toEqual(["auth0 POST /api/v2/things", "auth0 POST /api/v2/things", "auth0 POST /api/v2/things"]);
  } finally {
    await s.close();
  }
});

test.each([
  ["auth0", "x-ratelimit-reset", "x-ratelimit-remaining"],
  ["okta", "x-rate-limit-reset", "x-rate-limit-remaining"],
])("429 from %s carries that vendor's rate-limit headers, the reset in the next seconds", async (service, reset, remaining) => {
  const faults = new FaultInjector();
  const s = await serve(service, faults);
  try {
    faults.armAfter("429", 1);
    const before = Math.floor(Date.now() / 1000);
    const reply = await s.post({ n: 1 });
    const after = Math.floor(Date.now() / 1000);
    expect(reply.status).toBe(429);
    expect(reply.headers.get(remaining)).toBe("0");
    // One second after the request was answered (epoch seconds).
    expect(Number(reply.headers.get(reset))).toBeGreaterThanOrEqual(before + 1);
    expect(Number(reply.headers.get(reset))).toBeLessThanOrEqual(after + 1);
    expect(s.applied).toEqual([]);
  } finally {
    await s.close();
  }
});

test("reset: the connection drops before the write is applied", async () => {
  const faults = new FaultInjector();
  const s = await serve("okta", faults);
  try {
    faults.armAfter("reset", 1);
    await expect(s.post({ n: 1 })).rejects.toThrow();
    expect(s.applied).toEqual([]);
    expect(s.log.since().map((c) => c.status)).toEqual([0]);
  } finally {
    await s.close();
  }
});

test("lost-response: the write is applied, and its answer never arrives", async () => {
  const faults = new FaultInjector();
  const s = await serve("auth0", faults);
  try {
    faults.armAfter("lost-response", 1);
    await expect(s.post({ n: 1 })).rejects.toThrow();
    expect(s.applied).toEqual(['POST {"n":1}']);
    expect((await s.post({ n: 2 })).status).toBe(201);
  } finally {
    await s.close();
  }
});
