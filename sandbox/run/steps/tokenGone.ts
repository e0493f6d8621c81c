// A SCIM token deleted out of band (in the Auth0 dashboard) is gone from the state after a refresh,
// and the next `up` recreates exactly it.
import { excerpt } from "../commands";
import { exportedState, failed, passed, pulumi, TOKEN_TYPE, type Context } from "../context";
import { changeMismatches, keyOfUrn, previewChanges } from "../plan";
import type { StepResult } from "../report";

export async function tokenGoneStep(ctx: Context, name: string): Promise<StepResult> {
  const state = await exportedState(ctx);
  const token = state.resources.find((r) => r.type === TOKEN_TYPE);
  const tokenId = token?.outputs?.tokenId;
  const connectionId = token?.outputs?.connectionId ?? token?.inputs?.connectionId;
  if (!token || typeof tokenId !== "string" || typeof connectionId !== "string") return failed(name, "no SCIM token with a tokenId in the state");
  const tenant = ctx.standIns.auth0.tenant(ctx.standIns.auth0.domains[0]);
  const tokens = tenant.tokensOf(connectionId);
  const index = tokens.findIndex((t) => t.token_id === tokenId);
  if (index < 0) return failed(name, `token ${tokenId} is not at the Auth0 stand-in`);
  tokens.splice(index, 1);
  const refresh = await pulumi(ctx, ["refresh", "--yes", "--skip-preview"]);
  if (refresh.code !== 0) return failed(name, `refresh failed: ${excerpt(refresh)}`);
  const after = await exportedState(ctx);
  if (after.resources.some((r) => r.urn === token.urn)) return failed(name, `${keyOfUrn(token.urn)} is still in the state after refresh`);
  const preview = await pulumi(ctx, ["preview", "--json"]);
  const planned = preview.code === 0 ? previewChanges(JSON.parse(preview.stdout)) : undefined;
  const mismatches = planned ? changeMismatches({ create: [keyOfUrn(token.urn)], update: [], delete: [] }, planned) : [`preview failed: ${excerpt(preview)}`];
  if (mismatches.length > 0) return failed(name, `gone on refresh, but the next up would not just recreate it: ${mismatches.join("; ")}`);
  const up = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
  if (up.code !== 0) return failed(name, `recreating it failed: ${excerpt(up)}`);
  return passed(name, `${keyOfUrn(token.urn)} gone on refresh; the next up recreated exactly it`);
}
