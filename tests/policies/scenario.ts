// Test scenarios: a committed stack, optionally with its config or its recorded program mutated,
// run under the harness and adapted into the arguments the policy runtime would pass.
import * as fs from "fs";
import * as path from "path";
import { runProgram, type ProgramRun, type Registration } from "../harness/runProgram";
import { cloneValues, readStackFile, REPO_ROOT, toRawConfig, type StackConfigValues } from "../harness/stackFile";
import { policies } from "../../policies/policies";
import { toPolicyInputs } from "./policyArgs";
import { runPack, type PackConfig, type PackResult } from "./runPack";

export const COMMITTED_STACKS = ["dev", "prod"] as const;

/** The policy-pack config committed for a stack (policies/config/<stack>.json), as `--policy-pack-config` reads it. */
export function committedPackConfig(stack: string): PackConfig {
  const file = path.join(REPO_ROOT, "policies", "config", `${stack}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as PackConfig) : {};
}

export interface Scenario {
  stack: string;
  /** Edits the stack config (the `oktaScim:` values, keyed like `oktaScim:connections`). */
  config?: (values: StackConfigValues) => void;
  /** Edits what the program registered: a "mutated program". */
  program?: (registrations: Registration[]) => void;
  /** Policy-pack config; default the stack's committed one. */
  packConfig?: PackConfig;
  preview?: boolean;
}

/** Runs of unedited committed stacks, shared by the scenarios that only edit the recorded program. */
const unEditedRuns = new Map<string, Promise<ProgramRun>>();

function runStack(s: Scenario): Promise<ProgramRun> {
  const { values, secretKeys } = readStackFile(s.stack);
  const edited = cloneValues(values);
  s.config?.(edited);
  return runProgram(toRawConfig(edited, secretKeys), { stack: s.stack, preview: s.preview });
}

export async function recordRun(s: Scenario): Promise<ProgramRun> {
  if (s.config) {
    const run = await runStack(s);
    s.program?.(run.registrations);
    return run;
  }
  // The same program and config give the same registrations: run once, hand each scenario its own copy.
  const key = `${s.stack}:${s.preview === true}`;
  if (!unEditedRuns.has(key)) unEditedRuns.set(key, runStack(s));
  const shared = await unEditedRuns.get(key)!;
  const run = { ...shared, registrations: structuredClone(shared.registrations) };
  s.program?.(run.registrations);
  return run;
}

export async function evaluate(s: Scenario): Promise<PackResult> {
  const run = await recordRun(s);
  return runPack(policies, toPolicyInputs(run, s.stack), s.packConfig ?? committedPackConfig(s.stack));
}

/** Names of the policies that reported, sorted, each once. */
export function violated(result: PackResult): string[] {
  return [...new Set(result.diagnostics.map((d) => d.policyName))].sort();
}

/** The config list of connections, for edits. */
export function connections(values: StackConfigValues): Record<string, any>[] {
  return values["oktaScim:connections"] as Record<string, any>[];
}

export function registration(registrations: Registration[], type: string, index = 0): Registration {
  const found = registrations.filter((r) => r.type === type);
  if (!found[index]) throw new Error(`no registration #${index} of type ${type}`);
  return found[index];
}
