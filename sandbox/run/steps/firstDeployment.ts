// The first deployment of the stack file, as a user makes it: preview with the policy pack, `up`,
// then a preview and a refresh that must find nothing to change (each measured in API calls).
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../../offline/stackFile";
import { excerpt } from "../commands";
import { exportedState, failed, measured, passed, pulumi, userResources, type Context } from "../context";
import type { StepResult } from "../report";

/** The registry-built language host (v3.68) cannot start a policy pack: say so, never pass the step. */
const POLICY_HOST_UNSUPPORTED = /could not read plugin|not supported|failed to (load|start|run) (the )?(analyzer|policy)/i;

export async function previewWithPolicies(ctx: Context, name: string): Promise<StepResult> {
  const packConfig = path.join(REPO_ROOT, "policies", "config", `${ctx.stack}.json`);
  const args = ["preview", "--policy-pack", path.join(REPO_ROOT, "policies"), ...(fs.existsSync(packConfig) ? ["--policy-pack-config", packConfig] : [])];
  const result = await pulumi(ctx, args);
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.code !== 0 && POLICY_HOST_UNSUPPORTED.test(output)) {
    const plain = await pulumi(ctx, ["preview"]);
    const reason = output.split("\n").find((l) => POLICY_HOST_UNSUPPORTED.test(l))?.trim() ?? "the language host cannot start policy packs";
    return { name, status: "skipped", detail: `the Node.js language host cannot run the policy pack (${reason}); preview without it ${plain.code === 0 ? "succeeded" : `failed: ${excerpt(plain)}`}. Use a Pulumi CLI install whose language host runs policy packs` };
  }
  if (result.code !== 0) return failed(name, excerpt(result));
  const skippedPolicies = output.split("\n").filter((l) => /can't run policy/.test(l));
  if (skippedPolicies.length > 0) return failed(name, `${skippedPolicies.length} polic(ies) gave no verdict: ${skippedPolicies[0].trim()}`);
  return passed(name, "policy pack ran, no violation");
}

export async function firstUp(ctx: Context, name: string): Promise<StepResult> {
  const up = await measured(ctx, () => pulumi(ctx, ["up", "--yes", "--skip-preview"]));
  if (up.result.code !== 0) return failed(name, excerpt(up.result));
  ctx.numbers.apiCallsUp = up.total;
  ctx.numbers.resources = userResources((await exportedState(ctx)).resources);
  ctx.phases.push({ phase: "create (first up)", counts: up.calls, seconds: up.seconds, rateLimited: up.rateLimited });
  return passed(name, `${ctx.numbers.resources} resources, ${up.total} API calls`);
}

export async function noChangePreview(ctx: Context, name: string): Promise<StepResult> {
  const preview = await measured(ctx, () => pulumi(ctx, ["preview", "--expect-no-changes"]));
  ctx.numbers.apiCallsNoopPreview = preview.total;
  ctx.phases.push({ phase: "no-op preview", counts: preview.calls, seconds: preview.seconds, rateLimited: preview.rateLimited });
  return preview.result.code === 0 ? passed(name, `0 changes, ${preview.total} API calls`) : failed(name, excerpt(preview.result));
}

export async function noChangeRefresh(ctx: Context, name: string): Promise<StepResult> {
  const refresh = await measured(ctx, () => pulumi(ctx, ["refresh", "--expect-no-changes", "--yes", "--skip-preview"]));
  ctx.phases.push({ phase: "refresh", counts: refresh.calls, seconds: refresh.seconds, rateLimited: refresh.rateLimited });
  return refresh.result.code === 0 ? passed(name, `0 changes, ${refresh.total} API calls`) : failed(name, excerpt(refresh.result));
}
