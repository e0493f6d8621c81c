// Group Push with the real okta provider (issue 22): on the first phase-2 connection with two groups,
// the documented two changes (docs/group-provisioning.md). First a token generation with the group
// scopes, whose token the admin pastes into Okta; then `scim.groups` with both groups: two
// `okta.PushGroup`, and Okta (the stand-in) pushes each group with its provisioned members to the
// Auth0 stand-in. verify --write --groups passes with the stack's newest token; the next preview is
// clean; removing one group unlinks its push and keeps its Auth0 group. The config is restored last.
import { GROUP_PUSH_SCOPES } from "../../../components/decisions/groupPush";
import { REQUIRED_SCOPES_BY_KIND, scimAppKind } from "../../../components/decisions/scimAppKind";
import { excerpt } from "../commands";
import { connectionsOf, failed, passed, pulumi, readStackConfig, scimAppId, writeStackConfig, type Context, type StackConfig } from "../context";
import { auth0GroupPusher } from "../groupPusher";
import type { StepResult } from "../report";
import { scimCall, scimRequest } from "../scimClient";
import { failingLines, runVerify } from "./verify";

const GENERATION = "sandbox-groups";
const PUSH_TYPE = "okta:index/pushGroup:PushGroup";

function pickConnection(ctx: Context, config: StackConfig) {
  return connectionsOf(config).find((c) => {
    const org = ctx.credentials.orgs.find((o) => o.name === c.oktaOrg);
    return c.consoleStepsDone === true && org && (c.groups ?? []).filter((g: { name?: string }) => g.name).length >= 2;
  });
}

export async function groupPushStep(ctx: Context, name: string): Promise<StepResult> {
  const original = readStackConfig(ctx.stackFile);
  const picked = pickConnection(ctx, original);
  if (!picked) return failed(name, "no connection in phase 2 (consoleStepsDone: true) with two groups given by name");
  const domain = ctx.credentials.orgs.find((o) => o.name === picked.oktaOrg)!.domain;
  const org = ctx.standIns.okta.org(domain);
  const tenant = ctx.standIns.auth0.tenant(ctx.standIns.auth0.domains[0]);
  const connection = [...tenant.connections.values()].find((x) => x.name === picked.name);
  const appId = scimAppId(ctx, picked, domain);
  if (!connection || !appId) return failed(name, `${picked.name}: no Auth0 connection or no SCIM app at the stand-ins`);
  const groupNames = (picked.groups as Array<{ name: string }>).filter((g) => g.name).slice(0, 2).map((g) => g.name);
  const edit = (change: (c: Record<string, any>) => void): void => {
    const config = readStackConfig(ctx.stackFile);
    change(connectionsOf(config).find((c) => c.name === picked.name)!);
    writeStackConfig(ctx.stackFile, config);
  };
  org.groupPusher = auth0GroupPusher((...request) => scimCall(ctx, ...request));
  try {
    // Auth0 holds two tokens per connection: a connection with two generations drops the older first.
    if (((connectionsOf(original).find((c) => c.name === picked.name)!.scim?.tokens as unknown[] | undefined)?.length ?? 1) > 1) {
      edit((c) => (c.scim = { ...c.scim, tokens: c.scim.tokens.slice(-1) }));
      const trimmed = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
      if (trimmed.code !== 0) return failed(name, `dropping the older token generation failed: ${excerpt(trimmed)}`);
    }
    // Change 1: the rotation to a token with the group scopes.
    edit((c) => {
      const tokens = (c.scim?.tokens as Array<Record<string, unknown>> | undefined) ?? [{ generation: "initial" }];
      c.scim = { ...(c.scim ?? {}), tokens: [...tokens.slice(-1), { generation: GENERATION, lifetimeSeconds: 7776000, scopes: [...REQUIRED_SCOPES_BY_KIND[scimAppKind(c.scimApp ?? {})], ...GROUP_PUSH_SCOPES] }] };
    });
    const rotated = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
    if (rotated.code !== 0) return failed(name, `the rotation to a group-scoped token failed: ${excerpt(rotated)}`);
    const token = tenant.tokensOf(connection.id).find((t) => t.scopes.includes("get:groups"));
    if (!token) return failed(name, "the rotation made no token with get:groups");
    // The admin pastes it into Okta (checklist ROTATE-1); Okta provisions one member of each group.
    org.scimConnections.set(appId, { baseUrl: `https://${tenant.domain}/scim/v2/connections/${connection.id}`, token: token.token });
    const members = groupNames.map((g, i) => org.addUser(`sandbox.push.${i + 1}@${domain}`, { groupIds: [[...org.groups.values()].find((x) => x.name === g)!.id] }));
    for (const m of members) {
      const created = await scimRequest(ctx, connection.id, token.token, "POST", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: m.login, externalId: m.id, active: true, emails: [{ value: m.login, primary: true, type: "work" }] });
      if (created.status !== 201) return failed(name, `Okta's user push of ${m.login} got ${created.status}`);
    }
    // Change 2: push both groups.
    edit((c) => (c.scim = { ...c.scim, groups: groupNames.map((g) => ({ name: g })) }));
    const preview = await pulumi(ctx, ["preview", "--json"]);
    if (preview.code !== 0) return failed(name, `preview of scim.groups failed: ${excerpt(preview)}`);
    const steps = (JSON.parse(preview.stdout) as { steps?: Array<{ op: string; urn: string }> }).steps ?? [];
    const changed = steps.filter((s) => s.op !== "same");
    const pushCreates = changed.filter((s) => s.op === "create" && s.urn.includes(PUSH_TYPE));
    if (pushCreates.length !== 2 || changed.some((s) => !s.urn.includes(PUSH_TYPE))) return failed(name, `scim.groups: the preview should create exactly two PushGroups, it shows ${changed.map((s) => `${s.op} ${s.urn.split("::").pop()}`).join(", ")}`);
    const pushed = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
    if (pushed.code !== 0) return failed(name, `up with scim.groups failed: ${excerpt(pushed)}`);
    await Promise.all(org.pushes);
    const mappings = [...org.groupPushMappings.values()].filter((m) => m.appId === appId);
    const broken = mappings.filter((m) => m.status !== "ACTIVE" || !m.lastPush);
    if (mappings.length !== 2 || broken.length > 0) return failed(name, `Okta holds ${mappings.length} push mapping(s); not pushed: ${broken.map((m) => `${m.targetGroupName} ${m.status} ${m.errorSummary ?? ""}`).join("; ")}`);
    const groups = tenant.groupsOf(connection.id);
    // Each pushed group holds exactly the Auth0 users of its Okta members (ours, and any an earlier
    // step provisioned into the same group), and ours among them.
    const wrong = groupNames.filter((g, i) => {
      const found = groups.find((x) => x.displayName === g);
      const oktaGroup = [...org.groups.values()].find((x) => x.name === g)!;
      const logins = new Set([...org.users.values()].filter((u) => u.groupIds.includes(oktaGroup.id)).map((u) => u.login));
      const expected = tenant.usersOf(connection.id).filter((u) => logins.has((u.resource as { userName?: string }).userName ?? "")).map((u) => u.id).sort();
      const user = tenant.usersOf(connection.id).find((u) => (u.resource as { userName?: string }).userName === members[i].login);
      return !found || !user || !expected.includes(user.id) || found.members.map((m) => m.value).sort().join() !== expected.join();
    });
    if (wrong.length > 0) return failed(name, `Auth0 lacks the pushed group, or its member, for ${wrong.join(", ")}`);
    const verified = await runVerify(ctx, ["--connection", picked.name, "--write", "--groups"]);
    if (verified.code !== 0) return failed(name, `verify --write --groups: ${failingLines(verified).join(" | ") || excerpt(verified, 4)}`);
    const clean = await pulumi(ctx, ["preview", "--refresh", "--expect-no-changes"]);
    if (clean.code !== 0) return failed(name, `after the pushes the next preview --refresh is not clean: ${excerpt(clean)}`);
    // Removing one group from scim.groups unlinks its push; the Auth0 group stays.
    edit((c) => (c.scim = { ...c.scim, groups: [{ name: groupNames[0] }] }));
    const removed = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
    if (removed.code !== 0) return failed(name, `removing ${groupNames[1]} from scim.groups failed: ${excerpt(removed)}`);
    const deleted = org.deletedTargets[org.deletedTargets.length - 1];
    if (!deleted || deleted.deleteTargetGroup) return failed(name, `removing ${groupNames[1]}: the push mapping was ${deleted ? "deleted with deleteTargetGroup=true" : "not deleted"}`);
    if (!tenant.groupsOf(connection.id).some((g) => g.displayName === groupNames[1])) return failed(name, `removing ${groupNames[1]} from scim.groups deleted its Auth0 group`);
    return passed(
      name,
      `rotation to a group-scoped token, then scim.groups [${groupNames.join(", ")}]: 2 PushGroup creates, both pushed (Auth0 holds both groups with their member), verify --write --groups passed, next preview clean; removing ${groupNames[1]} unlinked its push and kept its Auth0 group`,
    );
  } finally {
    // Later steps take the config as it was, less the older generation dropped above (re-adding it
    // would make a third token): the pushes go (their Auth0 groups stay), the group-scoped token too.
    const restored = structuredClone(original);
    const c = connectionsOf(restored).find((x) => x.name === picked.name)!;
    if (c.scim?.tokens) c.scim.tokens = c.scim.tokens.slice(-1);
    writeStackConfig(ctx.stackFile, restored);
    await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
    org.groupPusher = undefined;
  }
}
