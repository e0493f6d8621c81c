// scimApp.kind catalog and scimApp.movingTo under mocks: the catalog app is referenced by id, never
// declared; it is assigned the same people as the log-in app under names of its own; phase 2 and
// the outputs point at it; the checklist shows its screens. While a custom app moves, both apps are
// assigned and the tokens are deleted before either app's assignments.
import { runCommittedStack, ofType, single, T } from "../harness/committedStack";
import type { ProgramRun } from "../harness/runProgram";

type Conn = Record<string, any>;
const CATALOG_APP_ID = "0oaCatalog1234567890";
const CATALOG_SCOPES = ["get:users", "post:users", "put:users", "patch:users"];
const acmeOf = (v: Record<string, unknown>) => (v["oktaScim:connections"] as Conn[])[0];

const toCatalog = (v: Record<string, unknown>) => {
  const acme = acmeOf(v);
  acme.scimApp = { kind: "catalog", appId: CATALOG_APP_ID, label: "Auth0 dev - catalog", attributes: acme.scimApp.attributes };
  acme.scim = { ...(acme.scim ?? {}), tokens: [{ generation: "2027-01", scopes: CATALOG_SCOPES }] };
};
const moving = (v: Record<string, unknown>) => {
  const acme = acmeOf(v);
  acme.scimApp = { ...acme.scimApp, movingTo: { appId: CATALOG_APP_ID } };
  acme.scim = { ...(acme.scim ?? {}), tokens: [{ generation: "2026-11" }, { generation: "2027-01", scopes: CATALOG_SCOPES }] };
};

const checklistOf = (run: ProgramRun, connection = "okta-acme") => (run.resolved[connection] as { consoleChecklist: string }).consoleChecklist;
const urn = (r: { type: string; name: string }) => `${r.type}::${r.name}`;

describe("a connection on the catalog app", () => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runCommittedStack("dev", { mutate: toCatalog });
  });

  test("declares no Okta app for provisioning: only the log-in app, and the other connection's SWA app", () => {
    expect(ofType(run, T.scimApp, "okta-acme")).toHaveLength(0);
    expect(ofType(run, T.oidcApp, "okta-acme")).toHaveLength(1);
    expect(ofType(run, T.scimApp, "okta-globex")).toHaveLength(1);
  });

  test("assigns the catalog app the log-in app's groups and users, under the catalog names", () => {
    const groups = ofType(run, T.groupAssignments, "okta-acme");
    expect(groups.map((g) => g.name).sort()).toEqual(["okta-acme-okta-catalog-app-groups", "okta-acme-okta-oidc-app-groups"]);
    const catalog = groups.find((g) => g.name.endsWith("catalog-app-groups"))!;
    const oidc = groups.find((g) => g.name.endsWith("oidc-app-groups"))!;
    expect(catalog.inputs.appId).toBe(CATALOG_APP_ID);
    expect(catalog.inputs.groups).toEqual(oidc.inputs.groups);
    const users = ofType(run, T.appUser, "okta-acme");
    const catalogUsers = users.filter((u) => u.name.includes("-okta-catalog-app-user-"));
    expect(catalogUsers).toHaveLength(users.length / 2);
    for (const u of catalogUsers) expect(u.inputs.appId).toBe(CATALOG_APP_ID);
  });

  test("phase 2 maps to the catalog app, and the outputs name it and its kind", () => {
    expect(single(run, T.profileMapping, "okta-acme").inputs.targetId).toBe(CATALOG_APP_ID);
    // Its own name: the provider would update targetId in place and keep the old mapping's id.
    expect(single(run, T.profileMapping, "okta-acme").name).toBe("okta-acme-okta-catalog-profile-mapping");
    expect(run.resolved["okta-acme"]).toMatchObject({ scimAppId: CATALOG_APP_ID, scimAppKind: "catalog" });
    expect(run.resolved["okta-globex"]).not.toHaveProperty("scimAppKind");
  });

  test("the token is deleted before the catalog app's assignments", () => {
    const [token] = ofType(run, T.scimToken, "okta-acme");
    expect(token.dependsOn).toEqual(expect.arrayContaining(ofType(run, T.groupAssignments, "okta-acme").map(urn)));
  });

  test("the checklist shows the catalog app's screens, not the SWA app's", () => {
    const checklist = checklistOf(run);
    expect(checklist).toContain(`[O6-7] Check the catalog app "Auth0 dev - catalog" (${CATALOG_APP_ID})`);
    expect(checklist).toContain("Configure API Integration → Enable API integration");
    expect(checklist).toMatch(/OAuth Bearer Token: the token printed by `pulumi stack output okta-acme-scim-token --show-secrets --stack dev`/);
    expect(checklist).toContain("leave Set password when creating new users off");
    expect(checklist).not.toContain("HTTP Header");
    expect(checklist).not.toContain("select SCIM");
    expect(checklist).toContain("Link: https://acme-admin.okta.com/admin/apps/active");
    expect(checklistOf(run, "okta-globex")).toContain("HTTP Header");
  });
});

describe("a custom app moving to the catalog app", () => {
  let run: ProgramRun;
  let before: ProgramRun;
  beforeAll(async () => {
    // One after the other: the mocks are process-wide.
    before = await runCommittedStack("dev");
    run = await runCommittedStack("dev", { mutate: moving });
  });

  test("keeps the SWA app and its assignments exactly as they were, and adds the catalog app's", () => {
    const keep = (r: ProgramRun) => ofType(r, T.scimApp, "okta-acme").concat(ofType(r, T.groupAssignments, "okta-acme"), ofType(r, T.appUser, "okta-acme")).filter((x) => !x.name.includes("catalog"));
    expect(keep(run).map((r) => [r.name, r.inputs])).toEqual(keep(before).map((r) => [r.name, r.inputs]));
    const catalog = ofType(run, T.groupAssignments, "okta-acme").find((g) => g.name.endsWith("catalog-app-groups"))!;
    expect(catalog.inputs).toMatchObject({ appId: CATALOG_APP_ID });
    expect(ofType(run, T.appUser, "okta-acme").filter((u) => u.inputs.appId === CATALOG_APP_ID)).toHaveLength(ofType(before, T.appUser, "okta-acme").length / 2);
  });

  test("phase 2 stays on the SWA app until the move ends", () => {
    const swa = single(run, T.scimApp, "okta-acme");
    expect(single(run, T.profileMapping, "okta-acme").inputs.targetId).toBe((run.resolved["okta-acme"] as { scimAppId: string }).scimAppId);
    expect(single(run, T.profileMapping, "okta-acme").inputs.targetId).not.toBe(CATALOG_APP_ID);
    expect(swa.name).toBe("okta-acme-okta-scim-app");
  });

  test("both tokens are deleted before any assignment of either app", () => {
    const assignments = [...ofType(run, T.groupAssignments, "okta-acme"), ...ofType(run, T.appUser, "okta-acme")].map(urn);
    for (const token of ofType(run, T.scimToken, "okta-acme")) expect(token.dependsOn).toEqual(expect.arrayContaining(assignments));
  });

  test("the checklist takes the admin through the move instead of a rotation", () => {
    const checklist = checklistOf(run);
    expect(checklist).toMatch(/\[MOVE-1\] Connect the catalog app 0oaCatalog1234567890 with the new token \(generation "2027-01"\)/);
    expect(checklist).toContain("`pulumi stack output okta-acme-scim-token-2027-01 --show-secrets --stack dev`");
    expect(checklist).toMatch(/\[MOVE-2\] Switch provisioning off on the custom app "Auth0 dev - provisioning"/);
    expect(checklist).toMatch(/\[MOVE-3\] End the move[\s\S]*delete the generation 2026-11/);
    expect(checklist).not.toContain("[ROTATE-1]");
  });
});

test("decommissioning a catalog connection says the catalog app stays in Okta", async () => {
  const run = await runCommittedStack("dev", {
    mutate: (v) => {
      toCatalog(v);
      acmeOf(v).decommission = true;
    },
  });
  expect(checklistOf(run)).toContain(`The catalog app "Auth0 dev - catalog" (${CATALOG_APP_ID}) was added by an admin and stays: delete it in Okta after step 2.`);
});
