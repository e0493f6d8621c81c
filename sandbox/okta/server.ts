// The Okta stand-in: one set of orgs served twice on 127.0.0.1, by the same routes and state:
// - plain HTTP, for the okta provider routed with OKTA_HTTP_PROXY=http://127.0.0.1:<port> (every call
//   goes there as plain HTTP with its path unchanged; the org is told by its credentials);
// - HTTPS with the run's certificate, for clients that reach https://<org>.okta.com through the
//   CONNECT proxy (HTTPS_PROXY), such as `npm run verify`'s Okta read-back.
import * as http from "http";
import * as https from "https";
import type { AddressInfo } from "net";
import { routeRequests } from "../http/router";
import type { FaultInjector } from "../http/faults";
import type { RequestLog } from "../log/requestLog";
import { OktaOrg, type OrgCredentials } from "./org";
import { oktaRoutes } from "./routes";

export const SERVICE = "okta";

export interface OktaStandInOptions {
  orgs: Array<{ domain: string; credentials: OrgCredentials }>;
  /** Key and certificate covering every org domain (sandbox/net/testCa.ts); no HTTPS listener without. */
  tls?: { key: string; cert: string };
  log: RequestLog;
  /** Faults to inject into writes (npm run faults). */
  faults?: FaultInjector;
}

export interface OktaStandIn {
  /** The value for OKTA_HTTP_PROXY. */
  httpUrl: string;
  /** 127.0.0.1 port of the HTTPS listener (what the CONNECT proxy tunnels org hosts to), if started. */
  httpsPort?: number;
  domains: string[];
  org(domain: string): OktaOrg;
  close(): Promise<void>;
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

export async function startOktaStandIn(options: OktaStandInOptions): Promise<OktaStandIn> {
  const orgs = options.orgs.map((o) => new OktaOrg(o.domain.toLowerCase(), o.credentials));
  const listener = routeRequests(SERVICE, oktaRoutes(orgs), options.log, options.faults);
  const plain = http.createServer(listener);
  const secure = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener) : undefined;
  const httpPort = await listen(plain);
  const httpsPort = secure ? await listen(secure) : undefined;
  return {
    httpUrl: `http://127.0.0.1:${httpPort}`,
    httpsPort,
    domains: orgs.map((o) => o.domain),
    org(domain) {
      const found = orgs.find((o) => o.domain === domain.toLowerCase());
      if (!found) throw new Error(`the Okta stand-in serves ${orgs.map((o) => o.domain).join(", ")}, not ${domain}`);
      return found;
    },
    close: async () => {
      await closeServer(plain);
      if (secure) await closeServer(secure);
    },
  };
}
