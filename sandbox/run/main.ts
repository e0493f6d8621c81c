// `npm run sandbox -- --stack <name>`: the real `pulumi` (the user's install, plugins as Pulumi installs
// them) runs a stack file against the Auth0 and Okta stand-ins, in a throwaway project directory with a
// throwaway local backend and passphrase. Steps, one line each, then the summary line:
// preview with the policy pack → up → preview --expect-no-changes → refresh --expect-no-changes →
// config edit applied with exactly the expected steps → a token deleted out of band is gone on refresh
// → no secret in plain text in the state → npm run verify --write → teardown.
import { generateKeyPairSync, randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";
import { readStackFileConfig } from "../../config/stackFile";
import { runProgram, type Registration } from "../../offline/runProgram";
import { REPO_ROOT, secretMarker, toRawConfig } from "../../offline/stackFile";
import type { OktaSeed } from "../okta/seed";
import { parseSandboxArgs, USAGE } from "./args";
import { excerpt, redact, runCommand, type CommandResult } from "./commands";
import { changeMismatches, configEdit, describeChanges, expectedChanges, firstDeploymentConfig, keyOfUrn, NAMESPACE, previewChanges } from "./plan";
import { apiCallSection, exitCodeFor, replaceSection, stepLine, summaryLine, type PhaseCounts, type StepResult } from "./report";
import { secretSettings, secretValues, withSecrets, type SecretSetting } from "./secrets";
import { lookupSeeds, stackCredentials, startStandIns, type StandIns } from "./standIns";
import { checkTools, MISSING_TOOLS_EXIT_CODE } from "./tools";

const TOKEN_TYPE = "pulumi-nodejs:dynamic/scimToken:ScimToken";
const STEP_NAMES = [
  "preview with the policy pack",
  "up",
  "preview --expect-no-changes",
  "refresh --expect-no-changes",
  "config edit (group, token generation, consoleStepsDone) with the expected steps",
  "token deleted out of band is gone on refresh",
  "no secret in plain text in the exported state",
  "npm run verify -- --write",
  "teardown (unprotect, destroy)",
];
/** The registry-built language host (v3.68) cannot start a policy pack: say so, never pass the step. */
const POLICY_HOST_UNSUPPORTED = /could not read plugin|not supported|failed to (load|start|run) (the )?(analyzer|policy)/i;

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

/** Values as the offline harness takes them: secure leaves as markers (what `npm run plan` does). */
function harnessConfig(config: Record<string, unknown>, settings: readonly SecretSetting[]) {
  const marked = withSecrets(config, settings.map((s) => ({ ...s, value: secretMarker(s.path) })));
  return toRawConfig(marked, new Set(settings.map((s) => s.key)));
}

async function mockedRegistrations(config: Record<string, unknown>, settings: readonly SecretSetting[], stack: string): Promise<Registration[]> {
  return (await runProgram(harnessConfig(config, settings), { stack })).registrations;
}

interface Context {
  stack: string;
  project: string;
  stackFile: string;
  pulumi: string;
  env: NodeJS.ProcessEnv;
  standIns: StandIns;
  settings: SecretSetting[];
  secrets: string[];
}

function writeStackConfig(file: string, config: Record<string, unknown>): void {
  const doc = (fs.existsSync(file) ? (parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {}) ?? {};
  fs.writeFileSync(file, stringify({ ...doc, config }), { mode: 0o600 });
}

function readStackConfig(file: string): Record<string, unknown> {
  return ((parse(fs.readFileSync(file, "utf8")) as { config?: Record<string, unknown> }).config ?? {}) as Record<string, unknown>;
}

function pulumi(ctx: Context, args: string[], input?: string): Promise<CommandResult> {
  return runCommand(ctx.pulumi, [...args, "--non-interactive"], { cwd: ctx.project, env: ctx.env, input });
}

async function exportedState(ctx: Context): Promise<{ text: string; resources: Array<{ urn: string; type: string; outputs?: Record<string, unknown>; inputs?: Record<string, unknown> }> }> {
  const result = await pulumi(ctx, ["stack", "export"]);
  if (result.code !== 0) throw new Error(`pulumi stack export failed: ${excerpt(result)}`);
  const parsed = JSON.parse(result.stdout) as { deployment?: { resources?: Array<{ urn: string; type: string }> } };
  return { text: result.stdout, resources: parsed.deployment?.resources ?? [] };
}

/** Resources as a user counts them: neither the Stack nor the provider resources. */
const userResources = (resources: ReadonlyArray<{ type: string }>) => resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:")).length;

const passed = (name: string, detail: string): StepResult => ({ name, status: "passed", detail });
const failed = (name: string, detail: string): StepResult => ({ name, status: "failed", detail });

async function previewWithPolicies(ctx: Context, name: string): Promise<StepResult> {
  const packConfig = path.join(REPO_ROOT, "policies", "config", `${ctx.stack}.json`);
  const args = ["preview", "--policy-pack", path.join(REPO_ROOT, "policies"), ...(fs.existsSync(packConfig) ? ["--policy-pack-config", packConfig] : [])];
  const result = await pulumi(ctx, args);
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.code !== 0 && POLICY_HOST_UNSUPPORTED.test(output)) {
    const plain = await pulumi(ctx, ["preview"]);
    const reason = output.split("\n").find((l) => POLICY_HOST_UNSUPPORTED.test(l))?.trim() ?? "the language host cannot start policy packs";
    return { name, status: "skipped", detail: `the Node.js language host cannot run the policy pack (${reason}); preview without it ${plain.code === 0 ? "succeeded" : `failed: ${excerpt(plain)}`}. Use a Pulumi CLI install whose language host runs policy packs` };
  }
  if (result.code !== 0) return failed(name, excerpt(result));
  const skippedPolicies = output.split("\n").filter((l) => /can't run policy/.test(l));
  if (skippedPolicies.length > 0) return failed(name, `${skippedPolicies.length} polic(ies) gave no verdict: ${skippedPolicies[0].trim()}`);
  return passed(name, "policy pack ran, no violation");
}

async function measured(ctx: Context, run: () => Promise<CommandResult>): Promise<{ result: CommandResult; calls: Map<string, number>; total: number }> {
  const mark = ctx.standIns.log.mark();
  const result = await run();
  return { result, calls: ctx.standIns.log.counts(mark), total: ctx.standIns.log.total(mark) };
}

function scimAppId(ctx: Context, connection: Record<string, any>, orgDomain: string): string | undefined {
  const org = ctx.standIns.okta.org(orgDomain);
  return [...org.apps.values()].find((a) => a.signOnMode === "AUTO_LOGIN" && a.label === connection.scimApp?.label)?.id;
}

async function configEditStep(ctx: Context, name: string): Promise<StepResult> {
  const deployed = readStackConfig(ctx.stackFile);
  const edit = configEdit(deployed);
  const credentials = stackCredentials(withSecrets(deployed, ctx.settings));
  const connections = (edit.config[`${NAMESPACE}:connections`] ?? []) as Array<Record<string, any>>;
  for (const connectionName of edit.toPhaseTwo) {
    const c = connections.find((x) => x.name === connectionName)!;
    const domain = credentials.orgs.find((o) => o.name === c.oktaOrg)!.domain;
    const appId = scimAppId(ctx, c, domain);
    if (!appId) return failed(name, `no SCIM app labelled "${c.scimApp?.label}" in ${domain} to simulate the console steps on`);
    ctx.standIns.okta.org(domain).consoleSteps(appId);
  }
  if (edit.addedGroup) {
    const domain = credentials.orgs.find((o) => o.name === edit.addedGroup!.oktaOrg)!.domain;
    ctx.standIns.okta.org(domain).addGroup(edit.addedGroup.name);
  }
  const before = await mockedRegistrations(firstDeploymentConfig(deployed), ctx.settings, ctx.stack);
  const after = await mockedRegistrations(edit.config, ctx.settings, ctx.stack);
  const expected = expectedChanges(before, after);
  writeStackConfig(ctx.stackFile, edit.config);
  const preview = await pulumi(ctx, ["preview", "--json"]);
  if (preview.code !== 0) return failed(name, `preview failed: ${excerpt(preview)}`);
  const planned = previewChanges(JSON.parse(preview.stdout) as { steps?: Array<{ op: string; urn: string }> });
  const mismatches = changeMismatches(expected, planned);
  if (mismatches.length > 0) return failed(name, `${edit.changes.join("; ")}: ${mismatches.join("; ")}`);
  const up = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
  if (up.code !== 0) return failed(name, `up failed: ${excerpt(up)}`);
  return passed(name, `${edit.changes.join("; ")}: ${describeChanges(expected)}, as planned`);
}

async function tokenGoneStep(ctx: Context, name: string): Promise<StepResult> {
  const state = await exportedState(ctx);
  const token = state.resources.find((r) => r.type === TOKEN_TYPE);
  const tokenId = token?.outputs?.tokenId;
  const connectionId = token?.outputs?.connectionId ?? token?.inputs?.connectionId;
  if (!token || typeof tokenId !== "string" || typeof connectionId !== "string") return failed(name, "no SCIM token with a tokenId in the state");
  const tenant = ctx.standIns.auth0.tenant(ctx.standIns.auth0.domains[0]);
  const tokens = tenant.tokensOf(connectionId);
  const index = tokens.findIndex((t) => t.token_id === tokenId);
  if (index < 0) return failed(name, `token ${tokenId} is not at the Auth0 stand-in`);
  tokens.splice(index, 1);
  const refresh = await pulumi(ctx, ["refresh", "--yes", "--skip-preview"]);
  if (refresh.code !== 0) return failed(name, `refresh failed: ${excerpt(refresh)}`);
  const after = await exportedState(ctx);
  if (after.resources.some((r) => r.urn === token.urn)) return failed(name, `${keyOfUrn(token.urn)} is still in the state after refresh`);
  const preview = await pulumi(ctx, ["preview", "--json"]);
  const planned = preview.code === 0 ? previewChanges(JSON.parse(preview.stdout)) : undefined;
  const mismatches = planned ? changeMismatches({ create: [keyOfUrn(token.urn)], update: [], delete: [] }, planned) : [`preview failed: ${excerpt(preview)}`];
  if (mismatches.length > 0) return failed(name, `gone on refresh, but the next up would not just recreate it: ${mismatches.join("; ")}`);
  const up = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
  if (up.code !== 0) return failed(name, `recreating it failed: ${excerpt(up)}`);
  return passed(name, `${keyOfUrn(token.urn)} gone on refresh; the next up recreated exactly it`);
}

async function noPlainSecretStep(ctx: Context, name: string): Promise<StepResult> {
  const state = await exportedState(ctx);
  const tenant = ctx.standIns.auth0.tenant(ctx.standIns.auth0.domains[0]);
  const scimTokens = [...tenant.tokens.values()].flat().map((t) => t.token);
  const clientSecrets = ctx.standIns.okta.domains.flatMap((d) => [...ctx.standIns.okta.org(d).apps.values()].map((a) => a.clientSecret).filter((s): s is string => !!s));
  const watched = [...ctx.secrets, ...scimTokens, ...clientSecrets];
  const leaked = watched.filter((s) => s.length >= 8 && state.text.includes(s));
  if (leaked.length > 0) return failed(name, `${leaked.length} secret value(s) in plain text in \`pulumi stack export\``);
  return passed(name, `${watched.length} secret values checked (config secrets, SCIM tokens, OIDC client secrets), none in plain text`);
}

async function verifyStep(ctx: Context, name: string): Promise<StepResult> {
  const config = withSecrets(readStackConfig(ctx.stackFile), ctx.settings);
  const credentials = stackCredentials(config);
  const apiTokenOrg = credentials.orgs.find((o) => o.credentials.apiToken);
  const env: NodeJS.ProcessEnv = {
    ...ctx.env,
    AUTH0_DOMAIN: credentials.auth0.domain,
    AUTH0_CLIENT_ID: credentials.auth0.clientId,
    AUTH0_CLIENT_SECRET: credentials.auth0.clientSecret,
    ...(apiTokenOrg ? { OKTA_ORG_URL: `https://${apiTokenOrg.domain}`, OKTA_API_TOKEN: apiTokenOrg.credentials.apiToken } : {}),
  };
  const result = await runCommand("npm", ["run", "--silent", "verify", "--", "--stack", ctx.stack, "--write"], { cwd: ctx.project, env });
  const detail = redact(excerpt(result, 4), ctx.secrets);
  return result.code === 0 ? passed(name, detail) : failed(name, detail);
}

async function teardownStep(ctx: Context, name: string): Promise<StepResult> {
  // The documented way out of the connection's protection: connections[].protect: false, up, destroy.
  const config = readStackConfig(ctx.stackFile);
  for (const c of (config[`${NAMESPACE}:connections`] ?? []) as Array<Record<string, unknown>>) c.protect = false;
  writeStackConfig(ctx.stackFile, config);
  const unprotect = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
  if (unprotect.code !== 0) return failed(name, `unprotecting failed: ${excerpt(unprotect)}`);
  const destroy = await pulumi(ctx, ["destroy", "--yes", "--skip-preview"]);
  if (destroy.code !== 0) return failed(name, `destroy failed: ${excerpt(destroy)}`);
  const census = ctx.standIns.auth0.tenant(ctx.standIns.auth0.domains[0]).census();
  const apps = ctx.standIns.okta.domains.reduce((n, d) => n + ctx.standIns.okta.org(d).apps.size, 0);
  if (census.connections + census.tokens + apps > 0) return failed(name, `left behind: ${census.connections} connection(s), ${census.tokens} token(s), ${apps} Okta app(s)`);
  return passed(name, "protect: false applied, destroy left both stand-ins empty");
}

function writeApiCallDoc(stack: string, phases: PhaseCounts[]): void {
  const file = path.join(REPO_ROOT, "docs", "api-calls.md");
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# API calls per phase, measured at the stand-ins\n";
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, replaceSection(current, stack, apiCallSection(stack, phases, new Date().toISOString().slice(0, 10))));
}

export async function runSandbox(argv: readonly string[], out: (line: string) => void, baseEnv: NodeJS.ProcessEnv = process.env): Promise<number> {
  const args = parseSandboxArgs(argv);
  if ("error" in args) {
    out(args.error);
    return 2;
  }
  const fileConfig = readStackFileConfig(REPO_ROOT, args.stack);
  if (!fileConfig) {
    out(`sandbox: no readable Pulumi.${args.stack}.yaml in ${REPO_ROOT}\n${USAGE}`);
    return 2;
  }
  // The exact SDK versions this repository installs: devDependencies, since the package declares the
  // Pulumi SDKs as (ranged) peer dependencies of its users.
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
  const tools = await checkTools(baseEnv, { auth0: manifest.devDependencies["@pulumi/auth0"], okta: manifest.devDependencies["@pulumi/okta"] });
  if (tools.message || !tools.pulumi) {
    out(tools.message ?? "sandbox: the Pulumi CLI is missing");
    return MISSING_TOOLS_EXIT_CODE;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oktascim-sandbox-"));
  const settings = secretSettings(fileConfig, generators);
  const secretConfig = withSecrets(fileConfig, settings);
  const credentials = stackCredentials(secretConfig);
  const seeds = lookupSeeds(fileConfig, credentials);
  if (args.seed) {
    for (const [domain, seed] of Object.entries(JSON.parse(fs.readFileSync(args.seed, "utf8")) as Record<string, OktaSeed>)) {
      const existing = seeds.get(domain.toLowerCase()) ?? {};
      seeds.set(domain.toLowerCase(), { groups: [...(existing.groups ?? []), ...(seed.groups ?? [])], users: [...(existing.users ?? []), ...(seed.users ?? [])], apps: seed.apps });
    }
  }
  const standIns = await startStandIns(credentials, dir, seeds);
  const steps: StepResult[] = [];
  const numbers = { resources: 0, apiCallsUp: 0, apiCallsNoopPreview: 0 };
  const phases: PhaseCounts[] = [];
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
    const ctx: Context = { stack: args.stack, project, stackFile, pulumi: tools.pulumi, env, standIns, settings, secrets: secretValues(settings) };
    out(`sandbox: stack ${args.stack}, throwaway project ${project}, Okta stand-in ${standIns.okta.httpUrl}, CONNECT proxy ${standIns.proxy.url}`);
    const init = await pulumi(ctx, ["stack", "init", args.stack, "--secrets-provider", "passphrase"]);
    if (init.code !== 0) throw new Error(`pulumi stack init failed: ${excerpt(init)}`);
    for (const s of settings) {
      const set = await pulumi(ctx, ["config", "set", "--secret", "--path", s.path], s.value);
      if (set.code !== 0) throw new Error(`pulumi config set --secret --path ${s.path} failed: ${redact(excerpt(set), ctx.secrets)}`);
    }
    const record = (step: StepResult) => {
      steps.push(step);
      out(stepLine(steps.length, STEP_NAMES.length, { ...step, detail: redact(step.detail, ctx.secrets) }));
      return step.status !== "failed";
    };
    const sequence: Array<() => Promise<StepResult>> = [
      () => previewWithPolicies(ctx, STEP_NAMES[0]),
      async () => {
        const up = await measured(ctx, () => pulumi(ctx, ["up", "--yes", "--skip-preview"]));
        if (up.result.code !== 0) return failed(STEP_NAMES[1], excerpt(up.result));
        numbers.apiCallsUp = up.total;
        numbers.resources = userResources((await exportedState(ctx)).resources);
        phases.push({ phase: "create (first up)", counts: up.calls });
        return passed(STEP_NAMES[1], `${numbers.resources} resources, ${up.total} API calls`);
      },
      async () => {
        const preview = await measured(ctx, () => pulumi(ctx, ["preview", "--expect-no-changes"]));
        numbers.apiCallsNoopPreview = preview.total;
        phases.push({ phase: "no-op preview", counts: preview.calls });
        return preview.result.code === 0 ? passed(STEP_NAMES[2], `0 changes, ${preview.total} API calls`) : failed(STEP_NAMES[2], excerpt(preview.result));
      },
      async () => {
        const refresh = await measured(ctx, () => pulumi(ctx, ["refresh", "--expect-no-changes", "--yes", "--skip-preview"]));
        phases.push({ phase: "refresh", counts: refresh.calls });
        return refresh.result.code === 0 ? passed(STEP_NAMES[3], `0 changes, ${refresh.total} API calls`) : failed(STEP_NAMES[3], excerpt(refresh.result));
      },
      () => configEditStep(ctx, STEP_NAMES[4]),
      () => tokenGoneStep(ctx, STEP_NAMES[5]),
      () => noPlainSecretStep(ctx, STEP_NAMES[6]),
      () => verifyStep(ctx, STEP_NAMES[7]),
      () => teardownStep(ctx, STEP_NAMES[8]),
    ];
    let stopped = false;
    for (const [i, step] of sequence.entries()) {
      // Teardown runs even after a failure, so nothing is left in the stand-ins' state; other steps stop.
      if (stopped && i !== sequence.length - 1) {
        record({ name: STEP_NAMES[i], status: "failed", detail: "not run: an earlier step failed" });
        continue;
      }
      let result: StepResult;
      try {
        result = await step();
      } catch (error) {
        result = failed(STEP_NAMES[i], error instanceof Error ? error.message : String(error));
      }
      if (!record(result)) stopped = true;
    }
    if (!args.noDocs && phases.length === 3) writeApiCallDoc(args.stack, phases);
  } catch (error) {
    out(`sandbox: ${redact(error instanceof Error ? error.message : String(error), secretValues(settings))}`);
    while (steps.length < STEP_NAMES.length) steps.push({ name: STEP_NAMES[steps.length], status: "failed", detail: "not run" });
  } finally {
    await standIns.close();
    if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
  out("API calls per endpoint over the whole run:");
  for (const line of standIns.log.report()) out(line);
  const unknown = standIns.log.unknown();
  out(unknown.length === 0 ? "every request reached an implemented endpoint (no 501)" : `${unknown.length} request(s) answered 501 (listed above): the stand-ins lack these endpoints`);
  out(summaryLine(args.stack, steps, numbers));
  return exitCodeFor(steps);
}

if (require.main === module) {
  runSandbox(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then((code) => {
    process.exitCode = code;
    process.stdout.write("", () => process.exit(code));
  });
}
