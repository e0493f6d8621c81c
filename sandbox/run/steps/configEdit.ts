// A reviewed config edit (a group and a token generation added, phase 2 switched on after the console
// steps were simulated at the Okta stand-in) must take exactly the steps the offline plan predicts.
import { excerpt } from "../commands";
import { failed, mockedRegistrations, passed, pulumi, readStackConfig, scimAppId, writeStackConfig, type Context } from "../context";
import { changeMismatches, configEdit, connectionsOf, describeChanges, expectedChanges, firstDeploymentConfig, previewChanges } from "../plan";
import type { StepResult } from "../report";

export async function configEditStep(ctx: Context, name: string): Promise<StepResult> {
  const deployed = readStackConfig(ctx.stackFile);
  const edit = configEdit(deployed);
  const connections = connectionsOf(edit.config);
  for (const connectionName of edit.toPhaseTwo) {
    const c = connections.find((x) => x.name === connectionName)!;
    const domain = ctx.credentials.orgs.find((o) => o.name === c.oktaOrg)!.domain;
    const appId = scimAppId(ctx, c, domain);
    if (!appId) return failed(name, `no SCIM app labelled "${c.scimApp?.label}" in ${domain} to simulate the console steps on`);
    ctx.standIns.okta.org(domain).consoleSteps(appId);
  }
  if (edit.addedGroup) {
    const domain = ctx.credentials.orgs.find((o) => o.name === edit.addedGroup!.oktaOrg)!.domain;
    ctx.standIns.okta.org(domain).addGroup(edit.addedGroup.name);
  }
  const before = await mockedRegistrations(firstDeploymentConfig(deployed), ctx.stack);
  const after = await mockedRegistrations(edit.config, ctx.stack);
  const expected = expectedChanges(before, after);
  writeStackConfig(ctx.stackFile, edit.config);
  const preview = await pulumi(ctx, ["preview", "--json"]);
  if (preview.code !== 0) return failed(name, `preview failed: ${excerpt(preview)}`);
  const planned = previewChanges(JSON.parse(preview.stdout) as { steps?: Array<{ op: string; urn: string }> });
  const mismatches = changeMismatches(expected, planned);
  if (mismatches.length > 0) return failed(name, `${edit.changes.join("; ")}: ${mismatches.join("; ")}`);
  const up = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
  if (up.code !== 0) return failed(name, `up failed: ${excerpt(up)}`);
  return passed(name, `${edit.changes.join("; ")}: ${describeChanges(expected)}, as planned`);
}
