// npm run plan -- (--stack <name> | --all) [--format markdown|json] [--check | --write]
// Prints the offline plan of a stack (see offline/plan.ts). --write stores it as plans/<stack>.md (no
// shell redirect, so npm's own banner cannot end up in the file); --check compares it with that file
// and exits 1 when it is stale; --all does that for every Pulumi.<stack>.yaml. Invalid config or a
// stack file that is not valid YAML exits 1 with the message (file, line and column for YAML).
import * as fs from "fs";
import * as path from "path";
import { planStack, renderPlanJson, renderPlanMarkdown } from "../offline/plan";
import { REPO_ROOT } from "../offline/stackFile";

interface PlanArgs {
  stacks: string[];
  format: "markdown" | "json";
  check: boolean;
  write: boolean;
}

const USAGE = "usage: npm run plan -- (--stack <name> | --all) [--format markdown|json] [--check | --write]";

export const HELP = `${USAGE}

The offline plan of a stack: the real program evaluated against Pulumi.<stack>.yaml under Pulumi's
mocks, without credentials or network, as a reviewer reads it in a pull request.

  --stack <name>   the stack (Pulumi.<name>.yaml next to Pulumi.yaml)
  --all            every stack file in the project (with --check or --write)
  --format         markdown (default) or json (everything in full, machine-readable)
  --write          store the plan as plans/<stack>.md (commit it with the config change)
  --check          exit 1 when plans/<stack>.md is not what --write would store
  --help           this text

Exit codes: 0 done, 1 invalid config or stale plan, 2 usage error.`;

/** The stacks of the project: every Pulumi.<stack>.yaml next to Pulumi.yaml, sorted. */
export function projectStacks(root: string = REPO_ROOT): string[] {
  return fs
    .readdirSync(root)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

export function parsePlanArgs(argv: readonly string[]): PlanArgs | { error: string } | { help: true } {
  let stack: string | undefined;
  let all = false;
  let format: PlanArgs["format"] = "markdown";
  let check = false;
  let write = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return { help: true };
    if (arg === "--stack") stack = argv[++i];
    else if (arg === "--all") all = true;
    else if (arg === "--format") {
      const value = argv[++i];
      if (value !== "markdown" && value !== "json") return { error: `--format must be markdown or json\n${USAGE}` };
      format = value;
    } else if (arg === "--check") check = true;
    else if (arg === "--write") write = true;
    else return { error: `unknown argument ${arg}\n${USAGE}` };
  }
  if (check && write) return { error: `--check and --write exclude each other\n${USAGE}` };
  if (all) {
    if (stack !== undefined) return { error: `--stack and --all exclude each other\n${USAGE}` };
    if (!check && !write) return { error: `--all goes with --check or --write\n${USAGE}` };
    return { stacks: projectStacks(), format, check, write };
  }
  if (!stack || !/^[A-Za-z0-9._-]+$/.test(stack)) return { error: `--stack <name> is required\n${USAGE}` };
  if (!fs.existsSync(path.join(REPO_ROOT, `Pulumi.${stack}.yaml`))) return { error: `no Pulumi.${stack}.yaml in ${REPO_ROOT}` };
  return { stacks: [stack], format, check, write };
}

export const PLANS_DIR = path.join(REPO_ROOT, "plans");

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The command, without process globals: returns the exit code. */
export async function runPlanCommand(argv: readonly string[], io: Io, plansDir: string = PLANS_DIR): Promise<number> {
  const args = parsePlanArgs(argv);
  if ("help" in args) {
    io.out(`${HELP}\n`);
    return 0;
  }
  if ("error" in args) {
    io.err(`${args.error}\n`);
    return 2;
  }
  let code = 0;
  for (const stack of args.stacks) code = Math.max(code, await planOneStack(stack, args, io, plansDir));
  return code;
}

async function planOneStack(stack: string, args: PlanArgs, io: Io, plansDir: string): Promise<number> {
  let plan;
  try {
    plan = await planStack(stack);
  } catch (error) {
    // Config errors are RunErrors and YAML errors name file, line and column: the message is the whole report.
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (args.check) {
    const file = path.join(plansDir, `${stack}.md`);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (committed !== renderPlanMarkdown(plan)) {
      io.err(`plans/${stack}.md is stale: run \`npm run plan -- --stack ${stack} --write\` and commit it\n`);
      return 1;
    }
    io.out(`plans/${stack}.md is current\n`);
    return 0;
  }
  if (args.write) {
    fs.mkdirSync(plansDir, { recursive: true });
    fs.writeFileSync(path.join(plansDir, `${stack}.md`), renderPlanMarkdown(plan));
    io.out(`wrote plans/${stack}.md\n`);
    return 0;
  }
  io.out(args.format === "json" ? renderPlanJson(plan) : renderPlanMarkdown(plan));
  return 0;
}

if (require.main === module) {
  const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  runPlanCommand(process.argv.slice(2), io).then((code) => process.exit(code));
}
