// npm run faults' verdict on the stand-ins' state (sandbox/faults/checks.ts), and its arguments.
import { Auth0Tenant } from "../../sandbox/auth0/tenant";
import { OktaOrg } from "../../sandbox/okta/org";
import { checkState, scimUsersByConnection, type DeclaredConnection } from "../../sandbox/faults/checks";
import { parseFaultsArgs } from "../../sandbox/faults/args";

function world() {
  const tenant = new Auth0Tenant("acme.eu.auth0.com", []);
  const id = tenant.seed({ name: "acme-workforce", scim: { tokens: [{}] } } as never);
  tenant.usersOf(id).push({ id: "u1", resource: {}, created: "", lastModified: "" });
  const org = new OktaOrg("acme.okta.com", { apiToken: "t" });
  const engineering = org.addGroup("Engineering");
  const oidc = org.createApp({ signOnMode: "OPENID_CONNECT", label: "Auth0 login" }, true);
  const scim = org.createApp({ signOnMode: "AUTO_LOGIN", label: "Auth0 provisioning" }, true);
  for (const app of [oidc, scim]) org.assignGroup(app.id, engineering.id, undefined, {});
  const declared: DeclaredConnection[] = [{ name: "acme-workforce", tokens: 1, okta: { org, oidcLabel: "Auth0 login", scimLabel: "Auth0 provisioning", groupNames: ["Engineering"] } }];
  return { tenant, id, org, declared, before: scimUsersByConnection(tenant) };
}

test("the declared state passes", () => {
  const w = world();
  expect(checkState(w.tenant, w.declared, w.before)).toEqual({ duplicates: [], lost: [], differs: [] });
});

test("a second connection of the same name, a third token, a second app of the same label: duplicates", () => {
  const w = world();
  w.tenant.connections.set("con_dup", { ...[...w.tenant.connections.values()][0], id: "con_dup" });
  w.tenant.tokensOf(w.id).push(w.tenant.newToken(["get:users"], undefined), w.tenant.newToken(["get:users"], undefined));
  w.org.createApp({ signOnMode: "AUTO_LOGIN", label: "Auth0 provisioning" }, true);
  expect(checkState(w.tenant, w.declared, w.before).duplicates).toEqual([
    "2 Auth0 connections named acme-workforce",
    "3 SCIM tokens on acme-workforce",
    '2 Okta SCIM apps labelled "Auth0 provisioning" (acme-workforce)',
  ]);
});

test("a SCIM user gone, or the connection missing: lost; an assignment or token count off: differs", () => {
  const w = world();
  w.tenant.usersOf(w.id).splice(0);
  const scimApp = [...w.org.apps.values()].find((a) => a.signOnMode === "AUTO_LOGIN")!;
  w.org.groupAssignments.get(scimApp.id)!.clear();
  const verdict = checkState(w.tenant, [{ ...w.declared[0], tokens: 2 }], w.before);
  expect(verdict.lost).toEqual(["1 SCIM user(s) of acme-workforce gone"]);
  expect(verdict.differs).toEqual(["1 SCIM token(s) on acme-workforce, 2 declared", "the SCIM app of acme-workforce has 0 group(s), 1 declared"]);
  w.tenant.connections.clear();
  expect(checkState(w.tenant, w.declared, w.before).lost).toEqual(["no Auth0 connection named acme-workforce"]);
});

test("arguments: defaults to every kind and scenario; bad values named", () => {
  expect(parseFaultsArgs(["--stack", "prod"])).toEqual({ stack: "prod", kinds: ["500", "503", "429", "reset", "lost-response", "kill"], scenarios: ["create", "rotation", "decommission"] });
  expect(parseFaultsArgs(["--stack", "dev", "--cases", "5", "--kinds", "500,kill", "--scenarios", "create"])).toEqual({ stack: "dev", cases: 5, kinds: ["500", "kill"], scenarios: ["create"] });
  expect(parseFaultsArgs(["--stack", "dev", "--kinds", "404"])).toEqual({ error: expect.stringContaining('--kinds takes 500, 503, 429, reset, lost-response, kill (got "404")') });
  expect(parseFaultsArgs(["--cases", "0", "--stack", "dev"])).toEqual({ error: expect.stringContaining("--cases needs a positive number") });
  expect(parseFaultsArgs([])).toEqual({ error: expect.stringContaining("--stack <name> is required") });
});
