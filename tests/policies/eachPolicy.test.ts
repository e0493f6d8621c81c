// For each policy: mutated programs or configs that violate exactly that policy, and near-misses
// that must not trip it. A mutated "program" edits what the program registered (tests/policies/scenario.ts).
import * as pulumi from "@pulumi/pulumi";
import type { Registration } from "../harness/runProgram";
import { connections, evaluate, registration, violated, type Scenario } from "./scenario";
import { asHostedTokens, asLegacyTokens, legacyTokenLike, tokensOf } from "./tokens";

const T = {
  connection: "auth0:index/connection:Connection",
  scimConfiguration: "auth0:index/connectionScimConfiguration:ConnectionScimConfiguration",
  oidcApp: "okta:app/oAuth:OAuth",
  scimApp: "okta:app/autoLogin:AutoLogin",
  groupAssignments: "okta:index/appGroupAssignments:AppGroupAssignments",
  appUser: "okta:app/user:User",
  mapping: "okta:profile/mapping:Mapping",
  attribute: "okta:index/appUserSchemaProperty:AppUserSchemaProperty",
};

const DAY = 86400;
/** prod's committed pack config allows its Auth0 custom domain; scenarios on prod that set their own pack config keep it. */
const PROD_PACK_CONFIG = { "okta-oidc-app-auth0-login": { auth0Domains: ["acme.us.auth0.com"], auth0CustomDomains: ["login.acme.example"] } };
/** How an organisation runs the pack on a stack that still declares auth0.ConnectionScimToken (which cannot expire). */
const LIFETIME_POLICY_OFF = { "auth0-scim-token-lifetime": "disabled" as const };
const tokenGenerations = (v: Record<string, unknown>, i = 0) => connections(v)[i].scim.tokens as Record<string, unknown>[];
const rotate = (v: Record<string, unknown>) => void tokenGenerations(v).push({ generation: "2027-02", lifetimeSeconds: 90 * DAY });
const tokenInputs = (rs: Registration[], i = 0) => tokensOf(rs)[i].inputs as Record<string, any>;
const inputs = (rs: Registration[], type: string, i = 0) => registration(rs, type, i).inputs as Record<string, any>;
/** The connection's `options` holds the client secret, so the engine receives it as a secret envelope. */
const connectionOptions = (rs: Registration[]) => {
  const options = inputs(rs, T.connection).options;
  return (options[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig ? options.value : options) as Record<string, unknown>;
};
const COMPONENT = "oktaScim:index:OktaAuth0ScimIntegration";
/** prod's first connection on Okta's catalog app (scimApp.kind catalog), its token with patch:users, allowed by the pack config. */
const CATALOG_SCOPES = ["get:users", "post:users", "put:users", "patch:users"];
const onCatalogApp = (v: Record<string, unknown>) => {
  const c = connections(v)[0];
  c.scimApp = { kind: "catalog", appId: "0oaCatalog1234567890", label: c.scimApp.label, ...(c.scimApp.attributes ? { attributes: c.scimApp.attributes } : {}) };
  c.scim = { ...(c.scim ?? {}), tokens: [{ generation: "c1", lifetimeSeconds: 90 * DAY, scopes: CATALOG_SCOPES }] };
};
const CATALOG_PACK_CONFIG = { ...PROD_PACK_CONFIG, "auth0-scim-token-scopes": { allowedScopes: CATALOG_SCOPES } };
const catalogAssignments = (rs: Registration[]) => rs.filter((r) => r.name.includes("-okta-catalog-app-"));
const named = (rs: Registration[], type: string, name: string) => rs.find((r) => r.type === type && r.name === name)!;
const copyOf = (r: Registration, name: string): Registration => ({ ...JSON.parse(JSON.stringify(r)), name });
/** An `okta.app.OAuthRedirectUri` on the first OIDC app, as a program could add one beside the app. */
const redirectUriResource = (rs: Registration[], uri: string): Registration => ({
  ...copyOf(registration(rs, T.oidcApp), "okta-acme-extra-redirect-uri"),
  type: "okta:app/oAuthRedirectUri:OAuthRedirectUri",
  inputs: { appId: "0oaExtraRedirect0000001", uri },
});

interface Case {
  title: string;
  scenario: Scenario;
}

const GROUP_SCOPES = ["get:groups", "post:groups", "put:groups", "patch:groups", "delete:groups"];
const USER_SCOPES = ["get:users", "post:users", "put:users"];
/** dev's packs config, with the group scopes allowed (what a stack that pushes groups sets). */
const DEV_GROUPS_PACK_CONFIG = { "okta-oidc-app-auth0-login": { auth0Domains: ["acme-dev.eu.auth0.com"] }, "auth0-scim-token-scopes": { allowedScopes: [...USER_SCOPES, ...GROUP_SCOPES] } };
/** okta-acme gains a token generation with the group scopes; with `push`, it also pushes a group (dev is in phase 2). */
const groupScopedRotation = (push: boolean) => (v: Record<string, unknown>) => {
  tokenGenerations(v).push({ generation: "2027-01", lifetimeSeconds: 90 * DAY, scopes: [...USER_SCOPES, ...GROUP_SCOPES] });
  if (push) connections(v)[0].scim.groups = [{ id: "00g1k9x2b7QpR4sT6u8V" }];
};

const cases: Record<string, { violate: Case[]; nearMiss: Case[] }> = {
  "auth0-scim-token-group-scopes-needed": {
    violate: [
      {
        title: "groups pushed, but the program's tokens lost the group scopes",
        scenario: { stack: "dev", config: groupScopedRotation(true), program: (rs) => tokensOf(rs, "okta-acme").forEach((t) => void ((t.inputs as Record<string, unknown>).scopes = USER_SCOPES)), packConfig: DEV_GROUPS_PACK_CONFIG },
      },
    ],
    nearMiss: [{ title: "groups pushed with a token generation holding the group scopes", scenario: { stack: "dev", config: groupScopedRotation(true), packConfig: DEV_GROUPS_PACK_CONFIG } }],
  },
  "auth0-scim-token-group-scopes-unused": {
    violate: [{ title: "a token generation with the group scopes, and no group pushed", scenario: { stack: "dev", config: groupScopedRotation(false), packConfig: DEV_GROUPS_PACK_CONFIG } }],
    nearMiss: [{ title: "the same generation with a group pushed", scenario: { stack: "dev", config: groupScopedRotation(true), packConfig: DEV_GROUPS_PACK_CONFIG } }],
  },
  "auth0-okta-connection-sync-on-first-login": {
    violate: [
      { title: "options sync at each login", scenario: { stack: "dev", program: (rs) => void (connectionOptions(rs).setUserRootAttributes = "on_each_login") } },
      { title: "never_on_login", scenario: { stack: "prod", program: (rs) => void (connectionOptions(rs).setUserRootAttributes = "never_on_login") } },
    ],
    nearMiss: [
      {
        title: "a non-okta connection syncing at each login",
        scenario: { stack: "dev", program: (rs) => Object.assign(inputs(rs, T.connection), { strategy: "samlp", options: { setUserRootAttributes: "on_each_login" } }) },
      },
    ],
  },
  "auth0-connection-protected": {
    violate: [
      // The config refuses protect: false without decommission (tests/config/badInput.test.ts): these are programs that bypass it.
      { title: "an unprotected connection without the decommission marker", scenario: { stack: "dev", program: (rs) => void (registration(rs, T.connection, 1).protect = false) } },
      {
        title: "an unprotected connection with other metadata",
        scenario: { stack: "prod", program: (rs) => void Object.assign(registration(rs, T.connection), { protect: false, inputs: { ...inputs(rs, T.connection), metadata: { owner: "iam" } } }) },
      },
      {
        title: "an unprotected connection with an empty marker",
        scenario: { stack: "prod", program: (rs) => void Object.assign(registration(rs, T.connection), { protect: false, inputs: { ...inputs(rs, T.connection), metadata: { "oktascim-decommission": "" } } }) },
      },
    ],
    nearMiss: [
      { title: "a renamed display name, still protected", scenario: { stack: "dev", config: (v) => Object.assign(connections(v)[1], { displayName: "Globex", protect: true }) } },
      { title: "decommission step 1: unprotected and marked (config decommission: true)", scenario: { stack: "dev", config: (v) => void (connections(v)[1].decommission = true) } },
      { title: "the marker on a connection that is still protected", scenario: { stack: "prod", program: (rs) => void (inputs(rs, T.connection).metadata = { "oktascim-decommission": "x", owner: "iam" }) } },
    ],
  },
  "auth0-scim-user-id-externalid": {
    violate: [
      { title: "user id attribute userName", scenario: { stack: "dev", program: (rs) => void (inputs(rs, T.scimConfiguration).userIdAttribute = "userName") } },
      {
        title: "mappings without userName",
        scenario: { stack: "prod", program: (rs) => void (inputs(rs, T.scimConfiguration).mappings = inputs(rs, T.scimConfiguration).mappings.filter((m: { scim: string }) => m.scim !== "userName")) },
      },
    ],
    nearMiss: [
      { title: "both left to Auth0's okta defaults", scenario: { stack: "prod", program: (rs) => void (delete inputs(rs, T.scimConfiguration).userIdAttribute, delete inputs(rs, T.scimConfiguration).mappings) } },
      { title: "extra additional mappings", scenario: { stack: "dev", config: (v) => void (connections(v)[1].scim.additionalMappings = [{ scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.badge", auth0: "app_metadata.badge" }]) } },
    ],
  },
  "auth0-scim-token-scopes": {
    violate: [
      { title: "config adds delete:users", scenario: { stack: "prod", config: (v) => void (connections(v)[0].scim.tokenScopes = ["get:users", "post:users", "put:users", "delete:users"]) } },
      { title: "a generation's own scopes add patch:users", scenario: { stack: "dev", config: (v) => void (tokenGenerations(v, 1)[0].scopes = ["get:users", "post:users", "put:users", "patch:users"]) } },
      { title: "a token without put:users", scenario: { stack: "dev", program: (rs) => void (tokenInputs(rs).scopes = ["get:users", "post:users"]) } },
      { title: "the plugin's token type (a program in another language) without put:users", scenario: { stack: "dev", program: (rs) => (asHostedTokens(rs), void (registration(rs, "oktaScim:index:ScimToken").inputs.scopes = ["get:users", "post:users"])) } },
      {
        title: "an auth0.ConnectionScimToken with delete:users (lifetime policy off)",
        scenario: { stack: "dev", program: (rs) => (asLegacyTokens(rs), registration(rs, "auth0:index/connectionScimToken:ConnectionScimToken").inputs.scopes = ["get:users", "post:users", "put:users", "delete:users"]), packConfig: LIFETIME_POLICY_OFF },
      },
    ],
    nearMiss: [
      {
        title: "delete:users allowed by the policy config",
        scenario: {
          stack: "prod",
          config: (v) => void (connections(v)[0].scim.tokenScopes = ["get:users", "post:users", "put:users", "delete:users"]),
          packConfig: { "auth0-scim-token-scopes": { allowedScopes: ["get:users", "post:users", "put:users", "delete:users"] }, ...PROD_PACK_CONFIG },
        },
      },
      { title: "scopes listed in another order", scenario: { stack: "dev", config: (v) => void (connections(v)[0].scim.tokenScopes = ["put:users", "get:users", "post:users"]) } },
      { title: "auth0.ConnectionScimToken with the three scopes (lifetime policy off)", scenario: { stack: "dev", program: asLegacyTokens, packConfig: LIFETIME_POLICY_OFF } },
      { title: "the plugin's token type with the three scopes", scenario: { stack: "dev", program: asHostedTokens } },
    ],
  },
  "auth0-scim-token-lifetime": {
    violate: [
      { title: "a generation without lifetimeSeconds", scenario: { stack: "dev", config: (v) => void delete tokenGenerations(v)[0].lifetimeSeconds } },
      { title: "no scim.tokens: the default generation never expires", scenario: { stack: "prod", config: (v) => void delete connections(v)[0].scim.tokens } },
      { title: "a token living 366 days (beyond what config allows, as another program could declare)", scenario: { stack: "prod", program: (rs) => void (tokenInputs(rs).tokenLifetimeSeconds = 366 * DAY) } },
      { title: "prod's 180-day token with maxLifetimeDays 90", scenario: { stack: "prod", packConfig: { "auth0-scim-token-lifetime": { maxLifetimeDays: 90 }, ...PROD_PACK_CONFIG } } },
      { title: "an auth0.ConnectionScimToken, which cannot expire", scenario: { stack: "dev", program: asLegacyTokens } },
      { title: "the plugin's token type living 366 days", scenario: { stack: "prod", program: (rs) => (asHostedTokens(rs), void (registration(rs, "oktaScim:index:ScimToken").inputs.tokenLifetimeSeconds = 366 * DAY)) } },
    ],
    nearMiss: [
      { title: "a generation living exactly 365 days", scenario: { stack: "dev", config: (v) => void (tokenGenerations(v)[0].lifetimeSeconds = 365 * DAY) } },
      { title: "366 days with maxLifetimeDays 400", scenario: { stack: "dev", program: (rs) => void (tokenInputs(rs).tokenLifetimeSeconds = 366 * DAY), packConfig: { "auth0-scim-token-lifetime": { maxLifetimeDays: 400 } } } },
      { title: "dev's 90-day tokens with maxLifetimeDays 90", scenario: { stack: "dev", packConfig: { "auth0-scim-token-lifetime": { maxLifetimeDays: 90 } } } },
    ],
  },
  "okta-oidc-app-auth0-login": {
    violate: [
      { title: "config refreshToken without the policy's allowRefreshToken", scenario: { stack: "dev", config: (v) => void (connections(v)[0].oidcApp.refreshToken = true) } },
      { title: "prod's custom domain without its committed policy config", scenario: { stack: "prod", packConfig: {} } },
      { title: "Federation Broker Mode on", scenario: { stack: "dev", program: (rs) => void (inputs(rs, T.oidcApp).implicitAssignment = true) } },
      { title: "an http redirect URI", scenario: { stack: "dev", program: (rs) => void inputs(rs, T.oidcApp).redirectUris.push("http://acme-dev.eu.auth0.com/login/callback") } },
      { title: "a foreign redirect host", scenario: { stack: "dev", program: (rs) => void (inputs(rs, T.oidcApp).redirectUris = ["https://acme-dev.eu.auth0.com.evil.example/login/callback"]) } },
      { title: "the implicit grant", scenario: { stack: "dev", program: (rs) => void inputs(rs, T.oidcApp).grantTypes.push("implicit") } },
      { title: "another Auth0 tenant while auth0Domains pins this stack's", scenario: { stack: "dev", program: (rs) => void (inputs(rs, T.oidcApp).redirectUris = ["https://attacker.us.auth0.com/login/callback"]) } },
      { title: "a foreign redirect URI added by its own OAuthRedirectUri resource", scenario: { stack: "dev", program: (rs) => void rs.push(redirectUriResource(rs, "https://evil.example/login/callback")) } },
    ],
    nearMiss: [
      {
        title: "refresh_token allowed by the policy config",
        scenario: { stack: "dev", config: (v) => void (connections(v)[0].oidcApp.refreshToken = true), packConfig: { "okta-oidc-app-auth0-login": { allowRefreshToken: true } } },
      },
      {
        title: "any *.auth0.com tenant when auth0Domains is not pinned",
        scenario: { stack: "dev", program: (rs) => void (inputs(rs, T.oidcApp).redirectUris = ["https://acme.us.auth0.com/login/callback"]), packConfig: {} },
      },
      { title: "this tenant's callback added by an OAuthRedirectUri resource", scenario: { stack: "dev", program: (rs) => void rs.push(redirectUriResource(rs, "https://acme-dev.eu.auth0.com/login/callback")) } },
    ],
  },
  "okta-scim-app-hidden": {
    violate: [{ title: "tile shown on iOS", scenario: { stack: "prod", program: (rs) => void (inputs(rs, T.scimApp).hideIos = false) } }],
    nearMiss: [{ title: "another label and URL", scenario: { stack: "prod", config: (v) => void (connections(v)[0].scimApp = { label: "SCIM", url: "https://acme.us.auth0.com" }) } }],
  },
  "okta-profile-mapping-no-type-mappings": {
    violate: [
      {
        title: "addressType mapped",
        scenario: { stack: "dev", program: (rs) => void inputs(rs, T.mapping).mappings.push({ id: "addressType", expression: "(user.streetAddress != null && user.streetAddress != '') ? 'work' : ''", pushStatus: "PUSH" }) },
      },
      {
        title: "the email type expression under another name, spaced differently",
        scenario: { stack: "dev", program: (rs) => void inputs(rs, T.mapping).mappings.push({ id: "mailKind", expression: '(user.email!=null && user.email!="") ? "work" : ""', pushStatus: "PUSH" }) },
      },
      { title: "deleteWhenAbsent off", scenario: { stack: "dev", program: (rs) => void (inputs(rs, T.mapping, 1).deleteWhenAbsent = false) } },
    ],
    nearMiss: [
      { title: "a constant 'work' under another name", scenario: { stack: "dev", program: (rs) => void inputs(rs, T.mapping).mappings.push({ id: "workKind", expression: "'work'", pushStatus: "PUSH" }) } },
    ],
  },
  "okta-custom-attribute-scim-namespace": {
    violate: [
      { title: "a vendor namespace", scenario: { stack: "dev", program: (rs) => void (inputs(rs, T.attribute).externalNamespace = "urn:acme:params:scim:schemas:extension:acme:1.0:User") } },
      { title: "no externalName", scenario: { stack: "dev", program: (rs) => void delete inputs(rs, T.attribute).externalName } },
    ],
    nearMiss: [
      {
        title: "the vendor namespace allowed by the policy config",
        scenario: {
          stack: "dev",
          program: (rs) => void (inputs(rs, T.attribute).externalNamespace = "urn:acme:params:scim:schemas:extension:acme:1.0:User"),
          packConfig: { "okta-custom-attribute-scim-namespace": { allowedNamespaces: ["urn:acme:params:scim:schemas:extension:acme:1.0:User"] } },
        },
      },
      { title: "the core User namespace", scenario: { stack: "dev", config: (v) => void (connections(v)[0].customAttributes[0].externalNamespace = "urn:ietf:params:scim:schemas:core:2.0:User") } },
    ],
  },
  "okta-apps-same-assignments": {
    violate: [
      { title: "a group only on the OIDC app", scenario: { stack: "prod", program: (rs) => void inputs(rs, T.groupAssignments, 1).groups.pop() } },
      { title: "a user only on the SCIM app", scenario: { stack: "dev", program: (rs) => void rs.splice(rs.indexOf(registration(rs, T.appUser, 0)), 1) } },
      {
        title: "a group only on the OIDC app, beside the catalog app",
        scenario: { stack: "prod", config: onCatalogApp, packConfig: CATALOG_PACK_CONFIG, program: (rs) => void (catalogAssignments(rs).find((r) => r.type === T.groupAssignments)!.inputs.groups as unknown[]).pop() },
      },
      {
        title: "the catalog app's assignments gone: no SCIM app beside the connection",
        scenario: { stack: "prod", config: onCatalogApp, packConfig: CATALOG_PACK_CONFIG, program: (rs) => void catalogAssignments(rs).forEach((r) => rs.splice(rs.indexOf(r), 1)) },
      },
      {
        title: "an Okta app beside a connection marked as a customer's org",
        scenario: { stack: "customers", program: (rs) => void rs.push({ ...copyOf(registration(rs, T.oidcApp), "okta-umbrella-okta-oidc-app"), parent: `${COMPONENT}::okta-umbrella` }) },
      },
      {
        title: "an okta connection with neither Okta app and no customer marker",
        scenario: { stack: "customers", program: (rs) => void (named(rs, T.connection, "okta-umbrella-auth0-connection").inputs.metadata = {}) },
      },
    ],
    nearMiss: [
      { title: "the catalog app (not declared, referenced by id) assigned like the log-in app", scenario: { stack: "prod", config: onCatalogApp, packConfig: CATALOG_PACK_CONFIG } },
      { title: "customers' connections without Okta apps, marked as such", scenario: { stack: "customers" } },
      { title: "the same groups in another order on one app", scenario: { stack: "prod", program: (rs) => void inputs(rs, T.groupAssignments, 1).groups.reverse() } },
    ],
  },
  "auth0-scim-tokens-per-connection": {
    violate: [
      { title: "three tokens on one connection", scenario: { stack: "dev", config: rotate, program: (rs) => void rs.push(copyOf(tokensOf(rs, "okta-acme")[1], "okta-acme-scim-token-extra")) } },
      {
        title: "two generations and an auth0.ConnectionScimToken on one connection (lifetime policy off)",
        scenario: { stack: "dev", config: rotate, program: (rs) => void rs.push(legacyTokenLike(tokensOf(rs, "okta-acme")[0], rs, "okta-acme-scim-token")), packConfig: LIFETIME_POLICY_OFF },
      },
      { title: "a token on a connection without SCIM configuration", scenario: { stack: "dev", program: (rs) => void rs.splice(rs.indexOf(registration(rs, T.scimConfiguration, 1)), 1) } },
      {
        title: "a token for a connection outside the stack",
        scenario: { stack: "prod", program: (rs) => void (delete tokensOf(rs)[0].propertyDependencies.connectionId, (tokenInputs(rs).connectionId = "con_elsewhere0000000")) },
      },
    ],
    nearMiss: [
      { title: "two generations while rotating", scenario: { stack: "dev", config: rotate } },
      {
        title: "an auth0.ConnectionScimToken beside the new generation while migrating (lifetime policy off)",
        scenario: { stack: "dev", program: (rs) => void rs.push(legacyTokenLike(tokensOf(rs, "okta-acme")[0], rs, "okta-acme-scim-token")), packConfig: LIFETIME_POLICY_OFF },
      },
    ],
  },
  "okta-provider-rate-limit-share": {
    violate: [{ title: "maxApiCapacity 100", scenario: { stack: "prod", config: (v) => void ((v["oktaScim:oktaOrgs"] as any[])[0].maxApiCapacity = 100) } }],
    nearMiss: [
      { title: "maxApiCapacity 99", scenario: { stack: "prod", config: (v) => void ((v["oktaScim:oktaOrgs"] as any[])[0].maxApiCapacity = 99) } },
      {
        title: "100 % for fewer resources than minManagedResources",
        scenario: {
          stack: "prod",
          config: (v) => void ((v["oktaScim:oktaOrgs"] as any[])[0].maxApiCapacity = 100),
          packConfig: { "okta-provider-rate-limit-share": { minManagedResources: 50 }, ...PROD_PACK_CONFIG },
        },
      },
    ],
  },
};

const violations = Object.entries(cases).flatMap(([policy, c]) => c.violate.map((v) => [policy, v.title, v.scenario] as const));
const nearMisses = Object.entries(cases).flatMap(([policy, c]) => c.nearMiss.map((v) => [policy, v.title, v.scenario] as const));

it("covers all fourteen policies both ways", () => {
  expect(Object.keys(cases)).toHaveLength(14);
});

describe.each(violations)("%s is violated by: %s", (policy, _title, scenario) => {
  it("reports exactly that policy, on a named resource, without secrets", async () => {
    const result = await evaluate(scenario);
    expect(violated(result)).toEqual([policy]);
    for (const d of result.diagnostics) {
      expect(d.urn).toMatch(/^urn:pulumi:/);
      expect(d.message).not.toMatch(/MOCK-SCIM-TOKEN|MOCK-OKTA-CLIENT-SECRET|SECRET-MARKER|__f0|serialised dynamic provider/);
    }
  });
});

describe.each(nearMisses)("%s is not tripped by: %s", (policy, _title, scenario) => {
  it("reports nothing", async () => {
    const result = await evaluate(scenario);
    expect(result.diagnostics).toEqual([]);
    expect(violated(result)).not.toContain(policy);
  });
});
