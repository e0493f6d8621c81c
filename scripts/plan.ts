// npm run plan -- --stack <name> [--format markdown|json] [--check | --write]
// Prints the offline plan of a stack (see offline/plan.ts). --write stores it as plans/<stack>.md (no
// shell redirect, so npm's own banner cannot end up in the file); --check compares it with that file
// and exits 1 when it is stale. Invalid config exits 1 with the validation message.
import * as fs from "fs";
import * as path from "path";
import { planStack, renderPlanJson, renderPlanMarkdown } from "../offline/plan";
import { REPO_ROOT } from "../offline/stackFile";

interface PlanArgs {
  stack: string;
  format: "markdown" | "json";
  check: boolean;
  write: boolean;
}

const USAGE = "usage: npm run plan -- --stack <name> [--format markdown|json] [--check | --write]";

export function parsePlanArgs(argv: readonly string[]): PlanArgs | { error: string } {
  let stack: string | undefined;
  let format: PlanArgs["format"] = "markdown";
  let check = false;
  let write = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--stack") stack = argv[++i];
    else if (arg === "--format") {
      const value = argv[++i];
      if (value !== "markdown" && value !== "json") return { error: `--format must be markdown or json\n${USAGE}` };
      format = value;
    } else if (arg === "--check") check = true;
    else if (arg === "--write") write = true;
    else return { error: `unknown argument ${arg}\n${USAGE}` };
  }
  if (!stack || !/^[A-Za-z0-9._-]+$/.test(stack)) return { error: `--stack <name> is required\n${USAGE}` };
  if (!fs.existsSync(path.join(REPO_ROOT, `Pulumi.${stack}.yaml`))) return { error: `no Pulumi.${stack}.yaml in ${REPO_ROOT}` };
  if (check && write) return { error: `--check and --write exclude each other\n${USAGE}` };
  return { stack, format, check, write };
}

export const PLANS_DIR = path.join(REPO_ROOT, "plans");

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The command, without process globals: returns the exit code. */
export async function runPlanCommand(argv: readonly string[], io: Io, plansDir: string = PLANS_DIR): Promise<number> {
  const args = parsePlanArgs(argv);
  if ("error" in args) {
    io.err(`${args.error}\n`);
    return 2;
  }
  let plan;
  try {
    plan = await planStack(args.stack);
  } catch (error) {
    // Config errors are RunErrors: their message is the whole report, no stack trace.
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (args.check) {
    const file = path.join(plansDir, `${args.stack}.md`);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (committed !== renderPlanMarkdown(plan)) {
      io.err(`plans/${args.stack}.md is stale: run \`npm run plan -- --stack ${args.stack} --write\` and commit it\n`);
      return 1;
    }
    io.out(`plans/${args.stack}.md is current\n`);
    return 0;
  }
  if (args.write) {
    fs.mkdirSync(plansDir, { recursive: true });
    fs.writeFileSync(path.join(plansDir, `${args.stack}.md`), renderPlanMarkdown(plan));
    io.out(`wrote plans/${args.stack}.md\n`);
    return 0;
  }
  io.out(args.format === "json" ? renderPlanJson(plan) : renderPlanMarkdown(plan));
  return 0;
}

if (require.main === module) {
  const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  runPlanCommand(process.argv.slice(2), io).then((code) => process.exit(code));
}
