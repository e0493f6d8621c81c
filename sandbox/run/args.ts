// `npm run sandbox -- --stack <name> [--seed <file.json>] [--steps 1,2,5] [--customers <n>]
// [--rate-limit <plan>] [--keep] [--no-docs]`. Pure.
import { MANAGEMENT_API_PLANS, type ManagementApiPlanName } from "../auth0/rateLimit";

export interface SandboxArgs {
  stack: string;
  /** Okta seed (sandbox/okta/seed.ts OktaSeed, keyed by org domain) applied before the first preview. */
  seed?: string;
  /** Keep the throwaway directory (backend, stack file copy, CA) for inspection. */
  keep: boolean;
  /** Do not write the measured API calls into docs/api-calls.md. */
  noDocs: boolean;
  /**
   * Run only these steps (1-based numbers of sandbox/run/sequence.ts; clean-up steps always run), for
   * working on one scenario. A partial run writes no docs. Later steps rely on earlier ones (2 is the
   * first up): list what a step needs.
   */
  steps?: number[];
  /** Append this many customers' connections (sandbox/run/scale.ts) and run the first-deployment steps only. */
  customers?: number;
  /** The Auth0 stand-in enforces this plan's documented Management API rate limit. */
  rateLimit?: ManagementApiPlanName;
}

export const USAGE = `usage: npm run sandbox -- --stack <name> [--seed <okta-seed.json>] [--steps 1,2,5] [--customers <n>] [--rate-limit ${Object.keys(MANAGEMENT_API_PLANS).join("|")}] [--keep] [--no-docs]`;

/** Most customers' connections one run appends: enough for the documented measurement (100), bounded for the machine. */
export const MAX_SCALE_CUSTOMERS = 500;

export function parseSandboxArgs(argv: readonly string[]): SandboxArgs | { error: string } {
  let stack: string | undefined;
  let seed: string | undefined;
  let keep = false;
  let noDocs = false;
  let steps: number[] | undefined;
  let customers: number | undefined;
  let rateLimit: ManagementApiPlanName | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--stack") stack = argv[++i];
    else if (arg === "--seed") seed = argv[++i];
    else if (arg === "--keep") keep = true;
    else if (arg === "--no-docs") noDocs = true;
    else if (arg === "--steps") {
      const value = argv[++i] ?? "";
      if (!/^\d+(,\d+)*$/.test(value)) return { error: `--steps needs step numbers separated by commas, for example 1,2,5 (got "${value}")\n${USAGE}` };
      steps = value.split(",").map(Number);
    }
    else if (arg === "--customers") {
      const value = argv[++i] ?? "";
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_SCALE_CUSTOMERS) return { error: `--customers needs a number from 1 to ${MAX_SCALE_CUSTOMERS} (got "${value}")\n${USAGE}` };
      customers = Number(value);
    } else if (arg === "--rate-limit") {
      const value = argv[++i] ?? "";
      if (!Object.hasOwn(MANAGEMENT_API_PLANS, value)) return { error: `--rate-limit needs one of ${Object.keys(MANAGEMENT_API_PLANS).join(", ")} (got "${value}")\n${USAGE}` };
      rateLimit = value as ManagementApiPlanName;
    }
    else return { error: `unknown argument ${arg}\n${USAGE}` };
  }
  if (!stack || !/^[A-Za-z0-9._-]+$/.test(stack)) return { error: `--stack <name> is required (letters, digits, . _ -)\n${USAGE}` };
  if (seed !== undefined && seed === "") return { error: `--seed needs a file\n${USAGE}` };
  if (customers !== undefined && steps) return { error: `--customers runs its own steps (first deployment, completeness, teardown); drop --steps\n${USAGE}` };
  return { stack, seed, keep, noDocs, ...(steps ? { steps } : {}), ...(customers ? { customers } : {}), ...(rateLimit ? { rateLimit } : {}) };
}
