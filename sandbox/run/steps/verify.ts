// `npm run verify -- --write` against the deployed stack, with the credentials a user would export.
import { redact, excerpt, runCommand } from "../commands";
import { failed, passed, readStackConfig, type Context } from "../context";
import type { StepResult } from "../report";
import { withSecrets } from "../secrets";
import { stackCredentials } from "../standIns";

export async function verifyStep(ctx: Context, name: string): Promise<StepResult> {
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
  const result = await runCommand("npm", ["run", "--silent", "verify", "--", "--stack", ctx.stack, "--write"], { cwd: ctx.project, env });
  // The failing checks first: the tail alone may show only passes and the "How to fix" list.
  const failing = `${result.stdout}\n${result.stderr}`.split("\n").filter((l) => /^\s*FAIL\b/.test(l)).map((l) => l.trim().replace(/\s+/g, " "));
  const detail = redact([...failing, excerpt(result, 4)].join(" | "), ctx.secrets);
  return result.code === 0 ? passed(name, detail) : failed(name, detail);
}
