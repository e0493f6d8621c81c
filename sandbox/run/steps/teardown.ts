// Leaves the stand-ins empty: every connection unprotected, then `pulumi destroy`.
import { excerpt } from "../commands";
import { failed, passed, pulumi, readStackConfig, writeStackConfig, type Context } from "../context";
import { NAMESPACE } from "../plan";
import type { StepResult } from "../report";

export async function teardownStep(ctx: Context, name: string): Promise<StepResult> {
  // The documented way out of the connection's protection: connections[].protect: false, up, destroy.
  const config = readStackConfig(ctx.stackFile);
  for (const c of (config[`${NAMESPACE}:connections`] ?? []) as Array<Record<string, unknown>>) c.protect = false;
  writeStackConfig(ctx.stackFile, config);
  const unprotect = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
  if (unprotect.code !== 0) return failed(name, `unprotecting failed: ${excerpt(unprotect)}`);
  const destroy = await pulumi(ctx, ["destroy", "--yes", "--skip-preview"]);
  if (destroy.code !== 0) return failed(name, `destroy failed: ${excerpt(destroy)}`);
  const census = ctx.standIns.auth0.tenant(ctx.standIns.auth0.domains[0]).census();
  const apps = ctx.standIns.okta.domains.reduce((n, d) => n + ctx.standIns.okta.org(d).apps.size, 0);
  if (census.connections + census.tokens + apps > 0) return failed(name, `left behind: ${census.connections} connection(s), ${census.tokens} token(s), ${apps} Okta app(s)`);
  return passed(name, "protect: false applied, destroy left both stand-ins empty");
}
