// The token resource's code frozen at creation, on the real engine (issue 14, item 4). The engine
// keeps each dynamic resource's serialized provider (`__provider`) in its state, and refresh and
// destroy run that copy. A changed provider must count as a change: an update per token that only
// rewrites `__provider`, with no Auth0 call. The repository is not touched: the throwaway project's
// `components` symlink is replaced by a copy whose token provider has an inert change, then restored
// (whose preview shows the same updates back, applied too). The `index.ts` symlink is replaced by a
// copy as well: Node resolves a module's imports from its real path, so the repository's index.ts
// would import the repository's components, never the copy.
import * as fs from "fs";
import * as path from "path";
import { excerpt } from "../commands";
import { exportedState, failed, passed, pulumi, TOKEN_TYPE, type Context, type StateResource } from "../context";
import { keyOfUrn } from "../plan";
import { changedInputKeys, changingSteps, describeSteps, parsePreview, type PreviewStep } from "../previewJson";
import type { StepResult } from "../report";

/** Where the inert change goes: the first line of a function the serialized provider captures (`update` calls it). */
export const INERT_CHANGE_ANCHOR = "export function updatedOutputs(olds: StoredToken, news: ScimTokenInputs): ScimTokenOutputs {";
const PROVIDER_FILE = path.join("components", "scimToken", "provider.ts");
const SERIALIZED = "__provider";
/** Copied instead of linked while the changed provider runs: the program's entry and the components. */
const COPIED_ENTRIES = ["index.ts", "components"];

/** provider.ts with a statement that does nothing but changes the serialized code. Pure. */
export function withInertChange(source: string, marker: string): string | undefined {
  if (!source.includes(INERT_CHANGE_ANCHOR)) return undefined;
  return source.replace(INERT_CHANGE_ANCHOR, `${INERT_CHANGE_ANCHOR}\n  void ${JSON.stringify(marker)};`);
}

/** Problems with a plan that should update exactly these tokens, each only in `__provider`. Pure. */
export function providerOnlyPlanProblems(steps: readonly PreviewStep[], tokenUrns: readonly string[]): string[] {
  const changes = changingSteps({ steps: [...steps] });
  const problems: string[] = [];
  const others = changes.filter((s) => !tokenUrns.includes(s.urn) || s.op !== "update");
  if (others.length > 0) problems.push(`planned besides the token updates: ${describeSteps(others).join(", ")}`);
  for (const urn of tokenUrns) {
    const updates = changes.filter((s) => s.urn === urn && s.op === "update");
    if (updates.length !== 1) {
      problems.push(`${keyOfUrn(urn)}: ${updates.length} updates planned, expected 1`);
      continue;
    }
    const keys = changedInputKeys(updates[0]);
    if (keys.join(",") !== SERIALIZED) problems.push(`${keyOfUrn(urn)}: the update changes ${keys.join(", ") || "nothing"}, expected only ${SERIALIZED}`);
  }
  return problems;
}

/** Serialized provider code of a token in the state (outputs, where refresh and delete load it). */
const serializedOf = (r: StateResource) => String(r.outputs?.[SERIALIZED] ?? "");

/** Calls to Auth0's SCIM token API (list, create, delete) since `mark`. */
const tokenApiCalls = (ctx: Context, mark: number) => ctx.standIns.log.since(mark, "auth0").filter((c) => c.route.includes("/scim-configuration/tokens"));

/** What the engine itself names as the diff of the token updates (the text preview's `[diff: …]`). Pure. */
export function engineDiffReasons(steps: readonly PreviewStep[], tokenUrns: readonly string[]): string {
  const reasons = [...new Set(steps.filter((s) => tokenUrns.includes(s.urn) && s.op === "update").map((s) => (s.diffReasons ?? []).join(",") || "none"))];
  return reasons.join(" / ");
}

async function previewUpClean(ctx: Context, tokenUrns: string[], what: string): Promise<string | { auth0Calls: number; diffReasons: string; tokenLine: string }> {
  const preview = await pulumi(ctx, ["preview", "--json"]);
  if (preview.code !== 0) return `${what}: preview failed: ${excerpt(preview)}`;
  const steps = parsePreview(preview.stdout).steps ?? [];
  const problems = providerOnlyPlanProblems(steps, tokenUrns);
  if (problems.length > 0) return `${what}: ${problems.join("; ")}`;
  // What a reviewer reads: the text preview's line for one token (`~ … update [diff: …]` or without).
  const text = await pulumi(ctx, ["preview"]);
  const tokenLine = `${text.stdout}\n${text.stderr}`.split("\n").find((l) => /ScimToken/.test(l) && /update/.test(l))?.trim().replace(/\s+/g, " ") ?? "no ScimToken update line";
  const mark = ctx.standIns.log.mark();
  const up = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
  if (up.code !== 0) return `${what}: up failed: ${excerpt(up)}`;
  const calls = tokenApiCalls(ctx, mark);
  if (calls.length > 0) return `${what}: up made ${calls.length} Auth0 token API call(s) (${calls.map((c) => `${c.method} ${c.route}`).join(", ")}), expected none`;
  return { auth0Calls: ctx.standIns.log.total(mark, "auth0"), diffReasons: engineDiffReasons(steps, tokenUrns), tokenLine };
}

export async function tokenCodeStep(ctx: Context, name: string): Promise<StepResult> {
  const tokens = (await exportedState(ctx)).resources.filter((r) => r.type === TOKEN_TYPE);
  if (tokens.length === 0) return failed(name, "no SCIM token in the state");
  const tokenUrns = tokens.map((t) => t.urn);
  const links = COPIED_ENTRIES.map((entry) => path.join(ctx.project, entry));
  const notLinks = links.filter((l) => !fs.lstatSync(l).isSymbolicLink());
  if (notLinks.length > 0) return failed(name, `${notLinks.join(", ")}: not the symlinks the throwaway project makes`);
  const targets = links.map((l) => fs.readlinkSync(l));
  const marker = `sandbox inert change ${Date.now().toString(36)}`;
  const changed = withInertChange(fs.readFileSync(path.join(targets[COPIED_ENTRIES.indexOf("components")], "scimToken", "provider.ts"), "utf8"), marker);
  if (changed === undefined) return failed(name, `${PROVIDER_FILE} no longer has the line the inert change follows (${INERT_CHANGE_ANCHOR}): update sandbox/run/steps/tokenCode.ts`);

  let first: { auth0Calls: number; diffReasons: string; tokenLine: string };
  try {
    links.forEach((link, i) => {
      fs.unlinkSync(link);
      fs.cpSync(targets[i], link, { recursive: true });
    });
    fs.writeFileSync(path.join(ctx.project, PROVIDER_FILE), changed);
    const result = await previewUpClean(ctx, tokenUrns, "changed provider");
    if (typeof result === "string") return failed(name, result);
    first = result;
    const after = (await exportedState(ctx)).resources.filter((r) => r.type === TOKEN_TYPE);
    const stale = tokenUrns.filter((u) => !serializedOf(after.find((r) => r.urn === u) ?? { urn: u, type: TOKEN_TYPE }).includes(marker));
    if (stale.length > 0) return failed(name, `after up, the state still holds the old serialized provider for ${stale.map(keyOfUrn).join(", ")}`);
    const clean = await pulumi(ctx, ["preview", "--expect-no-changes"]);
    if (clean.code !== 0) return failed(name, `changed provider applied, but the next preview is not clean: ${excerpt(clean)}`);
  } finally {
    links.forEach((link, i) => {
      fs.rmSync(link, { recursive: true, force: true });
      fs.symlinkSync(targets[i], link);
    });
  }

  const restored = await previewUpClean(ctx, tokenUrns, "provider restored");
  if (typeof restored === "string") return failed(name, restored);
  const back = (await exportedState(ctx)).resources.filter((r) => r.type === TOKEN_TYPE);
  if (back.some((r) => serializedOf(r).includes(marker))) return failed(name, "the restored provider was applied, but the state still holds the changed one");
  return passed(
    name,
    `${tokens.length} token(s): an inert change of the serialized provider planned as ${tokens.length} update(s) of ${SERIALIZED} only ` +
      `(the engine's diff keys: ${first.diffReasons}; text preview: "${first.tokenLine}"), ` +
      `up made 0 token API calls (${first.auth0Calls} Auth0 calls in all), the state holds the new code, next preview clean; restored the same way`,
  );
}
