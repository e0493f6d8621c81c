// What `npm run sso-ticket` needs from the stack, and nothing more: from the stack file the tenant
// (domain, client id) and the connection's slice of config; from `pulumi stack output --json`
// (never --show-secrets) the connection id and the self-service profile id. Parsing is pure.
import { execFile } from "node:child_process";
import { z } from "zod";
import { ALL_SCIM_TOKEN_SCOPES } from "../../components/decisions/tokenScopes";
import type { TicketConnection } from "../../components/decisions/selfService";
import { SELF_SERVICE_PROFILE_OUTPUT } from "../../components/selfServiceProfile";
import { CONFIG_NAMESPACE } from "../../config/schema";
import { UsageError } from "../../verify/urlSafety";

// Lenient on purpose: the stack file holds `secure:` leaves and settings this command ignores; the
// program's loader is what validates the whole config.
const tenantSlice = z.looseObject({ domain: z.string().min(1), clientId: z.string().min(1) });
const connectionSlice = z.looseObject({
  name: z.string(),
  handoff: z.string().optional(),
  enabledClients: z.array(z.string()).optional(),
  scim: z
    .looseObject({
      tokenScopes: z.array(z.enum(ALL_SCIM_TOKEN_SCOPES)).optional(),
      tokens: z.array(z.looseObject({ generation: z.string(), lifetimeSeconds: z.number().optional(), scopes: z.array(z.enum(ALL_SCIM_TOKEN_SCOPES)).optional() })).optional(),
    })
    .optional(),
});

export interface TicketStackInputs {
  tenant: { domain: string; clientId: string };
  connection: TicketConnection;
}

/** Pure: the stack file's `config:` block → the tenant and the named connection. */
export function ticketInputsFromStackConfig(config: Record<string, unknown>, stack: string, connectionName: string): TicketStackInputs {
  const file = `Pulumi.${stack}.yaml`;
  const tenant = tenantSlice.safeParse(config[`${CONFIG_NAMESPACE}:auth0`]);
  if (!tenant.success) throw new UsageError(`${file}: ${CONFIG_NAMESPACE}:auth0 needs domain and clientId (is the config in a Pulumi ESC environment? this command reads the stack file).`);
  const list = config[`${CONFIG_NAMESPACE}:connections`];
  const entries = Array.isArray(list) ? list : [];
  const raw = entries.find((c) => (c as { name?: unknown })?.name === connectionName);
  if (raw === undefined) {
    const names = entries.map((c) => (c as { name?: unknown })?.name).filter((n): n is string => typeof n === "string");
    throw new UsageError(`--connection ${connectionName}: not in ${file}. Connections: ${names.join(", ") || "none"}.`);
  }
  // The assistant configures the customer's own Okta org: only for an org the stack does not administer.
  const orgs = Array.isArray(config[`${CONFIG_NAMESPACE}:oktaOrgs`]) ? (config[`${CONFIG_NAMESPACE}:oktaOrgs`] as Record<string, unknown>[]) : [];
  const orgName = (raw as { oktaOrg?: unknown }).oktaOrg;
  if (orgs.find((o) => o?.name === orgName)?.administeredBy !== "customer") {
    throw new UsageError(`--connection ${connectionName}: its org ${String(orgName)} is not administeredBy: customer in ${file}; the self-service ticket is for a customer's Okta org (the stack does the Okta side of its own orgs).`);
  }
  const parsed = connectionSlice.safeParse(raw);
  if (!parsed.success) throw new UsageError(`${file}: connection ${connectionName} has an invalid handoff, enabledClients or scim block; run \`pulumi preview\` for the details.`);
  return { tenant: { domain: tenant.data.domain, clientId: tenant.data.clientId }, connection: parsed.data };
}

/** Pure: `pulumi stack output --json` (secrets shown as "[secret]") → the two ids. */
export function idsFromStackOutputs(outputs: Record<string, unknown>, stack: string, connectionName: string): { connectionId: string; profileId: string } {
  const out = outputs[connectionName];
  const connectionId = typeof out === "object" && out !== null ? (out as { connectionId?: unknown }).connectionId : undefined;
  if (typeof connectionId !== "string" || !connectionId.startsWith("con_")) {
    throw new UsageError(`--stack ${stack}: output ${connectionName}.connectionId is missing. Run \`pulumi up\` first: the assistant edits the connection the stack created.`);
  }
  const profile = outputs[SELF_SERVICE_PROFILE_OUTPUT];
  const profileId = typeof profile === "object" && profile !== null ? (profile as { id?: unknown }).id : undefined;
  if (typeof profileId !== "string" || profileId === "") {
    throw new UsageError(`--stack ${stack}: output ${SELF_SERVICE_PROFILE_OUTPUT} is missing. Declare oktaScim:auth0.selfServiceProfile and run \`pulumi up\`.`);
  }
  return { connectionId, profileId };
}

export const PULUMI_TIMEOUT_MS = 60_000;

/** Runs the Pulumi CLI and returns its stdout; its stderr is passed on only as a short excerpt. */
function pulumiCli(args: string[], env: NodeJS.ProcessEnv, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("pulumi", args, { env, maxBuffer: 16 * 1024 * 1024, timeout: PULUMI_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === "ENOENT") return reject(new UsageError("needs the Pulumi CLI on PATH."));
      if (error && (error as { killed?: boolean }).killed) return reject(new UsageError(`\`${what}\` did not answer within ${PULUMI_TIMEOUT_MS / 1000} s (is the backend reachable? \`pulumi whoami\`).`));
      if (error) return reject(new UsageError(`\`${what}\` failed: ${String(stderr).trim().split("\n").slice(0, 3).join(" ") || error.message}`));
      resolve(String(stdout));
    });
  });
}

/** The stack's outputs WITHOUT --show-secrets: nothing secret is read. */
export async function readPlainStackOutputs(stack: string, env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const text = await pulumiCli(["stack", "output", "--json", "--stack", stack], env, "pulumi stack output --json");
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new UsageError(`--stack ${stack}: \`pulumi stack output --json\` did not print a JSON object.`);
}

/** The deploying client's secret from the stack config; kept in memory, never printed. */
export async function readClientSecretFromConfig(stack: string, env: NodeJS.ProcessEnv): Promise<string> {
  const value = (await pulumiCli(["config", "get", "--path", `${CONFIG_NAMESPACE}:auth0.clientSecret`, "--stack", stack], env, "pulumi config get oktaScim:auth0.clientSecret")).replace(/\r?\n$/, "");
  if (!value) throw new UsageError(`--stack ${stack}: ${CONFIG_NAMESPACE}:auth0.clientSecret is empty.`);
  return value;
}
