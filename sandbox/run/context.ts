// What every sandbox step works with: the throwaway project and stack, the `pulumi` it runs, the
// stand-ins, the generated secrets; and the small operations steps share (run pulumi, read and write
// the stack's config, export the state, run the program under the offline mocks).
import { createHash } from "crypto";
import * as fs from "fs";
import { parse, stringify } from "yaml";
import { runProgram, type Registration } from "../../offline/runProgram";
import { secretMarker, toRawConfig } from "../../offline/stackFile";
import { excerpt, runCommand, type CommandResult } from "./commands";
import type { PhaseCounts, RunNumbers, StepResult } from "./report";
import { secureLeaves, withSecrets, type SecretSetting } from "./secrets";
import type { StackCredentials, StandIns } from "./standIns";

export const TOKEN_TYPE = "pulumi-nodejs:dynamic/scimToken:ScimToken";

export interface Context {
  stack: string;
  project: string;
  stackFile: string;
  pulumi: string;
  env: NodeJS.ProcessEnv;
  standIns: StandIns;
  settings: SecretSetting[];
  /** The stack file's config as the run first deployed it (the paths `settings` name). */
  firstConfig: StackConfig;
  /**
   * The stand-ins' credentials and org domains, from `firstConfig` with `settings`: steps edit
   * connections only (never auth0 or oktaOrgs), and a step that removed a connection has shifted the
   * indices the settings' paths name, so the current file cannot be read with them.
   */
  credentials: StackCredentials;
  secrets: string[];
  /** Figures of the summary line, filled by the steps that measure them. */
  numbers: RunNumbers;
  /** API calls per phase, written into docs/api-calls.md at the end of a full run. */
  phases: PhaseCounts[];
  /** The Management API plan whose rate limit the Auth0 stand-in enforces, if any. */
  rateLimit?: string;
}

/** One step of a run: its one-line name and what it does. `always`: runs even after a failure (clean-up). */
export interface Step {
  name: string;
  run: (ctx: Context, name: string) => Promise<StepResult>;
  always?: boolean;
}

export type StackConfig = Record<string, unknown>;
export type ConnectionSettings = Record<string, any>;

export { connectionsOf } from "./plan";

export function writeStackConfig(file: string, config: StackConfig): void {
  const doc = (fs.existsSync(file) ? (parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {}) ?? {};
  fs.writeFileSync(file, stringify({ ...doc, config }), { mode: 0o600 });
}

export function readStackConfig(file: string): StackConfig {
  return ((parse(fs.readFileSync(file, "utf8")) as { config?: StackConfig }).config ?? {}) as StackConfig;
}

/** `onStart`: see runCommand (npm run faults kills a run with it). */
export function pulumi(ctx: Context, args: string[], input?: string, onStart?: (killAll: () => void) => void): Promise<CommandResult> {
  return runCommand(ctx.pulumi, [...args, "--non-interactive"], { cwd: ctx.project, env: ctx.env, input, onStart });
}

export interface StateResource {
  urn: string;
  type: string;
  protect?: boolean;
  outputs?: Record<string, unknown>;
  inputs?: Record<string, unknown>;
}

export async function exportedState(ctx: Context): Promise<{ text: string; resources: StateResource[] }> {
  const result = await pulumi(ctx, ["stack", "export"]);
  if (result.code !== 0) throw new Error(`pulumi stack export failed: ${excerpt(result)}`);
  const parsed = JSON.parse(result.stdout) as { deployment?: { resources?: StateResource[] } };
  return { text: result.stdout, resources: parsed.deployment?.resources ?? [] };
}

/** Resources as a user counts them: neither the Stack nor the provider resources. */
export const userResources = (resources: ReadonlyArray<{ type: string }>) =>
  resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:")).length;

export const passed = (name: string, detail: string): StepResult => ({ name, status: "passed", detail });
export const failed = (name: string, detail: string): StepResult => ({ name, status: "failed", detail });

/** Runs `run` and counts the API calls the stand-ins answered meanwhile. */
export async function measured(
  ctx: Context,
  run: () => Promise<CommandResult>,
): Promise<{ result: CommandResult; calls: Map<string, number>; total: number; seconds: number; rateLimited: number }> {
  const mark = ctx.standIns.log.mark();
  const started = process.hrtime.bigint();
  const result = await run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rateLimited = ctx.standIns.log.since(mark).filter((e) => e.status === 429).length;
  return { result, calls: ctx.standIns.log.counts(mark), total: ctx.standIns.log.total(mark), seconds, rateLimited };
}

/**
 * Values as the offline harness takes them: each secure leaf as a marker (what `npm run plan` does).
 * The marker follows the leaf's ciphertext, not its path: an edit that removes or reorders connections
 * moves a secret to another index (paths set at the start of the run would then point at the wrong
 * connection, or at none), while the real stack file keeps the same ciphertext with its connection, so
 * the engine sees no change there and neither must the mocks.
 */
function harnessConfig(config: StackConfig) {
  const leaves = secureLeaves(config);
  const marked = withSecrets(
    config,
    leaves.map((l) => ({ key: l.key, path: l.path, leaf: l.leaf, value: secretMarker(`${l.leaf}#${createHash("sha256").update(l.ciphertext).digest("hex").slice(0, 12)}`) })),
  );
  return toRawConfig(marked, new Set(leaves.map((l) => l.key)));
}

/** The program's registrations under the offline mocks for `config` (the plan's view of it). */
export async function mockedRegistrations(config: StackConfig, stack: string): Promise<Registration[]> {
  return (await runProgram(harnessConfig(config), { stack })).registrations;
}

/** The app that carries a connection's provisioning at the Okta stand-in: the catalog app's id, or the AUTO_LOGIN app by its label. */
export function scimAppId(ctx: Context, connection: ConnectionSettings, orgDomain: string): string | undefined {
  const org = ctx.standIns.okta.org(orgDomain);
  if (connection.scimApp?.kind === "catalog") return connection.scimApp.appId;
  return [...org.apps.values()].find((a) => a.signOnMode === "AUTO_LOGIN" && a.label === connection.scimApp?.label)?.id;
}
