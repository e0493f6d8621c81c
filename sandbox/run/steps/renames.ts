// Renames on the real engine (issue 14, item 7). Resource names derive from a connection's `key`; a
// key change lists the old key in `previousKeys` and the engine finds every resource under its old
// name (aliases): the preview shows no create, delete or replace, `up` records the new names, and the
// next preview is clean. A `displayName` change is one in-place update of the Auth0 connection. Then
// the original key comes back the same way (previousKeys pointing back), so later steps see the
// original names.
import { excerpt } from "../commands";
import { connectionsOf, exportedState, failed, passed, pulumi, readStackConfig, writeStackConfig, type Context, type StackConfig } from "../context";
import { describeCalls, isWrite, urnsUnderKey } from "../day2";
import { keyOfUrn } from "../plan";
import { changedInputKeys, changingSteps, describeSteps, parsePreview, type PreviewJson } from "../previewJson";
import type { StepResult } from "../report";
import { childNames, connectionKey } from "../../../components/naming";

const CONNECTION_TYPE = "auth0:index/connection:Connection";

/** A key no other connection's key starts with, derived from the current one. Pure. */
export function renamedKey(current: string): string {
  return `renamed-${current}`.slice(0, 128);
}

/** The config with the first connection's key set to `key` and `previous` appended to previousKeys. Pure. */
export function withKey(config: StackConfig, key: string, previous: string): StackConfig {
  const copy = structuredClone(config);
  const first = connectionsOf(copy)[0];
  if (key === first.name) delete first.key;
  else first.key = key;
  first.previousKeys = [...((first.previousKeys as string[] | undefined) ?? []), previous];
  return copy;
}

/** The config with the first connection's displayName changed. Pure. */
export function withDisplayName(config: StackConfig): { config: StackConfig; displayName: string } {
  const copy = structuredClone(config);
  const first = connectionsOf(copy)[0];
  const displayName = `${first.displayName ?? first.name} (renamed in the sandbox)`.slice(0, 128);
  first.displayName = displayName;
  return { config: copy, displayName };
}

/** Problems with a key change's preview: anything planned at all (aliases make it a no-op). Pure. */
export function keyChangeProblems(steps: Parameters<typeof changingSteps>[0]["steps"]): string[] {
  const changes = changingSteps({ steps });
  return changes.length === 0 ? [] : [`planned: ${describeSteps(changes).join(", ")}`];
}

/**
 * A displayName change must be one in-place update of the Auth0 connection that changes displayName:
 * the engine's diff keys (and detailed diff paths) on success, the problems otherwise. Pure.
 */
export function displayNameProblems(preview: PreviewJson, connectionKeyOfUrn: string): string | { problems: string[] } {
  const changes = changingSteps(preview);
  const target = changes.find((s) => keyOfUrn(s.urn) === connectionKeyOfUrn);
  const problems: string[] = [];
  if (!target) return { problems: [`no change of ${connectionKeyOfUrn} planned (planned: ${describeSteps(changes).join(", ") || "nothing"})`] };
  if (target.op !== "update") problems.push(`${connectionKeyOfUrn} is planned as ${target.op}, not an update`);
  const others = changes.filter((s) => s !== target);
  if (others.length > 0) problems.push(`planned besides it: ${describeSteps(others).join(", ")}`);
  const keys = changedInputKeys(target);
  if (!keys.includes("displayName")) problems.push(`the update does not change displayName (it changes ${keys.join(", ") || "nothing"})`);
  if (problems.length > 0) return { problems };
  return `${keys.join(", ")}${target.detailedDiff ? ` [${Object.keys(target.detailedDiff).sort().join(", ")}]` : ""}`;
}

/** Moves the first connection of `original` from key `from` to key `to` (previousKeys gains `from`), checked at each stage. */
async function moveKey(ctx: Context, original: StackConfig, from: string, to: string, count: number): Promise<string | undefined> {
  writeStackConfig(ctx.stackFile, withKey(original, to, from));
  const preview = await pulumi(ctx, ["preview", "--json"]);
  if (preview.code !== 0) return `key ${from} → ${to}: preview failed: ${excerpt(preview)}`;
  const problems = keyChangeProblems(parsePreview(preview.stdout).steps);
  if (problems.length > 0) return `key ${from} → ${to}: ${problems.join("; ")}`;
  const mark = ctx.standIns.log.mark();
  const up = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
  if (up.code !== 0) return `key ${from} → ${to}: up failed: ${excerpt(up)}`;
  const writes = ctx.standIns.log.since(mark).filter(isWrite);
  if (writes.length > 0) return `key ${from} → ${to}: up wrote to the stand-ins (a rename must only record new names): ${describeCalls(writes).join(", ")}`;
  const resources = (await exportedState(ctx)).resources;
  const renamed = urnsUnderKey(resources, to).length;
  const left = urnsUnderKey(resources, from);
  if (renamed !== count || left.length > 0) return `key ${from} → ${to}: after up, ${renamed} of ${count} resources carry the new names, ${left.length} the old (${left.map(keyOfUrn).slice(0, 3).join(", ")})`;
  const clean = await pulumi(ctx, ["preview", "--expect-no-changes"]);
  if (clean.code !== 0) return `key ${from} → ${to}: the next preview is not clean: ${excerpt(clean)}`;
  return undefined;
}

export async function renamesStep(ctx: Context, name: string): Promise<StepResult> {
  const original = readStackConfig(ctx.stackFile);
  const first = connectionsOf(original)[0];
  if (!first) return failed(name, "the stack has no connection");
  const oldKey = connectionKey(first as { name: string; key?: string });
  const newKey = renamedKey(oldKey);
  const count = urnsUnderKey((await exportedState(ctx)).resources, oldKey).length;
  if (count === 0) return failed(name, `no resource named under key ${oldKey} in the state`);
  // From the first key move on, the state may hold the new names: if anything fails, the config left
  // for later steps lists the new key as a previous one, so their `up` follows the aliases back.
  let left = withKey(original, oldKey, newKey);
  let displayDiff: string;
  try {
    const forward = await moveKey(ctx, original, oldKey, newKey, count);
    if (forward) return failed(name, forward);

    const display = withDisplayName(withKey(original, newKey, oldKey));
    writeStackConfig(ctx.stackFile, display.config);
    const preview = await pulumi(ctx, ["preview", "--json"]);
    if (preview.code !== 0) return failed(name, `displayName change: preview failed: ${excerpt(preview)}`);
    const judged = displayNameProblems(parsePreview(preview.stdout), `${CONNECTION_TYPE}::${childNames(newKey).auth0Connection}`);
    if (typeof judged !== "string") return failed(name, `displayName change: ${judged.problems.join("; ")}`);
    displayDiff = judged;

    const back = await moveKey(ctx, original, newKey, oldKey, count);
    if (back) return failed(name, back);
    left = original;
  } finally {
    writeStackConfig(ctx.stackFile, left);
  }
  return passed(
    name,
    `key ${oldKey} → ${newKey} (previousKeys [${oldKey}]): preview planned nothing, up moved all ${count} resources to the new names with 0 writes, next preview clean; ` +
      `displayName: 1 update of the Auth0 connection only (not applied; engine diff ${displayDiff}); key back to ${oldKey} the same way`,
  );
}
