// What the steps of a language program run share (sandbox/languages/program.ts): the run's state,
// the `pulumi` command in its project, and what the steps read back from it.
import { randomBytes } from "crypto";
import * as path from "path";
import { REPO_ROOT } from "../../offline/stackFile";
import { runCommand, type CommandResult } from "../run/commands";
import type { StandIns } from "../run/standIns";
import type { ProgramNames, ProgramValues } from "./plan";

export const GO_PROGRAM = path.join(REPO_ROOT, "languages", "go");
export const YAML_TEMPLATE = path.join(REPO_ROOT, "languages", "yaml", "Pulumi.yaml.template");

/** A step's failure: what is wrong, and the command whose output says why (its tail is printed). */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly result?: CommandResult,
  ) {
    super(message);
  }
}

/** Everything the steps share; filled in as the run goes. */
export interface Run {
  /** The language's names: project, component, token output, stack, line prefix. */
  names: ProgramNames;
  baseEnv: NodeJS.ProcessEnv;
  pulumi: string;
  values: ProgramValues;
  /** The package Pulumi.yaml's `packages:` points at: this repository, unless a caller says otherwise. */
  packageDir: string;
  /** The throwaway stack's secrets passphrase. */
  passphrase: string;
  /** Passphrase and generated credentials: redacted wherever they appear. */
  secrets: Set<string>;
  dir?: string;
  project?: string;
  standIns?: StandIns;
  /** The environment of every `pulumi` command: the stand-ins' routing, the local backend, offline Go. */
  env?: NodeJS.ProcessEnv;
  orgDomain: string;
  /** GOFLAGS of every go command: `go env GOFLAGS` (the environment or the go env file) plus -mod=readonly. */
  goFlags?: string;
  outputs?: Record<string, unknown>;
  /** Where the request log stood when `destroy` began, and the tokens then (to count their deletions). */
  destroyMark?: number;
  tokensBeforeDestroy?: number;
}

export const random = (bytes: number) => randomBytes(bytes).toString("base64url");

/** Every value to keep out of the output: the generated ones and whatever the stand-ins issued since. */
export function secretsNow(run: Run): string[] {
  const found = [...run.secrets];
  const standIns = run.standIns;
  if (standIns) {
    const tenant = standIns.auth0.tenant(run.values.auth0Domain);
    for (const list of tenant.tokens.values()) found.push(...list.map((t) => t.token));
    found.push(...tenant.accessTokens.keys());
    const org = standIns.okta.org(run.orgDomain);
    found.push(...org.accessTokens.keys());
    for (const app of org.apps.values()) if (app.clientSecret) found.push(app.clientSecret);
  }
  const token = run.outputs?.[run.names.tokenOutput];
  if (typeof token === "string") found.push(token);
  return found;
}

export function pulumi(run: Run, args: string[], input?: string): Promise<CommandResult> {
  return runCommand(run.pulumi, [...args, "--non-interactive"], { cwd: run.project!, env: run.env!, input });
}

/** Runs a pulumi command that must succeed; a failure carries its output. */
export async function pulumiOk(run: Run, args: string[], input?: string): Promise<CommandResult> {
  const result = await pulumi(run, args, input);
  if (result.code !== 0) throw new StepFailure(`pulumi ${args.join(" ")} exited ${result.code}`, result);
  return result;
}

export interface StateResource {
  urn: string;
  type: string;
  protect?: boolean;
  /** `urn::id` of its provider. */
  provider?: string;
}

export async function stateResources(run: Run): Promise<StateResource[]> {
  const exported = await pulumiOk(run, ["stack", "export"]);
  return (JSON.parse(exported.stdout) as { deployment?: { resources?: StateResource[] } }).deployment?.resources ?? [];
}

/** "+ 12 to create" / "12 created" style counts from the CLI's summary, for the step's detail. */
export function changeSummary(stdout: string): string {
  const counts = [...stdout.matchAll(/^\s*[+~\-]?\s*(\d+) (to create|created|to update|updated|to delete|deleted|to replace|replaced|unchanged)\s*$/gm)];
  return counts.map((m) => `${m[1]} ${m[2]}`).join(", ");
}

export const apiCalls = (run: Run, mark: number) => `${run.standIns!.log.since(mark).length} API calls`;
