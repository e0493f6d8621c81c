// The Auth0 stand-in: one HTTPS server on 127.0.0.1 serving the Management API subset (management.ts)
// and the SCIM endpoint (scimUsers.ts) for one or more tenants, told apart by the Host header. Clients
// reach it by the tenant's real name through the CONNECT proxy (sandbox/net), with the run's CA.
import * as https from "https";
import type { AddressInfo } from "net";
import { routeRequests } from "../http/router";
import type { RequestLog } from "../log/requestLog";
import { managementRoutes, type TenantResolver } from "./management";
import { scimUserRoutes } from "./scimUsers";
import { scimGroupRoutes } from "./scimGroups";
import { selfServiceRoutes } from "./selfService";
import { Auth0Tenant, type M2mClient } from "./tenant";
import type { Route } from "../http/router";
import type { FaultInjector } from "../http/faults";
import { MANAGEMENT_API_PLANS, TOO_MANY_REQUESTS_BODY, TokenBucket, type ManagementApiPlanName } from "./rateLimit";

export interface Auth0StandInOptions {
  tenants: Array<{ domain: string; clients: M2mClient[] }>;
  /** Key and certificate (chain) covering every tenant domain: see sandbox/net/testCa.ts. */
  tls: { key: string; cert: string };
  log: RequestLog;
  now?: () => Date;
  /** Enforce this plan's documented Management API rate limit on /api/v2 (default: none). */
  rateLimit?: ManagementApiPlanName;
  /** Faults to inject into writes (npm run faults). */
  faults?: FaultInjector;
}

export interface Auth0StandIn {
  /** 127.0.0.1 port of the HTTPS server: what the CONNECT proxy tunnels to. */
  port: number;
  domains: string[];
  /** The state of one tenant (seed it, inspect it). */
  tenant(domain: string): Auth0Tenant;
  close(): Promise<void>;
}

export const SERVICE = "auth0";

export async function startAuth0StandIn(options: Auth0StandInOptions): Promise<Auth0StandIn> {
  const tenants = new Map(options.tenants.map((t) => [t.domain.toLowerCase(), new Auth0Tenant(t.domain.toLowerCase(), t.clients, options.now)]));
  const only = tenants.size === 1 ? [...tenants.values()][0] : undefined;
  // Direct loopback calls (no tenant name) reach the only tenant when there is one.
  const resolve: TenantResolver = (host) => tenants.get(host) ?? (host === "127.0.0.1" || host === "localhost" ? only : undefined);
  const management = rateLimited([...managementRoutes(resolve), ...selfServiceRoutes(resolve)], options.rateLimit, options.now);
  const server = https.createServer({ key: options.tls.key, cert: options.tls.cert }, routeRequests(SERVICE, [...management, ...scimUserRoutes(resolve), ...scimGroupRoutes(resolve)], options.log, options.faults));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    domains: [...tenants.keys()],
    tenant(domain) {
      const t = tenants.get(domain.toLowerCase());
      if (!t) throw new Error(`the Auth0 stand-in serves ${[...tenants.keys()].join(", ")}, not ${domain}`);
      return t;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * The Management API routes behind one bucket per tenant (Host), as Auth0 keys its limits. The token
 * endpoint (/oauth/token) belongs to the Authentication API, whose limits are far higher: not limited.
 */
function rateLimited(routes: Route[], plan: ManagementApiPlanName | undefined, now?: () => Date): Route[] {
  if (plan === undefined) return routes;
  const buckets = new Map<string, TokenBucket>();
  const clock = now ? () => now().getTime() : Date.now;
  const bucketOf = (host: string) => buckets.get(host) ?? buckets.set(host, new TokenBucket(MANAGEMENT_API_PLANS[plan], clock)).get(host)!;
  return routes.map((route) =>
    !route.template.startsWith("/api/v2/")
      ? route
      : {
          ...route,
          async handle(request) {
            const verdict = bucketOf(request.host).take();
            if (!verdict.allowed) return { status: 429, body: TOO_MANY_REQUESTS_BODY, headers: verdict.headers };
            const reply = await route.handle(request);
            return { ...reply, headers: { ...reply.headers, ...verdict.headers } };
          },
        },
  );
}
