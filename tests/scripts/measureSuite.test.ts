// `npm run measure:suite`: its options, what it reads from a run's output, the block it rewrites in
// docs/testing.md, and that its busy processes end when told to.
import * as fs from "fs";
import * as path from "path";
import { parseMeasureOptions } from "../../scripts/measureSuite/options";
import { BLOCK_BEGIN, BLOCK_END, jestTestsLine, longestGreenStreak, measurementRow, median, noiseIn, spliceMeasurement, type RunRecord } from "../../scripts/measureSuite/summary";
import { startBusyProcesses } from "../../scripts/measureSuite/busy";
import { REPO_ROOT } from "../harness/stackFile";

const CONTEXT = { date: "2026-11-29 14:00 UTC", commit: "abc1234", cores: 2, loadBefore: 0.5 };
const run = (seconds: number, passed = true, noise: string[] = []): RunRecord => ({ seconds, passed, noise });

describe("options", () => {
  it("defaults to one `npm test` run beside 8 busy processes, written to docs/testing.md", () => {
    expect(parseMeasureOptions([])).toEqual({ runs: 1, busy: [8], mode: "test", doc: "docs/testing.md" });
  });

  it("reads runs, a list of load levels and the mode", () => {
    expect(parseMeasureOptions(["--runs", "5", "--busy", "0,8", "--mode", "ci"])).toMatchObject({ runs: 5, busy: [0, 8], mode: "ci" });
  });

  it("refuses what it cannot measure, naming the option", () => {
    expect(() => parseMeasureOptions(["--runs", "0"])).toThrow('--runs must be a whole number of at least 1, got "0"');
    expect(() => parseMeasureOptions(["--busy", "8,x"])).toThrow("--busy must be whole numbers");
    expect(() => parseMeasureOptions(["--busy", "100"])).toThrow("--busy must be at most 64");
    expect(() => parseMeasureOptions(["--mode", "fast"])).toThrow("--mode must be test or ci");
    expect(() => parseMeasureOptions(["--runs"])).toThrow("--runs needs a value");
    expect(() => parseMeasureOptions(["--reps", "3"])).toThrow("unknown option --reps");
  });
});

describe("reading a run's output", () => {
  it("finds warnings, console output, open handles and forced exits, once each", () => {
    const output = [
      "PASS tests/a.test.ts",
      "  ● Console",
      "    console.warn",
      '      unknown format "uri" ignored in schema at path "#/x"',
      "    console.warn",
      "A worker process has failed to exit gracefully and has been force exited...",
      "(node:123) MaxListenersExceededWarning: Possible EventEmitter memory leak detected.",
      "Tests:       3 passed, 3 total",
    ].join("\n");
    expect(noiseIn(output)).toEqual([
      "console.warn",
      'unknown format "uri" ignored in schema at path "#/x"',
      "A worker process has failed to exit gracefully and has been force exited...",
      "(node:123) MaxListenersExceededWarning: Possible EventEmitter memory leak detected.",
    ]);
    expect(jestTestsLine(output)).toBe("Tests: 3 passed, 3 total");
  });

  it("a clean run has no noise", () => {
    expect(noiseIn("PASS tests/a.test.ts\nTests:       3 passed, 3 total\nRan all test suites.")).toEqual([]);
  });
});

describe("the figures", () => {
  it("counts the longest streak of green runs and the median wall time", () => {
    expect(longestGreenStreak([run(1), run(1, false), run(1), run(1), run(1)])).toBe(3);
    expect(longestGreenStreak([run(1, false)])).toBe(0);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
  });

  it("one row per setup: runs, green runs, streak, each wall time, median, noise, when and where", () => {
    const row = measurementRow("ci", 8, [run(61.24), run(70.01, false, ["console.warn | x"]), run(65)], CONTEXT);
    expect(row).toBe(
      "| `bash .ci/run` in a clean clone, 8 busy processes | 3 | 2 of 3 | 1 | 61.2, 70.0, 65.0 | 65.0 | 1 run(s): console.warn \\| x | 2026-11-29 14:00 UTC, commit abc1234, 2 cores, load 0.5 before |",
    );
  });

  it("rewrites only its own row of the marked block, and nothing outside it", () => {
    const doc = `# Testing\n\nIntro.\n\n${BLOCK_BEGIN}\n${BLOCK_END}\n\nAfter.\n`;
    const idle = measurementRow("test", 0, [run(40)], CONTEXT);
    const busy = measurementRow("test", 8, [run(200)], CONTEXT);
    const once = spliceMeasurement(spliceMeasurement(doc, busy), idle);
    const again = spliceMeasurement(once, measurementRow("test", 8, [run(180)], CONTEXT));
    expect(again.startsWith("# Testing\n\nIntro.\n\n")).toBe(true);
    expect(again.endsWith(`${BLOCK_END}\n\nAfter.\n`)).toBe(true);
    const rows = again.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows).toEqual([idle, measurementRow("test", 8, [run(180)], CONTEXT)]);
  });

  it("refuses a document without the block", () => {
    expect(() => spliceMeasurement("# Testing\n", "| x |")).toThrow("the document has no measurement block");
  });

  it("docs/testing.md has the block", () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, "docs", "testing.md"), "utf8");
    expect(doc.indexOf(BLOCK_BEGIN)).toBeGreaterThan(0);
    expect(doc.indexOf(BLOCK_END)).toBeGreaterThan(doc.indexOf(BLOCK_BEGIN));
  });
});

describe("busy processes", () => {
  const exists = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it("run until stopped, and are ended by their pid", async () => {
    const busy = startBusyProcesses(2, 600);
    try {
      expect(busy.pids).toHaveLength(2);
      expect(busy.pids.every(exists)).toBe(true);
    } finally {
      await busy.stop();
    }
    expect(busy.pids.some(exists)).toBe(false);
  });
});
