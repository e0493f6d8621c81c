// The day-2 sandbox steps' pure parts: the config edits they make, and how they judge the real
// engine's `pulumi preview --json` (group lookups, phase rollback, token provider code, renames).
import * as fs from "fs";
import * as path from "path";
import { readStackFileConfig } from "../../config/stackFile";
import { validateStackConfigInput } from "../../config/validate";
import { secretSettings, withSecrets } from "../../sandbox/run/secrets";
import { REPO_ROOT } from "../harness/stackFile";
import { isWrite, urnsUnderKey } from "../../sandbox/run/day2";
import { mockedRegistrations } from "../../sandbox/run/context";
import { expectedChanges } from "../../sandbox/run/plan";
import { changedInputKeys, changingSteps, type PreviewStep } from "../../sandbox/run/previewJson";
import { consoleGroupPlanProblems, NEAR_MISS_GROUP, NEAR_MISS_MATCH, nearMissProblems, withExtraGroup } from "../../sandbox/run/steps/groupLookups";
import { rolledBack, unexpectedRollbackDeletes } from "../../sandbox/run/steps/phaseRollback";
import { displayNameProblems, keyChangeProblems, renamedKey, withDisplayName, withKey } from "../../sandbox/run/steps/renames";
import { engineDiffReasons, providerOnlyPlanProblems, withInertChange } from "../../sandbox/run/steps/tokenCode";

const dev = () => readStackFileConfig(REPO_ROOT, "dev")!;
const PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n-----END RSA PRIVATE KEY-----\n";

/** The stack config's validation problems (secure leaves given values, namespace dropped); [] when valid. */
function problemsOf(config: Record<string, unknown>): unknown[] {
  const values = withSecrets(config, secretSettings(config, { rsaPrivateKeyPem: () => PEM, random: (n) => "r".repeat(n) }));
  const input = Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith("oktaScim:")).map(([k, v]) => [k.slice("oktaScim:".length), v]));
  const result = validateStackConfigInput(input);
  return "problems" in result ? result.problems : [];
}
const STACK = "urn:pulumi:dev::oktaScim::pulumi:pulumi:Stack::oktaScim-dev";
const COMPONENT = "urn:pulumi:dev::oktaScim::oktaScim:index:OktaAuth0ScimIntegration";
const urn = (type: string, name: string) => `${COMPONENT}$${type}::${name}`;
const ASSIGNMENTS = "okta:index/appGroupAssignments:AppGroupAssignments";
const TOKEN = "pulumi-nodejs:dynamic/scimToken:ScimToken";

describe("what counts as a write at a stand-in", () => {
  it("is any non-GET call but the token endpoints", () => {
    expect(isWrite({ method: "PUT", route: "/api/v1/apps/{appId}/groups/{groupId}" })).toBe(true);
    expect(isWrite({ method: "DELETE", route: "/api/v2/connections/{id}" })).toBe(true);
    expect(isWrite({ method: "GET", route: "/api/v1/groups" })).toBe(false);
    expect(isWrite({ method: "POST", route: "/oauth2/v1/token" })).toBe(false);
    expect(isWrite({ method: "POST", route: "/oauth/token" })).toBe(false);
  });
});

describe("reading pulumi preview --json", () => {
  it("leaves out the Stack and sames, and takes the engine's diff keys or else compares the inputs", () => {
    const steps: PreviewStep[] = [
      { op: "same", urn: STACK },
      { op: "update", urn: STACK },
      { op: "same", urn: urn(ASSIGNMENTS, "a") },
      { op: "update", urn: urn(ASSIGNMENTS, "b"), diffReasons: ["groups[1].id", "groups"] },
      { op: "update", urn: urn(TOKEN, "t"), oldState: { inputs: { a: 1, __provider: "x", s: [1, 2] } }, newState: { inputs: { a: 1, __provider: "y", s: [1, 2] } } },
    ];
    const changes = changingSteps({ steps });
    expect(changes.map((s) => s.urn)).toEqual([urn(ASSIGNMENTS, "b"), urn(TOKEN, "t")]);
    expect(changedInputKeys(changes[0])).toEqual(["groups"]);
    expect(changedInputKeys(changes[1])).toEqual(["__provider"]);
  });
});

describe("group lookups", () => {
  it("appends the near-miss group to the first connection and names its index", () => {
    const config = dev();
    const { config: edited, index } = withExtraGroup(config, NEAR_MISS_GROUP);
    const groups = (edited["oktaScim:connections"] as any[])[0].groups;
    expect(index).toBe(3);
    expect(groups[3]).toEqual({ name: NEAR_MISS_GROUP });
    expect((config["oktaScim:connections"] as any[])[0].groups).toHaveLength(3);
  });

  it("wants the refusal to name the config path, both groups and that nothing was created", () => {
    const good = `error: Invalid stack configuration (1 problem); nothing was created:\n  - oktaScim:connections[0].groups[3]: names the Okta group "${NEAR_MISS_GROUP}", but … returned only\n     "${NEAR_MISS_MATCH}" (00g1)`;
    expect(nearMissProblems(good, "oktaScim:connections[0].groups[3]")).toEqual([]);
    expect(nearMissProblems(good, "oktaScim:connections[0].groups[2]")).toEqual(["the output does not name oktaScim:connections[0].groups[2]"]);
    expect(nearMissProblems("error: failed to query for groups", "oktaScim:connections[0].groups[3]")).toHaveLength(3);
  });

  const refreshed = (groups: string[]): PreviewStep["oldState"] => ({ type: ASSIGNMENTS, inputs: { groups: groups.map((id) => ({ id, profile: "{}" })) } });
  const update = (extra: Partial<PreviewStep> = {}): PreviewStep => ({
    op: "update",
    urn: urn(ASSIGNMENTS, "okta-acme-okta-scim-app-groups"),
    diffReasons: ["groups"],
    oldState: refreshed(["00gA", "00gConsole"]),
    newState: { type: ASSIGNMENTS, inputs: { groups: [{ id: "00gA", profile: "{}" }] } },
    ...extra,
  });

  it("accepts exactly one update of the SCIM app's assignments whose groups lose the console group", () => {
    expect(consoleGroupPlanProblems([update(), { op: "same", urn: urn(ASSIGNMENTS, "okta-acme-okta-oidc-app-groups") }], "okta-acme-okta-scim-app-groups", "00gConsole")).toEqual([]);
  });

  it("refuses a plan without the update, with other changes, a replacement, or the group kept", () => {
    expect(consoleGroupPlanProblems([], "okta-acme-okta-scim-app-groups", "00gConsole")[0]).toMatch(/no change of okta-acme-okta-scim-app-groups/);
    expect(consoleGroupPlanProblems([update(), { op: "update", urn: urn(ASSIGNMENTS, "okta-acme-okta-oidc-app-groups") }], "okta-acme-okta-scim-app-groups", "00gConsole")).toEqual([
      `unexpected changes besides it: update ${ASSIGNMENTS}::okta-acme-okta-oidc-app-groups`,
    ]);
    expect(consoleGroupPlanProblems([update({ op: "replace" })], "okta-acme-okta-scim-app-groups", "00gConsole")[0]).toMatch(/not an update/);
    expect(consoleGroupPlanProblems([update({ oldState: refreshed(["00gA"]) })], "okta-acme-okta-scim-app-groups", "00gConsole")).toEqual([
      "the refreshed state does not show the console group 00gConsole",
    ]);
    expect(consoleGroupPlanProblems([update({ newState: refreshed(["00gA", "00gConsole"]) })], "okta-acme-okta-scim-app-groups", "00gConsole")).toEqual([
      "the planned groups still hold the console group 00gConsole",
    ]);
  });
});

describe("phase rollback", () => {
  it("flips every phase-2 connection back and leaves the deployed config as it was", () => {
    const config = dev();
    const { config: rolled, connections } = rolledBack(config);
    expect(connections).toEqual(["okta-acme", "okta-globex"]);
    expect((rolled["oktaScim:connections"] as any[]).map((c) => c.consoleStepsDone)).toEqual([false, false]);
    expect((config["oktaScim:connections"] as any[]).map((c) => c.consoleStepsDone)).toEqual([true, true]);
  });

  it("allows deletes of the profile mapping and schema properties only", () => {
    expect(unexpectedRollbackDeletes(["okta:profile/mapping:Mapping::a", "okta:index/appUserSchemaProperty:AppUserSchemaProperty::b"])).toEqual([]);
    expect(unexpectedRollbackDeletes(["okta:profile/mapping:Mapping::a", `${ASSIGNMENTS}::c`])).toEqual([`${ASSIGNMENTS}::c`]);
  });
});

describe("token provider code", () => {
  const source = fs.readFileSync(path.join(REPO_ROOT, "components", "scimToken", "provider.ts"), "utf8");

  it("finds its anchor in the token provider, inside the function the provider's update calls", () => {
    const changed = withInertChange(source, "marker 1");
    expect(changed).toBeDefined();
    expect(changed).toContain('ScimTokenOutputs {\n  void "marker 1";');
    expect(source).toMatch(/update: async \(_id, olds, news\) => \(\{ outs: updatedOutputs\(olds, news\) \}\)/);
    expect(withInertChange("export function other() {}", "m")).toBeUndefined();
  });

  const tokens = [urn(TOKEN, "okta-acme-scim-token-a"), urn(TOKEN, "okta-globex-scim-token-a")];
  const providerUpdate = (u: string, extra: Record<string, unknown> = {}): PreviewStep => ({
    op: "update",
    urn: u,
    oldState: { inputs: { generation: "a", __provider: "old" } },
    newState: { inputs: { generation: "a", __provider: "new", ...extra } },
  });

  it("accepts one update per token changing only __provider", () => {
    expect(providerOnlyPlanProblems(tokens.map((t) => providerUpdate(t)), tokens)).toEqual([]);
  });

  it("reports the engine's own diff keys of the token updates, or none when it gave none", () => {
    expect(engineDiffReasons([{ ...providerUpdate(tokens[0]), diffReasons: ["__provider"] }, { ...providerUpdate(tokens[1]), diffReasons: ["__provider"] }], tokens)).toBe("__provider");
    expect(engineDiffReasons([providerUpdate(tokens[0])], tokens)).toBe("none");
  });

  it("refuses a missing token update, a token changing more, a replacement or another change", () => {
    expect(providerOnlyPlanProblems([providerUpdate(tokens[0])], tokens)).toEqual([`${TOKEN}::okta-globex-scim-token-a: 0 updates planned, expected 1`]);
    expect(providerOnlyPlanProblems([providerUpdate(tokens[0]), providerUpdate(tokens[1], { generation: "b" })], tokens)).toEqual([
      `${TOKEN}::okta-globex-scim-token-a: the update changes __provider, generation, expected only __provider`,
    ]);
    expect(providerOnlyPlanProblems([providerUpdate(tokens[0]), { ...providerUpdate(tokens[1]), op: "replace" }], tokens)[0]).toMatch(/planned besides the token updates: replace/);
    expect(providerOnlyPlanProblems([...tokens.map((t) => providerUpdate(t)), { op: "update", urn: urn(ASSIGNMENTS, "x") }], tokens)).toEqual([
      `planned besides the token updates: update ${ASSIGNMENTS}::x`,
    ]);
  });
});

describe("renames", () => {
  it("moves the first connection to a new key with the old one in previousKeys, and back, both valid configs", () => {
    const config = dev();
    const newKey = renamedKey("okta-acme");
    const forward = withKey(config, newKey, "okta-acme");
    expect((forward["oktaScim:connections"] as any[])[0]).toMatchObject({ key: newKey, previousKeys: ["okta-acme"] });
    const back = withKey(config, "okta-acme", newKey);
    expect((back["oktaScim:connections"] as any[])[0].key).toBeUndefined();
    expect((back["oktaScim:connections"] as any[])[0].previousKeys).toEqual([newKey]);
    for (const c of [forward, back, withDisplayName(forward).config]) expect(problemsOf(c)).toEqual([]);
    // Moving back with the new key still current would list the current key as a previous one.
    expect(problemsOf(withKey(forward, newKey, newKey))).not.toEqual([]);
  });

  it("picks a new key that the old key is no prefix of, so the state's names tell old from new", () => {
    const resources = [
      { urn: urn("auth0:index/connection:Connection", "okta-acme-auth0-connection"), type: "auth0:index/connection:Connection" },
      { urn: `${COMPONENT}::okta-acme`, type: "oktaScim:index:OktaAuth0ScimIntegration" },
      { urn: "urn:pulumi:dev::oktaScim::pulumi:providers:okta::okta-acme", type: "pulumi:providers:okta" },
      { urn: urn("auth0:index/connection:Connection", "okta-acme-eu-auth0-connection"), type: "auth0:index/connection:Connection" },
      { urn: urn("auth0:index/connection:Connection", `${renamedKey("okta-acme")}-auth0-connection`), type: "auth0:index/connection:Connection" },
    ];
    expect(urnsUnderKey(resources, "okta-acme")).toHaveLength(3);
    expect(urnsUnderKey(resources, renamedKey("okta-acme"))).toEqual([resources[4].urn]);
  });

  it("wants a displayName change planned as one update of the connection that changes displayName", () => {
    const CONNECTION = "auth0:index/connection:Connection";
    const connection = urn(CONNECTION, "okta-acme-auth0-connection");
    const update: PreviewStep = { op: "update", urn: connection, diffReasons: ["displayName", "options"], detailedDiff: { displayName: { kind: "update" } } };
    expect(displayNameProblems({ steps: [update] }, `${CONNECTION}::okta-acme-auth0-connection`)).toBe("displayName, options [displayName]");
    expect(displayNameProblems({ steps: [{ ...update, op: "replace" }] }, `${CONNECTION}::okta-acme-auth0-connection`)).toEqual({ problems: [`${CONNECTION}::okta-acme-auth0-connection is planned as replace, not an update`] });
    expect(displayNameProblems({ steps: [update, { op: "update", urn: urn(ASSIGNMENTS, "x") }] }, `${CONNECTION}::okta-acme-auth0-connection`)).toEqual({ problems: [`planned besides it: update ${ASSIGNMENTS}::x`] });
    expect(displayNameProblems({ steps: [{ ...update, diffReasons: ["options"] }] }, `${CONNECTION}::okta-acme-auth0-connection`)).toEqual({ problems: ["the update does not change displayName (it changes options)"] });
  });

  it("wants a key change planned as nothing at all", () => {
    expect(keyChangeProblems([{ op: "same", urn: urn(ASSIGNMENTS, "renamed-okta-acme-okta-scim-app-groups") }])).toEqual([]);
    expect(keyChangeProblems([{ op: "create", urn: urn(ASSIGNMENTS, "renamed-okta-acme-okta-scim-app-groups") }])).toEqual([
      `planned: create ${ASSIGNMENTS}::renamed-okta-acme-okta-scim-app-groups`,
    ]);
  });
});

describe("the mocks' view of an edit that moves secrets to other indices", () => {
  // Decommission step 2 removes the first connection: every customer connection's secure clientSecret
  // moves up one index. The real stack file keeps each ciphertext with its connection, so the engine
  // plans only deletes; the mocks must see the same (markers follow the ciphertext, not the path).
  it("predicts only the removed connection's deletes on the customers stack", async () => {
    const deployed = readStackFileConfig(REPO_ROOT, "customers")!;
    const connections = deployed["oktaScim:connections"] as Array<Record<string, unknown>>;
    connections[0].decommission = true;
    delete connections[0].protect;
    const edited = structuredClone(deployed);
    const gone = (edited["oktaScim:connections"] as Array<Record<string, unknown>>).splice(0, 1)[0];
    const changes = expectedChanges(await mockedRegistrations(deployed, "customers"), await mockedRegistrations(edited, "customers"));
    expect(changes.create).toEqual([]);
    expect(changes.update).toEqual([]);
    expect(changes.delete.length).toBeGreaterThan(0);
    expect(changes.delete.every((k) => k.split("::")[1].startsWith(String(gone.key ?? gone.name)))).toBe(true);
  }, 60_000);
});
