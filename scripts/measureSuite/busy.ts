// Busy processes that compete with the suite for the CPU (the load of issue 15: `node -e` spinning on
// Date.now()). They are always ended by their pid: `stop()` on every path out of the measurement, and,
// should the measuring process itself be killed with no chance to clean up, each one checks once a
// second that its parent still exists and ends itself otherwise (and after `maxSeconds` in any case).
import { spawn, type ChildProcess } from "child_process";

const SPIN = `
const [parent, maxSeconds] = process.argv.slice(1).map(Number);
const until = Date.now() + maxSeconds * 1000;
let nextCheck = 0;
while (Date.now() < until) {
  if (Date.now() >= nextCheck) {
    try { process.kill(parent, 0); } catch { process.exit(0); }
    nextCheck = Date.now() + 1000;
  }
}
`;

export interface BusyProcesses {
  pids: number[];
  /** Ends every busy process by its pid and waits until each has exited. */
  stop(): Promise<void>;
  /** The same without waiting, for an `exit` handler, where nothing asynchronous runs any more. */
  stopNow(): void;
}

export function startBusyProcesses(count: number, maxSeconds: number): BusyProcesses {
  const children: ChildProcess[] = [];
  for (let i = 0; i < count; i++) {
    children.push(spawn(process.execPath, ["-e", SPIN, String(process.pid), String(maxSeconds)], { stdio: "ignore" }));
  }
  const alive = () => children.filter((c) => c.exitCode === null && c.signalCode === null);
  const stopNow = () => {
    for (const child of alive()) child.kill("SIGKILL");
  };
  return {
    pids: children.map((c) => c.pid).filter((pid): pid is number => pid !== undefined),
    stopNow,
    async stop() {
      const running = alive();
      const exited = running.map((c) => new Promise<void>((resolve) => c.once("exit", () => resolve())));
      stopNow();
      await Promise.all(exited);
    },
  };
}
