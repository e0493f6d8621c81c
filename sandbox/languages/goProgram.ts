// `npx tsx sandbox/languages/goProgram.ts [--keep]`: the repository's Go consumer program
// (languages/go/main.go, on the Go SDK `npm run test:languages` generates into languages/go/sdk) run
// through the real Pulumi CLI, the Go language host and the real auth0 and okta plugins, against the
// sandbox's Auth0 and Okta stand-ins (sandbox/run/standIns.ts), in a throwaway Go project with a local
// backend. It previews, deploys, checks the stand-ins (looked-up ids assigned, one SCIM token equal to
// the secret stack output), previews for no changes, destroys and checks that nothing is left.
// One line per step, then a summary line; exit 1 on any failure. Missing tools (CI has no Go language
// host, no Node.js host that runs plugins, no auth0/okta plugins) print `go program: skipped (why)`,
// exit 0. Nothing secret is printed: every generated credential and token is replaced by "[secret]".
import { execFile } from "child_process";
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../../offline/stackFile";
import type { OktaSeed } from "../okta/seed";
import { runCommand, type CommandResult } from "../run/commands";
import { startStandIns, type StackCredentials, type StandIns } from "../run/standIns";
import { checkToolsForThisRepository, onPath } from "../run/tools";
import {
  assignmentProblems,
  configSetArgs,
  goFlags,
  knownCause,
  leftoverProblems,
  outputTail,
  packPreviewProblems,
  SEEDED_POLICY,
  SEEDED_TOKEN_SCOPES,
  plaintextInStateProblems,
  programConfig,
  pulumiYaml,
  redactAll,
  secrecyProblems,
  skipReason,
  stepLine,
  summaryLine,
  tokenProblems,
  TOKEN_OUTPUT,
  type ProgramValues,
  type StepOutcome,
  type ToolFacts,
} from "./goProgramPlan";

const GO_PROGRAM = path.join(REPO_ROOT, "languages", "go");
const STACK = "go";

/** A step's failure: what is wrong, and the command whose output says why (its tail is printed). */
class StepFailure extends Error {
  constructor(
    message: string,
    readonly result?: CommandResult,
  ) {
    super(message);
  }
}

/** Everything the steps share; filled in as the run goes. */
interface Run {
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

// ---- tools ----

/** Runs a short command (a version query): a hang guard of a minute, output as text. */
function quick(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: 60_000 }, (_error, stdout) => resolve(String(stdout ?? "").trim()));
  });
}

/** An executable beside the real `pulumi` (symlinks resolved, as the CLI's own os.Executable does). */
function besidePulumi(pulumi: string, name: string): string | undefined {
  const candidate = path.join(path.dirname(fs.realpathSync(pulumi)), name);
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    return candidate;
  } catch {
    return undefined;
  }
}

/**
 * The tools as the CLI will find them. Language hosts: PATH first, then beside `pulumi`, the CLI's
 * own order (it warns "using pulumi-language-nodejs from $PATH" and takes that one). The Node.js host
 * is asked its version: the one beside a cached CLI may be a v3.68 host, which cannot run a plugin.
 */
async function findTools(env: NodeJS.ProcessEnv): Promise<ToolFacts> {
  const pulumi = onPath("pulumi", env);
  if (!pulumi) return {};
  const host = (name: string) => onPath(name, env) ?? besidePulumi(pulumi, name);
  const nodeHost = host("pulumi-language-nodejs");
  const sandbox = await checkToolsForThisRepository(env);
  return {
    pulumi,
    pulumiVersion: await quick(pulumi, ["version"], env),
    languageGo: host("pulumi-language-go"),
    go: onPath("go", env),
    nodeHost,
    nodeHostVersion: nodeHost ? await quick(nodeHost, ["--version"], env) : undefined,
    sandboxMessage: sandbox.message,
  };
}

// ---- helpers of the steps ----

const random = (bytes: number) => randomBytes(bytes).toString("base64url");

/** Fresh names and credentials for one run; the Okta API token looks like Okta's ("00…"). */
function generatedValues(): ProgramValues {
  const suffix = randomBytes(3).toString("hex");
  return {
    auth0Domain: `go-sandbox-${suffix}.eu.auth0.com`,
    auth0ClientId: random(24),
    auth0ClientSecret: random(48),
    oktaOrgName: `go-sandbox-${suffix}`,
    oktaBaseUrl: "okta.com",
    oktaApiToken: `00${random(30)}`,
    groupName: "Engineering",
    directUserLogin: `ada.lovelace@go-sandbox-${suffix}.example`,
  };
}

/** Every value to keep out of the output: the generated ones and whatever the stand-ins issued since. */
function secretsNow(run: Run): string[] {
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
  if (typeof run.outputs?.[TOKEN_OUTPUT] === "string") found.push(run.outputs[TOKEN_OUTPUT] as string);
  return found;
}

function pulumi(run: Run, args: string[], input?: string): Promise<CommandResult> {
  return runCommand(run.pulumi, [...args, "--non-interactive"], { cwd: run.project!, env: run.env!, input });
}

/** Runs a pulumi command that must succeed; a failure carries its output. */
async function pulumiOk(run: Run, args: string[], input?: string): Promise<CommandResult> {
  const result = await pulumi(run, args, input);
  if (result.code !== 0) throw new StepFailure(`pulumi ${args.join(" ")} exited ${result.code}`, result);
  return result;
}

interface StateResource {
  urn: string;
  type: string;
  protect?: boolean;
}

async function stateResources(run: Run): Promise<StateResource[]> {
  const exported = await pulumiOk(run, ["stack", "export"]);
  return (JSON.parse(exported.stdout) as { deployment?: { resources?: StateResource[] } }).deployment?.resources ?? [];
}

/** "+ 12 to create" / "12 created" style counts from the CLI's summary, for the step's detail. */
function changeSummary(stdout: string): string {
  const counts = [...stdout.matchAll(/^\s*[+~\-]?\s*(\d+) (to create|created|to update|updated|to delete|deleted|to replace|replaced|unchanged)\s*$/gm)];
  return counts.map((m) => `${m[1]} ${m[2]}`).join(", ");
}

const apiCalls = (run: Run, mark: number) => `${run.standIns!.log.since(mark).length} API calls`;

// ---- the steps ----

/** languages/go/sdk is generated, not committed: make it as CI does when this checkout lacks it. */
async function goSdk(run: Run): Promise<string> {
  if (fs.existsSync(path.join(GO_PROGRAM, "sdk", "go.mod"))) return "languages/go/sdk present";
  const tsx = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");
  const result = await runCommand(tsx, ["scripts/languages.ts"], { cwd: REPO_ROOT, env: run.baseEnv });
  if (result.code !== 0) throw new StepFailure("npm run test:languages failed", result);
  return "generated by npm run test:languages";
}

/** The stand-ins (seeded with the group and user main.go names) and the throwaway project. */
async function standInsAndProject(run: Run): Promise<string> {
  const v = run.values;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oktascim-go-"));
  run.dir = dir;
  const credentials: StackCredentials = {
    auth0: { domain: v.auth0Domain, clientId: v.auth0ClientId, clientSecret: v.auth0ClientSecret },
    orgs: [{ name: "go", domain: run.orgDomain, credentials: { apiToken: v.oktaApiToken } }],
  };
  const seeds = new Map<string, OktaSeed>([[run.orgDomain, { groups: [{ name: v.groupName }], users: [{ login: v.directUserLogin }] }]]);
  run.standIns = await startStandIns(credentials, dir, seeds);
  // A copy, not the original: the CLI writes Pulumi.<stack>.yaml beside the program and the language
  // host builds in it; languages/go stays as committed.
  const project = path.join(dir, "project");
  fs.cpSync(GO_PROGRAM, project, { recursive: true });
  fs.writeFileSync(path.join(project, "Pulumi.yaml"), pulumiYaml(run.packageDir));
  fs.mkdirSync(path.join(dir, "backend"));
  run.project = project;
  // From `go env`, not the process environment: a GOFLAGS variable replaces the go env file's.
  run.goFlags = goFlags(await quick("go", ["env", "GOFLAGS"], run.baseEnv));
  run.env = {
    ...run.baseEnv,
    ...run.standIns.env,
    // The same as `pulumi login file://<dir>/backend` for these commands, without rewriting the
    // user's ~/.pulumi/credentials.json (their current backend) on a shared machine.
    PULUMI_BACKEND_URL: `file://${path.join(dir, "backend")}`,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    GOFLAGS: run.goFlags,
    // The step "go modules" filled the module cache; under the stand-ins' HTTPS_PROXY the Go proxy is
    // unreachable anyway (the CONNECT proxy refuses its host), so say so plainly if anything is missing.
    GOPROXY: "off",
    PULUMI_CONFIG_PASSPHRASE: run.passphrase,
  };
  return `${project}, Okta stand-in ${run.standIns.okta.httpUrl}, CONNECT proxy ${run.standIns.proxy.url}`;
}

/**
 * The module cache for what the language host asks: it runs `go list -m -json` on every module of
 * go.mod's require list and `go mod download`s those without a directory, so a module the build
 * itself never needs (golang.org/x/tools, x/mod) must be in the cache too. Done here, with the
 * environment's GOPROXY and without the stand-ins' proxy; then `go build` proves the program compiles.
 */
async function goModules(run: Run): Promise<string> {
  const env = { ...run.baseEnv, GOFLAGS: run.goFlags };
  const listed = await runCommand("go", ["mod", "edit", "-json"], { cwd: run.project!, env });
  if (listed.code !== 0) throw new StepFailure("go mod edit -json failed", listed);
  const modules = ((JSON.parse(listed.stdout) as { Require?: Array<{ Path: string }> }).Require ?? []).map((r) => r.Path);
  const download = await runCommand("go", ["mod", "download", ...modules], { cwd: run.project!, env });
  if (download.code !== 0) throw new StepFailure("go mod download failed", download);
  const build = await runCommand("go", ["build", "-o", path.join(run.dir!, "go-program"), "."], { cwd: run.project!, env });
  if (build.code !== 0) throw new StepFailure("go build failed", build);
  return `${modules.length} modules in the cache, go build ok (GOFLAGS=${env.GOFLAGS})`;
}

async function stackAndConfig(run: Run): Promise<string> {
  await pulumiOk(run, ["stack", "init", STACK, "--secrets-provider", "passphrase"]);
  const entries = programConfig(run.values);
  for (const entry of entries) await pulumiOk(run, configSetArgs(entry), entry.value);
  return `stack ${STACK}, ${entries.length} config keys (${entries.filter((e) => e.secret).map((e) => e.key).join(", ")} secret)`;
}

async function preview(run: Run): Promise<string> {
  const mark = run.standIns!.log.mark();
  const result = await pulumiOk(run, ["preview"]);
  return `${changeSummary(result.stdout) || "no summary"}, ${apiCalls(run, mark)}`;
}

const packArgs = () => ["preview", "--policy-pack", path.join(REPO_ROOT, "policies")];

/** The policy pack in the Go stack's first preview (every id unknown): every policy gives a verdict, none reports. */
async function policyPackClean(run: Run): Promise<string> {
  const result = await pulumi(run, packArgs());
  const output = `${result.stdout}\n${result.stderr}`;
  const problems = packPreviewProblems(output, result.code, undefined);
  if (problems.length) throw new StepFailure(problems.join("; "), result);
  return "every policy gave a verdict, none reported";
}

/** The same with a token scope the pack forbids: the preview must fail on the plugin's token type. */
async function policyPackSeeded(run: Run): Promise<string> {
  // --plaintext: the CLI takes the JSON list for a secret by its look and refuses it otherwise.
  await pulumiOk(run, ["config", "set", "--plaintext", "tokenScopes", JSON.stringify(SEEDED_TOKEN_SCOPES)]);
  try {
    const result = await pulumi(run, packArgs());
    const problems = packPreviewProblems(`${result.stdout}\n${result.stderr}`, result.code, SEEDED_POLICY);
    if (problems.length) throw new StepFailure(problems.join("; "), result);
    return `tokenScopes ${SEEDED_TOKEN_SCOPES.join(" ")}: the preview failed with mandatory ${SEEDED_POLICY} only`;
  } finally {
    await pulumiOk(run, ["config", "rm", "tokenScopes"]);
  }
}

async function up(run: Run): Promise<string> {
  const mark = run.standIns!.log.mark();
  // The preview step has just previewed; up's own preview would only double the time.
  const result = await pulumiOk(run, ["up", "--yes", "--skip-preview"]);
  return `${changeSummary(result.stdout) || "no summary"}, ${apiCalls(run, mark)}`;
}

/** The group and user the component looked up are the seeded ones, assigned to both apps. */
async function oktaAssignments(run: Run): Promise<string> {
  const org = run.standIns!.okta.org(run.orgDomain);
  const group = [...org.groups.values()].find((g) => g.name === run.values.groupName);
  const user = org.findUser(run.values.directUserLogin);
  if (!group || !user) throw new StepFailure("the seeded group or user is missing from the Okta stand-in");
  const apps = [...org.apps.values()].map((a) => ({
    label: a.label,
    groupIds: [...(org.groupAssignments.get(a.id)?.keys() ?? [])],
    userIds: [...(org.appUsers.get(a.id)?.keys() ?? [])],
  }));
  const problems = assignmentProblems(apps, group.id, user.id);
  if (problems.length) throw new StepFailure(problems.join("; "));
  return `${apps.length} apps, each assigned group ${group.id} ("${group.name}") and user ${user.id} (by login)`;
}

/** The outputs with secrets shown (for the token check), and without: the token must stay "[secret]". */
async function stackOutput(run: Run): Promise<string> {
  const shown = await pulumiOk(run, ["stack", "output", "--json", "--show-secrets"]);
  run.outputs = JSON.parse(shown.stdout) as Record<string, unknown>;
  const hidden = await pulumiOk(run, ["stack", "output", "--json"]);
  const problems = secrecyProblems(JSON.parse(hidden.stdout) as Record<string, unknown>);
  if (problems.length) throw new StepFailure(problems.join("; "));
  return `${Object.keys(run.outputs).length} outputs (${Object.keys(run.outputs).join(", ")}), ${TOKEN_OUTPUT} is "[secret]" without --show-secrets`;
}

async function auth0Token(run: Run): Promise<string> {
  const tenant = run.standIns!.auth0.tenant(run.values.auth0Domain);
  const connections = [...tenant.connections.values()].map((c) => ({ name: c.name, tokens: (tenant.tokens.get(c.id) ?? []).map((t) => t.token) }));
  const problems = tokenProblems(connections, run.outputs?.[TOKEN_OUTPUT]);
  if (problems.length) throw new StepFailure(problems.join("; "));
  // The plugin's tokens carry the client secret in their state: only as ciphertext.
  const exported = (await pulumiOk(run, ["stack", "export"])).stdout;
  const plaintext = plaintextInStateProblems(exported, { clientSecret: run.values.auth0ClientSecret, token: connections[0].tokens[0] });
  if (plaintext.length) throw new StepFailure(plaintext.join("; "));
  // The token resource's type says how it was served: a Node.js dynamic resource or the package's own.
  const types = [...new Set((await stateResources(run)).map((r) => r.type).filter((t) => /scimToken/i.test(t)))];
  return `connection ${connections[0].name}: 1 SCIM token, equal to the stack output (token resource ${types.join(", ") || "type not found"}); neither it nor the client secret in plain text in the state`;
}

async function noChangePreview(run: Run): Promise<string> {
  const mark = run.standIns!.log.mark();
  await pulumiOk(run, ["preview", "--expect-no-changes"]);
  return `0 changes, ${apiCalls(run, mark)}`;
}

/** The resources of the stack's state that are protected (by URN, with their type and name). */
async function protectedResources(run: Run): Promise<Array<{ urn: string; label: string }>> {
  return (await stateResources(run)).filter((r) => r.protect).map((r) => ({ urn: r.urn, label: `${r.type} ${r.urn.split("::").pop()}` }));
}

/**
 * The component protects the Auth0 connection (deleting it deletes its users), and only its
 * `decommission` arg unprotects it (docs/day-2-operations.md, Teardown), which main.go does not expose.
 * So the throwaway stack is unprotected resource by resource in the state, then destroyed.
 */
async function destroy(run: Run): Promise<string> {
  const guarded = await protectedResources(run);
  for (const r of guarded) await pulumiOk(run, ["state", "unprotect", r.urn, "--yes"]);
  run.destroyMark = run.standIns!.log.mark();
  run.tokensBeforeDestroy = run.standIns!.auth0.tenant(run.values.auth0Domain).census().tokens;
  const result = await pulumiOk(run, ["destroy", "--yes", "--skip-preview"]);
  const unprotected = guarded.length ? `after pulumi state unprotect of ${guarded.map((r) => r.label).join(", ")}` : "nothing protected";
  return `${changeSummary(result.stdout) || "no summary"}, ${apiCalls(run, run.destroyMark)} (${unprotected})`;
}

async function auth0AfterDestroy(run: Run): Promise<string> {
  const census = run.standIns!.auth0.tenant(run.values.auth0Domain).census();
  const problems = leftoverProblems(census);
  if (problems.length) throw new StepFailure(problems.join("; "));
  const tokenDeletes = run.standIns!.log.since(run.destroyMark ?? 0, "auth0").filter((c) => c.method === "DELETE" && c.route.includes("/tokens/")).length;
  // Whether the token resource deleted its token itself, or the token only went with its connection.
  const how = `${tokenDeletes} of ${run.tokensBeforeDestroy ?? "?"} SCIM token(s) deleted by their own DELETE call`;
  return `no connection, no SCIM token left (${how})`;
}

// ---- the sequence ----

interface Step {
  name: string;
  run: (run: Run) => Promise<string>;
  /** Steps that must have passed first. */
  needsOk: string[];
  /** Steps that must have been attempted first (passed or failed): checks that still tell something. */
  needsRun?: string[];
}

// `up` does not need the preview to pass: when a resource fails in preview, the deployment shows how
// far the program gets (and the Okta check still says whether the lookups worked). Destroy runs
// whenever the stack exists, so nothing is left behind by a failed run.
const STEPS: Step[] = [
  { name: "Go SDK", run: goSdk, needsOk: [] },
  { name: "stand-ins and project", run: standInsAndProject, needsOk: ["Go SDK"] },
  { name: "go modules", run: goModules, needsOk: ["stand-ins and project"] },
  { name: "stack init and config", run: stackAndConfig, needsOk: ["go modules"] },
  { name: "preview", run: preview, needsOk: ["stack init and config"] },
  { name: "policy pack, clean", run: policyPackClean, needsOk: ["preview"] },
  { name: "policy pack, seeded token scope", run: policyPackSeeded, needsOk: ["policy pack, clean"] },
  { name: "up", run: up, needsOk: ["stack init and config"] },
  { name: "Okta assignments (looked-up ids)", run: oktaAssignments, needsOk: [], needsRun: ["up"] },
  { name: "stack output", run: stackOutput, needsOk: ["up"] },
  { name: "Auth0 connection and token", run: auth0Token, needsOk: ["stack output"] },
  { name: "preview --expect-no-changes", run: noChangePreview, needsOk: ["up"] },
  { name: "destroy", run: destroy, needsOk: ["stack init and config"] },
  { name: "Auth0 after destroy", run: auth0AfterDestroy, needsOk: ["destroy"] },
];

function runnable(step: Step, done: ReadonlyMap<string, StepOutcome>): boolean {
  return step.needsOk.every((n) => done.get(n)?.status === "ok") && (step.needsRun ?? []).every((n) => (done.get(n)?.status ?? "not run") !== "not run");
}

/** The lines after a failed step's line: the known cause if it is the known one, then the output's tail. */
function failureLines(error: unknown, secrets: string[]): string[] {
  if (!(error instanceof StepFailure) || !error.result) return [];
  const text = `${error.result.stdout}\n${error.result.stderr}`;
  const cause = knownCause(text);
  return [...(cause ? [`    known cause: ${cause}`] : []), ...outputTail(error.result.stdout, error.result.stderr).map((l) => `    | ${redactAll(l, secrets)}`)];
}

async function runStep(step: Step, run: Run, out: (line: string) => void): Promise<StepOutcome> {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const detail = await step.run(run);
    const outcome: StepOutcome = { name: step.name, status: "ok", seconds: seconds(), detail: redactAll(detail, secretsNow(run)) };
    out(stepLine(outcome));
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const outcome: StepOutcome = { name: step.name, status: "FAILED", seconds: seconds(), detail: redactAll(message, secretsNow(run)) };
    out(stepLine(outcome));
    for (const line of failureLines(error, secretsNow(run))) out(line);
    return outcome;
  }
}

/**
 * The whole run; returns the exit code. `packageDir`: the component package to point `packages:` at
 * (another checkout of this repository, e.g. an older commit with its own node_modules).
 */
export async function runGoProgram(
  argv: readonly string[],
  out: (line: string) => void,
  baseEnv: NodeJS.ProcessEnv = process.env,
  packageDir: string = REPO_ROOT,
): Promise<number> {
  const started = Date.now();
  const tools = await findTools(baseEnv);
  const skip = skipReason(tools);
  if (skip) {
    out(`go program: skipped (${skip})`);
    return 0;
  }
  out(`go program: pulumi ${tools.pulumiVersion} (${tools.pulumi}), pulumi-language-go ${tools.languageGo}, Node.js host ${tools.nodeHostVersion} (${tools.nodeHost})`);
  const values = generatedValues();
  const passphrase = random(24);
  const run: Run = {
    baseEnv,
    pulumi: tools.pulumi!,
    values,
    packageDir,
    passphrase,
    secrets: new Set([passphrase, values.auth0ClientSecret, values.oktaApiToken]),
    orgDomain: `${values.oktaOrgName}.${values.oktaBaseUrl}`,
  };
  const done = new Map<string, StepOutcome>();
  try {
    for (const step of STEPS) {
      const outcome = runnable(step, done) ? await runStep(step, run, out) : { name: step.name, status: "not run" as const, seconds: 0 };
      if (outcome.status === "not run") out(stepLine(outcome));
      done.set(step.name, outcome);
    }
  } finally {
    await run.standIns?.close();
    if (run.dir && !argv.includes("--keep")) fs.rmSync(run.dir, { recursive: true, force: true });
    else if (run.dir) out(`go program: kept ${run.dir} (--keep; the stand-ins are gone, the state in backend/ stays)`);
  }
  const steps = [...done.values()];
  out(summaryLine(steps, (Date.now() - started) / 1000));
  return steps.every((s) => s.status === "ok") ? 0 : 1;
}

if (require.main === module) {
  runGoProgram(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then(
    (code) => process.stdout.write("", () => process.exit(code)),
    (error: unknown) => {
      process.stderr.write(`go program: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
