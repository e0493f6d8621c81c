// Pure parts of `npm run measure:suite`: what a run's output says, and the marked block of
// docs/testing.md that holds the figures (one table row per setup, rewritten by the script only).
import type { MeasureMode } from "./options";

export interface RunRecord {
  seconds: number;
  passed: boolean;
  /** Jest's "Tests: ..." line, when the run got that far. */
  tests?: string;
  /** Lines that are noise in a green run: warnings, console output, open handles, forced exits. */
  noise: string[];
}

export interface MeasureContext {
  date: string;
  commit: string;
  cores: number;
  /** One-minute load average when the setup started: other work on the machine counts too. */
  loadBefore: number;
}

export const BLOCK_BEGIN = "<!-- measure:suite:begin (written by npm run measure:suite; do not edit by hand) -->";
export const BLOCK_END = "<!-- measure:suite:end -->";

const TABLE_HEADER = [
  "| setup | runs | green | longest green streak | wall times (s) | median (s) | noise in the output | measured |",
  "|---|---|---|---|---|---|---|---|",
];

const NOISE_PATTERNS: RegExp[] = [
  /console\.(log|info|warn|error|debug)\b/,
  /A worker process has failed to exit gracefully/,
  /Jest did not exit one second after the test run has completed/,
  /Jest has detected the following \d+ open handles?/,
  /^\(node:\d+\) \S*Warning\b/,
  /unknown format ".*" ignored/,
];

/** The distinct noise lines of a run's output, in order of appearance. */
export function noiseIn(output: string): string[] {
  const lines = output.split("\n").map((l) => l.trim());
  return [...new Set(lines.filter((l) => NOISE_PATTERNS.some((p) => p.test(l))))];
}

export function jestTestsLine(output: string): string | undefined {
  return output.split("\n").find((l) => l.startsWith("Tests:"))?.replace(/\s+/g, " ").trim();
}

export function longestGreenStreak(runs: readonly RunRecord[]): number {
  let best = 0;
  let current = 0;
  for (const run of runs) {
    current = run.passed ? current + 1 : 0;
    best = Math.max(best, current);
  }
  return best;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function setupName(mode: MeasureMode, busy: number): string {
  const command = mode === "ci" ? "`bash .ci/run` in a clean clone" : "`npm test`";
  return `${command}, ${busy} busy process${busy === 1 ? "" : "es"}`;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ");

export function measurementRow(mode: MeasureMode, busy: number, runs: readonly RunRecord[], context: MeasureContext): string {
  const green = runs.filter((r) => r.passed).length;
  const noisy = runs.filter((r) => r.noise.length > 0);
  const noise = noisy.length === 0 ? "none" : `${noisy.length} run(s): ${cell(noisy[0].noise[0])}`;
  const seconds = runs.map((r) => r.seconds);
  return `| ${[
    setupName(mode, busy),
    String(runs.length),
    `${green} of ${runs.length}`,
    String(longestGreenStreak(runs)),
    seconds.map((s) => s.toFixed(1)).join(", "),
    median(seconds).toFixed(1),
    noise,
    `${context.date}, commit ${context.commit}, ${context.cores} cores, load ${context.loadBefore.toFixed(1)} before`,
  ].join(" | ")} |`;
}

/**
 * Puts `row` into the marked block of `doc`, replacing the row of the same setup and keeping the
 * others, sorted by setup.
 */
export function spliceMeasurement(doc: string, row: string): string {
  const begin = doc.indexOf(BLOCK_BEGIN);
  const end = doc.indexOf(BLOCK_END);
  if (begin < 0 || end < begin) throw new Error(`the document has no measurement block: it needs the lines\n${BLOCK_BEGIN}\n${BLOCK_END}`);
  const setupOf = (line: string) => line.split(" | ")[0];
  const existing = doc
    .slice(begin + BLOCK_BEGIN.length, end)
    .split("\n")
    .filter((l) => l.startsWith("| ") && !TABLE_HEADER.includes(l));
  const rows = [...existing.filter((l) => setupOf(l) !== setupOf(row)), row].sort((a, b) => setupOf(a).localeCompare(setupOf(b), "en", { numeric: true }));
  return `${doc.slice(0, begin)}${BLOCK_BEGIN}\n${[...TABLE_HEADER, ...rows].join("\n")}\n${doc.slice(end)}`;
}
