// Running the user's `pulumi` (and `npm run verify`) in the throwaway project, with the sandbox's
// environment. Output is kept for the step's detail; anything printed passes through `redact`.
import { spawn } from "child_process";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A hang guard, not a speed expectation: a real `pulumi up` of a large stack can take minutes. */
const COMMAND_TIMEOUT_MS = 30 * 60 * 1000;

export interface CommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  input?: string;
  /** Called with a function that SIGKILLs the command and every process it started (its own process group), as a dying CI runner does. */
  onStart?: (killAll: () => void) => void;
}

export function runCommand(file: string, args: readonly string[], options: CommandOptions): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(file, [...args], { cwd: options.cwd, env: options.env, stdio: ["pipe", "pipe", "pipe"], detached: options.onStart !== undefined });
    options.onStart?.(() => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill("SIGTERM"), COMMAND_TIMEOUT_MS);
    timer.unref();
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout: "", stderr: String(e) });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") });
    });
    child.stdin.end(options.input ?? "");
  });
}

/** Replaces every known secret (and each long line of a PEM) in `text`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const s of [...secrets].filter((x) => x.length >= 8).sort((a, b) => b.length - a.length)) result = result.split(s).join("[secret]");
  return result;
}

/** The last few meaningful lines of a command's output, for a failed step's detail. */
export function excerpt(result: CommandResult, lines = 6): string {
  const text = `${result.stdout}\n${result.stderr}`
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "");
  // The provider's own error lines say why; the tail says how many resources errored.
  const errors = text.filter((l) => /error|\* /i.test(l) && !/^\s*error: update failed/.test(l)).slice(0, 3);
  return [...errors, ...text.slice(-lines).filter((l) => !errors.includes(l))].slice(-(lines + errors.length)).join(" | ");
}
