// The policy pack on the real engine, as a user runs it: `pulumi preview --policy-pack` of the stack
// before anything exists (every id unknown), on the first deployment and on the stack file's own
// config (its phase-2 resources too). Every policy must give a verdict (none "can't run"), none may
// report on the clean stack, and each mandatory policy must fail the preview when its violation is
// seeded into the program (sandbox/seed/violations.ts, applied by a resource transform).
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../../offline/stackFile";
import { excerpt, type CommandResult } from "../commands";
import { connectionsOf, failed, mockedRegistrations, passed, pulumi, readStackConfig, writeStackConfig, type Context, type StackConfig } from "../context";
import { policiesWithoutVerdict, reportedViolations } from "../policyOutput";
import type { StepResult } from "../report";
import { lackingType, SEED_ENV, seedsFor, type SeededViolation } from "../../seed/violations";

/** The registry-built language host (v3.68) cannot start a policy pack: say so, never pass the step. */
const POLICY_HOST_UNSUPPORTED = /could not read plugin|not supported|failed to (load|start|run) (the )?(analyzer|policy)/i;
/**
 * The seeded previews' entry point, written into the throwaway project's root: the Node.js language
 * host compiles the program with the tsconfig.json of the entry point's directory, and only the root
 * has one (sandbox/seed/program.ts as `main` compiles with TypeScript's defaults and fails on ES2022).
 */
const SEEDED_MAIN = "seeded-main.ts";
const SEEDED_MAIN_SOURCE = 'import program = require("./sandbox/seed/program");\nexport = program;\n';

function packArgs(ctx: Context): string[] {
  const packConfig = path.join(REPO_ROOT, "policies", "config", `${ctx.stack}.json`);
  return ["preview", "--policy-pack", path.join(REPO_ROOT, "policies"), ...(fs.existsSync(packConfig) ? ["--policy-pack-config", packConfig] : [])];
}

/** The stack file's own config at step 1: the first deployment's, with each connection's consoleStepsDone as written. */
function ownConfig(ctx: Context, current: StackConfig): StackConfig {
  const own = structuredClone(current);
  const written = connectionsOf(ctx.firstConfig);
  connectionsOf(own).forEach((c, i) => {
    if (written[i]?.consoleStepsDone === undefined) delete c.consoleStepsDone;
    else c.consoleStepsDone = written[i].consoleStepsDone;
  });
  return own;
}

/** A clean preview: exit 0, every policy gave a verdict, none reported. Undefined when clean. */
function cleanPreviewProblem(result: CommandResult, label: string): string | undefined {
  const output = `${result.stdout}\n${result.stderr}`;
  const silent = policiesWithoutVerdict(output);
  if (silent.length > 0) return `${label}: ${silent.length} polic(ies) gave no verdict: ${silent[0]}`;
  const reported = reportedViolations(output);
  if (reported.length > 0) return `${label}: ${reported.map((r) => `${r.level} ${r.policy}`).join(", ")} reported on the clean stack`;
  if (result.code !== 0) return `${label}: preview failed: ${excerpt(result)}`;
  return undefined;
}

/** The project's Pulumi.yaml pointed at the seeded entry point while `run` runs, then linked back. */
async function withSeededMain<T>(ctx: Context, run: () => Promise<T>): Promise<T> {
  const projectFile = path.join(ctx.project, "Pulumi.yaml");
  const original = fs.readFileSync(projectFile, "utf8");
  const linkTarget = fs.lstatSync(projectFile).isSymbolicLink() ? fs.readlinkSync(projectFile) : undefined;
  if (!/^main: index\.ts$/m.test(original)) throw new Error("Pulumi.yaml names no `main: index.ts` to point at the seeded program");
  const entry = path.join(ctx.project, SEEDED_MAIN);
  fs.writeFileSync(entry, SEEDED_MAIN_SOURCE);
  fs.unlinkSync(projectFile);
  fs.writeFileSync(projectFile, original.replace(/^main: index\.ts$/m, `main: ${SEEDED_MAIN}`));
  try {
    return await run();
  } finally {
    fs.rmSync(entry, { force: true });
    fs.unlinkSync(projectFile);
    if (linkTarget) fs.symlinkSync(linkTarget, projectFile);
    else fs.writeFileSync(projectFile, original);
  }
}

/** The seeded preview must fail with exactly the seed's policy reported as mandatory. Undefined when it does. */
async function seededProblem(ctx: Context, seed: SeededViolation): Promise<string | undefined> {
  const result = await pulumi({ ...ctx, env: { ...ctx.env, [SEED_ENV]: seed.policy } }, packArgs(ctx));
  const output = `${result.stdout}\n${result.stderr}`;
  const reported = reportedViolations(output);
  const silent = policiesWithoutVerdict(output);
  if (result.code === 0) return `${seed.policy} (${seed.change}): the preview succeeded${reported.length ? ` with ${reported.map((r) => `${r.level} ${r.policy}`).join(", ")}` : ", nothing reported"}`;
  if (!reported.some((r) => r.level === "mandatory" && r.policy === seed.policy)) return `${seed.policy} (${seed.change}): the preview failed without reporting it: ${excerpt(result, 3)}`;
  const others = reported.filter((r) => r.policy !== seed.policy);
  if (others.length > 0) return `${seed.policy} (${seed.change}): ${others.map((r) => `${r.level} ${r.policy}`).join(", ")} reported too`;
  if (silent.length > 0) return `${seed.policy}: ${silent[0]}`;
  return undefined;
}

export async function previewWithPolicies(ctx: Context, name: string): Promise<StepResult> {
  const first = await pulumi(ctx, packArgs(ctx));
  const firstOutput = `${first.stdout}\n${first.stderr}`;
  if (first.code !== 0 && POLICY_HOST_UNSUPPORTED.test(firstOutput)) {
    const plain = await pulumi(ctx, ["preview"]);
    const reason = firstOutput.split("\n").find((l) => POLICY_HOST_UNSUPPORTED.test(l))?.trim() ?? "the language host cannot start policy packs";
    return { name, status: "skipped", detail: `the Node.js language host cannot run the policy pack (${reason}); preview without it ${plain.code === 0 ? "succeeded" : `failed: ${excerpt(plain)}`}. Use a Pulumi CLI install whose language host runs policy packs` };
  }
  const problems: string[] = [];
  const firstProblem = cleanPreviewProblem(first, "first deployment");
  if (firstProblem) return failed(name, firstProblem);

  const deployed = readStackConfig(ctx.stackFile);
  const own = ownConfig(ctx, deployed);
  const phaseTwo = JSON.stringify(own) !== JSON.stringify(deployed);
  const declared = new Set((await mockedRegistrations(own, ctx.stack)).map((r) => r.type));
  const seeds = seedsFor(declared);
  writeStackConfig(ctx.stackFile, own);
  try {
    if (phaseTwo) {
      const ownProblem = cleanPreviewProblem(await pulumi(ctx, packArgs(ctx)), "the stack file's own config (phase 2)");
      if (ownProblem) problems.push(ownProblem);
    }
    await withSeededMain(ctx, async () => {
      for (const seed of seeds.applicable) {
        const problem = await seededProblem(ctx, seed);
        if (problem) problems.push(problem);
      }
    });
  } finally {
    writeStackConfig(ctx.stackFile, deployed);
  }
  if (problems.length > 0) return failed(name, problems.join("; "));
  const absent = seeds.absent.length > 0 ? `; not seeded (the stack declares no ${[...new Set(seeds.absent.map((s) => lackingType(s, declared)))].join(", ")}): ${seeds.absent.map((s) => s.policy).join(", ")}` : "";
  return passed(
    name,
    `every policy gave a verdict, none reported on the first deployment${phaseTwo ? " nor on the stack's own phase-2 config" : ""}; ${seeds.applicable.length} seeded violation(s) each failed the preview as mandatory with only its policy: ${seeds.applicable.map((s) => s.policy).join(", ")}${absent}`,
  );
}
