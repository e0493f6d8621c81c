// `npm run faults` arguments. Pure.
import { FAULT_KINDS, KILL } from "../http/faults";

export const SCENARIOS = ["create", "rotation", "decommission"] as const;
export type Scenario = (typeof SCENARIOS)[number];
const KINDS = [...FAULT_KINDS, KILL] as const;

export interface FaultsArgs {
  stack: string;
  /** Stop after this many cases (a quick run). */
  cases?: number;
  kinds: string[];
  scenarios: Scenario[];
}

export const USAGE = `usage: npm run faults -- --stack <name> [--cases <n>] [--kinds ${KINDS.join(",")}] [--scenarios ${SCENARIOS.join(",")}]`;

export function parseFaultsArgs(argv: readonly string[]): FaultsArgs | { error: string } {
  let stack: string | undefined;
  let cases: number | undefined;
  let kinds: string[] = [...KINDS];
  let scenarios: Scenario[] = [...SCENARIOS];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1] ?? "";
    if (arg === "--stack") (stack = value), i++;
    else if (arg === "--cases") {
      if (!/^[1-9]\d*$/.test(value)) return { error: `--cases needs a positive number (got "${value}")\n${USAGE}` };
      cases = Number(value);
      i++;
    } else if (arg === "--kinds") {
      kinds = value.split(",");
      const unknown = kinds.filter((k) => !(KINDS as readonly string[]).includes(k));
      if (unknown.length > 0 || value === "") return { error: `--kinds takes ${KINDS.join(", ")} (got "${value}")\n${USAGE}` };
      i++;
    } else if (arg === "--scenarios") {
      const list = value.split(",");
      const unknown = list.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
      if (unknown.length > 0 || value === "") return { error: `--scenarios takes ${SCENARIOS.join(", ")} (got "${value}")\n${USAGE}` };
      scenarios = list as Scenario[];
      i++;
    } else return { error: `unknown argument ${arg}\n${USAGE}` };
  }
  if (!stack || !/^[A-Za-z0-9._-]+$/.test(stack)) return { error: `--stack <name> is required\n${USAGE}` };
  return { stack, kinds, scenarios, ...(cases === undefined ? {} : { cases }) };
}
