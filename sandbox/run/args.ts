// `npm run sandbox -- --stack <name> [--seed <file.json>] [--keep] [--no-docs]`. Pure.

export interface SandboxArgs {
  stack: string;
  /** Okta seed (sandbox/okta/seed.ts OktaSeed, keyed by org domain) applied before the first preview. */
  seed?: string;
  /** Keep the throwaway directory (backend, stack file copy, CA) for inspection. */
  keep: boolean;
  /** Do not write the measured API calls into docs/api-calls.md. */
  noDocs: boolean;
}

export const USAGE = "usage: npm run sandbox -- --stack <name> [--seed <okta-seed.json>] [--keep] [--no-docs]";

export function parseSandboxArgs(argv: readonly string[]): SandboxArgs | { error: string } {
  let stack: string | undefined;
  let seed: string | undefined;
  let keep = false;
  let noDocs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--stack") stack = argv[++i];
    else if (arg === "--seed") seed = argv[++i];
    else if (arg === "--keep") keep = true;
    else if (arg === "--no-docs") noDocs = true;
    else return { error: `unknown argument ${arg}\n${USAGE}` };
  }
  if (!stack || !/^[A-Za-z0-9._-]+$/.test(stack)) return { error: `--stack <name> is required (letters, digits, . _ -)\n${USAGE}` };
  if (seed !== undefined && seed === "") return { error: `--seed needs a file\n${USAGE}` };
  return { stack, seed, keep, noDocs };
}
