// `npm run sandbox -- --stack <name>`: the real `pulumi` (the user's install, plugins as Pulumi installs
// them) runs a stack file against the Auth0 and Okta stand-ins, in a throwaway project directory with a
// throwaway local backend and passphrase (./prepare.ts). The steps are listed in ./sequence.ts (one line
// each in the output), then the summary line.
import * as fs from "fs";
import * as path from "path";
import { readStackFileConfig } from "../../config/stackFile";
import { REPO_ROOT } from "../../offline/stackFile";
import type { OktaSeed } from "../okta/seed";
import { parseSandboxArgs, USAGE, type SandboxArgs } from "./args";
import { redact } from "./commands";
import { failed, type Context } from "./context";
import { apiCallSection, exitCodeFor, replaceSection, stepLine, summaryLine, type PhaseCounts, type ScaleFacts, type StepResult } from "./report";
import { SANDBOX_STEPS, SCALE_STEPS } from "./sequence";
import { withCustomerConnections } from "./scale";
import { connectionsOf } from "./plan";
import { MANAGEMENT_API_PLANS } from "../auth0/rateLimit";
import { prepareRun, type PreparedRun } from "./prepare";
import { checkToolsForThisRepository, MISSING_TOOLS_EXIT_CODE } from "./tools";

function writeApiCallDoc(section: string, stack: string, phases: PhaseCounts[], scale?: ScaleFacts): void {
  const file = path.join(REPO_ROOT, "docs", "api-calls.md");
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# API calls per phase, measured at the stand-ins\n";
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, replaceSection(current, section, apiCallSection(stack, phases, new Date().toISOString().slice(0, 10), scale)));
}

/** What a `--customers` run writes: its own section, named by the stack, the count and the plan. */
function scaleFacts(args: SandboxArgs, connections: number): { section: string; facts: ScaleFacts } | undefined {
  if (args.customers === undefined) return undefined;
  const plan = args.rateLimit ? MANAGEMENT_API_PLANS[args.rateLimit] : undefined;
  return {
    section: `${args.stack}-${args.customers}-customers${args.rateLimit ? `-${args.rateLimit}` : ""}`,
    facts: {
      command: `npm run sandbox -- --stack ${args.stack} --customers ${args.customers}${args.rateLimit ? ` --rate-limit ${args.rateLimit}` : ""}`,
      connections,
      rateLimit: plan ? `the ${args.rateLimit} plan's Management API limit (burst ${plan.burst}, ${+(plan.refillPerSecond * 60).toFixed(1)}/minute; ${plan.source})` : undefined,
    },
  };
}

export async function runSandbox(argv: readonly string[], out: (line: string) => void, baseEnv: NodeJS.ProcessEnv = process.env): Promise<number> {
  const args = parseSandboxArgs(argv);
  if ("error" in args) {
    out(args.error);
    return 2;
  }
  const stackFileConfig = readStackFileConfig(REPO_ROOT, args.stack);
  if (!stackFileConfig) {
    out(`sandbox: no readable Pulumi.${args.stack}.yaml in ${REPO_ROOT}\n${USAGE}`);
    return 2;
  }
  const fileConfig = args.customers ? withCustomerConnections(stackFileConfig, args.customers) : stackFileConfig;
  const sequence = args.customers ? SCALE_STEPS : SANDBOX_STEPS;
  const tools = await checkToolsForThisRepository(baseEnv);
  if (tools.message || !tools.pulumi) {
    out(tools.message ?? "sandbox: the Pulumi CLI is missing");
    return MISSING_TOOLS_EXIT_CODE;
  }
  const extraSeeds = args.seed ? (JSON.parse(fs.readFileSync(args.seed, "utf8")) as Record<string, OktaSeed>) : undefined;
  let prepared: PreparedRun | undefined;
  let ctx: Context | undefined;
  const steps: StepResult[] = [];
  try {
    prepared = await prepareRun({ stack: args.stack, fileConfig, pulumiPath: tools.pulumi, baseEnv, extraSeeds, rateLimit: args.rateLimit });
    const run: Context = prepared.ctx;
    ctx = run;
    const { standIns } = run;
    out(`sandbox: stack ${args.stack}, throwaway project ${run.project}, Okta stand-in ${standIns.okta.httpUrl}, CONNECT proxy ${standIns.proxy.url}`);
    const record = (step: StepResult) => {
      steps.push(step);
      out(stepLine(steps.length, sequence.length, { ...step, detail: redact(step.detail, run.secrets) }));
      return step.status !== "failed";
    };
    let stopped = false;
    for (const [index, step] of sequence.entries()) {
      if (args.steps && !args.steps.includes(index + 1) && !step.always) {
        record({ name: step.name, status: "skipped", detail: "not selected (--steps)" });
        continue;
      }
      // A clean-up step runs even after a failure, so nothing is left in the stand-ins' state; other steps stop.
      if (stopped && !step.always) {
        record({ name: step.name, status: "failed", detail: "not run: an earlier step failed" });
        continue;
      }
      let result: StepResult;
      const started = process.hrtime.bigint();
      try {
        result = await step.run(run, step.name);
      } catch (error) {
        result = failed(step.name, error instanceof Error ? error.message : String(error));
      }
      if (!record({ ...result, seconds: Number(process.hrtime.bigint() - started) / 1e9 })) stopped = true;
    }
    const scale = scaleFacts(args, connectionsOf(fileConfig).length);
    if (!args.noDocs && !args.steps && run.phases.length === 3) writeApiCallDoc(scale?.section ?? args.stack, args.stack, run.phases, scale?.facts);
  } catch (error) {
    out(`sandbox: ${redact(error instanceof Error ? error.message : String(error), ctx?.secrets ?? [])}`);
    while (steps.length < sequence.length) steps.push({ name: sequence[steps.length].name, status: "failed", detail: "not run" });
  } finally {
    await prepared?.close(args.keep);
  }
  if (!prepared) {
    out(summaryLine(args.stack, steps, { resources: 0, apiCallsUp: 0, apiCallsNoopPreview: 0 }));
    return exitCodeFor(steps);
  }
  const { log } = prepared.ctx.standIns;
  out("API calls per endpoint over the whole run:");
  for (const line of log.report()) out(line);
  const unknown = log.unknown();
  out(unknown.length === 0 ? "every request reached an implemented endpoint (no 501)" : `${unknown.length} request(s) answered 501 (listed above): the stand-ins lack these endpoints`);
  out(summaryLine(args.stack, steps, ctx?.numbers ?? { resources: 0, apiCallsUp: 0, apiCallsNoopPreview: 0 }));
  return exitCodeFor(steps);
}

if (require.main === module) {
  runSandbox(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then((code) => {
    process.exitCode = code;
    process.stdout.write("", () => process.exit(code));
  });
}
