// `npm run verify` against the deployed stack, with the credentials a user would export: `--write` as
// a sandbox step; read-only after a faulted run (npm run faults), as docs/day-2-operations.md says.
import { redact, excerpt, runCommand, type CommandResult } from "../commands";
import { failed, passed, readStackConfig, type Context } from "../context";
import type { StepResult } from "../report";
import { withSecrets } from "../secrets";
import { stackCredentials } from "../standIns";

export function runVerify(ctx: Context, extraArgs: readonly string[]): Promise<CommandResult> {
  const config = withSecrets(readStackConfig(ctx.stackFile), ctx.settings);
  const credentials = stackCredentials(config);
  const apiTokenOrg = credentials.orgs.find((o) => o.credentials.apiToken);
  const env: NodeJS.ProcessEnv = {
    ...ctx.env,
    AUTH0_DOMAIN: credentials.auth0.domain,
    AUTH0_CLIENT_ID: credentials.auth0.clientId,
    AUTH0_CLIENT_SECRET: credentials.auth0.clientSecret,
    ...(apiTokenOrg ? { OKTA_ORG_URL: `https://${apiTokenOrg.domain}`, OKTA_API_TOKEN: apiTokenOrg.credentials.apiToken } : {}),
  };
  return runCommand("npm", ["run", "--silent", "verify", "--", "--stack", ctx.stack, ...extraArgs], { cwd: ctx.project, env });
}

/** The report's FAIL lines, one space between words. */
export function failingLines(result: CommandResult): string[] {
  return `${result.stdout}\n${result.stderr}`
    .split("\n")
    .filter((l) => /^\s*FAIL\b/.test(l))
    .map((l) => l.trim().replace(/\s+/g, " "));
}

export async function verifyStep(ctx: Context, name: string): Promise<StepResult> {
  const result = await runVerify(ctx, ["--write"]);
  // The failing checks first: the tail alone may show only passes and the "How to fix" list.
  const detail = redact([...failingLines(result), excerpt(result, 4)].join(" | "), ctx.secrets);
  return result.code === 0 ? passed(name, detail) : failed(name, detail);
}
