// The custom → catalog move with the real CLI and providers (docs/catalog-app.md), on the first
// phase-2 connection of an org the stack administers. Okta (the stand-in) holds the current token in
// the custom app with Deactivate Users on, and two people are provisioned in Auth0. The admin adds the
// catalog app (its id is in the run's config from the start, as an admin would have sent it).
// Change 1 (movingTo + a generation with patch:users) only creates: the catalog app's group list,
// one user assignment per assigned user, and one token. The admin connects the catalog app with
// the new token and forgets MOVE-2 (the custom app still deactivates): change 2's preview deletes only
// the custom app, its assignments and the old token (phase 2's mapping is re-pointed); its up deletes
// the old token first, so each deactivation the custom app then tries gets 401. The connection keeps
// its id and both people stay active; the next preview is clean and verify --write (PATCH) passes.
// The stack stays on the catalog app for the steps after this one.
import { connectionKey } from "../../../components/naming";
import { auth0UserDeprovisioner } from "../userDeprovisioner";
import { moveEndConfig, moveStartConfig, unexpectedMoveEndSteps, unexpectedMoveStartSteps } from "../catalogMove";
import { excerpt } from "../commands";
import { connectionsOf, failed, passed, pulumi, readStackConfig, scimAppId, writeStackConfig, type Context, type StackConfig } from "../context";
import { parsePreview, type PreviewStep } from "../previewJson";
import type { StepResult } from "../report";
import { scimCall, scimRequest } from "../scimClient";
import { failingLines, runVerify } from "./verify";

export const CATALOG_APP_LABEL = "Auth0 sandbox - catalog SCIM";

function pickConnection(ctx: Context, config: StackConfig) {
  const customerOrgs = new Set(((config["oktaScim:oktaOrgs"] ?? []) as Array<{ name: string; administeredBy?: string }>).filter((o) => o.administeredBy === "customer").map((o) => o.name));
  return connectionsOf(config).find((c) => {
    const org = ctx.credentials.orgs.find((o) => o.name === c.oktaOrg);
    return c.consoleStepsDone === true && org && !customerOrgs.has(c.oktaOrg) && c.scimApp?.kind !== "catalog" && (c.groups ?? []).some((g: { name?: string }) => g.name);
  });
}

export async function catalogMoveStep(ctx: Context, name: string): Promise<StepResult> {
  const original = readStackConfig(ctx.stackFile);
  const picked = pickConnection(ctx, original);
  if (!picked) return failed(name, "no custom-app connection in phase 2 with a group given by name");
  const domain = ctx.credentials.orgs.find((o) => o.name === picked.oktaOrg)!.domain;
  const org = ctx.standIns.okta.org(domain);
  const tenant = ctx.standIns.auth0.tenant(ctx.standIns.auth0.domains[0]);
  const connection = [...tenant.connections.values()].find((x) => x.name === picked.name);
  const customAppId = scimAppId(ctx, picked, domain);
  if (!connection || !customAppId) return failed(name, `${picked.name}: no Auth0 connection or no SWA app at the stand-ins`);
  const baseUrl = `https://${tenant.domain}/scim/v2/connections/${connection.id}`;
  const send = (...request: Parameters<typeof scimCall> extends [unknown, ...infer R] ? R : never) => scimCall(ctx, ...request);

  // Auth0 holds two tokens per connection: a connection with two generations drops the older first.
  let deployed = original;
  if (((picked.scim?.tokens as unknown[] | undefined)?.length ?? 1) > 1) {
    deployed = structuredClone(original);
    const c = connectionsOf(deployed).find((x) => x.name === picked.name)!;
    c.scim.tokens = c.scim.tokens.slice(-1);
    writeStackConfig(ctx.stackFile, deployed);
    const trimmed = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
    if (trimmed.code !== 0) return failed(name, `dropping the older token generation failed: ${excerpt(trimmed)}`);
  }
  const [oldToken] = tenant.tokensOf(connection.id);
  const oldGeneration = ((connectionsOf(deployed).find((x) => x.name === picked.name)!.scim?.tokens as Array<{ generation: string }> | undefined) ?? [{ generation: "initial" }]).slice(-1)[0].generation;
  if (!oldToken) return failed(name, `${picked.name} has no SCIM token at the Auth0 stand-in`);

  // Okta holds the current token in the custom app, which deactivates; two people are provisioned.
  org.scimConnections.set(customAppId, { baseUrl, token: oldToken.token, deactivatesUsers: true, writes: "PUT" });
  org.userDeprovisioner = auth0UserDeprovisioner(send);
  const group = [...org.groups.values()].find((g) => g.name === (picked.groups as Array<{ name?: string }>).find((x) => x.name)!.name)!;
  const people = [1, 2].map((i) => org.addUser(`sandbox.move.${i}@${domain}`, { groupIds: [group.id] }));
  for (const p of people) {
    const created = await scimRequest(ctx, connection.id, oldToken.token, "POST", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: p.login, externalId: p.id, active: true, emails: [{ value: p.login, primary: true, type: "work" }] });
    if (created.status !== 201) return failed(name, `provisioning ${p.login} through the custom app got ${created.status}`);
  }
  const activeOf = () => people.filter((p) => tenant.usersOf(connection.id).some((u) => (u.resource as { userName?: string; active?: boolean }).userName === p.login && (u.resource as { active?: boolean }).active === true)).length;

  try {
    // The admin adds the catalog app (Browse App Catalog → Add Integration) and sends its id.
    const catalog = org.addCatalogApp(`0oa${"Move".padEnd(17, "0")}`, CATALOG_APP_LABEL);
    // Change 1.
    const start = moveStartConfig(deployed, picked.name, catalog.id);
    writeStackConfig(ctx.stackFile, start);
    const preview1 = await pulumi(ctx, ["preview", "--json"]);
    if (preview1.code !== 0) return failed(name, `preview of movingTo failed: ${excerpt(preview1)}`);
    const startSteps = parsePreview(preview1.stdout).steps ?? [];
    const startProblems = unexpectedMoveStartSteps(startSteps, connectionKey(picked as { name: string; key?: string }), org.appUsers.get(customAppId)?.size ?? 0);
    if (startProblems.length > 0) return failed(name, `movingTo: ${startProblems.join("; ")}`);
    const creates = startSteps.filter((s) => s.op === "create").length;
    const up1 = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
    if (up1.code !== 0) return failed(name, `up with movingTo failed: ${excerpt(up1)}`);
    const sameGroups = (a: string) => [...(org.groupAssignments.get(a)?.keys() ?? [])].sort().join(",");
    const sameUsers = (a: string) => [...(org.appUsers.get(a)?.keys() ?? [])].sort().join(",");
    if (sameGroups(catalog.id) !== sameGroups(customAppId) || sameUsers(catalog.id) !== sameUsers(customAppId)) return failed(name, "after change 1 the catalog app is not assigned the custom app's groups and users");
    const newToken = tenant.tokensOf(connection.id).find((t) => t.scopes.includes("patch:users"));
    if (!newToken) return failed(name, "change 1 made no token with patch:users");

    // MOVE-1: the admin connects the catalog app (console steps) with the new token. MOVE-2 is forgotten.
    org.consoleSteps(catalog.id);
    org.scimConnections.set(catalog.id, { baseUrl, token: newToken.token, deactivatesUsers: true, writes: "PATCH" });
    // Change 2.
    const end = moveEndConfig(start, picked.name, catalog.id, CATALOG_APP_LABEL);
    writeStackConfig(ctx.stackFile, end);
    const preview2 = await pulumi(ctx, ["preview", "--json"]);
    if (preview2.code !== 0) return failed(name, `preview of the move's end failed: ${excerpt(preview2)}`);
    const steps = parsePreview(preview2.stdout).steps ?? [];
    const unexpected = unexpectedMoveEndSteps(steps, connectionKey(picked as { name: string; key?: string }), oldGeneration);
    if (unexpected.length > 0) return failed(name, `the move's end would also: ${unexpected.join(", ")}`);
    const deletes = steps.filter((s: PreviewStep) => s.op === "delete").length;
    const up2 = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
    if (up2.code !== 0) return failed(name, `up at the move's end failed: ${excerpt(up2)}`);
    await Promise.all(org.deprovisions);
    const attempts = org.deprovisionAttempts.filter((a) => a.appId === customAppId);
    const landed = attempts.filter((a) => a.status !== 401);
    if (attempts.length === 0) return failed(name, "the custom app's unassignments tried no deactivation: the check would not see one land");
    if (landed.length > 0) return failed(name, `the custom app deactivated ${landed.map((a) => `${a.login} (${a.status})`).join(", ")}: its token outlived its assignments`);
    const stillThere = [...tenant.connections.values()].find((x) => x.name === picked.name);
    if (stillThere?.id !== connection.id) return failed(name, "the Auth0 connection was replaced");
    if (activeOf() !== people.length) return failed(name, `${people.length - activeOf()} of ${people.length} provisioned people are no longer active in Auth0`);
    if (org.apps.has(customAppId)) return failed(name, "the custom app is still in Okta after the move's end");
    if (!org.apps.has(catalog.id)) return failed(name, "the move's end deleted the catalog app");
    const clean = await pulumi(ctx, ["preview", "--expect-no-changes"]);
    if (clean.code !== 0) return failed(name, `after the move the next preview is not clean: ${excerpt(clean)}`);
    const verified = await runVerify(ctx, ["--connection", picked.name, "--write"]);
    if (verified.code !== 0) return failed(name, `verify --write on the catalog app: ${failingLines(verified).join(" | ") || excerpt(verified, 4)}`);
    return passed(
      name,
      `${picked.name}: change 1 ${creates} creates only (catalog app assigned the same ${sameGroups(catalog.id).split(",").length} group(s)); change 2 ${deletes} deletes, old token first: ${attempts.length} deactivation(s) from the custom app got 401; connection ${connection.id} kept, ${activeOf()}/${people.length} people active; next preview clean; verify --write passed (PATCH)`,
    );
  } finally {
    org.userDeprovisioner = undefined;
  }
}
