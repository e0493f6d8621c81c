// Starts the stand-ins for one stack: a run CA for the tenant and org domains, the Auth0 stand-in
// (HTTPS) and the Okta stand-in (HTTP for OKTA_HTTP_PROXY, HTTPS for the CONNECT proxy), the CONNECT
// proxy routing each domain to its stand-in, and the lookups the stack makes seeded (groups by name or
// id, users by login or id). The environment the providers need is derived from it: nothing in the
// product's config or program changes.
import { createPublicKey } from "crypto";
import { startAuth0StandIn, type Auth0StandIn } from "../auth0/server";
import type { ManagementApiPlanName } from "../auth0/rateLimit";
import { RequestLog } from "../log/requestLog";
import type { FaultInjector } from "../http/faults";
import { startConnectProxy, type ConnectProxy } from "../net/connectProxy";
import { createTestCa } from "../net/testCa";
import type { OrgCredentials } from "../okta/org";
import { applySeed, type OktaSeed } from "../okta/seed";
import { startOktaStandIn, type OktaStandIn } from "../okta/server";
import { connectionsOf, NAMESPACE } from "./plan";

export interface StackCredentials {
  auth0: { domain: string; clientId: string; clientSecret: string };
  orgs: Array<{ name: string; domain: string; credentials: OrgCredentials }>;
}

/** Tenant and org credentials from a config whose secrets are the generated values. Pure. */
export function stackCredentials(config: Record<string, unknown>): StackCredentials {
  const auth0 = config[`${NAMESPACE}:auth0`] as Record<string, string>;
  // Customers' orgs get no Okta stand-in: the stack must never call them, and the CONNECT proxy
  // refuses their domains, so a call would fail the run instead of passing unseen.
  const administered = (config[`${NAMESPACE}:oktaOrgs`] as Array<Record<string, string>>).filter((o) => o.administeredBy !== "customer");
  const orgs = administered.map((o) => ({
    name: o.name,
    domain: `${o.orgName}.${o.baseUrl ?? "okta.com"}`.toLowerCase(),
    credentials: o.apiToken
      ? { apiToken: o.apiToken }
      : { clientId: o.clientId, publicKeyPem: createPublicKey(o.privateKey).export({ type: "spki", format: "pem" }).toString() },
  }));
  return { auth0: { domain: auth0.domain.toLowerCase(), clientId: auth0.clientId, clientSecret: auth0.clientSecret }, orgs };
}

/** The groups and users the stack looks up, per org domain, so the lookups find them. Pure. */
export function lookupSeeds(config: Record<string, unknown>, credentials: StackCredentials): Map<string, OktaSeed> {
  const seeds = new Map<string, OktaSeed>(credentials.orgs.map((o) => [o.domain, { groups: [], users: [] }]));
  for (const c of connectionsOf(config)) {
    const domain = credentials.orgs.find((o) => o.name === c.oktaOrg)?.domain;
    const seed = domain ? seeds.get(domain) : undefined;
    if (!seed) continue;
    for (const g of (c.groups ?? []) as Array<{ id?: string; name?: string }>) {
      const name = g.name ?? `Group ${g.id}`;
      if (!seed.groups!.some((x) => x.name === name)) seed.groups!.push({ name, ...(g.id ? { id: g.id } : {}) });
    }
    for (const u of (c.users ?? []) as Array<{ id?: string; login?: string }>) {
      const login = u.login ?? `user-${u.id}@sandbox.example`;
      if (!seed.users!.some((x) => x.login === login)) seed.users!.push({ login, ...(u.id ? { id: u.id } : {}) });
    }
    // The catalog app is added by an admin before the stack references it (docs/catalog-app.md).
    const app = (c.scimApp ?? {}) as { kind?: string; appId?: string; label?: string; movingTo?: { appId?: string } };
    const catalogId = app.kind === "catalog" ? app.appId : app.movingTo?.appId;
    if (catalogId) (seed.apps ??= []).push({ kind: "catalog", id: catalogId, label: app.kind === "catalog" ? (app.label ?? "") : "Governance with SCIM 2.0" });
  }
  return seeds;
}

export interface StandIns {
  log: RequestLog;
  auth0: Auth0StandIn;
  okta: OktaStandIn;
  proxy: ConnectProxy;
  caFile: string;
  /** The variables that route the providers, the token resource and verify to the stand-ins. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startStandIns(
  credentials: StackCredentials,
  dir: string,
  seeds: Map<string, OktaSeed>,
  rateLimit?: ManagementApiPlanName,
  faults?: FaultInjector,
): Promise<StandIns> {
  const log = new RequestLog();
  const domains = [credentials.auth0.domain, ...credentials.orgs.map((o) => o.domain)];
  const ca = await createTestCa(domains, dir);
  const tls = { key: ca.serverKey, cert: ca.serverCert };
  const auth0 = await startAuth0StandIn({ tenants: [{ domain: credentials.auth0.domain, clients: [{ clientId: credentials.auth0.clientId, clientSecret: credentials.auth0.clientSecret }] }], tls, log, rateLimit, faults });
  const okta = await startOktaStandIn({ orgs: credentials.orgs.map((o) => ({ domain: o.domain, credentials: o.credentials })), tls, log, faults });
  for (const [domain, seed] of seeds) applySeed(okta.org(domain), seed);
  const oktaDomains = new Set(credentials.orgs.map((o) => o.domain));
  const proxy = await startConnectProxy((host) => {
    if (host === credentials.auth0.domain) return { host: "127.0.0.1", port: auth0.port };
    if (oktaDomains.has(host) && okta.httpsPort) return { host: "127.0.0.1", port: okta.httpsPort };
    return undefined;
  });
  const env = {
    OKTA_HTTP_PROXY: okta.httpUrl,
    HTTPS_PROXY: proxy.url,
    https_proxy: proxy.url,
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
    SSL_CERT_FILE: ca.caFile,
    NODE_EXTRA_CA_CERTS: ca.caFile,
  };
  return {
    log,
    auth0,
    okta,
    proxy,
    caFile: ca.caFile,
    env,
    close: async () => {
      await proxy.close();
      await okta.close();
      await auth0.close();
    },
  };
}
