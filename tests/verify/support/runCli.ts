// Runs `verify/main.ts` as a child process (node + tsx, as `npm run verify` does) and collects its
// output. Asynchronous on purpose: the test's own servers must keep answering while it runs.
import { execFile } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const TSX_CLI = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

/** Kills a hung child before jest's test timeout (300 s), so the failure shows its output. */
const CHILD_TIMEOUT_MS = 240_000;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `env` replaces the environment entirely (PATH included), so nothing from the developer's shell leaks in. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX_CLI, path.join(ROOT, "verify/main.ts"), ...args], { cwd: ROOT, env, timeout: CHILD_TIMEOUT_MS }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
