// Running the real Pulumi CLI built by `npm run engine:install`, isolated from the user's own Pulumi:
// a throwaway file backend, PULUMI_HOME and passphrase in a temporary directory, no update check, no
// plugin downloads, and the stand-in routing variables. Commands run asynchronously: the stand-ins live
// in this same process and must keep answering while the CLI runs.
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BINARIES, LANGUAGE_HOST_SDK_VERSION, binDir, cacheRoot, engineDir, lockedPulumiVersion } from "../../scripts/engine/layout";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** The engine's bin directory, or an error telling the user to run engine:install. */
export function installedEngineBin(): string {
  const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package-lock.json"), "utf8"));
  const cli = lockedPulumiVersion(lock);
  const bin = binDir(engineDir(cacheRoot(process.env, os.homedir()), { cli, languageHost: LANGUAGE_HOST_SDK_VERSION }));
  const missing = BINARIES.filter((b) => !fs.existsSync(path.join(bin, b)));
  if (missing.length > 0) throw new Error(`the Pulumi engine ${cli} is not built (${missing.join(", ")} missing in ${bin}): run \`npm run engine:install\` first`);
  return bin;
}

export interface EngineEnvInputs {
  bin: string;
  /** Temporary directory holding the backend and PULUMI_HOME. */
  workDir: string;
  passphrase: string;
  /** Extra variables (the stand-in routing). */
  extra: Record<string, string>;
}

/** The complete environment of every CLI call. Pure. */
export function engineEnvironment({ bin, workDir, passphrase, extra }: EngineEnvInputs, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // Only what the CLI, node and ts-node need from the caller; nothing that points at a real backend.
  const kept = Object.fromEntries(Object.entries(base).filter(([k]) => ["HOME", "USER", "LANG", "TMPDIR", "TERM"].includes(k)));
  return {
    ...kept,
    PATH: [bin, path.dirname(process.execPath), base.PATH ?? ""].join(path.delimiter),
    PULUMI_HOME: path.join(workDir, "pulumi-home"),
    PULUMI_BACKEND_URL: `file://${path.join(workDir, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: passphrase,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    // `npm run typecheck` type-checks the program; ts-node only transpiles here (minutes saved per command).
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    ...extra,
  };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export type Cli = (args: string[], stdin?: string) => Promise<CliResult>;

/** `pulumi <args>` of the engine in `bin`, run in `cwd`; never rejects on a non-zero exit (callers assert on it). */
export function pulumiCli(bin: string, cwd: string, env: NodeJS.ProcessEnv): Cli {
  return (args, stdin) => new Promise((resolve, reject) => {
    const child = spawn(path.join(bin, "pulumi"), [...args, "--non-interactive"], { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}
