// The sandbox's judgement of the custom → catalog move (sandbox/run/catalogMove.ts): the two config
// changes, and which steps of the second preview are allowed. A step it lets through unseen would let
// the sandbox call a move safe that replaces the connection or unassigns the catalog app.
import { moveEndConfig, moveStartConfig, MOVE_GENERATION, unexpectedMoveEndSteps, unexpectedMoveStartSteps } from "../../sandbox/run/catalogMove";
import type { PreviewStep } from "../../sandbox/run/previewJson";

const CATALOG = "0oaCatalog1234567890";
const config = () => ({
  "oktaScim:connections": [
    { name: "okta-acme", scimApp: { label: "Auth0 dev - provisioning", url: "https://acme-dev.eu.auth0.com", attributes: ["userName"] }, scim: { tokens: [{ generation: "old-1" }, { generation: "old-2" }] } },
    { name: "okta-globex", scimApp: { label: "g", url: "https://g" } },
  ],
});
const step = (op: string, type: string, name: string): PreviewStep => ({ op, urn: `urn:pulumi:dev::oktascim::oktaScim:index:OktaAuth0ScimIntegration$${type}::${name}`, newState: { type } });

test("change 1 adds movingTo and a patch:users generation after the newest; change 2 leaves only that generation on the catalog app", () => {
  const start = moveStartConfig(config(), "okta-acme", CATALOG);
  const acme = (start["oktaScim:connections"] as any[])[0];
  expect(acme.scimApp.movingTo).toEqual({ appId: CATALOG });
  expect(acme.scim.tokens).toEqual([{ generation: "old-2" }, { generation: MOVE_GENERATION, lifetimeSeconds: 7776000, scopes: ["get:users", "post:users", "put:users", "patch:users"] }]);
  const end = moveEndConfig(start, "okta-acme", CATALOG, "Catalog");
  expect((end["oktaScim:connections"] as any[])[0]).toMatchObject({ scimApp: { kind: "catalog", appId: CATALOG, label: "Catalog", attributes: ["userName"] }, scim: { tokens: [{ generation: MOVE_GENERATION }] } });
  expect((end["oktaScim:connections"] as any[])[0].scimApp).not.toHaveProperty("url");
  expect((end["oktaScim:connections"] as any[])[1]).toEqual(config()["oktaScim:connections"][1]);
});

test("the move's end may delete the custom app, its assignments, its phase 2 and the old token, and create the catalog app's phase 2", () => {
  const allowed = [
    step("delete", "okta:app/autoLogin:AutoLogin", "okta-acme-okta-scim-app"),
    step("delete", "okta:index/appGroupAssignments:AppGroupAssignments", "okta-acme-okta-scim-app-groups"),
    step("delete", "okta:app/user:User", "okta-acme-okta-scim-app-user-00u1"),
    step("delete", "pulumi-nodejs:dynamic/scimToken:ScimToken", "okta-acme-scim-token-old-2"),
    step("delete", "okta:index/appUserSchemaProperty:AppUserSchemaProperty", "okta-acme-okta-scim-attr-costCenter"),
    step("delete", "okta:profile/mapping:Mapping", "okta-acme-okta-scim-profile-mapping"),
    step("create", "okta:index/appUserSchemaProperty:AppUserSchemaProperty", "okta-acme-okta-catalog-attr-costCenter"),
    step("create", "okta:profile/mapping:Mapping", "okta-acme-okta-catalog-profile-mapping"),
    step("same", "auth0:index/connection:Connection", "okta-acme-auth0-connection"),
  ];
  expect(unexpectedMoveEndSteps(allowed, "okta-acme", "old-2")).toEqual([]);
});

test.each([
  ["the Auth0 connection replaced", step("replace", "auth0:index/connection:Connection", "okta-acme-auth0-connection")],
  ["the connection updated", step("update", "auth0:index/connection:Connection", "okta-acme-auth0-connection")],
  ["the catalog app's assignments deleted", step("delete", "okta:index/appGroupAssignments:AppGroupAssignments", "okta-acme-okta-catalog-app-groups")],
  ["the new token deleted", step("delete", "pulumi-nodejs:dynamic/scimToken:ScimToken", `okta-acme-scim-token-${MOVE_GENERATION}`)],
  ["another connection's SWA app deleted", step("delete", "okta:app/autoLogin:AutoLogin", "okta-globex-okta-scim-app")],
  ["the log-in app replaced", step("replace", "okta:app/oAuth:OAuth", "okta-acme-okta-oidc-app")],
  ["the profile mapping updated in place (the provider keeps the old mapping's id)", step("update", "okta:profile/mapping:Mapping", "okta-acme-okta-scim-profile-mapping")],
  ["anything created", step("create", "okta:index/appGroupAssignments:AppGroupAssignments", "okta-acme-okta-scim-app-groups")],
])("%s is reported", (_title, s) => {
  expect(unexpectedMoveEndSteps([s], "okta-acme", "old-2")).toHaveLength(1);
});

test("the move's start may only create the catalog app's group list, one user assignment per assigned user, and the new token", () => {
  const sound = [
    step("create", "okta:index/appGroupAssignments:AppGroupAssignments", "okta-acme-okta-catalog-app-groups"),
    step("create", "okta:app/user:User", "okta-acme-okta-catalog-app-user-00u1"),
    step("create", "pulumi-nodejs:dynamic/scimToken:ScimToken", `okta-acme-scim-token-${MOVE_GENERATION}`),
    step("same", "okta:app/autoLogin:AutoLogin", "okta-acme-okta-scim-app"),
  ];
  expect(unexpectedMoveStartSteps(sound, "okta-acme", 1)).toEqual([]);
  expect(unexpectedMoveStartSteps(sound, "okta-acme", 2)).toEqual(["1 catalog app user assignment(s) for 2 assigned user(s)"]);
  expect(unexpectedMoveStartSteps([...sound, step("update", "okta:app/autoLogin:AutoLogin", "okta-acme-okta-scim-app")], "okta-acme", 1)).toEqual(["update okta:app/autoLogin:AutoLogin::okta-acme-okta-scim-app"]);
  expect(unexpectedMoveStartSteps([...sound, step("delete", "okta:app/user:User", "okta-acme-okta-scim-app-user-00u1")], "okta-acme", 1)).toHaveLength(1);
  expect(unexpectedMoveStartSteps(sound.slice(1), "okta-acme", 1)).toEqual(["no create of okta-acme-okta-catalog-app-groups"]);
});
