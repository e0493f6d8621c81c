// Adoption of a setup made by hand (docs/adopting-an-existing-setup.md) on the real engine: a side
// stack deploys the first connection in phase 1 and is then removed from the backend (`stack rm
// --force`), so only the objects remain, as if an admin had made them; a SCIM user is provisioned
// through its token. A second stack adopts them through `connections[].adopt`: with a mismatching
// OIDC app label the preview must name the difference (and the stand-ins receive no write); with the
// right config the preview holds only imports and the new token's create, `up` applies it, the next
// preview is empty, and the SCIM user and the hand-made token are untouched. Cleans up after itself.
import * as path from "path";
import { excerpt } from "../commands";
import { failed, passed, pulumi, readStackConfig, writeStackConfig, type Context } from "../context";
import type { StepResult } from "../report";
import { settingsForOneConnection, withSecrets, type SecretSetting } from "../secrets";
import { scimRequest } from "../scimClient";
import { ADOPT_SUFFIX, adoptionConfig, adoptionPreview, HANDMADE_SUFFIX, handmadeConfig, type AdoptIds, type PreviewStep } from "../adoption";

const TOKEN_CREATE = "auth0 POST /api/v2/connections/{id}/scim-configuration/tokens";

type Run = (args: string[], input?: string) => ReturnType<typeof pulumi>;

/** A side stack in the run's backend: its file, and `pulumi` bound to it with `--stack`. */
function sideStack(ctx: Context, suffix: string) {
  const name = `${ctx.stack}-${suffix}`;
  const file = path.join(ctx.project, `Pulumi.${name}.yaml`);
  const run: Run = (args, input) => pulumi(ctx, [...args, "--stack", name], input);
  return { name, file, run };
}

/** Creates the side stack with `config` (secure leaves set from the run's generated secrets). */
async function initStack(ctx: Context, stack: ReturnType<typeof sideStack>, config: Record<string, unknown>, settings: readonly SecretSetting[]): Promise<void> {
  writeStackConfig(stack.file, withSecrets(config, settings.map((s) => ({ ...s, value: "set-by-the-sandbox" }))));
  const init = await pulumi(ctx, ["stack", "init", stack.name, "--secrets-provider", "passphrase"]);
  if (init.code !== 0) throw new Error(`pulumi stack init ${stack.name} failed: ${excerpt(init)}`);
  for (const s of settings) {
    const set = await stack.run(["config", "set", "--secret", "--path", s.path], s.value);
    if (set.code !== 0) throw new Error(`config set --secret ${s.path} on ${stack.name} failed`);
  }
}

/** Rewrites the side stack's config, keeping its secure values (encrypted for that stack). */
function rewriteConfig(stack: ReturnType<typeof sideStack>, config: Record<string, unknown>, secretKeys: readonly string[]): void {
  const current = readStackConfig(stack.file);
  const next = { ...config };
  for (const key of secretKeys) if (key in current) next[key] = current[key];
  writeStackConfig(stack.file, next);
}

/** POST /Users at the Auth0 stand-in's SCIM endpoint with the hand-made token, as Okta would. */
async function provisionScimUser(ctx: Context, connectionId: string, token: string, userName: string): Promise<number> {
  const body = {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName,
    externalId: userName,
    name: { givenName: "Hand", familyName: "Made" },
    emails: [{ value: userName, primary: true, type: "work" }],
    active: true,
  };
  return (await scimRequest(ctx, connectionId, token, "POST", body)).status;
}

/** Calls that change something at a stand-in (token logins excepted) since `mark`. */
function writesSince(ctx: Context, mark: number): string[] {
  return ctx.standIns.log
    .since(mark)
    .filter((c) => c.method !== "GET" && c.route !== "/oauth/token" && c.route !== "/oauth2/v1/token")
    .map((c) => `${c.service} ${c.method} ${c.route}`);
}

export async function adoptStep(ctx: Context, name: string): Promise<StepResult> {
  // The stack file as the run first deployed it: the run's secret settings name its paths (later steps
  // may have removed connections, so the current file's indices no longer match them).
  const base = ctx.firstConfig;
  const made = handmadeConfig(base);
  if (!made) return { name, status: "skipped", detail: "every connection is in a customer's org: adopt is refused there (the customer's admin made the Okta side); adoption runs on stacks with an administered org" };
  const { config: handmadeCfg, connection, index } = made;
  const settings = settingsForOneConnection(ctx.settings, index);
  const secretKeys = [...new Set(settings.map((s) => s.key))];
  const domain = ctx.standIns.auth0.domains[0];
  const tenant = ctx.standIns.auth0.tenant(domain);
  const handmade = sideStack(ctx, HANDMADE_SUFFIX);
  const adopt = sideStack(ctx, ADOPT_SUFFIX);
  const orgDomain = ctx.credentials.orgs.find((o) => o.name === connection.oktaOrg)!.domain;
  const org = ctx.standIns.okta.org(orgDomain);
  let adoptInitialised = false;
  let ids: AdoptIds | undefined;
  try {
    // 1. The "hand-made" setup: deployed by a side stack that is then forgotten by the backend.
    await initStack(ctx, handmade, handmadeCfg, settings);
    const handmadeUp = await handmade.run(["up", "--yes", "--skip-preview"]);
    if (handmadeUp.code !== 0) return failed(name, `hand-made setup: up failed: ${excerpt(handmadeUp)}`);
    const con = [...tenant.connections.values()].find((c) => c.name === connection.name);
    const oidc = [...org.apps.values()].find((a) => a.signOnMode === "OPENID_CONNECT" && a.label === connection.oidcApp.label);
    const swa = [...org.apps.values()].find((a) => a.signOnMode === "AUTO_LOGIN" && a.label === connection.scimApp.label);
    if (!con || !oidc || !swa) return failed(name, "hand-made setup: connection or Okta apps not found at the stand-ins");
    ids = { auth0ConnectionId: con.id, oidcAppId: oidc.id, scimAppId: swa.id };
    const [handmadeToken] = tenant.tokensOf(con.id);
    if (!handmadeToken) return failed(name, "hand-made setup: no SCIM token at the stand-in");
    const userName = "hand.made.user@sandbox.example";
    const status = await provisionScimUser(ctx, con.id, handmadeToken.token, userName);
    if (status !== 201) return failed(name, `hand-made setup: SCIM POST /Users answered ${status}`);
    const rm = await handmade.run(["stack", "rm", "--force", "--yes"]);
    if (rm.code !== 0) return failed(name, `hand-made setup: stack rm failed: ${excerpt(rm)}`);

    // 2. A mismatch (another OIDC app label): the preview must show it, and nothing be written.
    await initStack(ctx, adopt, adoptionConfig(handmadeCfg, ids, true), settings);
    adoptInitialised = true;
    const mark = ctx.standIns.log.mark();
    const mismatch = await adopt.run(["preview", "--json", "--diff"]);
    const mismatchSteps = (JSON.parse(mismatch.stdout || "{}") as { steps?: PreviewStep[] }).steps ?? [];
    const mismatchOps = adoptionPreview(mismatchSteps);
    const writes = writesSince(ctx, mark);
    if (writes.length > 0) return failed(name, `mismatch preview wrote to the stand-ins: ${writes.join(", ")}`);
    const named = mismatchOps.unexpected.find((u) => /okta:app\/oAuth:OAuth/.test(u) && /label/.test(u));
    if (mismatch.code === 0 && !named) return failed(name, `mismatching label not shown by the preview: ${mismatchOps.unexpected.join("; ") || "no difference"}`);
    const mismatchSummary = mismatch.code === 0 ? `preview shows ${named}` : `preview failed: ${excerpt(mismatch, 2)}`;

    // 3. The adoption: only imports and the new token's create; up; then nothing to change.
    rewriteConfig(adopt, adoptionConfig(handmadeCfg, ids), secretKeys);
    const preview = await adopt.run(["preview", "--json"]);
    if (preview.code !== 0) return failed(name, `adoption preview failed: ${excerpt(preview)}`);
    const ops = adoptionPreview((JSON.parse(preview.stdout) as { steps?: PreviewStep[] }).steps ?? []);
    if (ops.unexpected.length > 0) return failed(name, `adoption preview is not only imports: ${ops.unexpected.join("; ")}`);
    const upMark = ctx.standIns.log.mark();
    const up = await adopt.run(["up", "--yes", "--skip-preview"]);
    if (up.code !== 0) return failed(name, `adoption up failed: ${excerpt(up)}`);
    // The only write an adoption makes: the new token(s). Nothing adopted is changed.
    const upWrites = writesSince(ctx, upMark);
    if (upWrites.some((w) => w !== TOKEN_CREATE)) return failed(name, `adoption up wrote more than the new token: ${upWrites.join(", ")}`);
    const again = await adopt.run(["preview", "--expect-no-changes"]);
    if (again.code !== 0) return failed(name, `preview after the adoption is not empty: ${excerpt(again)}`);
    // The adopt block removed (docs step 8): the import is in the state, nothing changes.
    rewriteConfig(adopt, handmadeCfg, secretKeys);
    const removed = await adopt.run(["preview", "--expect-no-changes"]);
    if (removed.code !== 0) return failed(name, `preview with the adopt block removed is not empty: ${excerpt(removed)}`);
    const userKept = tenant.usersOf(con.id).some((u) => u.resource.userName === userName);
    const tokens = tenant.tokensOf(con.id);
    const tokenKept = tokens.some((t) => t.token_id === handmadeToken.token_id);
    if (!userKept || !tokenKept) return failed(name, `after the adoption: SCIM user ${userKept ? "kept" : "GONE"}, hand-made token ${tokenKept ? "kept" : "GONE"}`);
    return passed(
      name,
      `mismatch: ${mismatchSummary}, 0 writes; adoption: ${ops.imports.length} imports + ${ops.creates.length} token create(s), up wrote only ${upWrites.length} token POST(s), then 0 changes (adopt kept and removed); SCIM user and hand-made token kept (${tokens.length} tokens)`,
    );
  } finally {
    // Leave the stand-ins as the teardown step expects: nothing of this step remains.
    if (adoptInitialised) {
      await adopt.run(["state", "unprotect", "--all", "--yes"]);
      await adopt.run(["destroy", "--yes", "--skip-preview"]);
      await adopt.run(["stack", "rm", "--force", "--yes"]);
    }
    if (ids) {
      tenant.deleteConnection(ids.auth0ConnectionId);
      for (const appId of [ids.oidcAppId, ids.scimAppId]) if (org.apps.has(appId)) org.deleteApp(appId);
    }
    await pulumi(ctx, ["stack", "select", ctx.stack]);
  }
}
