// The pure parts of sandbox/languages/goProgram.ts (the repository's Go consumer program run through the
// real Pulumi CLI against the sandbox's stand-ins): the throwaway project's Pulumi.yaml, the config the
// program reads, the version and tool decisions, the checks on the stand-ins' state and the lines it
// prints. No I/O here, so tests/sandbox/goProgram.test.ts covers them without a CLI.
import { policiesWithoutVerdict, reportedViolations } from "../run/policyOutput";

/** The throwaway project's name: the namespace of the config keys main.go reads (config.New(ctx, "")). */
export const GO_PROJECT_NAME = "oktascim-go-program";

/** The package name main.go's SDK registers (its pulumi-plugin.json), the key of Pulumi.yaml's `packages:`. */
export const PACKAGE_NAME = "oktaScim";

/** The stack output main.go exports the SCIM token as. */
export const TOKEN_OUTPUT = "go-workforce-scim-token";

/**
 * The first Node.js language host whose RunPlugin starts a package's component provider host
 * (CHANGELOG 3.159.0: "Run componentProviderHost automatically in RunPlugin if any Components are
 * exported"); older hosts, such as the v3.68 one the Go module proxy serves, cannot run this package.
 */
export const MIN_NODE_HOST = "3.159.0";

/** The first CLI that reads `packages:` from Pulumi.yaml (CHANGELOG 3.163.0). */
export const MIN_CLI = "3.163.0";

/**
 * Pulumi.yaml of the throwaway Go project. `packages:` in the string form `pulumi package add <dir>`
 * writes for a local directory (3.248 keeps a directory's path as the source; only a plugin binary is
 * condensed to its name): that entry is how the engine finds the `oktaScim` plugin for the SDK's
 * resources. The path must be absolute: the project lives in a temporary directory. Pure.
 */
export function pulumiYaml(packageDir: string): string {
  return [
    `name: ${GO_PROJECT_NAME}`,
    "runtime: go",
    "description: Throwaway copy of languages/go, run by sandbox/languages/goProgram.ts against the stand-ins",
    "packages:",
    `  ${PACKAGE_NAME}: ${JSON.stringify(packageDir)}`,
    "",
  ].join("\n");
}

export interface ProgramValues {
  auth0Domain: string;
  auth0ClientId: string;
  auth0ClientSecret: string;
  oktaOrgName: string;
  oktaBaseUrl: string;
  oktaApiToken: string;
  groupName: string;
  directUserLogin: string;
}

export interface ConfigEntry {
  key: keyof ProgramValues;
  value: string;
  /** Set with `pulumi config set --secret` (main.go reads it with RequireSecret). */
  secret: boolean;
}

/** The secrets main.go reads with cfg.RequireSecret; every other key is plain. */
const SECRET_KEYS: ReadonlySet<keyof ProgramValues> = new Set(["auth0ClientSecret", "oktaApiToken"]);

/** Every key main.go reads, in its order, each marked secret or not. Pure. */
export function programConfig(values: ProgramValues): ConfigEntry[] {
  const keys: Array<keyof ProgramValues> = ["auth0Domain", "auth0ClientId", "auth0ClientSecret", "oktaOrgName", "oktaBaseUrl", "oktaApiToken", "groupName", "directUserLogin"];
  return keys.map((key) => ({ key, value: values[key], secret: SECRET_KEYS.has(key) }));
}

/**
 * `pulumi config set` arguments for one entry. The value goes on stdin, never on the command line (a
 * secret in argv shows in `ps`); the CLI reads it from there when no value argument is given. Pure.
 */
export function configSetArgs(entry: ConfigEntry): string[] {
  return ["config", "set", ...(entry.secret ? ["--secret"] : ["--plaintext"]), entry.key];
}

/**
 * GOFLAGS for the language host's `go build`: the environment's flags plus -mod=readonly unless a -mod
 * is already there. With the complete go.sum of languages/go, readonly builds from the module cache
 * without touching go.mod or go.sum (-mod=mod would rewrite them silently on a mismatch). Pure.
 */
export function goFlags(existing: string | undefined): string {
  const flags = (existing ?? "").split(/\s+/).filter(Boolean);
  return flags.some((f) => f.startsWith("-mod=")) ? flags.join(" ") : [...flags, "-mod=readonly"].join(" ");
}

/** "v3.248.0" or "3.248.0-alpha" → [3, 248, 0]; undefined when not a version. Pure. */
export function parseVersion(text: string): [number, number, number] | undefined {
  const m = /v?(\d+)\.(\d+)\.(\d+)/.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** Whether `version` is at least `min` (major, minor, patch). Pure. */
export function versionAtLeast(version: string, min: string): boolean {
  const [a, b] = [parseVersion(version), parseVersion(min)];
  if (!a || !b) return false;
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

/** What the tool check found: each tool's path (or undefined) and the versions it reported. */
export interface ToolFacts {
  pulumi?: string;
  pulumiVersion?: string;
  languageGo?: string;
  go?: string;
  nodeHost?: string;
  nodeHostVersion?: string;
  /** The sandbox's own check (sandbox/run/tools.ts): the dynamic-provider launcher and the auth0/okta plugins. */
  sandboxMessage?: string;
}

/** Why the program cannot run on this machine, or undefined when it can. Pure. */
export function skipReason(t: ToolFacts): string | undefined {
  if (!t.pulumi) return "no `pulumi` on PATH";
  if (!t.pulumiVersion || !versionAtLeast(t.pulumiVersion, MIN_CLI)) return `pulumi ${t.pulumiVersion || "of unknown version"} is older than ${MIN_CLI}, which reads Pulumi.yaml packages:`;
  if (!t.languageGo) return "no pulumi-language-go on PATH or beside pulumi";
  if (!t.go) return "no `go` on PATH";
  if (!t.nodeHost) return "no pulumi-language-nodejs on PATH or beside pulumi";
  if (!t.nodeHostVersion || !versionAtLeast(t.nodeHostVersion, MIN_NODE_HOST)) {
    return `the Node.js language host ${t.nodeHost} is ${t.nodeHostVersion || "of unknown version (no answer to --version)"}: it cannot run a component plugin (needs ${MIN_NODE_HOST} or later)`;
  }
  if (t.sandboxMessage) return t.sandboxMessage.replace(/\n\s*/g, " ").replace(/^sandbox: cannot run, missing: -/, "missing:");
  return undefined;
}

/** One app at the Okta stand-in: the group ids and user ids assigned to it. */
export interface AppAssignments {
  label: string;
  groupIds: string[];
  userIds: string[];
}

/**
 * What is wrong with the apps' assignments: the component makes two apps (log-in and provisioning) and
 * assigns each the looked-up group and user. The ids must be the seeded ones, which the component can
 * only know by looking the name and the login up. Pure.
 */
export function assignmentProblems(apps: readonly AppAssignments[], groupId: string, userId: string): string[] {
  const problems: string[] = [];
  if (apps.length !== 2) problems.push(`expected 2 Okta apps, found ${apps.length}${apps.length ? ` (${apps.map((a) => a.label).join(", ")})` : ""}`);
  for (const app of apps) {
    if (app.groupIds.length !== 1 || app.groupIds[0] !== groupId) problems.push(`app "${app.label}": groups [${app.groupIds.join(", ")}], expected [${groupId}] (the seeded group)`);
    if (app.userIds.length !== 1 || app.userIds[0] !== userId) problems.push(`app "${app.label}": users [${app.userIds.join(", ")}], expected [${userId}] (the seeded user)`);
  }
  return problems;
}

/** One connection at the Auth0 stand-in and its SCIM token values. */
export interface ConnectionTokens {
  name: string;
  tokens: string[];
}

/** What is wrong with the tenant after `up`: one connection, one token, equal to the stack output. Pure. */
export function tokenProblems(connections: readonly ConnectionTokens[], output: unknown): string[] {
  if (connections.length !== 1) return [`expected 1 Auth0 connection, found ${connections.length}`];
  const [c] = connections;
  if (c.tokens.length !== 1) return [`connection ${c.name}: expected 1 SCIM token, found ${c.tokens.length}`];
  if (typeof output !== "string" || output === "") return [`stack output ${TOKEN_OUTPUT} is ${output === undefined ? "missing" : `a ${typeof output}, not a token`}`];
  return c.tokens[0] === output ? [] : [`connection ${c.name}: its SCIM token differs from the stack output ${TOKEN_OUTPUT}`];
}

/** Problems with `pulumi stack output --json` (no --show-secrets): the token must print as "[secret]". Pure. */
export function secrecyProblems(outputs: Record<string, unknown>): string[] {
  if (!(TOKEN_OUTPUT in outputs)) return [`no ${TOKEN_OUTPUT} output`];
  return outputs[TOKEN_OUTPUT] === "[secret]" ? [] : [`${TOKEN_OUTPUT} is not a secret output: it prints in plain text without --show-secrets`];
}

/** The seeded violation of the Go stack's policy-pack preview: a token scope beyond the three Okta uses. */
export const SEEDED_POLICY = "auth0-scim-token-scopes";
export const SEEDED_TOKEN_SCOPES = ["get:users", "post:users", "put:users", "delete:users"];

/**
 * Problems with a `pulumi preview --policy-pack` of the Go stack. Clean (`seeded` undefined): exit 0,
 * every policy gave a verdict, none reported. Seeded: the preview failed, reporting exactly the
 * seeded policy as mandatory, and every policy gave a verdict. Pure.
 */
export function packPreviewProblems(output: string, code: number | null, seeded: string | undefined): string[] {
  const silent = policiesWithoutVerdict(output);
  const reported = reportedViolations(output);
  const problems = silent.length ? [`${silent.length} polic(ies) gave no verdict: ${silent[0]}`] : [];
  if (seeded === undefined) {
    if (reported.length) problems.push(`reported on the clean stack: ${reported.map((r) => `${r.level} ${r.policy}`).join(", ")}`);
    else if (code !== 0) problems.push("the preview failed without reporting a policy");
    return problems;
  }
  if (code === 0) problems.push(`the preview succeeded with ${seeded}'s violation seeded`);
  const others = reported.filter((r) => r.policy !== seeded);
  if (!reported.some((r) => r.level === "mandatory" && r.policy === seeded)) problems.push(`${seeded} was not reported as mandatory`);
  if (others.length) problems.push(`also reported: ${others.map((r) => `${r.level} ${r.policy}`).join(", ")}`);
  return problems;
}

/**
 * Problems with the exported state (`pulumi stack export`, no --show-secrets): the tenant's client
 * secret, which each plugin-served token carries, and the token value must appear only encrypted. Pure.
 */
export function plaintextInStateProblems(exportedState: string, secrets: { clientSecret: string; token?: string }): string[] {
  const found = [exportedState.includes(secrets.clientSecret) ? "the Auth0 client secret" : "", secrets.token && exportedState.includes(secrets.token) ? "the SCIM token" : ""].filter(Boolean);
  return found.length ? [`the exported state holds ${found.join(" and ")} in plain text`] : [];
}

/** What is left in the tenant after `destroy` (its census). Pure. */
export function leftoverProblems(census: { connections: number; tokens: number }): string[] {
  const left = [census.connections ? `${census.connections} connection(s)` : "", census.tokens ? `${census.tokens} SCIM token(s)` : ""].filter(Boolean);
  return left.length ? [`left in the Auth0 stand-in after destroy: ${left.join(", ")}`] : [];
}

/**
 * Why a failed command failed, when it is the known gap: the engine starts the Node.js dynamic
 * provider of the token resources in the Go program's directory, where `@pulumi/pulumi/cmd/dynamic-provider`
 * is not installed. Pure.
 */
export function knownCause(output: string): string | undefined {
  if (/MODULE_NOT_FOUND|cmd\/dynamic-provider|pulumi-resource-pulumi-nodejs/.test(output)) {
    return "a SCIM token was declared as a Node.js dynamic resource, whose provider the engine starts in the Go program's directory, where @pulumi/pulumi/cmd/dynamic-provider is not installed: inside the plugin the component must declare the plugin's own token type (components/scimToken/hosting.ts)";
  }
  return undefined;
}

/** Replaces each secret of at least 8 characters by "[secret]", longest first (sandbox/run/commands.ts's rule). Pure. */
export function redactAll(text: string, secrets: Iterable<string>): string {
  let result = text;
  for (const s of [...secrets].filter((x) => x.length >= 8).sort((a, b) => b.length - a.length)) result = result.split(s).join("[secret]");
  return result;
}

/**
 * The tail of a command's output worth printing for a failed step: its first error lines (they say
 * why) and the last `lines` non-blank lines (they say where), without progress noise. Pure.
 */
export function outputTail(stdout: string, stderr: string, lines = 15): string[] {
  const all = `${stdout}\n${stderr}`
    .split("\n")
    .map((l) => l.replace(/\r/g, "").trimEnd())
    .filter((l) => l.trim() !== "");
  const errors = all.filter((l) => /error|MODULE_NOT_FOUND/i.test(l)).slice(0, 5);
  const tail = all.slice(-lines);
  return [...errors.filter((l) => !tail.includes(l)), ...tail];
}

export type StepStatus = "ok" | "FAILED" | "not run";

export interface StepOutcome {
  name: string;
  status: StepStatus;
  seconds: number;
  /** One line (already redacted) said after the step line: counts on success, the problem on failure. */
  detail?: string;
}

/** "go program: up: ok (41 s)". Pure. */
export function stepLine(step: StepOutcome): string {
  const time = step.status === "not run" ? "" : ` (${step.seconds.toFixed(0)} s)`;
  return `go program: ${step.name}: ${step.status}${time}${step.detail ? ` - ${step.detail}` : ""}`;
}

/** The last line: how many steps passed, which failed, the total time. Pure. */
export function summaryLine(steps: readonly StepOutcome[], totalSeconds: number): string {
  const ok = steps.filter((s) => s.status === "ok").length;
  const failedNames = steps.filter((s) => s.status === "FAILED").map((s) => s.name);
  const notRun = steps.filter((s) => s.status === "not run").length;
  const verdict = failedNames.length === 0 && notRun === 0 ? "passed" : "FAILED";
  const parts = [`${ok}/${steps.length} steps ok`, ...(failedNames.length ? [`failed: ${failedNames.join(", ")}`] : []), ...(notRun ? [`${notRun} not run`] : [])];
  return `go program: ${verdict}: ${parts.join("; ")} (${totalSeconds.toFixed(0)} s in all)`;
}
