// What the hand-off reads from the deployed stack: the connection's SCIM base URL and its tokens'
// expiry. Read with `pulumi stack output --json` WITHOUT --show-secrets: the token outputs then print
// as "[secret]", so this command cannot fetch a token even by mistake.
import { execFile } from "node:child_process";
import type { HandoffTokenGeneration } from "../../components/decisions/handoffDocument";

export type ReadStackOutputs = (stack: string) => Promise<Record<string, unknown>>;

export const STACK_OUTPUT_TIMEOUT_MS = 60_000;

/** The argument list, exported so a test can prove it never asks for secrets. */
export function stackOutputArgs(stack: string): string[] {
  return ["stack", "output", "--json", "--stack", stack];
}

export const readStackOutputsWithCli: ReadStackOutputs = (stack) =>
  new Promise((resolve, reject) => {
    execFile("pulumi", stackOutputArgs(stack), { maxBuffer: 16 * 1024 * 1024, timeout: STACK_OUTPUT_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === "ENOENT") return reject(new Error("the Pulumi CLI is not on PATH"));
      if (error && (error as { killed?: boolean }).killed) return reject(new Error(`\`pulumi stack output\` did not answer within ${STACK_OUTPUT_TIMEOUT_MS / 1000} s`));
      if (error) return reject(new Error(`\`pulumi stack output\` failed: ${String(stderr).trim().split("\n").slice(0, 3).join(" ") || error.message}`));
      try {
        const parsed: unknown = JSON.parse(String(stdout));
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
        resolve(parsed as Record<string, unknown>);
      } catch {
        reject(new Error("`pulumi stack output --json` did not print a JSON object"));
      }
    });
  });

/** Auth0's SCIM base URL form; a plan's "<id of …>" placeholder or anything else is not one. */
export const SCIM_BASE_URL = /^https:\/\/[a-z0-9.-]+\/scim\/v2\/connections\/con_[A-Za-z0-9]+$/;

/** Pure: the connection's SCIM URL and token expiries from the outputs, or why they are not there. */
export function connectionFromOutputs(
  outputs: Record<string, unknown>,
  connection: string,
): { scimEndpointUrl: string; validUntil: Map<string, string> } | { problem: string } {
  const out = outputs[connection] as { scimEndpointUrl?: unknown; scimTokens?: unknown } | undefined;
  const url = out?.scimEndpointUrl;
  if (typeof url !== "string" || !SCIM_BASE_URL.test(url)) {
    return { problem: `the stack's output ${connection} has no SCIM base URL yet (has \`pulumi up\` created the connection?)` };
  }
  const validUntil = new Map<string, string>();
  if (Array.isArray(out?.scimTokens)) {
    for (const t of out.scimTokens as { generation?: unknown; validUntil?: unknown }[]) {
      if (typeof t?.generation === "string" && typeof t.validUntil === "string" && t.validUntil) validUntil.set(t.generation, t.validUntil);
    }
  }
  return { scimEndpointUrl: url, validUntil };
}

/** The config's generations with the deployed expiry where the outputs give one. */
export function withValidUntil(tokens: readonly HandoffTokenGeneration[], validUntil: ReadonlyMap<string, string>): HandoffTokenGeneration[] {
  return tokens.map((t) => {
    const until = validUntil.get(t.generation);
    return until === undefined ? { ...t } : { ...t, validUntil: until };
  });
}
