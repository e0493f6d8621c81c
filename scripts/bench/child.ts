// One benchmark repetition in a fresh process: builds the config, loads the program's modules, then
// times only the evaluation (the program run under mocks until every registration and output has
// settled) and reads the process's peak RSS. Prints one JSON line prefixed with RESULT_PREFIX.
import * as fs from "fs";
import { performance } from "perf_hooks";
import { runStackProgram, type ProgramRun, type StackProgram } from "../../offline/runProgram";
import { benchRawConfig, ISSUE_SHAPE } from "./benchConfig";
import { buildRecording, firstDifference, startCapturing, type Captures, type Recording } from "./recording";
import { replayProgram } from "./replay";

export const RESULT_PREFIX = "BENCH-RESULT ";

export type ChildMode = "component" | "baseline";

export interface ChildJob {
  mode: ChildMode;
  connections: number;
  groups: number;
  /** component: where it writes what it registered; baseline: the recording it replays. */
  recordingFile: string;
}

export interface ChildResult {
  mode: ChildMode;
  connections: number;
  groups: number;
  wallMs: number;
  maxRssKb: number;
  resources: number;
  invokes: number;
  /** baseline only: undefined when the replay registered exactly what the component did. */
  replayDifference?: string;
}

const STACK = "bench";

async function main(job: ChildJob): Promise<ChildResult> {
  const raw = benchRawConfig({ connections: job.connections, ...ISSUE_SHAPE, groups: job.groups });
  if (job.mode === "baseline") {
    const recording = JSON.parse(fs.readFileSync(job.recordingFile, "utf8")) as Recording;
    const program = replayProgram(recording);
    const start = performance.now();
    const run = await runStackProgram(raw, { stack: STACK }, program);
    const wallMs = performance.now() - start;
    return { ...summary(job, run, wallMs), replayDifference: firstDifference(recording.resources, run.registrations) };
  }
  // Module loading (and, under tsx, transpiling) happens here, before the clock starts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const indexProgram = require("../../index") as StackProgram;
  // Every component repetition records what it registered (the capture is a map insert per
  // resource), so the baseline always replays the latest run and every repetition costs the same.
  let captures: Captures | undefined;
  const start = performance.now();
  const run = await runStackProgram(raw, { stack: STACK }, () => {
    captures = startCapturing();
    return indexProgram();
  });
  const wallMs = performance.now() - start;
  fs.writeFileSync(job.recordingFile, JSON.stringify(buildRecording(run, captures!)));
  return summary(job, run, wallMs);
}

function summary(job: ChildJob, run: ProgramRun, wallMs: number): ChildResult {
  return {
    mode: job.mode,
    connections: job.connections,
    groups: job.groups,
    wallMs,
    maxRssKb: process.resourceUsage().maxRSS,
    resources: run.registrations.length,
    invokes: run.invokes.length,
  };
}

if (require.main === module) {
  main(JSON.parse(process.argv[2]) as ChildJob).then(
    (result) => process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`),
    (err: unknown) => {
      process.stderr.write(`bench child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
