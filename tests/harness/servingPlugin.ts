// Starts a Pulumi plugin process the way the engine does (a language host's node entry point that
// prints the loopback port it serves gRPC on) and ends it by its id. Used for the policy pack and the
// component plugin, which the tests then query over gRPC as the CLI would.
import { spawn, type ChildProcess } from "child_process";
import { once } from "events";

/** Spawns `node <entry> ...args` in `cwd` (with `env` added) and resolves with the port it prints; rejects, with its stderr, if it exits first. */
export async function startServingPlugin(entry: string, args: readonly string[], cwd: string, what: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: string }> {
  const child = spawn(process.execPath, [entry, ...args], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += String(d)));
  try {
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (d) => {
        const line = String(d).trim();
        if (/^\d+$/.test(line)) resolve(line);
      });
      child.on("exit", (code) => reject(new Error(`${what} exited (${code}) before serving:\n${stderr}`)));
    });
    return { child, port };
  } catch (error) {
    await stopServingPlugin(child);
    throw error;
  }
}

/** Ends a plugin process started above, if it still runs. */
export async function stopServingPlugin(child: ChildProcess | undefined): Promise<void> {
  if (child && child.exitCode === null) {
    child.kill();
    await once(child, "exit");
  }
}
