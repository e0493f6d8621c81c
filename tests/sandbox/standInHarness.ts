// One Auth0 stand-in behind the CONNECT proxy with a per-run CA, for jest tests: `fetch` goes through
// the proxy and trusts the CA (what HTTPS_PROXY + NODE_EXTRA_CA_CERTS give a real process).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ProxyAgent, fetch as undiciFetch } from "undici";
import { startAuth0StandIn, type Auth0StandIn } from "../../sandbox/auth0/server";
import { RequestLog } from "../../sandbox/log/requestLog";
import type { ManagementApiPlanName } from "../../sandbox/auth0/rateLimit";
import { startConnectProxy, type ConnectProxy } from "../../sandbox/net/connectProxy";
import { createTestCa } from "../../sandbox/net/testCa";

export const DOMAIN = "stand-in-test.auth0.invalid";
export const CLIENT_ID = "standInClient";
export const CLIENT_SECRET = "STAND-IN-CLIENT-SECRET";

export interface Harness {
  standIn: Auth0StandIn;
  proxy: ConnectProxy;
  log: RequestLog;
  /** fetch through the proxy, trusting the run's CA. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

export async function startHarness(options: { rateLimit?: ManagementApiPlanName } = {}): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stand-in-test-"));
  const ca = await createTestCa([DOMAIN], dir);
  const log = new RequestLog();
  const standIn = await startAuth0StandIn({
    tenants: [{ domain: DOMAIN, clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] }],
    tls: { key: ca.serverKey, cert: ca.serverCert },
    log,
    rateLimit: options.rateLimit,
  });
  const proxy = await startConnectProxy((host, port) => (host === DOMAIN && port === 443 ? { host: "127.0.0.1", port: standIn.port } : undefined));
  const agent = new ProxyAgent({ uri: proxy.url, requestTls: { ca: ca.caCert } });
  const proxiedFetch = ((input: string, init?: RequestInit) => undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch;
  return {
    standIn,
    proxy,
    log,
    fetch: proxiedFetch,
    async close() {
      await agent.close();
      await proxy.close();
      await standIn.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Okta's SCIM requests to the Auth0 stand-in through the harness (a ScimSender of sandbox/run/groupPusher.ts). */
export function scimSender(h: Harness) {
  return (connectionId: string, token: string, method: string, path: string, body?: Record<string, unknown>) =>
    h
      .fetch(`https://${DOMAIN}/scim/v2/connections/${connectionId}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json", accept: "application/scim+json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      .then(async (r) => ({ status: r.status, body: await r.text() }));
}
