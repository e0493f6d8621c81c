// The first deployment of the stack file, as a user makes it (after the policy pack's preview,
// steps/policyPack.ts): `up`, then a preview and a refresh that must find nothing to change (each measured in API calls).
import { excerpt } from "../commands";
import { exportedState, failed, measured, passed, pulumi, userResources, type Context } from "../context";
import type { StepResult } from "../report";

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
