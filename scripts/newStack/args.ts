// Flags of `npm run new-stack`. Each flag is checked with the same zod piece the stack config uses, so
// a value new-stack accepts is one the program accepts; errors name the flag, never a config path.
import { auth0TenantSchema, connectionSchema, oktaOrgSchema } from "../../config/schema";

export interface NewStackArgs {
  stack: string;
  auth0Domain: string;
  auth0ClientId: string;
  auth0CustomDomain?: string;
  /** `acme` of acme.okta.com. */
  oktaOrgName: string;
  /** `okta.com` of acme.okta.com. */
  oktaBaseUrl: string;
  /** Both set: the Okta org is reached with an OAuth service app instead of an API token. */
  oktaServiceApp?: { clientId: string; privateKeyId: string };
  connection: string;
  groups: string[];
  tokenLifetimeDays: number;
  /** The catalog SCIM app an Okta admin added (scimApp.kind catalog); absent: the custom SWA app. */
  catalogAppId?: string;
}

export const USAGE = `usage: npm run new-stack -- --stack <name> --auth0-domain <tenant>.auth0.com --auth0-client-id <id>
         --okta-org <org>.<okta domain> [--auth0-custom-domain <domain>] [--connection <name>]
         [--group <name>]... [--okta-client-id <id> --okta-private-key-id <kid>] [--token-lifetime-days <n>]
         [--catalog-app-id <0oa…>]

Writes a phase-1 Pulumi.<stack>.yaml and policies/config/<stack>.json, validated, and prints the
commands that follow (stack init, secrets from files, preview, up). Writes nothing when a flag is wrong
or either file exists.

  --stack                 Pulumi stack name (dev, staging, prod)
  --auth0-domain          the tenant's own domain, for example acme.eu.auth0.com
  --auth0-client-id       client id of the Auth0 machine-to-machine app Pulumi deploys with
  --okta-org              the Okta org's domain, for example acme.okta.com
  --auth0-custom-domain   custom domain users log in through, if any
  --connection            Auth0 connection name (default okta-<org>); fixed once created
  --group                 an Okta group (by exact name) assigned to both apps; repeat for more
  --okta-client-id        with --okta-private-key-id: use an Okta OAuth service app, not an API token
  --okta-private-key-id   key id (kid) of that service app's public key
  --token-lifetime-days   lifetime of the first SCIM token (default 90, at most 365)
  --catalog-app-id        provision through Okta's catalog app "(OAuth Bearer Token) Governance with
                          SCIM 2.0" (Auth0's guide since 2026-06), added by an Okta admin: its id.
                          Without it, the stack creates the custom SWA app (docs/catalog-app.md)`;

const STRING_FLAGS = [
  "--stack",
  "--auth0-domain",
  "--auth0-client-id",
  "--auth0-custom-domain",
  "--okta-org",
  "--connection",
  "--okta-client-id",
  "--okta-private-key-id",
  "--token-lifetime-days",
  "--catalog-app-id",
] as const;
type StringFlag = (typeof STRING_FLAGS)[number];

const STACK_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** The first message of a zod check, or undefined when the value passes. */
function problemOf(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error?.issues[0]?.message;
}

export function parseNewStackArgs(argv: readonly string[]): { args: NewStackArgs } | { help: true } | { errors: string[] } {
  const values = new Map<StringFlag, string>();
  const groups: string[] = [];
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--help" || flag === "-h") return { help: true };
    const value = argv[i + 1];
    const takesValue = flag === "--group" || (STRING_FLAGS as readonly string[]).includes(flag);
    if (!takesValue) {
      errors.push(`unknown flag ${flag}`);
      continue;
    }
    if (value === undefined || value.startsWith("--")) {
      errors.push(`${flag} needs a value`);
      continue;
    }
    i++;
    if (flag === "--group") groups.push(value);
    else if (values.has(flag as StringFlag)) errors.push(`${flag} is given twice`);
    else values.set(flag as StringFlag, value);
  }

  for (const required of ["--stack", "--auth0-domain", "--auth0-client-id", "--okta-org"] as const) {
    if (!values.has(required)) errors.push(`${required} is required`);
  }
  const stack = values.get("--stack");
  if (stack !== undefined && !STACK_NAME.test(stack)) errors.push("--stack must be letters, digits, '.', '_' or '-' (a Pulumi stack name)");

  const check = (flag: StringFlag, schema: Parameters<typeof problemOf>[0]) => {
    const value = values.get(flag);
    const problem = value === undefined ? undefined : problemOf(schema, value);
    if (problem) errors.push(`${flag} ${problem}`);
  };
  check("--auth0-domain", auth0TenantSchema.shape.domain);
  check("--auth0-client-id", auth0TenantSchema.shape.clientId);
  check("--auth0-custom-domain", auth0TenantSchema.shape.customDomain);
  check("--okta-client-id", oktaOrgSchema.shape.clientId);
  check("--okta-private-key-id", oktaOrgSchema.shape.privateKeyId);
  check("--catalog-app-id", connectionSchema.shape.scimApp.shape.appId.unwrap());

  let oktaOrgName = "";
  let oktaBaseUrl = "";
  const oktaOrg = values.get("--okta-org");
  if (oktaOrg !== undefined) {
    const dot = oktaOrg.indexOf(".");
    oktaOrgName = dot > 0 ? oktaOrg.slice(0, dot) : oktaOrg;
    oktaBaseUrl = dot > 0 ? oktaOrg.slice(dot + 1) : "";
    const nameProblem = problemOf(oktaOrgSchema.shape.orgName, oktaOrgName);
    const baseProblem = problemOf(oktaOrgSchema.shape.baseUrl.unwrap(), oktaBaseUrl);
    if (oktaOrgName.endsWith("-admin")) errors.push(`--okta-org must be the org's own domain, not its admin console (${oktaOrgName.slice(0, -6)}.${oktaBaseUrl})`);
    else if (nameProblem || baseProblem) {
      errors.push(`--okta-org must be <org>.<okta domain>, for example acme.okta.com (the okta domain is one of ${oktaOrgSchema.shape.baseUrl.unwrap().options.join(", ")})`);
    }
  }

  const connection = values.get("--connection") ?? (oktaOrgName ? `okta-${oktaOrgName}` : "");
  const connectionProblem = problemOf(connectionSchema.shape.name, connection);
  if (connection && connectionProblem) errors.push(`--connection ${connectionProblem}${values.has("--connection") ? "" : " (derived from --okta-org: pass --connection)"}`);

  const groupNames = new Set<string>();
  for (const g of groups) {
    if (g.trim() === "") errors.push("--group must not be empty");
    else if (groupNames.has(g)) errors.push(`--group ${JSON.stringify(g)} is given twice`);
    groupNames.add(g);
  }

  const clientId = values.get("--okta-client-id");
  const keyId = values.get("--okta-private-key-id");
  if ((clientId === undefined) !== (keyId === undefined)) errors.push("--okta-client-id and --okta-private-key-id go together (an Okta OAuth service app); leave both out to use an API token");

  const lifetimeText = values.get("--token-lifetime-days") ?? "90";
  const tokenLifetimeDays = Number(lifetimeText);
  if (!Number.isInteger(tokenLifetimeDays) || tokenLifetimeDays < 1 || tokenLifetimeDays > 365) {
    errors.push("--token-lifetime-days must be a whole number of days from 1 to 365 (the policy pack's maximum by default)");
  }

  if (errors.length > 0) return { errors };
  return {
    args: {
      stack: stack!,
      auth0Domain: values.get("--auth0-domain")!,
      auth0ClientId: values.get("--auth0-client-id")!,
      auth0CustomDomain: values.get("--auth0-custom-domain"),
      oktaOrgName,
      oktaBaseUrl,
      oktaServiceApp: clientId !== undefined && keyId !== undefined ? { clientId, privateKeyId: keyId } : undefined,
      connection,
      groups,
      tokenLifetimeDays,
      ...(values.has("--catalog-app-id") ? { catalogAppId: values.get("--catalog-app-id")! } : {}),
    },
  };
}
