// Renames on the real engine (issue 14, item 7). Resource names derive from a connection's `key`; a
// key change lists the old key in `previousKeys` and the engine finds every resource under its old
// name (aliases): the preview shows no create, delete or replace, `up` records the new names, and the
// next preview is clean. A `displayName` change is one in-place update of the Auth0 connection. Then
// the original key comes back the same way (previousKeys pointing back), so later steps see the
// original names.
import { excerpt } from "../commands";
import { connectionsOf, exportedState, failed, passed, pulumi, readStackConfig, writeStackConfig, type Context, type StackConfig } from "../context";
import { urnsUnderKey } from "../day2";
import { keyOfUrn } from "../plan";
import { changedInputKeys, changingSteps, describeSteps, parsePreview } from "../previewJson";
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

/** Moves the first connection of `original` from key `from` to key `to` (previousKeys gains `from`), checked at each stage. */
async function moveKey(ctx: Context, original: StackConfig, from: string, to: string, count: number): Promise<string | undefined> {
  writeStackConfig(ctx.stackFile, withKey(original, to, from));
  const preview = await pulumi(ctx, ["preview", "--json"]);
  if (preview.code !== 0) return `key ${from} → ${to}: preview failed: ${excerpt(preview)}`;
  const problems = keyChangeProblems(parsePreview(preview.stdout).steps);
  if (problems.length > 0) return `key ${from} → ${to}: ${problems.join("; ")}`;
  const up = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
  if (up.code !== 0) return `key ${from} → ${to}: up failed: ${excerpt(up)}`;
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
  try {
    const forward = await moveKey(ctx, original, oldKey, newKey, count);
    if (forward) return failed(name, forward);

    const display = withDisplayName(withKey(original, newKey, oldKey));
    writeStackConfig(ctx.stackFile, display.config);
    const preview = await pulumi(ctx, ["preview", "--json"]);
    if (preview.code !== 0) return failed(name, `displayName change: preview failed: ${excerpt(preview)}`);
    const changes = changingSteps(parsePreview(preview.stdout));
    const connection = `${CONNECTION_TYPE}::${childNames(newKey).auth0Connection}`;
    const only = changes.length === 1 && changes[0].op === "update" && keyOfUrn(changes[0].urn) === connection;
    if (!only || changedInputKeys(changes[0]).join(",") !== "displayName") {
      return failed(name, `displayName change: expected only an update of ${connection} in displayName, planned: ${describeSteps(changes).join(", ") || "nothing"}${only ? ` (changing ${changedInputKeys(changes[0]).join(", ")})` : ""}`);
    }

    const back = await moveKey(ctx, original, newKey, oldKey, count);
    if (back) return failed(name, back);
  } finally {
    writeStackConfig(ctx.stackFile, original);
  }
  return passed(
    name,
    `key ${oldKey} → ${newKey} (previousKeys [${oldKey}]): preview planned nothing, up moved all ${count} resources to the new names, next preview clean; ` +
      `displayName: 1 update of the Auth0 connection only (not applied); key back to ${oldKey} the same way`,
  );
}
