// No secret value (config secrets, SCIM tokens, OIDC client secrets) appears in plain text in the
// exported state.
import { exportedState, failed, passed, type Context } from "../context";
import type { StepResult } from "../report";

export async function noPlainSecretStep(ctx: Context, name: string): Promise<StepResult> {
  const state = await exportedState(ctx);
  const tenant = ctx.standIns.auth0.tenant(ctx.standIns.auth0.domains[0]);
  const scimTokens = [...tenant.tokens.values()].flat().map((t) => t.token);
  const clientSecrets = ctx.standIns.okta.domains.flatMap((d) => [...ctx.standIns.okta.org(d).apps.values()].map((a) => a.clientSecret).filter((s): s is string => !!s));
  const watched = [...ctx.secrets, ...scimTokens, ...clientSecrets];
  const leaked = watched.filter((s) => s.length >= 8 && state.text.includes(s));
  if (leaked.length > 0) return failed(name, `${leaked.length} secret value(s) in plain text in \`pulumi stack export\``);
  return passed(name, `${watched.length} secret values checked (config secrets, SCIM tokens, OIDC client secrets), none in plain text`);
}
