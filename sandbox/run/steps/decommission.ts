// Decommissioning a connection on the real engine (docs/day-2-operations.md, Teardown): a protected
// connection cannot be removed; step 1 (decommission: true) deletes exactly its tokens and updates the
// connection, after which Okta's old token is refused and the users remain; step 2 (removal from config)
// deletes only that connection's resources, every Okta unassignment before the Auth0 connection; and a
// deletion while tokens still exist (state unprotect + destroy, issue 14 item 8) deletes the tokens
// first. Each expectation of the preview comes from the program under the offline mocks.
import { excerpt } from "../commands";
import {
  connectionsOf,
  exportedState,
  failed,
  mockedRegistrations,
  passed,
  pulumi,
  readStackConfig,
  TOKEN_TYPE,
  writeStackConfig,
  type ConnectionSettings,
  type Context,
  type StackConfig,
} from "../context";
import { deleteOrderProblems, describeSequence, isWrite, writesTo, type ConnectionIds } from "../deleteOrder";
import { changeMismatches, customerOrgNames, expectedChanges, firstDeploymentConfig, keyOfUrn, previewChanges, type Changes } from "../plan";
import type { StepResult } from "../report";
import { scimRequest } from "../scimClient";
import { DECOMMISSION_METADATA_KEY } from "../../../components/decisions/decommission";

const CONNECTION_TYPE = "auth0:index/connection:Connection";
const COMPONENT_TYPE = "oktaScim:index:OktaAuth0ScimIntegration";
const SCIM_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const PROBE_USER = "decommission.probe@sandbox.example";

const tenantOf = (ctx: Context) => ctx.standIns.auth0.tenant(ctx.standIns.auth0.domains[0]);

/** The connection's ids at the stand-ins (undefined when its Auth0 connection does not exist). */
export function connectionIds(ctx: Context, config: StackConfig, c: ConnectionSettings): ConnectionIds | undefined {
  const connection = [...tenantOf(ctx).connections.values()].find((x) => x.name === c.name);
  if (!connection) return undefined;
  const domain = ctx.credentials.orgs.find((o) => o.name === c.oktaOrg)?.domain;
  const apps = domain ? [...ctx.standIns.okta.org(domain).apps.values()] : [];
  const labels = [c.oidcApp?.label, c.scimApp?.label];
  const customerOrg = customerOrgNames(config).has(c.oktaOrg);
  return { name: String(c.name), connectionId: connection.id, appIds: apps.filter((a) => labels.includes(a.label)).map((a) => a.id), customerOrg };
}

/** `pulumi preview --json` against what the mocks predict; the mismatches (empty when exact). */
async function previewMatches(ctx: Context, expected: Changes): Promise<string[]> {
  const preview = await pulumi(ctx, ["preview", "--json"]);
  if (preview.code !== 0) return [`preview failed: ${excerpt(preview)}`];
  const planned = previewChanges(JSON.parse(preview.stdout) as { steps?: Array<{ op: string; urn: string }> });
  // A retainOnDelete resource leaves the state without a provider call; should the engine name that
  // step "discard", it is still one of the deletes a reviewer reads.
  const discarded = planned.other.filter((o) => o.startsWith("discard ")).map((o) => o.slice("discard ".length));
  const other = planned.other.filter((o) => !o.startsWith("discard "));
  return changeMismatches(expected, { ...planned, delete: [...planned.delete, ...discarded].sort(), other });
}

async function expectedEdit(ctx: Context, before: StackConfig, after: StackConfig): Promise<Changes> {
  return expectedChanges(await mockedRegistrations(before, ctx.stack), await mockedRegistrations(after, ctx.stack));
}

/** a. Removing a connection that is still protected fails at preview, and nothing is written. */
export async function protectedRemovalRefused(ctx: Context, name: string): Promise<StepResult> {
  const deployed = readStackConfig(ctx.stackFile);
  const connections = connectionsOf(deployed);
  const first = connections[0];
  if (!first) return failed(name, "the stack has no connection");
  const edited = structuredClone(deployed);
  connectionsOf(edited).splice(0, 1);
  writeStackConfig(ctx.stackFile, edited);
  try {
    const mark = ctx.standIns.log.mark();
    const preview = await pulumi(ctx, ["preview"]);
    const writes = ctx.standIns.log.since(mark).filter(isWrite);
    if (preview.code === 0) return failed(name, `the preview of removing the protected connection ${first.name} succeeded`);
    if (writes.length > 0) return failed(name, `the refused preview wrote ${writes.length} time(s): ${writes.map((w) => `${w.service} ${w.method} ${w.route}`).join(", ")}`);
    const output = `${preview.stdout}\n${preview.stderr}`.split("\n");
    const reason =
      connections.length === 1
        ? output.find((l) => /at least one connection/.test(l)) ?? "the config refuses a stack without connections"
        : output.find((l) => /protect/i.test(l)) ?? excerpt(preview, 2);
    if (connections.length > 1 && !/protect/i.test(reason)) return failed(name, `the preview failed, but not on the protection: ${reason.trim()}`);
    return passed(name, `removing ${first.name} from config while protected: preview failed ("${reason.trim().slice(0, 200)}"), 0 writes at the stand-ins`);
  } finally {
    writeStackConfig(ctx.stackFile, deployed);
  }
}

/** b. Step 1 on the first connection: exactly its token deletes and the connection update; Okta's token is refused after; users stay. */
export async function decommissionStepOne(ctx: Context, name: string): Promise<StepResult> {
  const deployed = readStackConfig(ctx.stackFile);
  const c = connectionsOf(deployed)[0];
  const ids = c && connectionIds(ctx, deployed, c);
  if (!c || !ids) return failed(name, "the first connection is not deployed at the Auth0 stand-in (run step 2 first)");
  const tenant = tenantOf(ctx);
  const oldTokens = tenant.tokensOf(ids.connectionId).map((t) => t.token);
  if (oldTokens.length === 0) return failed(name, `${c.name} has no SCIM token at the stand-in`);
  // A user Okta provisions with the current token, before step 1.
  const created = await scimRequest(ctx, ids.connectionId, oldTokens[oldTokens.length - 1], "POST", {
    schemas: [SCIM_USER],
    userName: PROBE_USER,
    externalId: "sandbox-decommission-probe",
    active: true,
    name: { givenName: "Probe", familyName: "Decommission" },
    emails: [{ value: PROBE_USER, primary: true, type: "work" }],
  });
  if (created.status !== 201 && created.status !== 409) return failed(name, `provisioning a user with the current token answered ${created.status}`);
  const usersBefore = tenant.usersOf(ids.connectionId).length;

  const edited = structuredClone(deployed);
  const e = connectionsOf(edited)[0];
  e.decommission = true;
  delete e.protect;
  const expected = await expectedEdit(ctx, deployed, edited);
  const connectionKey = expected.update.find((k) => k.startsWith(`${CONNECTION_TYPE}::`));
  if (expected.create.length > 0 || expected.update.length !== 1 || !connectionKey || expected.delete.length === 0 || !expected.delete.every((k) => k.startsWith(`${TOKEN_TYPE}::`))) {
    return failed(name, `the mocks predict more than token deletes and the connection update: ${JSON.stringify(expected)}`);
  }
  writeStackConfig(ctx.stackFile, edited);
  const mismatches = await previewMatches(ctx, expected);
  if (mismatches.length > 0) return failed(name, `decommission: true on ${c.name}: ${mismatches.join("; ")}`);
  const up = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
  if (up.code !== 0) return failed(name, `up failed: ${excerpt(up)}`);

  const refused = await Promise.all(oldTokens.map((t) => scimRequest(ctx, ids.connectionId, t, "GET")));
  const statuses = refused.map((r) => r.status);
  const problems: string[] = [];
  if (statuses.some((s) => s !== 401)) problems.push(`the old token(s) answered ${statuses.join(", ")} (expected 401)`);
  if (tenant.tokensOf(ids.connectionId).length > 0) problems.push(`${tenant.tokensOf(ids.connectionId).length} token(s) left at the stand-in`);
  const usersAfter = tenant.usersOf(ids.connectionId);
  if (usersAfter.length !== usersBefore || !usersAfter.some((u) => u.resource.userName === PROBE_USER)) problems.push(`users ${usersBefore} → ${usersAfter.length}, probe user ${usersAfter.some((u) => u.resource.userName === PROBE_USER) ? "kept" : "gone"}`);
  const marker = tenant.connections.get(ids.connectionId)?.metadata?.[DECOMMISSION_METADATA_KEY];
  if (!marker) problems.push(`the Auth0 connection carries no ${DECOMMISSION_METADATA_KEY} metadata`);
  const state = (await exportedState(ctx)).resources.find((r) => r.type === CONNECTION_TYPE && keyOfUrn(r.urn) === connectionKey);
  if (state?.protect === true) problems.push("the connection is still protected in the state");
  if (problems.length > 0) return failed(name, `${c.name}: ${problems.join("; ")}`);
  return passed(
    name,
    `${c.name}: preview = ${expected.delete.length} token delete(s) + the connection update, as planned; after up the old token(s) get ${statuses.join(", ")}, ${usersAfter.length} SCIM user(s) kept, metadata marker set, unprotected`,
  );
}

/** c. Step 2 (when another connection stays): only that connection's deletes; unassignments before the connection DELETE; the other untouched. */
export async function decommissionStepTwo(ctx: Context, name: string): Promise<StepResult> {
  const deployed = readStackConfig(ctx.stackFile);
  const connections = connectionsOf(deployed);
  const gone = connections.find((c) => c.decommission === true);
  if (!gone) return failed(name, "no connection has decommission: true (step 1 first)");
  if (connections.length < 2) {
    return { name, status: "skipped", detail: `${gone.name} is the stack's only connection (a stack keeps at least one): the final teardown destroys it` };
  }
  const ids = connectionIds(ctx, deployed, gone);
  if (!ids) return failed(name, `${gone.name} is not at the Auth0 stand-in`);
  const others = connections.filter((c) => c !== gone).map((c) => connectionIds(ctx, deployed, c)).filter((x): x is ConnectionIds => x !== undefined);
  const tokensBefore = new Map(others.map((o) => [o.connectionId, tenantOf(ctx).tokensOf(o.connectionId).length]));
  const edited = structuredClone(deployed);
  connectionsOf(edited).splice(connections.indexOf(gone), 1);
  const predicted = await expectedEdit(ctx, deployed, edited);
  if (predicted.create.length > 0 || predicted.update.length > 0) return failed(name, `the mocks predict more than deletes: ${JSON.stringify(predicted)}`);
  // The exact deletes come from the state, not the mocks: user assignments are named by the Okta user
  // id, which the mocks make up. Every resource of that connection's component, the component too.
  const key = String(gone.key ?? gone.name);
  const state = await exportedState(ctx);
  const ofConnection = state.resources
    .filter((r) => r.urn.includes(`${COMPONENT_TYPE}`) && (keyOfUrn(r.urn) === `${COMPONENT_TYPE}::${key}` || keyOfUrn(r.urn).split("::")[1].startsWith(`${key}-`)))
    .map((r) => keyOfUrn(r.urn))
    .sort();
  if (ofConnection.length <= predicted.delete.length) return failed(name, `the state holds ${ofConnection.length} resource(s) of ${gone.name}, the mocks predict ${predicted.delete.length} custom deletes`);
  const expected: Changes = { create: [], update: [], delete: ofConnection };
  writeStackConfig(ctx.stackFile, edited);
  const mismatches = await previewMatches(ctx, expected);
  if (mismatches.length > 0) return failed(name, `removing ${gone.name}: ${mismatches.join("; ")}`);
  const mark = ctx.standIns.log.mark();
  const up = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
  if (up.code !== 0) return failed(name, `up failed: ${excerpt(up)}`);
  const calls = ctx.standIns.log.since(mark);
  const problems = deleteOrderProblems(calls, ids, { tokensFirst: false });
  for (const o of others) {
    const touched = writesTo(calls, o);
    if (touched.length > 0) problems.push(`${o.name} was written to: ${touched.map((t) => `${t.method} ${t.route}`).join(", ")}`);
    if (!tenantOf(ctx).connections.has(o.connectionId)) problems.push(`${o.name}'s connection is gone`);
    if (tenantOf(ctx).tokensOf(o.connectionId).length !== tokensBefore.get(o.connectionId)) problems.push(`${o.name}'s tokens changed`);
  }
  if (tenantOf(ctx).connections.has(ids.connectionId)) problems.push(`${gone.name}'s connection still exists`);
  if (problems.length > 0) return failed(name, problems.join("; "));
  return passed(name, `preview = ${expected.delete.length} deletes of ${gone.name} only, as planned; request log ${describeSequence(calls, ids)}; ${others.map((o) => o.name).join(", ")} untouched`);
}

/**
 * d. Issue 14 item 8: a deletion while tokens exist (`pulumi state unprotect --all`, `pulumi destroy`)
 * deletes tokens → Okta assignments → Auth0 connection. A connection still decommissioned is first
 * brought back (decommission: false: the reversal, which must recreate its tokens, clear the marker and
 * leave nothing to change), and the stack is deployed again afterwards for the final teardown.
 */
export async function deleteWithTokensOrder(ctx: Context, name: string): Promise<StepResult> {
  const notes: string[] = [];
  let config = readStackConfig(ctx.stackFile);
  const reversed = connectionsOf(config).filter((c) => c.decommission === true);
  if (reversed.length > 0) {
    const edited = structuredClone(config);
    for (const c of connectionsOf(edited)) if (c.decommission === true) delete c.decommission;
    const expected = await expectedEdit(ctx, config, edited);
    writeStackConfig(ctx.stackFile, edited);
    const mismatches = await previewMatches(ctx, expected);
    if (mismatches.length > 0) return failed(name, `reversal (decommission: false): ${mismatches.join("; ")}`);
    const up = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
    if (up.code !== 0) return failed(name, `reversal up failed: ${excerpt(up)}`);
    for (const c of reversed) {
      const ids = connectionIds(ctx, edited, c);
      const connection = ids && tenantOf(ctx).connections.get(ids.connectionId);
      if (!ids || !connection) return failed(name, `reversal: ${c.name} is gone`);
      if (connection.metadata?.[DECOMMISSION_METADATA_KEY]) return failed(name, `reversal: ${c.name} still carries the ${DECOMMISSION_METADATA_KEY} metadata at the stand-in`);
      if (tenantOf(ctx).tokensOf(ids.connectionId).length === 0) return failed(name, `reversal: ${c.name} has no token again`);
    }
    const clean = await pulumi(ctx, ["preview", "--expect-no-changes"]);
    if (clean.code !== 0) return failed(name, `reversal: the next preview is not clean: ${excerpt(clean)}`);
    notes.push(`reversal of ${reversed.map((c) => c.name).join(", ")}: ${describeCounts(expected)}, marker cleared, next preview clean`);
    config = edited;
  }
  const all = connectionsOf(config).map((c) => connectionIds(ctx, config, c)).filter((x): x is ConnectionIds => x !== undefined);
  if (all.length === 0) return failed(name, "no deployed connection to delete");
  const unprotect = await pulumi(ctx, ["state", "unprotect", "--all", "--yes"]);
  if (unprotect.code !== 0) return failed(name, `pulumi state unprotect --all failed: ${excerpt(unprotect)}`);
  const mark = ctx.standIns.log.mark();
  const destroy = await pulumi(ctx, ["destroy", "--yes", "--skip-preview"]);
  if (destroy.code !== 0) return failed(name, `destroy failed: ${excerpt(destroy)}`);
  const calls = ctx.standIns.log.since(mark);
  const problems = all.flatMap((ids) => deleteOrderProblems(calls, ids, { tokensFirst: true }));
  const sequences = all.map((ids) => describeSequence(calls, ids));
  // Deployed again, as a first deployment (phase 1: the new SCIM apps have no console steps done), so
  // the final teardown proves the documented path on a live stack.
  writeStackConfig(ctx.stackFile, firstDeploymentConfig(config));
  const redeploy = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
  if (redeploy.code !== 0) problems.push(`redeploying for the final teardown failed: ${excerpt(redeploy)}`);
  if (problems.length > 0) return failed(name, `${problems.join("; ")} (${sequences.join("; ")})`);
  return passed(name, [...notes, `state unprotect --all + destroy: ${sequences.join("; ")}; redeployed`].join("; "));
}

function describeCounts(c: Changes): string {
  return `${c.create.length} create(s), ${c.update.length} update(s), ${c.delete.length} delete(s), as planned`;
}
