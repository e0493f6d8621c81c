// The Okta stand-in answered over HTTP the way the okta provider calls it through OKTA_HTTP_PROXY:
// credentials pick the org, responses carry what the provider reads back, rules Okta enforces hold.
import { generateKeyPairSync, createSign } from "crypto";
import { RequestLog } from "../../sandbox/log/requestLog";
import { applySeed } from "../../sandbox/okta/seed";
import { startOktaStandIn, type OktaStandIn } from "../../sandbox/okta/server";
import { checkClientAssertion } from "../../sandbox/okta/auth";
import { matchGroups, parseSearch } from "../../sandbox/okta/search";
import { OktaOrg } from "../../sandbox/okta/org";

const ACME = "acme.okta.com";
const GLOBEX = "globex-corp.okta-emea.com";
const API_TOKEN = "00sandbox-acme-api-token";
const CLIENT_ID = "0oa8x2kq4rTbN5yV1d7";
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });

let log: RequestLog;
let standIn: OktaStandIn;

beforeEach(async () => {
  log = new RequestLog();
  standIn = await startOktaStandIn({
    orgs: [
      { domain: ACME, credentials: { apiToken: API_TOKEN } },
      { domain: GLOBEX, credentials: { clientId: CLIENT_ID, publicKeyPem: keys.publicKey.export({ type: "spki", format: "pem" }).toString() } },
    ],
    log,
  });
});

afterEach(() => standIn.close());

async function call(method: string, path: string, options: { auth?: string; body?: unknown; form?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.auth) headers.authorization = options.auth;
  let body: string | undefined;
  if (options.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(options.form).toString();
  } else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const res = await fetch(`${standIn.httpUrl}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const ssws = { auth: `SSWS ${API_TOKEN}` };

function clientAssertion(claims: Record<string, unknown>, key = keys.privateKey): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const unsigned = `${enc({ alg: "RS256", kid: "kid-globex-pulumi" })}.${enc(claims)}`;
  const signature = createSign("RSA-SHA256").update(unsigned).sign(key).toString("base64url");
  return `${unsigned}.${signature}`;
}

const validClaims = () => ({ iss: CLIENT_ID, sub: CLIENT_ID, aud: `${standIn.httpUrl}/oauth2/v1/token`, exp: Math.floor(Date.now() / 1000) + 300, jti: "x" });

describe("credentials pick the org", () => {
  it("answers users/me for the org whose API token is sent, and 401 for an unknown token", async () => {
    const me = await call("GET", "/api/v1/users/me", ssws);
    expect(me.status).toBe(200);
    expect(me.body.profile.login).toBe(`sandbox.admin@${ACME}`);
    expect((await call("GET", "/api/v1/users/me", { auth: "SSWS wrong" })).body.errorCode).toBe("E0000011");
  });

  it("issues a service-app token for a signed client assertion, usable as Bearer for that org only", async () => {
    const form = {
      grant_type: "client_credentials",
      scope: "okta.apps.manage okta.groups.read",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: clientAssertion(validClaims()),
    };
    const token = await call("POST", "/oauth2/v1/token", { form });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token_type: "Bearer", scope: "okta.apps.manage okta.groups.read" });
    applySeed(standIn.org(GLOBEX), { groups: [{ name: "Globex Staff" }] });
    const groups = await call("GET", "/api/v1/groups?q=Globex%20Staff", { auth: `Bearer ${token.body.access_token}` });
    expect(groups.body.map((g: any) => g.profile.name)).toEqual(["Globex Staff"]);
  });

  it("refuses an assertion signed with another key, expired, or for another client", () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const pem = keys.publicKey.export({ type: "spki", format: "pem" }).toString();
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: CLIENT_ID, sub: CLIENT_ID, aud: "http://x/oauth2/v1/token", exp: now + 60 };
    expect(checkClientAssertion(clientAssertion(claims), pem, now)).toEqual({ clientId: CLIENT_ID });
    expect(checkClientAssertion(clientAssertion(claims, other), pem, now)).toEqual({ error: "The client_assertion signature is invalid." });
    expect(checkClientAssertion(clientAssertion({ ...claims, exp: now - 1 }), pem, now)).toEqual({ error: "The client_assertion token is expired." });
    expect(checkClientAssertion(clientAssertion({ ...claims, sub: "other" }), pem, now)).toHaveProperty("error");
  });
});

describe("apps", () => {
  const oidcApp = {
    label: "Auth0 dev - log in",
    name: "oidc_client",
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { autoKeyRotation: true, token_endpoint_auth_method: "client_secret_basic" } },
    settings: { oauthClient: { application_type: "web", grant_types: ["authorization_code"], response_types: ["code"], redirect_uris: ["https://acme-dev.eu.auth0.com/login/callback"], issuer_mode: "ORG_URL" } },
  };

  it("creates an OIDC app with what okta-sdk-golang v6 requires and the provider reads back", async () => {
    const created = await call("POST", "/api/v1/apps?activate=true", { ...ssws, body: oidcApp });
    expect(created.status).toBe(200);
    const app = created.body;
    for (const field of ["credentials", "name", "settings", "label", "signOnMode"]) expect(app).toHaveProperty(field);
    expect(app.credentials.oauthClient.client_id).toBe(app.id);
    expect(app.credentials.oauthClient.client_secret).toMatch(/.{40,}/);
    expect(app.settings).toMatchObject({ implicitAssignment: false, oauthClient: { redirect_uris: ["https://acme-dev.eu.auth0.com/login/callback"] } });
    expect(app.status).toBe("ACTIVE");
    expect((await call("GET", `/api/v1/apps/${app.id}`, ssws)).body.id).toBe(app.id);
  });

  it("assigns the org's default access policy, which then shows as the accessPolicy link", async () => {
    const app = (await call("POST", "/api/v1/apps?activate=true", { ...ssws, body: oidcApp })).body;
    const [policy] = (await call("GET", "/api/v1/policies?type=ACCESS_POLICY", ssws)).body;
    expect(policy).toMatchObject({ system: true, type: "ACCESS_POLICY" });
    expect((await call("PUT", `/api/v1/apps/${app.id}/policies/${policy.id}`, ssws)).status).toBe(204);
    expect((await call("GET", `/api/v1/apps/${app.id}`, ssws)).body._links.accessPolicy.href).toMatch(new RegExp(`/api/v1/policies/${policy.id}$`));
  });

  it("refuses to delete an active app, deletes it once deactivated, then answers 404", async () => {
    const app = (await call("POST", "/api/v1/apps?activate=true", { ...ssws, body: { label: "Auth0 dev - provisioning", signOnMode: "AUTO_LOGIN", settings: { signOn: { loginUrl: "https://acme-dev.eu.auth0.com" } } } })).body;
    expect(app.name).toMatch(/^acme_auth0devprovisioning_\d+$/);
    expect((await call("DELETE", `/api/v1/apps/${app.id}`, ssws)).status).toBe(403);
    expect((await call("POST", `/api/v1/apps/${app.id}/lifecycle/deactivate`, ssws)).status).toBe(200);
    expect((await call("DELETE", `/api/v1/apps/${app.id}`, ssws)).status).toBe(204);
    expect((await call("GET", `/api/v1/apps/${app.id}`, ssws)).body.errorCode).toBe("E0000007");
  });

  it("keeps group assignments and app users per app", async () => {
    const { groups, users } = applySeed(standIn.org(ACME), { groups: [{ name: "Engineering" }], users: [{ login: "break-glass.admin@acme.example" }] });
    const app = (await call("POST", "/api/v1/apps?activate=true", { ...ssws, body: oidcApp })).body;
    expect((await call("PUT", `/api/v1/apps/${app.id}/groups/${groups.Engineering}`, { ...ssws, body: { priority: 0, profile: {} } })).body).toMatchObject({ id: groups.Engineering, priority: 0, profile: {} });
    expect((await call("GET", `/api/v1/apps/${app.id}/groups?limit=200`, ssws)).body.map((a: any) => a.id)).toEqual([groups.Engineering]);
    const appUser = await call("POST", `/api/v1/apps/${app.id}/users`, { ...ssws, body: { id: users["break-glass.admin@acme.example"], credentials: { userName: "break-glass.admin@acme.example" } } });
    expect(appUser.body.credentials.userName).toBe("break-glass.admin@acme.example");
    expect((await call("DELETE", `/api/v1/apps/${app.id}/groups/${groups.Engineering}`, ssws)).status).toBe(204);
    expect((await call("GET", `/api/v1/apps/${app.id}/groups`, ssws)).body).toEqual([]);
  });
});

describe("lookups", () => {
  it("finds groups by name prefix and type, as Okta's q does", async () => {
    applySeed(standIn.org(ACME), { groups: [{ name: "Engineering" }, { name: "Engineering Contractors" }, { name: "Engineering AD", type: "APP_GROUP" }] });
    const found = await call("GET", `/api/v1/groups?q=Engineering&filter=${encodeURIComponent('type eq "OKTA_GROUP"')}`, ssws);
    expect(found.body.map((g: any) => g.profile.name)).toEqual(["Engineering", "Engineering Contractors"]);
  });

  it("returns a name Okta lacks only as the longer group's prefix match (what getGroup then accepts)", async () => {
    applySeed(standIn.org(ACME), { groups: [{ name: "Finance-Contractors" }, { name: "Marketing" }] });
    const found = await call("GET", `/api/v1/groups?filter=${encodeURIComponent('type eq "OKTA_GROUP"')}&q=Finance`, ssws);
    expect(found.body.map((g: any) => g.profile.name)).toEqual(["Finance-Contractors"]);
  });

  it("finds a user by login search, and lists roles and groups when asked", async () => {
    applySeed(standIn.org(ACME), { groups: [{ name: "Admins" }], users: [{ login: "break-glass.admin@acme.example", groups: ["Admins"], roles: ["SUPER_ADMIN"] }] });
    const [user] = (await call("GET", `/api/v1/users?limit=1&search=${encodeURIComponent('profile.login eq "Break-Glass.Admin@acme.example"')}`, ssws)).body;
    expect(user.profile.login).toBe("break-glass.admin@acme.example");
    expect((await call("GET", `/api/v1/users/${user.id}/roles`, ssws)).body.map((r: any) => r.type)).toEqual(["SUPER_ADMIN"]);
    expect((await call("GET", `/api/v1/users/${user.id}/groups`, ssws)).body.map((g: any) => g.profile.name)).toEqual(["Everyone", "Admins"]);
  });

  it("lists the default user type", async () => {
    const types = (await call("GET", "/api/v1/meta/types/user", ssws)).body;
    expect(types).toEqual([expect.objectContaining({ name: "user", default: true })]);
  });
});

describe("provisioning, schema and profile mapping", () => {
  it("has no profile mapping to the app until the console steps, then one with the three type mappings", async () => {
    const org = standIn.org(ACME);
    const { apps } = applySeed(org, { apps: [{ kind: "autoLogin", label: "Auth0 - provisioning" }] });
    const appId = apps["Auth0 - provisioning"];
    const userType = org.defaultUserType().id;
    expect((await call("GET", `/api/v1/mappings?sourceId=${userType}&targetId=${appId}&limit=200`, ssws)).body).toEqual([]);
    org.consoleSteps(appId);
    const [listed] = (await call("GET", `/api/v1/mappings?sourceId=${userType}&targetId=${appId}`, ssws)).body;
    expect(listed.properties).toBeUndefined();
    const full = (await call("GET", `/api/v1/mappings/${listed.id}`, ssws)).body;
    expect(full.properties.primaryEmailType.expression).toBe("(user.email != null && user.email != '') ? 'work' : ''");
    expect((await call("GET", `/api/v1/apps/${appId}`, ssws)).body.features).toEqual(expect.arrayContaining(["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION"]));
  });

  it("adds and removes custom app attributes, and refuses a mapping to an attribute the schema lacks", async () => {
    const org = standIn.org(ACME);
    const { apps, mappings } = applySeed(org, { apps: [{ kind: "autoLogin", label: "scim", provisioningOn: true }] });
    const appId = apps.scim;
    const attribute = { title: "Badge number", type: "string", scope: "NONE", externalName: "badgeNumber", externalNamespace: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" };
    const schema = (await call("POST", `/api/v1/meta/schemas/apps/${appId}/default`, { ...ssws, body: { definitions: { custom: { id: "#custom", type: "object", properties: { badgeNumber: attribute } } } } })).body;
    expect(schema.definitions.custom.properties.badgeNumber).toMatchObject(attribute);
    const refused = await call("POST", `/api/v1/mappings/${mappings.scim}`, { ...ssws, body: { properties: { nonesuch: { expression: "user.x", pushStatus: "PUSH" } } } });
    expect(refused.status).toBe(400);
    expect(refused.body.errorCauses[0].errorSummary).toContain("nonesuch");
    const updated = await call("POST", `/api/v1/mappings/${mappings.scim}`, { ...ssws, body: { properties: { badgeNumber: { expression: "user.badgeNumber", pushStatus: "PUSH" }, primaryEmailType: null } } });
    expect(updated.body.properties.badgeNumber).toEqual({ expression: "user.badgeNumber", pushStatus: "PUSH" });
    expect(updated.body.properties.primaryEmailType).toBeUndefined();
    await call("POST", `/api/v1/meta/schemas/apps/${appId}/default`, { ...ssws, body: { definitions: { custom: { properties: { badgeNumber: null } } } } });
    expect((await call("GET", `/api/v1/meta/schemas/apps/${appId}/default`, ssws)).body.definitions.custom.properties).toEqual({});
  });
});

it("answers an unknown request 501 and lists it in the log", async () => {
  expect((await call("GET", "/api/v1/apps/0oa1/connections/default", ssws)).status).toBe(501);
  expect(log.unknown().map((c) => `${c.method} ${c.path}`)).toEqual(["GET /api/v1/apps/0oa1/connections/default"]);
  expect(log.count("okta", "GET", "/api/v1/users/me")).toBe(0);
});

describe("search semantics (pure)", () => {
  it("parses and/or clauses and refuses what it cannot evaluate", () => {
    expect(parseSearch('profile.login eq "a@b" and profile.lastName eq "X"')).toEqual({
      clauses: [
        { attribute: "profile.login", op: "eq", value: "a@b" },
        { attribute: "profile.lastName", op: "eq", value: "X" },
      ],
      join: "and",
    });
    expect(() => parseSearch("profile.login = a")).toThrow("Invalid search");
  });

  it("matches group names by prefix, case-insensitively", () => {
    const org = new OktaOrg(ACME, {});
    org.addGroup("Finance");
    org.addGroup("finance-emea");
    expect(matchGroups(org.groups.values(), "FIN", null).map((g) => g.name)).toEqual(["Finance", "finance-emea"]);
  });

  it("lists exact name matches before prefix matches, as Okta documents for q", () => {
    const org = new OktaOrg(ACME, {});
    org.addGroup("Finance-Contractors");
    org.addGroup("Finance Europe");
    org.addGroup("finance");
    expect(matchGroups(org.groups.values(), "Finance", null).map((g) => g.name)).toEqual(["finance", "Finance-Contractors", "Finance Europe"]);
    expect(matchGroups(org.groups.values(), null, null).map((g) => g.name)).toEqual(["Everyone", "Finance-Contractors", "Finance Europe", "finance"]);
  });
});
