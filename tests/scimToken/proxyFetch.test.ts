// The token resource's transport honours HTTPS_PROXY and NO_PROXY (corporate proxies; the sandbox's
// CONNECT proxy): checked at the proxy, which records every tunnel it is asked for.
import * as http from "http";
import type { AddressInfo } from "net";
import { configuredProxy, exemptFromProxy, fetchForEnvironment, proxyFor } from "../../components/scimToken/proxyFetch";
import { startConnectProxy, type ConnectProxy } from "../../sandbox/net/connectProxy";

test("a proxy is configured by https_proxy/HTTPS_PROXY, falling back to HTTP_PROXY", () => {
  expect(configuredProxy({})).toBeUndefined();
  expect(configuredProxy({ HTTPS_PROXY: " " })).toBeUndefined();
  expect(configuredProxy({ HTTPS_PROXY: "http://corp:3128" })).toBe("http://corp:3128");
  expect(configuredProxy({ https_proxy: "http://lower:1", HTTPS_PROXY: "http://upper:2" })).toBe("http://lower:1");
  expect(configuredProxy({ HTTP_PROXY: "http://plain:3" })).toBe("http://plain:3");
});

test("NO_PROXY exempts exact names, domain suffixes, ports and everything with *", () => {
  expect(exemptFromProxy("tenant.auth0.com", "443", "auth0.com")).toBe(true);
  expect(exemptFromProxy("tenant.auth0.com", "443", ".auth0.com")).toBe(true);
  expect(exemptFromProxy("tenant.auth0.com", "443", "*.auth0.com")).toBe(true);
  expect(exemptFromProxy("notauth0.com", "443", "auth0.com")).toBe(false);
  expect(exemptFromProxy("tenant.auth0.com", "443", "tenant.auth0.com:8443")).toBe(false);
  expect(exemptFromProxy("127.0.0.1", "80", "localhost, 127.0.0.1")).toBe(true);
  expect(exemptFromProxy("anything", "443", "*")).toBe(true);
  expect(exemptFromProxy("tenant.auth0.com", "443", undefined)).toBe(false);
  expect(proxyFor(new URL("https://t.auth0.com/x"), { HTTPS_PROXY: "http://p:1", NO_PROXY: "other" })).toBe("http://p:1");
  expect(proxyFor(new URL("https://t.auth0.com/x"), { HTTPS_PROXY: "http://p:1", no_proxy: "auth0.com" })).toBeUndefined();
  expect(proxyFor(new URL("http://t.auth0.com/x"), { HTTPS_PROXY: "http://p:1" })).toBeUndefined();
});

test("without a proxy the global fetch is used as is", () => {
  expect(fetchForEnvironment({})).toBe(fetch);
});

describe("with HTTPS_PROXY set", () => {
  let proxy: ConnectProxy;
  let target: http.Server;
  let port: number;
  beforeAll(async () => {
    // The proxy tunnels every CONNECT to a plain HTTP server: enough to see which requests it carried.
    // connection: close, so no keep-alive socket of the global fetch outlives the test.
    target = http.createServer((_req, res) => res.writeHead(200, { connection: "close" }).end("through the tunnel"));
    await new Promise<void>((r) => target.listen(0, "127.0.0.1", r));
    port = (target.address() as AddressInfo).port;
    proxy = await startConnectProxy(() => ({ host: "127.0.0.1", port }));
  });
  afterAll(async () => {
    await proxy.close();
    target.closeAllConnections();
    await new Promise((r) => target.close(r));
  });

  test("requests go through the proxy", async () => {
    const proxied = fetchForEnvironment({ HTTPS_PROXY: proxy.url });
    // The tunnel reaches a plain HTTP server, so the TLS handshake fails: the request still went via the proxy.
    await expect(proxied("https://tenant.auth0.invalid/oauth/token")).rejects.toThrow();
    expect(proxy.tunnels).toContain("tenant.auth0.invalid:443");
  });

  test("hosts in NO_PROXY are fetched directly", async () => {
    const before = proxy.tunnels.length;
    const proxied = fetchForEnvironment({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: "127.0.0.1,localhost" });
    const r = await proxied(`http://127.0.0.1:${port}/`);
    expect(await r.text()).toBe("through the tunnel");
    expect(proxy.tunnels.length).toBe(before);
  });
});
