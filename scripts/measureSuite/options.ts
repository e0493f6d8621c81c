// Command-line options of `npm run measure:suite`.

export type MeasureMode = "test" | "ci";

export interface MeasureOptions {
  /** Runs per load level. */
  runs: number;
  /** Numbers of busy processes to run beside the suite, one load level each (0 = no extra load). */
  busy: number[];
  /** test: `npm test` in this checkout; ci: `bash .ci/run` in a fresh clone of HEAD, as CI does. */
  mode: MeasureMode;
  /** The document whose marked block receives the figures. */
  doc: string;
}

export const MEASURE_USAGE = `Usage: npm run measure:suite -- [--runs N] [--busy K[,K...]] [--mode test|ci] [--doc FILE]
  --runs N     runs per load level (default 1)
  --busy K,..  busy processes beside the suite, one load level per value (default 8)
  --mode       test: \`npm test\` in this checkout (default); ci: \`bash .ci/run\` in a clean clone of HEAD
  --doc FILE   where the figures are written (default docs/testing.md)`;

function positiveInt(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${flag} must be a whole number of at least 1, got "${value}"`);
  return Number(value);
}

function busyLevels(value: string): number[] {
  const levels = value.split(",").map((v) => v.trim());
  if (levels.some((v) => !/^\d+$/.test(v))) throw new Error(`--busy must be whole numbers separated by commas, got "${value}"`);
  // More than 64 busy loops measures nothing but the scheduler.
  const numbers = levels.map(Number);
  if (numbers.some((n) => n > 64)) throw new Error(`--busy must be at most 64, got "${value}"`);
  return numbers;
}

export function parseMeasureOptions(argv: readonly string[]): MeasureOptions {
  const options: MeasureOptions = { runs: 1, busy: [8], mode: "test", doc: "docs/testing.md" };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!["--runs", "--busy", "--mode", "--doc"].includes(flag)) throw new Error(`unknown option ${flag}\n${MEASURE_USAGE}`);
    if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value\n${MEASURE_USAGE}`);
    i++;
    if (flag === "--runs") options.runs = positiveInt(value, flag);
    else if (flag === "--busy") options.busy = busyLevels(value);
    else if (flag === "--doc") options.doc = value;
    else if (value === "test" || value === "ci") options.mode = value;
    else throw new Error(`--mode must be test or ci, got "${value}"`);
  }
  return options;
}
