// `npx tsx sandbox/languages/program.ts [--language go|yaml] [--keep]` (npm run sandbox:go, sandbox:yaml):
// the repository's Go consumer program (languages/go/main.go, on the Go SDK `npm run test:languages` generates into languages/go/sdk) run
// through the real Pulumi CLI, the Go language host and the real auth0 and okta plugins, against the
// sandbox's Auth0 and Okta stand-ins (sandbox/run/standIns.ts), in a throwaway Go project with a local
// backend. It previews, deploys, checks the stand-ins (looked-up ids assigned, one SCIM token equal to
// the secret stack output), previews for no changes, destroys and checks that nothing is left.
// One line per step, then a summary line; exit 1 on any failure. Missing tools (CI has no Go language
// host, no Node.js host that runs plugins, no auth0/okta plugins) print `go program: skipped (why)`,
// exit 0. Nothing secret is printed: every generated credential and token is replaced by "[secret]".
//
// `--language yaml`: the same for the Pulumi YAML program languages/yaml/Pulumi.yaml.template, through
// pulumi-language-yaml (no SDK: the host reads the schema from the component plugin that `packages:`
// names). The Go-only steps (Go SDK, go modules) are left out; names derive from the language
// (`yaml-workforce`, `yaml-workforce-scim-token`, stack `yaml`), lines start `yaml program:`.
import { randomBytes } from "crypto";
import * as fs from "fs";
import { REPO_ROOT } from "../../offline/stackFile";
import {
  GO_SDK_MODULE,
  hostProblem,
  knownCause,
  outputTail,
  parseLanguage,
  programNames,
  stepsForLanguage,
  skipReason,
  stepLine,
  summaryLine,
  type Language,
  type ProgramNames,
  type ProgramValues,
  type StepOutcome,
  type ToolFacts,
} from "./plan";
import { redact } from "../run/commands";
import { StepFailure, type Run, random, secretsNow } from "./context";
import { findTools } from "./tools";
import { STEPS, type Step } from "./steps";

/** Fresh names and credentials for one run; the Okta API token looks like Okta's ("00…"). */
function generatedValues(language: Language): ProgramValues {
  const suffix = randomBytes(3).toString("hex");
  return {
    auth0Domain: `${language}-sandbox-${suffix}.eu.auth0.com`,
    auth0ClientId: random(24),
    auth0ClientSecret: random(48),
    oktaOrgName: `${language}-sandbox-${suffix}`,
    oktaBaseUrl: "okta.com",
    oktaApiToken: `00${random(30)}`,
    groupName: "Engineering",
    directUserLogin: `ada.lovelace@${language}-sandbox-${suffix}.example`,
  };
}

function runnable(step: Step, done: ReadonlyMap<string, StepOutcome>): boolean {
  return step.needsOk.every((n) => done.get(n)?.status === "ok") && (step.needsRun ?? []).every((n) => (done.get(n)?.status ?? "not run") !== "not run");
}

/** The lines after a failed step's line: the known cause if it is the known one, then the output's tail. */
function failureLines(error: unknown, secrets: string[], language: Language): string[] {
  if (!(error instanceof StepFailure) || !error.result) return [];
  const text = `${error.result.stdout}\n${error.result.stderr}`;
  const cause = knownCause(text, language);
  return [...(cause ? [`    known cause: ${cause}`] : []), ...outputTail(error.result.stdout, error.result.stderr).map((l) => `    | ${redact(l, secrets)}`)];
}

async function runStep(step: Step, run: Run, out: (line: string) => void): Promise<StepOutcome> {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const detail = await step.run(run);
    const outcome: StepOutcome = { name: step.name, status: "ok", seconds: seconds(), detail: redact(detail, secretsNow(run)) };
    out(stepLine(outcome, run.names.prefix));
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const outcome: StepOutcome = { name: step.name, status: "FAILED", seconds: seconds(), detail: redact(message, secretsNow(run)) };
    out(stepLine(outcome, run.names.prefix));
    for (const line of failureLines(error, secretsNow(run), run.names.language)) out(line);
    return outcome;
  }
}

/** The first line: the tools the run uses (the language's host by path: the YAML host has no --version). */
function toolsLine(tools: ToolFacts, names: ProgramNames): string {
  const host = names.language === "go" ? `pulumi-language-go ${tools.languageGo}` : `pulumi-language-yaml ${tools.languageYaml} (${GO_SDK_MODULE} ${tools.languageYamlSdk ?? "of unknown version"})`;
  return `${names.prefix}: pulumi ${tools.pulumiVersion} (${tools.pulumi}), ${host}, Node.js host ${tools.nodeHostVersion} (${tools.nodeHost})`;
}

/**
 * The whole run; returns the exit code. `packageDir`: the component package to point `packages:` at
 * (another checkout of this repository, e.g. an older commit with its own node_modules).
 * argv: `--language go|yaml` (default go), `--keep`.
 */
export async function runLanguageProgram(
  argv: readonly string[],
  out: (line: string) => void,
  baseEnv: NodeJS.ProcessEnv = process.env,
  packageDir: string = REPO_ROOT,
): Promise<number> {
  const started = Date.now();
  const parsed = parseLanguage(argv);
  if ("error" in parsed) {
    out(`program: ${parsed.error}`);
    return 2;
  }
  const names = programNames(parsed.language);
  const tools = await findTools(baseEnv, names.language);
  const skip = skipReason(tools, names.language);
  if (skip) {
    out(`${names.prefix}: skipped (${skip})`);
    return 0;
  }
  // Present but unable to run the program: a failure, not a skip (every step would fail the same way).
  const problem = hostProblem(tools, names.language);
  if (problem) {
    out(`${names.prefix}: cannot run (${problem})`);
    return 1;
  }
  out(toolsLine(tools, names));
  const values = generatedValues(names.language);
  const passphrase = random(24);
  const run: Run = {
    names,
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
    for (const step of stepsForLanguage(STEPS, names.language)) {
      const outcome = runnable(step, done) ? await runStep(step, run, out) : { name: step.name, status: "not run" as const, seconds: 0 };
      if (outcome.status === "not run") out(stepLine(outcome, names.prefix));
      done.set(step.name, outcome);
    }
  } finally {
    await run.standIns?.close();
    if (run.dir && !argv.includes("--keep")) fs.rmSync(run.dir, { recursive: true, force: true });
    else if (run.dir) out(`${names.prefix}: kept ${run.dir} (--keep; the stand-ins are gone, the state in backend/ stays)`);
  }
  const steps = [...done.values()];
  out(summaryLine(steps, (Date.now() - started) / 1000, names.prefix));
  return steps.every((s) => s.status === "ok") ? 0 : 1;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const parsed = parseLanguage(argv);
  const prefix = "language" in parsed ? programNames(parsed.language).prefix : "program";
  runLanguageProgram(argv, (line) => process.stdout.write(`${line}\n`)).then(
    (code) => process.stdout.write("", () => process.exit(code)),
    (error: unknown) => {
      process.stderr.write(`${prefix}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
