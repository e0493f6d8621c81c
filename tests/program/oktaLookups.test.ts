// Groups and users named in config are looked up in Okta before anything is registered (issue 14,
// items 1 and 2; issue 10, lookups): exact group names only, app users with a username and named by
// the Okta user id, lookups that make only the calls they need.
import { runCommittedStack, ofType, T } from "../harness/committedStack";
import { ProgramFailure, type ProgramRun } from "../harness/runProgram";
import { testCloud, type MockCloud } from "../harness/mockCloud";
import type { StackConfigValues } from "../harness/stackFile";

type Json = Record<string, unknown>;
const conns = (v: StackConfigValues) => v["oktaScim:connections"] as Json[];
const orgs = (v: StackConfigValues) => v["oktaScim:oktaOrgs"] as Json[];

/** A cloud whose Okta directory knows the break-glass admin under one id, whatever login or id names them. */
const ADMIN_ID = "00uBreakGlassAdmin01";
function directory(logins: Record<string, string>): MockCloud {
  return {
    ...testCloud,
    invoke(args) {
      const inputs = args.inputs as Json;
      if (args.token === "okta:user/getUser:getUser") {
        const [search] = (inputs.searches as { value: string }[] | undefined) ?? [];
        const login = search ? search.value : Object.keys(logins).find((l) => logins[l] === inputs.userId)!;
        return { ...inputs, id: logins[login], login };
      }
      return testCloud.invoke(args);
    },
  };
}

const appUsers = (run: ProgramRun) => ofType(run, T.appUser, "okta-acme").map((u) => ({ name: u.name, inputs: u.inputs, aliases: u.aliases }));

describe("item 1: direct user assignments", () => {
  let byLogin: ProgramRun;
  beforeAll(async () => {
    byLogin = await runCommittedStack("dev", { cloud: directory({ "break-glass.admin@acme.example": ADMIN_ID }) });
  });

  test("each app user has a username (the provider refuses one without): the user's Okta login, as the default template gives", () => {
    const users = ofType(byLogin, T.appUser, "okta-acme");
    expect(users).toHaveLength(2);
    for (const u of users) expect(u.inputs).toMatchObject({ userId: ADMIN_ID, username: "break-glass.admin@acme.example" });
  });

  test("assignments are named by the Okta user id, and keep their earlier login-based names as aliases", () => {
    const users = ofType(byLogin, T.appUser, "okta-acme");
    expect(users.map((u) => u.name).sort()).toEqual([`okta-acme-okta-oidc-app-user-${ADMIN_ID}`, `okta-acme-okta-scim-app-user-${ADMIN_ID}`]);
    const oidc = users.find((u) => u.name.includes("oidc"))!;
    expect(oidc.aliases).toContain(
      "urn:pulumi:dev::oktaScim::oktaScim:index:OktaAuth0ScimIntegration$okta:app/user:User::okta-acme-okta-oidc-app-user-break-glass.admin@acme.example",
    );
  });

  test("switching a user from login to id, or a changed login, keeps the same resources (no create-then-delete that unassigns)", async () => {
    const byId = await runCommittedStack("dev", {
      cloud: directory({ "break-glass.admin@acme.example": ADMIN_ID }),
      mutate: (v) => (conns(v)[0].users = [{ id: ADMIN_ID }]),
    });
    expect(appUsers(byId).map((u) => [u.name, u.inputs])).toEqual(appUsers(byLogin).map((u) => [u.name, u.inputs]));

    const renamed = await runCommittedStack("dev", {
      cloud: directory({ "bg.admin@acme.example": ADMIN_ID }),
      mutate: (v) => (conns(v)[0].users = [{ login: "bg.admin@acme.example" }]),
    });
    expect(appUsers(renamed).map((u) => u.name)).toEqual(appUsers(byLogin).map((u) => u.name));
    // Only the username follows the new login (an in-place update of the assignment).
    for (const u of appUsers(renamed)) expect(u.inputs.username).toBe("bg.admin@acme.example");
  });

  test("issue 10: user lookups skip roles and groups (two extra calls per user and extra admin scopes otherwise)", () => {
    const lookups = byLogin.invokes.filter((i) => i.token === "okta:user/getUser:getUser");
    expect(lookups).toHaveLength(1);
    for (const l of lookups) expect(l.args).toMatchObject({ skipRoles: true, skipGroups: true });
  });
});

describe("item 2: groups by exact name, stable assignments", () => {
  test("a name Okta's prefix search resolves to another group fails the run, naming the setting and the fix, before any Okta app is declared", async () => {
    const prefixSearch: MockCloud = {
      ...testCloud,
      invoke(args) {
        const inputs = args.inputs as Json;
        if (args.token === "okta:group/getGroup:getGroup" && inputs.name === "Customer Support") {
          return { ...inputs, id: "00gSupportTier2xxxxxx", name: "Customer Support Tier 2" };
        }
        return testCloud.invoke(args);
      },
    };
    const failure = await runCommittedStack("dev", { cloud: prefixSearch }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ProgramFailure);
    const message = (failure as ProgramFailure).message;
    expect(message).toContain("oktaScim:connections[0].groups[1]");
    expect(message).toContain('"Customer Support Tier 2"');
    expect(message).toMatch(/exact name.*or give it by id/);
    const declared = (failure as ProgramFailure).registrations.map((r) => r.type);
    expect(declared).not.toContain(T.oidcApp);
    expect(declared).not.toContain(T.groupAssignments);
  });

  test("a group Okta does not find (the provider fails the lookup) fails the run with the reason, the setting and the fix", async () => {
    const missing: MockCloud = {
      ...testCloud,
      invoke(args) {
        if (args.token === "okta:group/getGroup:getGroup" && (args.inputs as Json).name === "Finance") {
          throw new Error('group with name "Finance" and type "OKTA_GROUP" does not exist');
        }
        return testCloud.invoke(args);
      },
    };
    const failure = await runCommittedStack("prod", { cloud: missing }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(ProgramFailure);
    // (The mocks drop the provider's message; tests/decisions/oktaReferences.test.ts checks it is kept.)
    expect((failure as ProgramFailure).message).toMatch(
      /oktaScim:connections\[0\]\.groups\[2\]: could not be looked up in Okta \(.+\); write the exact name of an Okta-mastered group \(OKTA_GROUP\), or give the group by id/,
    );
    expect((failure as ProgramFailure).registrations.map((r) => r.type)).not.toContain(T.oidcApp);
  });

  test("issue 11: adding a group changes no other group's assignment (no priority by list position)", async () => {
    const before = await runCommittedStack("prod");
    const after = await runCommittedStack("prod", { mutate: (v) => (conns(v)[0].groups as Json[]).unshift({ name: "Auditors" }) });
    const groups = (run: ProgramRun) => ofType(run, T.groupAssignments, "okta-acme").map((a) => a.inputs.groups as Json[]);
    for (const [i, list] of groups(after).entries()) {
      // Every earlier entry is still there, unchanged; the new group is the only addition.
      expect(list.slice(1)).toEqual(groups(before)[i]);
      for (const g of list) expect(g).not.toHaveProperty("priority");
    }
  });
});

describe("issue 10: lookups make only the calls they need", () => {
  test("the phase-2 default user type is looked up once per org, and not at all when configured; a group named twice is looked up once", async () => {
    const sameOrg = (v: StackConfigValues) => {
      conns(v)[1].oktaOrg = "acme";
      (conns(v)[1].groups as Json[]).push({ name: "Engineering" });
    };
    const run = await runCommittedStack("dev", { mutate: sameOrg });
    expect(run.invokes.filter((i) => i.token === "okta:user/getUserType:getUserType")).toHaveLength(1);
    expect(run.invokes.filter((i) => i.token === "okta:group/getGroup:getGroup" && i.args.name === "Engineering")).toHaveLength(1);

    const configured = await runCommittedStack("dev", {
      mutate: (v) => {
        sameOrg(v);
        orgs(v)[0].defaultUserTypeId = "otyDefaultUserType01";
      },
    });
    expect(configured.invokes.filter((i) => i.token === "okta:user/getUserType:getUserType")).toHaveLength(0);
    for (const m of ofType(configured, T.profileMapping)) expect(m.inputs.sourceId).toBe("otyDefaultUserType01");
  });
});
