// Validation of scimApp.kind / appId / movingTo (docs/catalog-app.md): each kind takes its own fields,
// the catalog app's token carries patch:users (asked for as a rotation), and a move has two token
// generations and no group pushes. Every message names the setting and the fix.
import { problemsWithEdit } from "../harness/configProblems";

type Conn = Record<string, any>;
const CATALOG_APP_ID = "0oaCatalog1234567890";
const CATALOG_SCOPES = ["get:users", "post:users", "put:users", "patch:users"];

const problemsWith = (edit: (connection: Conn) => void, stack = "dev", index = 0) => problemsWithEdit(edit, stack, index);

const onCatalog = (tokens: unknown[] = [{ generation: "c1", scopes: CATALOG_SCOPES }]) => (c: Conn) => {
  c.scimApp = { kind: "catalog", appId: CATALOG_APP_ID, label: "Auth0 dev - provisioning", attributes: c.scimApp.attributes };
  c.scim = { ...(c.scim ?? {}), tokens };
};

const moving = (tokens: unknown[]) => (c: Conn) => {
  c.scimApp = { ...c.scimApp, movingTo: { appId: CATALOG_APP_ID } };
  c.scim = { ...(c.scim ?? {}), tokens };
};

test("a connection on the catalog app with patch:users on its token is valid", () => {
  expect(problemsWith(onCatalog())).toEqual([]);
});

test("the catalog app needs its id, and takes no login page URL", () => {
  const problems = problemsWith((c) => {
    onCatalog()(c);
    delete c.scimApp.appId;
    c.scimApp.url = "https://acme-dev.eu.auth0.com";
  });
  expect(problems).toEqual([
    expect.stringMatching(/^connections\.0\.scimApp\.appId: is required for the catalog app: in the Okta admin console, Applications → Browse App Catalog → "\(OAuth Bearer Token\) Governance with SCIM 2\.0"/),
    expect.stringMatching(/^connections\.0\.scimApp\.url: is for the custom SWA app only/),
  ]);
});

test("the custom app needs its URL, and an appId alone points at the catalog kind or movingTo", () => {
  const problems = problemsWith((c) => {
    delete c.scimApp.url;
    c.scimApp.appId = CATALOG_APP_ID;
  });
  expect(problems).toEqual([
    expect.stringMatching(/^connections\.0\.scimApp\.url: is required for the custom SWA app/),
    expect.stringMatching(/^connections\.0\.scimApp\.appId: names a catalog app: set scimApp\.kind: catalog to use it, or scimApp\.movingTo\.appId/),
  ]);
});

test("a catalog app id that is not an Okta app id is refused by its shape", () => {
  const problems = problemsWith((c) => {
    onCatalog()(c);
    c.scimApp.appId = "0oa-short";
  });
  expect(problems).toEqual([expect.stringMatching(/^connections\.0\.scimApp\.appId: must be an Okta app id \(0oa \+ 17 letters or digits\)/)]);
});

test("without patch:users the catalog app is refused, and the message is the rotation to make", () => {
  const problems = problemsWith(onCatalog([{ generation: "c1" }]));
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(/^connections\.0\.scim\.tokenScopes: the token Okta uses \(generation "c1"\) lacks patch:users, which Okta's catalog app uses to update and deactivate users \(PATCH\)/);
  expect(problems[0]).toContain('add a generation after "c1" with scopes [get:users, post:users, put:users, patch:users]');
  // A generation's own scopes are the ones named.
  expect(problemsWith(onCatalog([{ generation: "c1", scopes: ["get:users", "post:users", "put:users"] }]))[0]).toMatch(/^connections\.0\.scim\.tokens\.0\.scopes: the token Okta uses/);
});

test("the catalog app does not take adopt or manageProvisioningViaApi", () => {
  const problems = problemsWith((c) => {
    onCatalog()(c);
    c.manageProvisioningViaApi = true;
  });
  expect(problems).toEqual([expect.stringMatching(/^connections\.0\.manageProvisioningViaApi: must be false for the catalog app: Okta's API configures provisioning for Org2Org and Zscaler apps only/)]);
  const adopting = problemsWith((c) => {
    onCatalog()(c);
    c.consoleStepsDone = false;
    c.adopt = { auth0ConnectionId: "con_a1B2c3D4e5F6g7H8", oidcAppId: "0oa1111111111111111a" };
  }, "dev", 0);
  expect(adopting).toContainEqual(expect.stringMatching(/^connections\.0\.adopt: is for setups on the custom SWA app only: adopt the hand-made setup with kind custom/));
});

test("a move needs a second generation, with patch:users, and no group pushes", () => {
  expect(problemsWith(moving([{ generation: "old" }, { generation: "new", scopes: CATALOG_SCOPES }]))).toEqual([]);
  expect(problemsWith(moving([{ generation: "old", scopes: CATALOG_SCOPES }]))).toEqual([expect.stringMatching(/^connections\.0\.scim\.tokens: needs a second generation while moving/)]);
  expect(problemsWith(moving([{ generation: "old" }, { generation: "new" }]))).toEqual([expect.stringMatching(/^connections\.0\.scim\.tokenScopes: the token Okta uses \(generation "new"\) lacks patch:users/)]);
  const pushing = problemsWith((c) => {
    moving([{ generation: "old" }, { generation: "new", scopes: [...CATALOG_SCOPES, "get:groups", "post:groups", "put:groups", "patch:groups", "delete:groups"] }])(c);
    c.scim.groups = [{ name: "Engineering" }];
  });
  expect(pushing).toEqual([expect.stringMatching(/^connections\.0\.scim\.groups: must be empty while moving to the catalog app/)]);
});

test("movingTo belongs to the custom app only", () => {
  const problems = problemsWith((c) => {
    onCatalog()(c);
    c.scimApp.movingTo = { appId: CATALOG_APP_ID };
  });
  expect(problems).toEqual([expect.stringMatching(/^connections\.0\.scimApp\.movingTo: is for a custom app moving to the catalog app; this connection is on the catalog app already/)]);
});

test("a customer's org stays on the custom app", () => {
  // connections[1] of the customers stack is Initech's, an org administeredBy: customer.
  const problems = problemsWith(onCatalog(), "customers", 1);
  expect(problems).toContainEqual(expect.stringMatching(/^connections\.1\.scimApp\.kind: is not supported for a customer's org yet/));
});
