// `npm run sandbox -- --stack <s> --customers <n> [--rate-limit <plan>]`: the stack file with n more
// customers' orgs and connections, each at the scim-app step (client id and secret given), as a
// vendor with many enterprise customers has them; the first deployment, a no-op preview and a
// refresh measured against the Auth0 stand-in enforcing the Management API's documented rate limit.
import { connectionsOf, NAMESPACE } from "./plan";

type Config = Record<string, unknown>;

export const SCALE_ORG_PREFIX = "scale-customer-";
export const SCALE_CONNECTION_PREFIX = "okta-scale-";
/** The generated connections' token lifetime (90 days): the policy pack's token-lifetime rule is mandatory. */
const SCALE_TOKEN_LIFETIME_SECONDS = 7_776_000;

const pad = (i: number) => String(i).padStart(3, "0");

/** An Okta client id shape (0oa + 17 letters or digits), unique per index. */
export function scaleClientId(i: number): string {
  return `0oa${`scale${pad(i)}`.padEnd(17, "x")}`;
}

/** The config with `n` customers appended; a `secure:` placeholder per client secret (the run generates each). Pure. */
export function withCustomerConnections(config: Config, n: number): Config {
  const copy = structuredClone(config);
  const orgs = (copy[`${NAMESPACE}:oktaOrgs`] ?? []) as Config[];
  const connections = connectionsOf(copy);
  const enabledClients = (connections[0]?.enabledClients as string[] | undefined) ?? [];
  for (let i = 1; i <= n; i++) {
    const org = `${SCALE_ORG_PREFIX}${pad(i)}`;
    orgs.push({ name: org, orgName: org, administeredBy: "customer" });
    connections.push({
      name: `${SCALE_CONNECTION_PREFIX}${pad(i)}`,
      oktaOrg: org,
      enabledClients,
      oidcApp: { label: "Vendor - log in", clientId: scaleClientId(i), clientSecret: { secure: "generated-by-the-sandbox" } },
      scimApp: { label: "Vendor - provisioning", url: "https://app.vendor.example" },
      scim: { tokens: [{ generation: "scale", lifetimeSeconds: SCALE_TOKEN_LIFETIME_SECONDS }] },
    });
  }
  copy[`${NAMESPACE}:oktaOrgs`] = orgs;
  copy[`${NAMESPACE}:connections`] = connections;
  return copy;
}

/** The org domains of every customer org in `config` (none of them may ever be called). Pure. */
export function customerOrgDomains(config: Config): string[] {
  const orgs = (config[`${NAMESPACE}:oktaOrgs`] ?? []) as Array<Record<string, string>>;
  return orgs.filter((o) => o.administeredBy === "customer").map((o) => `${o.orgName}.${o.baseUrl ?? "okta.com"}`.toLowerCase());
}
