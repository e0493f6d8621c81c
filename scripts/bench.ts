// `npm run bench`: evaluates the real stack program (index.ts) under Pulumi's mocks for several
// connection counts and, interleaved in the same run, a baseline that replays the very same
// registrations straight through the Pulumi runtime. Each repetition runs in a fresh child process
// (scripts/bench/child.ts), which times only the evaluation and reports its peak RSS.
//
//   npm run bench              sizes 1, 10, 100, 300; 3 repetitions
//   npm run bench -- --quick   sizes 1, 10, 100; 1 repetition
//   options: --reps <n>, --runner compiled|tsx (default compiled: see docs/benchmark.md),
//            --write (also writes the report into docs/benchmark.md between its markers)
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { estimateApiCalls } from "./bench/apiCalls";
import { ISSUE_SHAPE } from "./bench/benchConfig";
import { RESULT_PREFIX, type ChildJob, type ChildMode, type ChildResult } from "./bench/child";
import type { Recording } from "./bench/recording";
import { finalLine, formatNumber, markdownTable, median, resourcesPerConnection } from "./bench/report";
import { replaceMarkedBlock } from "./markedBlock";

interface Options {
  sizes: number[];
  reps: number;
  runner: "compiled" | "tsx";
  write: boolean;
}

const RESULTS_START = "<!-- bench:results:start (written by npm run bench -- --write; do not edit by hand) -->";
const RESULTS_END = "<!-- bench:results:end -->";

function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes("--quick");
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const reps = Number(value("--reps") ?? (quick ? 1 : 3));
  const runner = value("--runner") ?? "compiled";
  if (!Number.isInteger(reps) || reps < 1) throw new Error("--reps must be a positive integer");
  if (runner !== "compiled" && runner !== "tsx") throw new Error("--runner must be compiled or tsx");
  return { sizes: quick ? [1, 10, 100] : [1, 10, 100, 300], reps, runner, write: argv.includes("--write") };
}

/** This file runs from bin/scripts (compiled) or scripts (tsx); children run the same way as asked. */
function childCommand(runner: Options["runner"]): string[] {
  if (runner === "compiled") {
    const compiled = path.join(__dirname, "bench", "child.js");
    if (!fs.existsSync(compiled)) throw new Error(`${compiled} is missing: run \`npm run bench\` (it compiles first)`);
    return [compiled];
  }
  const repoRoot = __dirname.includes(`${path.sep}bin${path.sep}`) ? path.resolve(__dirname, "..", "..") : path.resolve(__dirname, "..");
  return ["--import", "tsx", path.join(repoRoot, "scripts", "bench", "child.ts")];
}

function runChild(command: string[], job: ChildJob): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...command, JSON.stringify(job)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) return reject(new Error(`bench child (${job.mode}, ${job.connections} connections) exited ${code}:\n${out}`));
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult);
    });
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const command = childCommand(options.runner);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-scim-bench-"));
  const recordingFile = (connections: number, groups: number) => path.join(dir, `recording-${connections}-${groups}.json`);
  const run = async (mode: ChildMode, connections: number, groups = ISSUE_SHAPE.groups) => {
    const result = await runChild(command, { mode, connections, groups, recordingFile: recordingFile(connections, groups) });
    if (result.replayDifference) throw new Error(`baseline did not register what the component did (${connections} connections): ${result.replayDifference}`);
    process.stderr.write(`  ${mode.padEnd(9)} ${String(connections).padStart(4)} connections: ${result.wallMs.toFixed(0)} ms, ${(result.maxRssKb / 1024).toFixed(0)} MiB\n`);
    return result;
  };

  // Everything the report says is printed and, with --write, stored as it was printed.
  const report: string[] = [];
  const say = (text: string) => {
    console.log(text);
    report.push(text);
  };
  say(`bench: ${new Date().toISOString().slice(0, 10)} runner=${options.runner} sizes=${options.sizes.join(",")} repetitions=${options.reps} cpus=${os.cpus().length} load=${os.loadavg()[0].toFixed(2)}`);
  const results: ChildResult[] = [];
  // Repetitions outermost and the order of the pair alternating, so that load from other processes
  // spreads over every size and both programs. A baseline replays the latest component run.
  for (let rep = 0; rep < options.reps; rep++) {
    for (const size of options.sizes) {
      const pair: ChildMode[] = rep % 2 === 0 ? ["component", "baseline"] : ["baseline", "component"];
      for (const mode of pair) results.push(await run(mode, size));
    }
  }
  // Groups 20 → 200 on the smallest size: the resource count must not move.
  const groups20 = results.find((r) => r.mode === "component" && r.connections === options.sizes[0])!;
  const groups200 = await run("component", options.sizes[0], 200);

  const stats = options.sizes.map((size) => {
    const of = (mode: ChildMode) => results.filter((r) => r.mode === mode && r.connections === size);
    const component = of("component");
    const baseline = of("baseline");
    const t = median(component.map((r) => r.wallMs));
    const tb = median(baseline.map((r) => r.wallMs));
    return {
      size,
      t,
      tb,
      rss: median(component.map((r) => r.maxRssKb)) / 1024,
      rssBaseline: median(baseline.map((r) => r.maxRssKb)) / 1024,
      resources: component[0].resources,
      invokes: component[0].invokes,
      ratio: t / tb,
    };
  });
  const at = (size: number) => stats.find((s) => s.size === size)!;

  say("\n" + markdownTable(
    ["connections", "component ms", "baseline ms", "component/baseline", "peak RSS MiB (component / baseline)", "resources", "resources/connection", "lookups"],
    stats.map((s) => [
      String(s.size),
      s.t.toFixed(0),
      s.tb.toFixed(0),
      s.ratio.toFixed(2),
      `${s.rss.toFixed(0)} / ${s.rssBaseline.toFixed(0)}`,
      String(s.resources),
      (s.resources / s.size).toFixed(2),
      String(s.invokes),
    ]),
  ));

  const largest = stats[stats.length - 1];
  const recording = JSON.parse(fs.readFileSync(recordingFile(largest.size, ISSUE_SHAPE.groups), "utf8")) as Recording;
  const calls = estimateApiCalls(recording.resources, recording.invokes);
  const per = (n: number) => formatNumber(Math.round((n / largest.size) * 100) / 100);
  say(`\nAPI calls per connection (estimate from ${largest.size} connections; scripts/bench/apiCalls.ts):`);
  say(markdownTable(["", "Okta", "Auth0"], [
    ["create (`pulumi up` on an empty stack)", per(calls.create.okta), per(calls.create.auth0)],
    ["refresh (`pulumi refresh`)", per(calls.refresh.okta), per(calls.refresh.auth0)],
  ]));
  if (calls.unknownTypes.length > 0) say(`not counted (no call table entry): ${calls.unknownTypes.join(", ")}`);

  const delta = groups200.resources - groups20.resources;
  say(`\ngroups 20 → 200 at ${options.sizes[0]} connection(s): ${groups20.resources} → ${groups200.resources} resources`);
  fs.rmSync(dir, { recursive: true, force: true });
  say(finalLine({
    componentVsRaw: at(100).ratio,
    scale10To100: at(100).t / at(10).t,
    resourcesPerConnection: resourcesPerConnection({ connections: 10, resources: at(10).resources }, { connections: 100, resources: at(100).resources }),
    groups20To200ResourcesDelta: delta,
  }));
  if (options.write) {
    // Compiled, this file runs from bin/scripts; under tsx from scripts.
    const page = [path.join(__dirname, "..", "..", "docs", "benchmark.md"), path.join(__dirname, "..", "docs", "benchmark.md")].find((p) => fs.existsSync(p))!;
    fs.writeFileSync(page, replaceMarkedBlock(fs.readFileSync(page, "utf8"), RESULTS_START, RESULTS_END, ["```text", ...report, "```"].join("\n")));
    console.log(`wrote ${path.relative(process.cwd(), page)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
