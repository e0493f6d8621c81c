// `npm run measure:suite`: runs the test suite N times with K busy processes competing for the CPU and
// writes wall times, pass/fail and noise into the marked block of docs/testing.md. Figures in that
// block come from here only.
//
//   npm run measure:suite -- --runs 1 --busy 2                 quick check: `npm test` once, 2 busy processes
//   npm run measure:suite -- --mode ci --runs 5 --busy 0,8     what docs/testing.md reports: `bash .ci/run`
//                                                               in a clean clone of HEAD, 5 runs idle and 5 beside 8 busy processes
//
// The busy processes are ended by their pid after each load level, on an error and on SIGINT/SIGTERM/SIGHUP
// (and end themselves if this process disappears). The suite runs in its own process group, so a signal
// ends it too.
import { spawn, execFileSync, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startBusyProcesses, type BusyProcesses } from "./measureSuite/busy";
import { MEASURE_USAGE, parseMeasureOptions, type MeasureMode, type MeasureOptions } from "./measureSuite/options";
import { jestTestsLine, measurementRow, noiseIn, setupName, spliceMeasurement, type MeasureContext, type RunRecord } from "./measureSuite/summary";

const REPO_ROOT = path.resolve(__dirname, "..");
/** Busy processes end themselves after this long at the latest, whatever happens to this process. */
const BUSY_MAX_SECONDS = 4 * 3600;

/** What is running now, so that every way out can end it. */
const running: { busy?: BusyProcesses; suite?: ChildProcess; clone?: string } = {};

function endEverythingNow(): void {
  running.busy?.stopNow();
  if (running.suite?.pid !== undefined && running.suite.exitCode === null) {
    try {
      process.kill(-running.suite.pid, "SIGKILL"); // the suite's whole process group (jest workers included)
    } catch {
      // already gone
    }
  }
  if (running.clone) fs.rmSync(running.clone, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    endEverythingNow();
    process.stderr.write(`\nmeasure:suite: ${signal}, busy processes and the suite ended; nothing written.\n`);
    process.exit(128 + os.constants.signals[signal]);
  });
}
process.on("exit", endEverythingNow);

const git = (args: string[], cwd = REPO_ROOT) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

/** Runs one command in its own process group; resolves with its exit code and combined output. */
function runSuiteCommand(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" } });
    running.suite = child;
    let output = "";
    child.stdout!.on("data", (d) => (output += String(d)));
    child.stderr!.on("data", (d) => (output += String(d)));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      running.suite = undefined;
      resolve({ code: code ?? (signal ? 128 + os.constants.signals[signal] : 1), output });
    });
  });
}

async function runOnce(mode: MeasureMode, commit: string, logFile: string): Promise<RunRecord> {
  let cwd = REPO_ROOT;
  if (mode === "ci") {
    running.clone = fs.mkdtempSync(path.join(os.tmpdir(), "measure-suite-clone-"));
    git(["clone", "--quiet", "--no-hardlinks", REPO_ROOT, running.clone]);
    git(["checkout", "--quiet", "--detach", commit], running.clone);
    cwd = running.clone;
  }
  const started = process.hrtime.bigint();
  const { code, output } = mode === "ci" ? await runSuiteCommand("bash", [".ci/run"], cwd) : await runSuiteCommand("npm", ["test"], cwd);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (running.clone) {
    fs.rmSync(running.clone, { recursive: true, force: true });
    running.clone = undefined;
  }
  fs.writeFileSync(logFile, output);
  return { seconds, passed: code === 0, tests: jestTestsLine(output), noise: noiseIn(output) };
}

function context(commit: string): MeasureContext {
  const dirty = git(["status", "--porcelain", "--untracked-files=no"]) !== "";
  return {
    date: `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    commit: `${commit.slice(0, 7)}${dirty ? " + uncommitted changes" : ""}`,
    cores: os.cpus().length,
    loadBefore: os.loadavg()[0],
  };
}

async function measureLevel(options: MeasureOptions, busy: number, commit: string, logDir: string): Promise<void> {
  const ctx = context(commit);
  console.log(`${setupName(options.mode, busy)}: ${options.runs} run(s); load before ${ctx.loadBefore.toFixed(1)} on ${ctx.cores} cores`);
  running.busy = startBusyProcesses(busy, BUSY_MAX_SECONDS);
  if (busy > 0) console.log(`  busy processes: pids ${running.busy.pids.join(" ")}`);
  const runs: RunRecord[] = [];
  try {
    for (let i = 1; i <= options.runs; i++) {
      const logFile = path.join(logDir, `${options.mode}-busy${busy}-run${i}.log`);
      const run = await runOnce(options.mode, commit, logFile);
      runs.push(run);
      const noise = run.noise.length ? `; NOISE: ${run.noise[0]}` : "";
      console.log(`  run ${i}: ${run.passed ? "green" : "RED"} in ${run.seconds.toFixed(1)} s (${run.tests ?? "no jest summary"})${noise}; log ${logFile}`);
    }
  } finally {
    await running.busy.stop();
    running.busy = undefined;
  }
  const docPath = path.resolve(REPO_ROOT, options.doc);
  fs.writeFileSync(docPath, spliceMeasurement(fs.readFileSync(docPath, "utf8"), measurementRow(options.mode, busy, runs, ctx)));
  console.log(`  written to ${path.relative(REPO_ROOT, docPath)}`);
}

async function main(): Promise<number> {
  if (process.argv.includes("--help")) {
    console.log(MEASURE_USAGE);
    return 0;
  }
  let options: MeasureOptions;
  try {
    options = parseMeasureOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const commit = git(["rev-parse", "HEAD"]);
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "measure-suite-logs-"));
  for (const busy of options.busy) await measureLevel(options, busy, commit, logDir);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`measure:suite failed: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  },
);
