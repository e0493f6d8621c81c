// The real program under mocks with connections[].adopt: the children that take over existing objects
// are registered with Pulumi's `import` option (the mocks receive it as the resource's id), tokens are
// created, and the offline plan marks each import. Bad adoption config fails before any registration.
import { runCommittedStack, ofType, single, T } from "../harness/committedStack";
import { ProgramFailure, type ProgramRun } from "../harness/runProgram";
import type { StackConfigValues } from "../harness/stackFile";
import { planCloud } from "../../offline/planCloud";
import { planFromRun, renderPlanMarkdown } from "../../offline/plan";
import { testCloud, type MockCloud } from "../harness/mockCloud";

type Json = Record<string, unknown>;
const conns = (v: StackConfigValues) => v["oktaScim:connections"] as Json[];
const CON = "con_A1b2C3d4E5f6G7h8";
const OIDC = "0oa1oidcAPPaaaaaaaaa";
const SWA = "0oa2swaAPPbbbbbbbbbb";

/** dev in phase 1, its first connection adopting everything. */
function adoptFirst(v: StackConfigValues, adopt: Json = { auth0ConnectionId: CON, oidcAppId: OIDC, scimAppId: SWA }) {
  for (const c of conns(v)) c.consoleStepsDone = false;
  conns(v)[0].adopt = adopt;
}

let adopted: ProgramRun;
beforeAll(async () => {
  adopted = await runCommittedStack("dev", { mutate: (v) => adoptFirst(v) });
});

test("the adopted connection's children carry the import ids; the tokens and the other connection have none", () => {
  const imports = Object.fromEntries(adopted.registrations.filter((r) => r.importId !== undefined).map((r) => [`${r.type}::${r.name}`, r.importId]));
  const users = ofType(adopted, T.appUser, "okta-acme").map((r) => r.inputs.userId as string);
  expect(users.length).toBeGreaterThan(0);
  const expected: Record<string, string> = {
    [`${T.connection}::okta-acme-auth0-connection`]: CON,
    [`${T.connectionClients}::okta-acme-auth0-connection-clients`]: CON,
    [`${T.scimConfiguration}::okta-acme-scim-configuration`]: CON,
    [`${T.oidcApp}::okta-acme-okta-oidc-app`]: OIDC,
    [`${T.scimApp}::okta-acme-okta-scim-app`]: SWA,
    [`${T.groupAssignments}::okta-acme-okta-oidc-app-groups`]: OIDC,
    [`${T.groupAssignments}::okta-acme-okta-scim-app-groups`]: SWA,
  };
  for (const id of new Set(users)) {
    expected[`${T.appUser}::okta-acme-okta-oidc-app-user-${id}`] = `${OIDC}/${id}`;
    expected[`${T.appUser}::okta-acme-okta-scim-app-user-${id}`] = `${SWA}/${id}`;
  }
  expect(imports).toEqual(expected);
  expect(ofType(adopted, T.scimToken).every((r) => r.importId === undefined)).toBe(true);
});

test("the imported connection keeps its id: the SCIM endpoint URL output uses it", () => {
  const outputs = adopted.resolved["okta-acme"] as Json;
  expect(outputs.connectionId).toBe(CON);
  expect(outputs.scimEndpointUrl).toMatch(new RegExp(`/scim/v2/connections/${CON}$`));
});

test("the console checklist says to paste the new token and retire the hand-made one while adopt is set", () => {
  const checklist = (adopted.resolved["okta-acme"] as Json).consoleChecklist as string;
  expect(checklist).toMatch(/\[ADOPT-1\] Paste the SCIM token this stack created into Okta, replacing the hand-made one/);
  expect(checklist).toMatch(/\[ADOPT-2\] Retire the hand-made token.*\n.*delete the hand-made token in the Auth0 dashboard/);
  expect(checklist).toMatch(/remove oktaScim:connections\[0\]\.adopt/);
  expect((adopted.resolved["okta-globex"] as Json).consoleChecklist).not.toMatch(/ADOPT-/);
});

test("the protected connection stays protected when adopted", () => {
  expect(single(adopted, T.connection, "okta-acme").protect).toBe(true);
});

test("invalid adoption config fails before any resource is registered", async () => {
  const failure = await runCommittedStack("dev", {
    mutate: (v) => {
      adoptFirst(v, { auth0ConnectionId: CON, oidcAppId: OIDC });
      conns(v)[0].consoleStepsDone = true;
    },
  }).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(ProgramFailure);
  expect((failure as ProgramFailure).message).toMatch(/oktaScim:connections\[0\]\.adopt: cannot be combined with consoleStepsDone: true/);
  expect((failure as ProgramFailure).registrations).toEqual([]);
});

test("the offline plan marks each adopted resource `import <id>` and nothing else", async () => {
  const run = await runCommittedStack("dev", { mutate: (v) => adoptFirst(v), preview: true, cloud: planCloud });
  const plan = await planFromRun("dev", run);
  expect(plan.resources.filter((r) => r.import !== undefined).map((r) => r.import).sort()).toEqual(
    run.registrations.filter((r) => r.importId !== undefined).map((r) => r.importId).sort(),
  );
  const markdown = renderPlanMarkdown(plan);
  expect(markdown).toContain("### `okta-acme-auth0-connection` (auth0:index/connection:Connection) · import `con_A1b2C3d4E5f6G7h8`");
  expect(markdown).toContain("### `okta-acme-okta-oidc-app` (okta:app/oAuth:OAuth) · import `0oa1oidcAPPaaaaaaaaa`");
  expect(markdown).toMatch(/### `okta-acme-okta-scim-app-user-[^`]+` \(okta:app\/user:User\) · import `0oa2swaAPPbbbbbbbbbb\/[^`]+`/);
  expect(markdown).not.toMatch(/scim-token[^\n]*· import/);
  expect(markdown.match(/· import `/g)?.length).toBe(plan.resources.filter((r) => r.import !== undefined).length);
});

test("an adopted OIDC app has no client secret in the state (Okta never returns it on read): the connection keeps the secret it holds", async () => {
  const HELD = "SECRET-THE-CONNECTION-HOLDS";
  const readByImport: MockCloud = {
    ...testCloud,
    resourceState(args) {
      const state = testCloud.resourceState(args);
      // What the okta provider's read gives an imported OAuth app: no clientSecret.
      if (args.type === T.oidcApp && args.id) return { ...state, state: { ...state.state, clientSecret: "" } };
      return state;
    },
    invoke(args) {
      if (args.token === "auth0:index/getConnection:getConnection") return { ...args.inputs, id: CON, options: [{ clientSecret: HELD }] };
      return testCloud.invoke(args);
    },
  };
  const run = await runCommittedStack("dev", { mutate: (v) => adoptFirst(v), cloud: readByImport });
  const connection = single(run, T.connection, "okta-acme");
  expect((connection.inputs.options as Json).clientSecret).toBe(HELD);
  expect(connection.secretInputs).toContain("options");
  expect(run.invokes.filter((i) => i.token === "auth0:index/getConnection:getConnection").map((i) => i.args)).toEqual([{ name: "okta-acme" }]);
  // A created app has its secret: no lookup.
  expect(adopted.invokes.some((i) => i.token === "auth0:index/getConnection:getConnection")).toBe(false);
});

test("a stack that adopts nothing never fails on a missing app secret: with no secret at the app or the connection, the app's value passes through", async () => {
  // What a package user's own mocks may do: return no clientSecret for the OAuth app and nothing for the lookup.
  const noSecrets: MockCloud = {
    ...testCloud,
    resourceState(args) {
      const state = testCloud.resourceState(args);
      if (args.type === T.oidcApp) return { ...state, state: { ...state.state, clientSecret: "" } };
      return state;
    },
    invoke(args) {
      if (args.token === "auth0:index/getConnection:getConnection") return { ...args.inputs };
      return testCloud.invoke(args);
    },
  };
  const run = await runCommittedStack("dev", { cloud: noSecrets });
  const connection = single(run, T.connection, "okta-acme");
  expect((connection.inputs.options as Json).clientSecret).toBe("");
  expect(connection.secretInputs).toContain("options");
});
