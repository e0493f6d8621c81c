// Leaves the stand-ins empty by the documented way out (docs/day-2-operations.md, Teardown): step 1 of
// the decommission on every connection (decommission: true: tokens deleted, connections unprotected
// and marked), `pulumi up`, then `pulumi destroy` of the whole stack. No `pulumi state unprotect`.
import { excerpt } from "../commands";
import { isWaitingCustomerConnection } from "../plan";
import { connectionsOf, failed, passed, pulumi, readStackConfig, writeStackConfig, type Context } from "../context";
import type { StepResult } from "../report";

export async function teardownStep(ctx: Context, name: string): Promise<StepResult> {
  const config = readStackConfig(ctx.stackFile);
  // A customer connection that waits for its OIDC app has nothing to decommission: it leaves config.
  const connections = connectionsOf(config);
  for (let i = connections.length - 1; i >= 0; i--) if (isWaitingCustomerConnection(config, connections[i])) connections.splice(i, 1);
  for (const c of connections) {
    c.decommission = true;
    delete c.protect;
    // Validation refuses decommissioning while Okta's API provisioning is on: switched off in the same up.
    if (c.manageProvisioningViaApi === true) c.manageProvisioningViaApi = "deactivate";
  }
  writeStackConfig(ctx.stackFile, config);
  const stepOne = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
  if (stepOne.code !== 0) return failed(name, `decommission: true on every connection, up failed: ${excerpt(stepOne)}`);
  const tenant = ctx.standIns.auth0.tenant(ctx.standIns.auth0.domains[0]);
  const tokensAfterStepOne = tenant.census().tokens;
  const destroy = await pulumi(ctx, ["destroy", "--yes", "--skip-preview"]);
  if (destroy.code !== 0) return failed(name, `destroy failed: ${excerpt(destroy)}`);
  const census = tenant.census();
  // A catalog app is an admin's (docs/catalog-app.md): the stack never deletes it, but must unassign everyone.
  const orgs = ctx.standIns.okta.domains.map((d) => ctx.standIns.okta.org(d));
  const catalogApps = orgs.flatMap((org) => [...org.apps.values()].filter((a) => a.signOnMode === "SAML_2_0").map((a) => ({ org, a })));
  const apps = orgs.reduce((n, org) => n + org.apps.size, 0) - catalogApps.length;
  const stillAssigned = catalogApps.filter(({ org, a }) => (org.groupAssignments.get(a.id)?.size ?? 0) + (org.appUsers.get(a.id)?.size ?? 0) > 0).length;
  if (census.connections + census.tokens + apps + stillAssigned > 0) {
    return failed(name, `left behind: ${census.connections} connection(s), ${census.tokens} token(s), ${apps} Okta app(s), ${stillAssigned} catalog app(s) still assigned`);
  }
  if (tokensAfterStepOne > 0) return failed(name, `step 1 on every connection left ${tokensAfterStepOne} SCIM token(s); destroy then removed them`);
  return passed(name, `decommission: true on ${connectionsOf(config).length} connection(s) (0 tokens left), then destroy: both stand-ins empty`);
}
