// Group provisioning (scim.groups): one okta.PushGroup per pushed group in phase 2, by the group's Okta
// id, that never deletes the Auth0 group when removed; nothing in phase 1; the checklist says to tick
// Push Groups and verify with --groups.
import { runCommittedStack, ofType, single, T } from "../harness/committedStack";
import type { ProgramRun } from "../harness/runProgram";
import { GROUP_PUSH_SCOPES } from "../../components/decisions/groupPush";

type Conn = { consoleStepsDone?: boolean; scim?: Record<string, unknown>; scimApp: Record<string, unknown> };
const WITH_GROUPS = ["get:users", "post:users", "put:users", ...GROUP_PUSH_SCOPES];
const PUSHED = [{ id: "00g1k9x2b7QpR4sT6u8V" }, { name: "Engineering" }];

/** okta-acme (connections[0]) pushes two groups, its newest token generation rotated to the group scopes. */
const pushTwoGroups = (v: Record<string, unknown>) => {
  const acme = (v["oktaScim:connections"] as Conn[])[0];
  acme.scim = { ...(acme.scim ?? {}), groups: PUSHED, tokens: [{ generation: "2026-11", lifetimeSeconds: 7776000 }, { generation: "2027-01", scopes: WITH_GROUPS }] };
};

let dev: ProgramRun;
beforeAll(async () => {
  dev = await runCommittedStack("dev", { mutate: pushTwoGroups });
});

test("phase 2: one PushGroup per pushed group, in scim.groups order, from the SCIM app, keeping the Auth0 group on delete", () => {
  const pushes = ofType(dev, T.pushGroup, "okta-acme");
  expect(pushes).toHaveLength(2);
  const { scimAppId } = dev.resolved["okta-acme"] as { scimAppId: string };
  const assigned = (ofType(dev, T.groupAssignments, "okta-acme")[0].inputs.groups as { id: string }[]).map((g) => g.id);
  expect(pushes[0].inputs.sourceGroupId).toBe("00g1k9x2b7QpR4sT6u8V");
  // "Engineering" is pushed by the id its lookup found: the same id both apps are assigned.
  expect(assigned).toContain(pushes[1].inputs.sourceGroupId);
  for (const p of pushes) {
    expect(p.inputs).toMatchObject({ status: "ACTIVE", deleteTargetGroupOnDestroy: false });
    expect(p.inputs.appId).toBe(scimAppId);
    expect(p.name).toBe(`okta-acme-okta-scim-push-group-${p.inputs.sourceGroupId}`);
  }
  expect(ofType(dev, T.pushGroup, "okta-globex")).toHaveLength(0);
});

test("pushes start after the profile mapping and the tokens, and stop before the tokens are deleted", () => {
  const [push] = ofType(dev, T.pushGroup, "okta-acme");
  const mapping = single(dev, T.profileMapping, "okta-acme");
  const tokens = ofType(dev, T.scimToken, "okta-acme");
  expect(tokens).toHaveLength(2);
  expect(push.dependsOn).toEqual(expect.arrayContaining([`${T.profileMapping}::${mapping.name}`, ...tokens.map((t) => `${T.scimToken}::${t.name}`)]));
});

test("the checklist: tick Push Groups, the GROUPS step, verify with --groups", () => {
  const checklist = (dev.resolved["okta-acme"] as { consoleChecklist: string }).consoleChecklist;
  expect(checklist).toContain("Push New Users, Push Profile Updates and Push Groups (leave Import off)");
  expect(checklist).toMatch(/\[GROUPS\] Group Push is declared for "00g1k9x2b7QpR4sT6u8V" and "Engineering"/);
  expect(checklist).toContain("--write --groups");
  const other = (dev.resolved["okta-globex"] as { consoleChecklist: string }).consoleChecklist;
  expect(other).not.toContain("[GROUPS]");
  expect(other).toContain("(leave Import and Push Groups off)");
});

test("phase 1: pushed groups declare nothing yet, and the checklist says they come with phase 2", async () => {
  const prod = await runCommittedStack("prod", {
    mutate: (v) => {
      const c = (v["oktaScim:connections"] as Conn[])[0];
      c.scim = { ...(c.scim ?? {}), groups: [(c as unknown as { groups: unknown[] }).groups[0]], tokens: [{ generation: "g2", scopes: WITH_GROUPS }] };
    },
  });
  expect(ofType(prod, T.pushGroup)).toHaveLength(0);
  const [name] = Object.keys(prod.resolved).filter((k) => !k.includes("-scim-token"));
  expect((prod.resolved[name] as { consoleChecklist: string }).consoleChecklist).toMatch(/\[GROUPS\] Group Push for .* is declared with phase 2/);
});
