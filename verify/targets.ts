// What to verify: one target per connection, from the stack's outputs (components/stack.ts: an object
// output per connection plus the secret `<connection>-scim-token`) or from explicit flags.
import { execFile } from "node:child_process";
import { tokenOutputName } from "../components/naming";
import { UsageError } from "./urlSafety";

export interface VerifyTarget {
  connection: string;
  scimEndpointUrl: string;
  token: string;
  /** For the Auth0 read-back. */
  connectionId?: string;
  /** Auth0 token id of the token in `<connection>-scim-token` (the newest generation), when the stack says. */
  tokenId?: string;
  /** Every generation's token id (--stack only): a token on the connection outside them is reported. */
  stackTokenIds?: string[];
  /** For the Okta read-back. */
  scimAppId?: string;
  oidcAppId?: string;
  /** The Okta org the connection federates (https origin), when the stack says. */
  oktaOrgUrl?: string;
  /** The SCIM app's attributes the stack captured (scimApp.attributes); null: none captured yet. */
  scimAppAttributes?: string[] | null;
  /** "customer": a customer's Okta org (the stack output says so): verify never calls its Okta API. */
  administeredBy?: "customer";
  /** "catalog": the stack output says Okta's catalog app carries provisioning (it updates with PATCH). */
  scimAppKind?: "catalog";
}

interface ConnectionOutput {
  scimEndpointUrl: string;
  connectionId?: string;
  /** Per token generation, oldest first (config order); the newest one's token is in `<connection>-scim-token`. */
  scimTokens?: { generation?: string; tokenId?: string }[];
  scimAppId?: string;
  oidcClientId?: string;
  oktaOrgUrl?: string;
  scimAppAttributes?: string[] | null;
  administeredBy?: string;
  onboardingStep?: string;
  scimAppKind?: string;
}

function isConnectionOutput(value: unknown): value is ConnectionOutput {
  return typeof value === "object" && value !== null && typeof (value as ConnectionOutput).scimEndpointUrl === "string";
}

/** Generations are names, listed oldest first: the last one is the token in `<connection>-scim-token`. */
function newestTokenId(out: ConnectionOutput): string | undefined {
  const last = out.scimTokens?.[out.scimTokens.length - 1];
  return typeof last?.tokenId === "string" ? last.tokenId : undefined;
}

/**
 * Why the Okta read-back does not apply to this target with the given org URL, or undefined. A stack
 * may federate several Okta orgs; OKTA_ORG_URL and its token belong to one of them.
 */
export function oktaOrgMismatch(target: VerifyTarget, orgUrl: string): string | undefined {
  if (!target.oktaOrgUrl) return undefined;
  const federated = new URL(target.oktaOrgUrl);
  return federated.origin === new URL(orgUrl).origin
    ? undefined
    : `it federates ${federated.host}, not OKTA_ORG_URL's org (run again with that org's URL and token).`;
}

/**
 * Customer connections that wait for their OIDC app (components/stack.ts: an output with an
 * onboardingStep and no scimEndpointUrl): nothing is deployed for them yet, so nothing to verify.
 */
export function waitingConnections(outputs: Record<string, unknown>): string[] {
  return Object.keys(outputs).filter((key) => {
    const out = outputs[key] as ConnectionOutput | null;
    return typeof out === "object" && out !== null && out.administeredBy === "customer" && typeof out.scimEndpointUrl !== "string";
  });
}

/** Pure: stack outputs (as `pulumi stack output --json --show-secrets` prints them) → targets. */
export function targetsFromStackOutputs(outputs: Record<string, unknown>, stack: string, only?: string): VerifyTarget[] {
  const names = Object.keys(outputs).filter((key) => isConnectionOutput(outputs[key]));
  const waiting = waitingConnections(outputs);
  if (only !== undefined && waiting.includes(only)) {
    throw new UsageError(`--connection ${only}: waits for the customer's OIDC app (onboardingStep oidc-app): nothing is deployed for it yet. Set oidcApp.clientId and oidcApp.clientSecret, run \`pulumi up\`, then verify.`);
  }
  if (names.length === 0) throw new UsageError(`--stack ${stack}: the stack has no connection outputs (scimEndpointUrl). Run \`pulumi up\` first.`);
  if (only !== undefined && !names.includes(only)) {
    throw new UsageError(`--connection ${only}: not an output of stack ${stack}. Connections: ${names.join(", ")}.`);
  }
  return names
    .filter((name) => only === undefined || name === only)
    .map((name) => {
      const out = outputs[name] as ConnectionOutput;
      const token = outputs[tokenOutputName(name)];
      if (typeof token !== "string" || !token) {
        throw new UsageError(`--stack ${stack}: output ${tokenOutputName(name)} is missing or empty (was it read with --show-secrets?).`);
      }
      return {
        connection: name,
        scimEndpointUrl: out.scimEndpointUrl,
        token,
        connectionId: out.connectionId,
        tokenId: newestTokenId(out),
        stackTokenIds: (out.scimTokens ?? []).map((t) => t.tokenId).filter((id): id is string => typeof id === "string"),
        scimAppId: out.scimAppId,
        // Okta gives an OIDC app the same id as its client id.
        oidcAppId: out.oidcClientId,
        oktaOrgUrl: typeof out.oktaOrgUrl === "string" ? out.oktaOrgUrl : undefined,
        ...(out.administeredBy === "customer" ? { administeredBy: "customer" as const } : {}),
        ...(out.scimAppKind === "catalog" ? { scimAppKind: "catalog" as const } : {}),
        scimAppAttributes: Array.isArray(out.scimAppAttributes) ? out.scimAppAttributes.filter((a): a is string => typeof a === "string") : out.scimAppAttributes === null ? null : undefined,
      };
    });
}

/** Auth0's SCIM URL ends in /scim/v2/connections/{connection id}. */
export function connectionIdFromScimUrl(url: URL): string | undefined {
  const match = /\/scim\/v2\/connections\/([^/]+)\/?$/.exec(url.pathname);
  return match ? decodeURIComponent(match[1]) : undefined;
}

export const STACK_OUTPUT_TIMEOUT_MS = 60_000;

/** Reads the outputs through the Pulumi CLI. Its stderr is passed on only as a short excerpt. */
export function readStackOutputs(stack: string, env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile(
      "pulumi",
      ["stack", "output", "--json", "--show-secrets", "--stack", stack],
      // Every step of verify has a timeout, the CLI call to an unreachable backend included.
      { env, maxBuffer: 16 * 1024 * 1024, timeout: STACK_OUTPUT_TIMEOUT_MS },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
          reject(new UsageError("--stack needs the Pulumi CLI on PATH. Install it, or pass --scim-url <url> with the token in SCIM_TOKEN."));
          return;
        }
        if (error && (error as { killed?: boolean }).killed) {
          reject(new UsageError(`--stack ${stack}: \`pulumi stack output\` did not answer within ${STACK_OUTPUT_TIMEOUT_MS / 1000} s (is the backend reachable? \`pulumi whoami\`).`));
          return;
        }
        if (error) {
          const excerpt = String(stderr).trim().split("\n").slice(0, 3).join(" ");
          reject(new UsageError(`--stack ${stack}: \`pulumi stack output\` failed: ${excerpt || error.message}`));
          return;
        }
        try {
          const parsed: unknown = JSON.parse(String(stdout));
          if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
          resolve(parsed as Record<string, unknown>);
        } catch {
          reject(new UsageError(`--stack ${stack}: \`pulumi stack output --json\` did not print a JSON object.`));
        }
      },
    );
  });
}
