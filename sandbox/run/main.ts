// `npm run sandbox -- --stack <name>`: the real `pulumi` (the user's install, plugins as Pulumi installs
// them) runs a stack file against the Auth0 and Okta stand-ins, in a throwaway project directory with a
// throwaway local backend and passphrase. The steps are listed in ./sequence.ts (one line each in the
// output), then the summary line.
import { generateKeyPairSync, randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readStackFileConfig } from "../../config/stackFile";
import { REPO_ROOT } from "../../offline/stackFile";
import type { OktaSeed } from "../okta/seed";
import { parseSandboxArgs, USAGE, type SandboxArgs } from "./args";
import { excerpt, redact } from "./commands";
import { failed, pulumi, writeStackConfig, type Context } from "./context";
import { firstDeploymentConfig } from "./plan";
import { apiCallSection, exitCodeFor, replaceSection, stepLine, summaryLine, type PhaseCounts, type ScaleFacts, type StepResult } from "./report";
import { missingSecretSettings, secretSettings, secretValues, withSecrets, type SecretSetting } from "./secrets";
import { SANDBOX_STEPS, SCALE_STEPS } from "./sequence";
import { withCustomerConnections } from "./scale";
import { connectionsOf } from "./plan";
import { MANAGEMENT_API_PLANS } from "../auth0/rateLimit";
import { lookupSeeds, stackCredentials, startStandIns } from "./standIns";
import { checkTools, MISSING_TOOLS_EXIT_CODE } from "./tools";

const generators = {
  rsaPrivateKeyPem: () => generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
  random: (bytes: number) => randomBytes(bytes).toString("base64url"),
};

/** A project directory that is the repository but for its stack files: the run's copy is the only one. */
function throwawayProject(dir: string): string {
  const project = path.join(dir, "project");
  fs.mkdirSync(project);
  for (const entry of fs.readdirSync(REPO_ROOT)) {
    if (entry === ".git" || /^Pulumi\..+\.ya?ml$/.test(entry)) continue;
    fs.symlinkSync(path.join(REPO_ROOT, entry), path.join(project, entry));
  }
  return project;
}

/** Secure leaves → placeholders: the run sets each with `pulumi config set --secret --path`. */
function withPlaceholders(config: Record<string, unknown>, settings: readonly SecretSetting[]): Record<string, unknown> {
  return withSecrets(config, settings.map((s) => ({ ...s, value: "set-by-the-sandbox" })));
}

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
  // The exact SDK versions this repository installs: devDependencies, since the package declares the
  // Pulumi SDKs as (ranged) peer dependencies of its users.
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
  const tools = await checkTools(baseEnv, { auth0: manifest.devDependencies["@pulumi/auth0"], okta: manifest.devDependencies["@pulumi/okta"] });
  if (tools.message || !tools.pulumi) {
    out(tools.message ?? "sandbox: the Pulumi CLI is missing");
    return MISSING_TOOLS_EXIT_CODE;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oktascim-sandbox-"));
  // Every secure: value regenerated, and the credentials a fresh stack (npm run new-stack) has not set yet.
  const settings = [...secretSettings(fileConfig, generators), ...missingSecretSettings(fileConfig, generators)];
  const secretConfig = withSecrets(fileConfig, settings);
  const credentials = stackCredentials(secretConfig);
  const seeds = lookupSeeds(fileConfig, credentials);
  if (args.seed) {
    for (const [domain, seed] of Object.entries(JSON.parse(fs.readFileSync(args.seed, "utf8")) as Record<string, OktaSeed>)) {
      const existing = seeds.get(domain.toLowerCase()) ?? {};
      seeds.set(domain.toLowerCase(), { groups: [...(existing.groups ?? []), ...(seed.groups ?? [])], users: [...(existing.users ?? []), ...(seed.users ?? [])], apps: seed.apps });
    }
  }
  const standIns = await startStandIns(credentials, dir, seeds, args.rateLimit);
  let ctx: Context | undefined;
  const steps: StepResult[] = [];
  try {
    const project = throwawayProject(dir);
    const stackFile = path.join(project, `Pulumi.${args.stack}.yaml`);
    writeStackConfig(stackFile, firstDeploymentConfig(withPlaceholders(fileConfig, settings)));
    const env: NodeJS.ProcessEnv = {
      ...baseEnv,
      ...standIns.env,
      PULUMI_BACKEND_URL: `file://${path.join(dir, "backend")}`,
      PULUMI_CONFIG_PASSPHRASE: randomBytes(24).toString("base64url"),
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
    fs.mkdirSync(path.join(dir, "backend"));
    ctx = {
      stack: args.stack,
      project,
      stackFile,
      pulumi: tools.pulumi,
      env,
      standIns,
      settings,
      firstConfig: structuredClone(fileConfig),
      credentials,
      secrets: secretValues(settings),
      numbers: { resources: 0, apiCallsUp: 0, apiCallsNoopPreview: 0 },
      phases: [],
    };
    const run = ctx;
    out(`sandbox: stack ${args.stack}, throwaway project ${project}, Okta stand-in ${standIns.okta.httpUrl}, CONNECT proxy ${standIns.proxy.url}`);
    const init = await pulumi(run, ["stack", "init", args.stack, "--secrets-provider", "passphrase"]);
    if (init.code !== 0) throw new Error(`pulumi stack init failed: ${excerpt(init)}`);
    for (const s of settings) {
      const set = await pulumi(run, ["config", "set", "--secret", "--path", s.path], s.value);
      if (set.code !== 0) throw new Error(`pulumi config set --secret --path ${s.path} failed: ${redact(excerpt(set), run.secrets)}`);
    }
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
    out(`sandbox: ${redact(error instanceof Error ? error.message : String(error), secretValues(settings))}`);
    while (steps.length < sequence.length) steps.push({ name: sequence[steps.length].name, status: "failed", detail: "not run" });
  } finally {
    await standIns.close();
    if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
  out("API calls per endpoint over the whole run:");
  for (const line of standIns.log.report()) out(line);
  const unknown = standIns.log.unknown();
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
