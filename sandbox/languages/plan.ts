// The pure parts of sandbox/languages/program.ts (the repository's Go consumer program run through the
// real Pulumi CLI against the sandbox's stand-ins): the throwaway project's Pulumi.yaml, the config the
// program reads, the version and tool decisions, the checks on the stand-ins' state and the lines it
// prints. No I/O here, so tests/sandbox/languagePrograms.test.ts covers them without a CLI.
// `--language yaml` runs languages/yaml/Pulumi.yaml.template the same way; the per-language parts
// (names, steps, project file, tool check) are here too.
import { parseDocument } from "yaml";
import { policiesWithoutVerdict, reportedViolations } from "../run/policyOutput";
import type { PreviewStep } from "../run/previewJson";

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

/**
 * The first Pulumi Go SDK whose plugin loader starts a language host without `-root=<dir>` (pulumi#21054,
 * "Stop passing root and runtime options as args to language plugins"); Node.js hosts from then on
 * reject the flag. pulumi-language-yaml loads the component's schema with the SDK it was built
 * against, so one built with an older SDK (v1.25.0 as released: v3.206.0) cannot start the 3.248 host.
 */
export const MIN_YAML_HOST_SDK = "3.209.0";

/** The Go module whose version in pulumi-language-yaml's build info decides the above. */
export const GO_SDK_MODULE = "github.com/pulumi/pulumi/sdk/v3";

/** The first CLI that reads `packages:` from Pulumi.yaml (CHANGELOG 3.163.0). */
export const MIN_CLI = "3.163.0";

/** The consumer programs the runner knows: languages/go/main.go and languages/yaml/Pulumi.yaml.template. */
export const LANGUAGES = ["go", "yaml"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * `--language <name>` or `--language=<name>` from argv; go when absent (the script's original form).
 * An error message for a missing or unknown name. Pure.
 */
export function parseLanguage(argv: readonly string[]): { language: Language } | { error: string } {
  const at = argv.findIndex((a) => a === "--language" || a.startsWith("--language="));
  if (at < 0) return { language: "go" };
  const value = argv[at].startsWith("--language=") ? argv[at].slice("--language=".length) : argv[at + 1];
  const known = LANGUAGES.find((l) => l === value);
  return known ? { language: known } : { error: `--language takes one of ${LANGUAGES.join(", ")}, not ${value === undefined ? "nothing" : JSON.stringify(value)}` };
}

/** What differs by language in names: the program's component, its token output, the stack, the line prefix. */
export interface ProgramNames {
  language: Language;
  /** The Pulumi project name: the namespace of the program's config keys. */
  project: string;
  /** The component resource's name, also the Auth0 connection name the program gives it. */
  resource: string;
  /** The stack output the program exports the SCIM token as. */
  tokenOutput: string;
  stack: string;
  /** Every printed line starts with it: "go program", "yaml program". */
  prefix: string;
}

/** Derived from the language, as both programs name things: `<language>-workforce`. Pure. */
export function programNames(language: Language): ProgramNames {
  const resource = `${language}-workforce`;
  return {
    language,
    project: language === "go" ? GO_PROJECT_NAME : `oktascim-${language}-program`,
    resource,
    tokenOutput: `${resource}-scim-token`,
    stack: language,
    prefix: `${language} program`,
  };
}

/**
 * The throwaway YAML project's Pulumi.yaml: languages/yaml/Pulumi.yaml.template (a whole YAML
 * program) with `packages:` pointing at `packageDir` by absolute path (the project lives in a
 * temporary directory, so the template's relative path would miss). Comments kept. Throws when the
 * template has no `packages.oktaScim` entry to replace: then the program would not find the
 * component at all. Pure.
 */
export function yamlProjectFile(template: string, packageDir: string): string {
  const doc = parseDocument(template);
  if (doc.errors.length) throw new Error(`the YAML template does not parse: ${doc.errors[0].message}`);
  if (!doc.hasIn(["packages", PACKAGE_NAME])) throw new Error(`the YAML template has no packages.${PACKAGE_NAME} entry`);
  doc.setIn(["packages", PACKAGE_NAME], packageDir);
  return doc.toString();
}

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
    "description: Throwaway copy of languages/go, run by sandbox/languages/program.ts against the stand-ins",
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
 * The `pulumi config set` commands that set tokenScopes to `scopes`. Go reads a JSON string
 * (cfg.GetObject); --plaintext because the CLI takes the JSON list for a secret by its look. The YAML
 * program declares the key `type: array` in Pulumi.yaml, and the CLI refuses a string for it ("must
 * be of type 'array<string>'"): one `--path tokenScopes[i]` per element makes a real list. Pure.
 */
export function tokenScopesConfigArgs(language: Language, scopes: readonly string[]): string[][] {
  if (language === "go") return [["config", "set", "--plaintext", "tokenScopes", JSON.stringify(scopes)]];
  return scopes.map((scope, i) => ["config", "set", "--plaintext", "--path", `tokenScopes[${i}]`, scope]);
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
  languageYaml?: string;
  /** The Pulumi Go SDK pulumi-language-yaml was built with (its Go build info), when readable. */
  languageYamlSdk?: string;
  nodeHost?: string;
  nodeHostVersion?: string;
  /** The sandbox's own check (sandbox/run/tools.ts): the dynamic-provider launcher and the auth0/okta plugins. */
  sandboxMessage?: string;
}

/**
 * Why the program cannot run on this machine, or undefined when it can. The YAML program needs
 * neither Go nor the Go host, only its own host; both need the Node.js host that runs the component. Pure.
 */
export function skipReason(t: ToolFacts, language: Language = "go"): string | undefined {
  if (!t.pulumi) return "no `pulumi` on PATH";
  if (!t.pulumiVersion || !versionAtLeast(t.pulumiVersion, MIN_CLI)) return `pulumi ${t.pulumiVersion || "of unknown version"} is older than ${MIN_CLI}, which reads Pulumi.yaml packages:`;
  if (language === "yaml") {
    if (!t.languageYaml) return "no pulumi-language-yaml on PATH or beside pulumi";
  } else {
    if (!t.languageGo) return "no pulumi-language-go on PATH or beside pulumi";
    if (!t.go) return "no `go` on PATH";
  }
  if (!t.nodeHost) return "no pulumi-language-nodejs on PATH or beside pulumi";
  if (!t.nodeHostVersion || !versionAtLeast(t.nodeHostVersion, MIN_NODE_HOST)) {
    return `the Node.js language host ${t.nodeHost} is ${t.nodeHostVersion || "of unknown version (no answer to --version)"}: it cannot run a component plugin (needs ${MIN_NODE_HOST} or later)`;
  }
  if (t.sandboxMessage) return t.sandboxMessage.replace(/\n\s*/g, " ").replace(/^sandbox: cannot run, missing: -/, "missing:");
  return undefined;
}

/**
 * The version of `module` in a Go binary's build info (the text `go version -m` prints, embedded in
 * the binary: `dep <path> <version> <sum>`, then `=> <path> <version>` when replaced, the replacement
 * winning). `text` may be any slice of the binary around it. Undefined when absent. Pure.
 */
export function goModuleVersion(text: string, module: string): string | undefined {
  const escaped = module.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`dep\t${escaped}\t(v[^\t\n]+)[^\n]*\n(?:=>\t[^\t\n]+\t(v[^\t\n]+))?`).exec(text);
  return m ? (m[2] ?? m[1]) : undefined;
}

/**
 * Why the tools found cannot run the program although none is missing: a YAML host built with a Pulumi
 * Go SDK older than MIN_YAML_HOST_SDK (it would fail every preview with the Node.js host's "flag
 * provided but not defined: -root"). Undefined when fine or when the SDK version is unknown. Pure.
 */
export function hostProblem(t: ToolFacts, language: Language): string | undefined {
  if (language !== "yaml" || !t.languageYamlSdk || versionAtLeast(t.languageYamlSdk, MIN_YAML_HOST_SDK)) return undefined;
  return `${t.languageYaml} is built with ${GO_SDK_MODULE} ${t.languageYamlSdk}, whose plugin loader starts the component's Node.js host with -root=<dir>, a flag Node.js hosts from ${MIN_YAML_HOST_SDK} on reject (pulumi#21054): rebuild it with ${GO_SDK_MODULE} and pkg/v3 ${MIN_YAML_HOST_SDK} or later`;
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

/**
 * What is wrong with the tenant after `up`: one connection, one token, equal to the stack output
 * `outputName` (the program's token output; Go's by default). Pure.
 */
export function tokenProblems(connections: readonly ConnectionTokens[], output: unknown, outputName = TOKEN_OUTPUT): string[] {
  if (connections.length !== 1) return [`expected 1 Auth0 connection, found ${connections.length}`];
  const [c] = connections;
  if (c.tokens.length !== 1) return [`connection ${c.name}: expected 1 SCIM token, found ${c.tokens.length}`];
  if (typeof output !== "string" || output === "") return [`stack output ${outputName} is ${output === undefined ? "missing" : `a ${typeof output}, not a token`}`];
  return c.tokens[0] === output ? [] : [`connection ${c.name}: its SCIM token differs from the stack output ${outputName}`];
}

/** Problems with `pulumi stack output --json` (no --show-secrets): the token output must print as "[secret]". Pure. */
export function secrecyProblems(outputs: Record<string, unknown>, outputName = TOKEN_OUTPUT): string[] {
  if (!(outputName in outputs)) return [`no ${outputName} output`];
  return outputs[outputName] === "[secret]" ? [] : [`${outputName} is not a secret output: it prints in plain text without --show-secrets`];
}

/** The seeded violation of the Go stack's policy-pack preview: a token scope beyond the three Okta uses. */
export const SEEDED_POLICY = "auth0-scim-token-scopes";
export const SEEDED_TOKEN_SCOPES = ["get:users", "post:users", "put:users", "delete:users"];

/**
 * What the CLI names as the subject of each report of `policy` (3.248: `- [mandatory] [severity: high]
 * <policy>  (<type>: <name>)`): the resource types, in order. Pure.
 */
export function reportedOnTypes(output: string, policy: string): string[] {
  const line = new RegExp(`\\]\\s+${policy}\\s+\\(([^:()\\s]+(?::[^:()\\s]+)*): [^()]+\\)`);
  return output.split("\n").flatMap((l) => {
    const m = line.exec(l);
    return m ? [m[1]] : [];
  });
}

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
export function knownCause(output: string, language: Language = "go"): string | undefined {
  if (/MODULE_NOT_FOUND|cmd\/dynamic-provider|pulumi-resource-pulumi-nodejs/.test(output)) {
    return `a SCIM token was declared as a Node.js dynamic resource, whose provider the engine starts in the ${language === "go" ? "Go" : "YAML"} program's directory, where @pulumi/pulumi/cmd/dynamic-provider is not installed: inside the plugin the component must declare the plugin's own token type (components/scimToken/hosting.ts)`;
  }
  if (/flag provided but not defined: -root/.test(output)) {
    return `the YAML host was built with a Pulumi Go SDK older than ${MIN_YAML_HOST_SDK}: its plugin loader starts the component's Node.js host with -root=<dir>, which newer Node.js hosts reject (pulumi#21054)`;
  }
  if (language === "yaml" && /resource option providers value must be a list/.test(output)) {
    return "pulumi-yaml's options.providers takes a list of provider resources ([${tenant}, ${okta-org}]), not a map keyed by package";
  }
  return undefined;
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

/** "go program: up: ok (41 s)"; `prefix` is the language's ("yaml program"). Pure. */
export function stepLine(step: StepOutcome, prefix = "go program"): string {
  const time = step.status === "not run" ? "" : ` (${step.seconds.toFixed(0)} s)`;
  return `${prefix}: ${step.name}: ${step.status}${time}${step.detail ? ` - ${step.detail}` : ""}`;
}

/** The last line: how many steps passed, which failed, the total time. Pure. */
export function summaryLine(steps: readonly StepOutcome[], totalSeconds: number, prefix = "go program"): string {
  const ok = steps.filter((s) => s.status === "ok").length;
  const failedNames = steps.filter((s) => s.status === "FAILED").map((s) => s.name);
  const notRun = steps.filter((s) => s.status === "not run").length;
  const verdict = failedNames.length === 0 && notRun === 0 ? "passed" : "FAILED";
  const parts = [`${ok}/${steps.length} steps ok`, ...(failedNames.length ? [`failed: ${failedNames.join(", ")}`] : []), ...(notRun ? [`${notRun} not run`] : [])];
  return `${prefix}: ${verdict}: ${parts.join("; ")} (${totalSeconds.toFixed(0)} s in all)`;
}

/** A step's name and what it waits for (program.ts steps.ts Step, without its function). */
export interface StepDeps {
  name: string;
  needsOk: string[];
  needsRun?: string[];
}

/** The steps only the Go program has: its generated SDK and its module cache and build. */
export const GO_ONLY_STEPS: readonly string[] = ["Go SDK", "go modules"];

/**
 * The steps only the YAML program has: a package upgrade, which YAML takes from the plugin alone (a Go
 * program's SDK carries its version, so there an upgrade is also a regenerated SDK; the engine sees
 * the same thing: the package's default provider of a new version).
 */
export const YAML_ONLY_STEPS: readonly string[] = ["package upgrade"];

/** `0.1.0` → `0.1.1`: the next patch release. Pure. */
export function nextPatch(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`package.json version ${version} is not major.minor.patch`);
  return `${m[1]}.${m[2]}.${Number(m[3]) + 1}`;
}

/**
 * What a package upgrade's preview would change (`preview --json` lists changing steps only). The one
 * change allowed is the package's default provider of the new version replacing the old one; a token
 * may show an update, nothing may be created, replaced or deleted, and nothing else may change (a
 * replaced token is one Okta does not have, a replaced connection loses its users). `ops` lists the
 * tokens' steps for the report. Pure.
 */
export function upgradeProblems(steps: readonly PreviewStep[], tokenType: string, pkg: string): { ops: string[]; problems: string[] } {
  const isToken = (s: PreviewStep) => s.urn.includes(`$${tokenType}::`) || s.urn.includes(`::${tokenType}::`);
  const isPackageDefaultProvider = (s: PreviewStep) => s.urn.includes(`::pulumi:providers:${pkg}::default_`);
  const changing = steps.filter((s) => !s.urn.includes("::pulumi:pulumi:Stack::") && !["same", "read", "refresh"].includes(s.op));
  const bad = changing.filter((s) => !isPackageDefaultProvider(s) && !(isToken(s) && s.op === "update"));
  const label = (s: PreviewStep) => `${s.op} ${s.urn.split("::").pop()}`;
  return { ops: steps.filter(isToken).map(label), problems: bad.length ? [`a package upgrade would ${bad.map(label).join(", ")}`] : [] };
}

/** The default provider of `version` of the package, as a resource's `provider` reference names it. Pure. */
export function isDefaultProviderOf(providerRef: string | undefined, pkg: string, version: string): boolean {
  return providerRef?.includes(`::pulumi:providers:${pkg}::default_${version.replace(/\./g, "_")}::`) ?? false;
}

/**
 * The steps for `language`, in order. YAML drops the Go-only steps; a step that waited for a dropped
 * one waits for what that one waited for instead (so "stack init and config" still follows the
 * project, and nothing waits for a step that never runs). Pure.
 */
export function stepsForLanguage<S extends StepDeps>(steps: readonly S[], language: Language): S[] {
  const notHere = language === "go" ? YAML_ONLY_STEPS : GO_ONLY_STEPS;
  const dropped = new Map(steps.filter((s) => notHere.includes(s.name)).map((s) => [s.name, s]));
  const resolve = (names: readonly string[]): string[] => [...new Set(names.flatMap((n) => (dropped.has(n) ? resolve(dropped.get(n)!.needsOk) : [n])))];
  return steps
    .filter((s) => !dropped.has(s.name))
    .map((s) => ({ ...s, needsOk: resolve(s.needsOk), ...(s.needsRun ? { needsRun: resolve(s.needsRun) } : {}) }));
}
