// The Okta half on both committed stacks: steps O1-O5 and C1 (same people on both apps).
import { runCommittedStack, single, ofType, T } from "../harness/committedStack";
import type { ProgramRun } from "../harness/runProgram";

let dev: ProgramRun;
let prod: ProgramRun;
beforeAll(async () => {
  dev = await runCommittedStack("dev");
  prod = await runCommittedStack("prod");
});

describe.each([
  ["dev", "okta-acme", ["https://acme-dev.eu.auth0.com/login/callback"]],
  ["dev", "okta-globex", ["https://acme-dev.eu.auth0.com/login/callback"]],
  // prod logs in through its Auth0 custom domain; the tenant domain's callback stays for the dashboard's "Try".
  ["prod", "okta-acme", ["https://login.acme.example/login/callback", "https://acme.us.auth0.com/login/callback"]],
])("%s stack, connection %s", (stack, connection, callbacks) => {
  const run = () => (stack === "dev" ? dev : prod);

  test("O1: a web OIDC app, authorization code only, redirecting to Auth0's /login/callback", () => {
    const app = single(run(), T.oidcApp, connection);
    expect(app.inputs.type).toBe("web");
    expect(app.inputs.grantTypes).toEqual(["authorization_code"]);
    expect(app.inputs.responseTypes).toEqual(["code"]);
    expect(app.inputs.redirectUris).toEqual(callbacks);
    expect(app.inputs.issuerMode).toBe("ORG_URL");
  });

  test("O2: Federation Broker Mode is off", () => {
    expect(single(run(), T.oidcApp, connection).inputs.implicitAssignment).toBe(false);
  });

  test("O3-5: the SCIM app is the SWA wizard's AUTO_LOGIN app, labelled, with its URL, hidden on web and iOS", () => {
    const app = single(run(), T.scimApp, connection);
    expect(app.inputs.label).toMatch(/provisioning/);
    expect(app.inputs.signOnUrl).toMatch(/^https:\/\//);
    expect(app.inputs.hideWeb).toBe(true);
    expect(app.inputs.hideIos).toBe(true);
    expect(ofType(run(), "okta:app/swa:Swa", connection)).toHaveLength(0);
  });

  test("C1: both apps get the identical group list, one AppGroupAssignments resource per app", () => {
    const assignments = ofType(run(), T.groupAssignments, connection);
    expect(assignments).toHaveLength(2);
    const [a, b] = assignments;
    expect(a.inputs.groups).toEqual(b.inputs.groups);
    expect((a.inputs.groups as unknown[]).length).toBeGreaterThanOrEqual(2);
    // One assignment resource per app: the OIDC app's and the SCIM app's ids.
    const appIds = new Set(assignments.map((x) => x.inputs.appId));
    expect(appIds.size).toBe(2);
    expect(ofType(run(), "okta:app/groupAssignment:GroupAssignment", connection)).toHaveLength(0);
  });
});

test("C1: groups named in config are looked up once through the org's provider and both apps get the ids", () => {
  const lookups = dev.invokes.filter((i) => i.token === "okta:group/getGroup:getGroup");
  expect(lookups.map((l) => l.args.name).sort()).toEqual(["Customer Support", "Engineering", "Globex Contractors", "Globex Staff"]);
  for (const l of lookups) expect(l.provider).toMatch(/[$:]pulumi:providers:okta::okta-(acme|globex)::/);
});

test("C1: configured group ids and looked-up ids are both assigned, in config order", () => {
  const [oidc] = ofType(dev, T.groupAssignments, "okta-acme").filter((r) => r.name.endsWith("oidc-app-groups"));
  const ids = (oidc.inputs.groups as { id: string }[]).map((g) => g.id);
  expect(ids).toHaveLength(3);
  expect(ids[2]).toBe("00g1k9x2b7QpR4sT6u8V");
  expect(ids[0]).toMatch(/^00g/);
});

test("C1: directly assigned users go to both apps", () => {
  const users = ofType(dev, T.appUser, "okta-acme");
  expect(users).toHaveLength(2);
  expect(users[0].inputs.userId).toBe(users[1].inputs.userId);
  // Named by the looked-up Okta user id (tests/program/oktaLookups.test.ts has why).
  const id = users[0].inputs.userId as string;
  expect(new Set(users.map((u) => u.name))).toEqual(new Set([`okta-acme-okta-oidc-app-user-${id}`, `okta-acme-okta-scim-app-user-${id}`]));
});

test("the refresh_token grant is added only when configured", async () => {
  const run = await runCommittedStack("prod", {
    mutate: (v) => {
      (v["oktaScim:connections"] as { oidcApp: { refreshToken?: boolean } }[])[0].oidcApp.refreshToken = true;
    },
  });
  expect(single(run, T.oidcApp, "okta-acme").inputs.grantTypes).toEqual(["authorization_code", "refresh_token"]);
});
