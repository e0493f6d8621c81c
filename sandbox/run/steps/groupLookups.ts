// Group lookups on the real engine (issue 14, item 2).
// (a) The config names a group "X" while Okta has only "X-Contractors": the okta provider's getGroup
//     accepts that single prefix match with only a log warning; the program must refuse it, naming
//     connections[i].groups[j], before anything is written at either stand-in.
// (b) A group an admin assigned in the console to the SCIM app only: `pulumi preview --refresh` shows
//     the SCIM app's AppGroupAssignments as an update whose diff removes that group, so a reviewer sees
//     the deprovisioning before anyone confirms it. Nothing is applied; the console group is removed
//     again at the stand-in and the next preview is clean.
import { excerpt } from "../commands";
import { connectionsOf, failed, passed, pulumi, readStackConfig, scimAppId, writeStackConfig, type Context, type StackConfig } from "../context";
import { describeCalls, isWrite, oktaOrgOf } from "../day2";
import { keyOfUrn } from "../plan";
import { changedInputKeys, changingSteps, describeSteps, parsePreview, typeOfStep, type PreviewStep } from "../previewJson";
import type { StepResult } from "../report";
import { connectionKey, childNames } from "../../../components/naming";

/** A name no stack file uses: the config asks for it, Okta has only the longer one. */
export const NEAR_MISS_GROUP = "Sandbox Renamed Group";
export const NEAR_MISS_MATCH = `${NEAR_MISS_GROUP}-Contractors`;
export const CONSOLE_GROUP = "Sandbox Console Only Group";
const ASSIGNMENTS_TYPE = "okta:index/appGroupAssignments:AppGroupAssignments";

/** The config with `groupName` appended to the first connection's groups, and the new entry's index. */
export function withExtraGroup(config: StackConfig, groupName: string): { config: StackConfig; index: number } {
  const copy = structuredClone(config);
  const first = connectionsOf(copy)[0];
  const groups = (first.groups ?? []) as unknown[];
  first.groups = [...groups, { name: groupName }];
  return { config: copy, index: groups.length };
}

/** Problems with the failed preview's output for the near miss; empty when it says what it must. Pure. */
export function nearMissProblems(output: string, configPath: string): string[] {
  const text = output.replace(/\s+/g, " ");
  const problems: string[] = [];
  if (!text.includes(`${configPath}:`)) problems.push(`the output does not name ${configPath}`);
  if (!text.includes(`"${NEAR_MISS_GROUP}"`) || !text.includes(`"${NEAR_MISS_MATCH}"`)) problems.push(`the output does not name both "${NEAR_MISS_GROUP}" and the prefix match "${NEAR_MISS_MATCH}"`);
  if (!/nothing was created/i.test(text)) problems.push("the output does not say that nothing was created");
  return problems;
}

/**
 * Problems with the `preview --refresh` plan after a console-only group assignment: exactly one change,
 * an update of the SCIM app's assignments whose `groups` lose the console group. Pure.
 */
export function consoleGroupPlanProblems(steps: readonly PreviewStep[], scimAssignmentsName: string, consoleGroupId: string): string[] {
  const changes = changingSteps({ steps: [...steps] });
  const target = changes.find((s) => keyOfUrn(s.urn) === `${ASSIGNMENTS_TYPE}::${scimAssignmentsName}`);
  const problems: string[] = [];
  if (!target) return [`no change of ${scimAssignmentsName} planned (planned: ${describeSteps(changes).join(", ") || "nothing"})`];
  const others = changes.filter((s) => s !== target);
  if (others.length > 0) problems.push(`unexpected changes besides it: ${describeSteps(others).join(", ")}`);
  if (target.op !== "update") problems.push(`${scimAssignmentsName} is planned as ${target.op}, not an update (a delete or replace would unassign every group)`);
  if (typeOfStep(target) !== ASSIGNMENTS_TYPE) problems.push(`${scimAssignmentsName} has type ${typeOfStep(target)}`);
  if (!changedInputKeys(target).includes("groups")) problems.push(`the update's diff does not name groups (it names ${changedInputKeys(target).join(", ") || "nothing"})`);
  const before = JSON.stringify(target.oldState ?? {});
  const after = JSON.stringify(target.newState?.inputs ?? {});
  if (!before.includes(consoleGroupId)) problems.push(`the refreshed state does not show the console group ${consoleGroupId}`);
  if (after.includes(consoleGroupId)) problems.push(`the planned groups still hold the console group ${consoleGroupId}`);
  return problems;
}

export async function groupLookupsStep(ctx: Context, name: string): Promise<StepResult> {
  const original = readStackConfig(ctx.stackFile);
  const first = connectionsOf(original)[0];
  if (!first) return failed(name, "the stack has no connection");
  const { domain, org } = oktaOrgOf(ctx, first);

  // (a) near miss: refused before any write
  const nearMiss = withExtraGroup(original, NEAR_MISS_GROUP);
  const configPath = `oktaScim:connections[0].groups[${nearMiss.index}]`;
  const decoy = org.addGroup(NEAR_MISS_MATCH);
  const mark = ctx.standIns.log.mark();
  let refused;
  try {
    writeStackConfig(ctx.stackFile, nearMiss.config);
    refused = await pulumi(ctx, ["preview"]);
  } finally {
    writeStackConfig(ctx.stackFile, original);
    org.groups.delete(decoy.id);
  }
  if (refused.code === 0) return failed(name, `preview accepted "${NEAR_MISS_GROUP}" while Okta has only "${NEAR_MISS_MATCH}"`);
  const nearMissIssues = nearMissProblems(`${refused.stdout}\n${refused.stderr}`, configPath);
  if (nearMissIssues.length > 0) return failed(name, `preview failed, but ${nearMissIssues.join("; ")}: ${excerpt(refused)}`);
  const writes = ctx.standIns.log.since(mark).filter(isWrite);
  if (writes.length > 0) return failed(name, `the refused preview wrote to the stand-ins: ${describeCalls(writes).join(", ")}`);
  const searches = ctx.standIns.log.count("okta", "GET", "/api/v1/groups", mark);
  if (searches === 0) return failed(name, "the preview made no group search at the Okta stand-in: the provider's lookup was not exercised");

  // (b) console-only group: visible as a removal in preview --refresh
  const appId = scimAppId(ctx, first, domain);
  if (!appId) return failed(name, `no SCIM app labelled "${first.scimApp?.label}" in ${domain}`);
  const consoleGroup = org.addGroup(CONSOLE_GROUP);
  org.assignGroup(appId, consoleGroup.id, undefined, {});
  const scimAssignments = childNames(connectionKey(first as { name: string; key?: string })).scimGroupAssignments;
  let planProblems: string[];
  try {
    const preview = await pulumi(ctx, ["preview", "--refresh", "--json"]);
    if (preview.code !== 0) return failed(name, `preview --refresh failed: ${excerpt(preview)}`);
    planProblems = consoleGroupPlanProblems(parsePreview(preview.stdout).steps ?? [], scimAssignments, consoleGroup.id);
  } finally {
    org.groupAssignments.get(appId)?.delete(consoleGroup.id);
    org.groups.delete(consoleGroup.id);
  }
  if (planProblems.length > 0) return failed(name, `console-only group on the SCIM app: ${planProblems.join("; ")}`);
  // A preview never writes the state: with the console group gone again, nothing is left to change.
  const clean = await pulumi(ctx, ["preview", "--expect-no-changes"]);
  if (clean.code !== 0) return failed(name, `after removing the console group again, the preview is not clean: ${excerpt(clean)}`);
  return passed(
    name,
    `"${NEAR_MISS_GROUP}" with only "${NEAR_MISS_MATCH}" in Okta: preview refused at ${configPath}, ${searches} group search(es), 0 writes; ` +
      `console-only group on the SCIM app: preview --refresh shows 1 update of ${scimAssignments} removing it, nothing else`,
  );
}
