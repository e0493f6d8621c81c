// Pre-seeding an org with what a person would have made by hand before Pulumi: groups and users the
// stack looks up, and optionally an existing integration (an OIDC app, an AUTO_LOGIN app, both
// assigned the same groups and users, provisioning switched on in the console so the profile mapping
// with Okta's three type mappings exists). Used by the sandbox (lookups of the stack under test) and
// by adoption tests (import an existing setup).
import type { OktaOrg } from "./org";

export interface SeedApp {
  /** catalog: the catalog app an admin added (scimApp.kind catalog or movingTo), with the config's `id`. */
  kind: "oidc" | "autoLogin" | "catalog";
  id?: string;
  label: string;
  /** AUTO_LOGIN: the app's sign-on URL. */
  signOnUrl?: string;
  /** OIDC: redirect URIs. */
  redirectUris?: string[];
  /** Group names (seeded or existing) and user logins assigned to the app. */
  groups?: string[];
  users?: string[];
  /** Simulate the console steps on this app: provisioning on, profile mapping created. */
  provisioningOn?: boolean;
}

export interface OktaSeed {
  groups?: Array<{ name: string; id?: string; type?: "OKTA_GROUP" | "APP_GROUP"; description?: string }>;
  users?: Array<{ login: string; id?: string; firstName?: string; lastName?: string; groups?: string[]; roles?: string[] }>;
  apps?: SeedApp[];
}

export interface SeededIds {
  groups: Record<string, string>;
  users: Record<string, string>;
  /** By label. */
  apps: Record<string, string>;
  /** By app label, for apps seeded with provisioningOn. */
  mappings: Record<string, string>;
}

function byName(org: OktaOrg, name: string): string {
  const g = [...org.groups.values()].find((x) => x.name === name);
  if (!g) throw new Error(`seed: no group named ${JSON.stringify(name)} in ${org.domain}`);
  return g.id;
}

export function applySeed(org: OktaOrg, seed: OktaSeed): SeededIds {
  const ids: SeededIds = { groups: {}, users: {}, apps: {}, mappings: {} };
  for (const g of seed.groups ?? []) ids.groups[g.name] = org.addGroup(g.name, g).id;
  for (const u of seed.users ?? []) {
    ids.users[u.login] = org.addUser(u.login, { ...u, groupIds: (u.groups ?? []).map((n) => byName(org, n)) }).id;
  }
  for (const a of seed.apps ?? []) {
    const app =
      a.kind === "catalog"
        ? org.addCatalogApp(a.id ?? "", a.label)
        : a.kind === "oidc"
        ? org.createApp(
            {
              signOnMode: "OPENID_CONNECT",
              label: a.label,
              credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
              settings: { oauthClient: { application_type: "web", grant_types: ["authorization_code"], response_types: ["code"], redirect_uris: a.redirectUris ?? [], issuer_mode: "ORG_URL" } },
            },
            true,
          )
        : org.createApp(
            { signOnMode: "AUTO_LOGIN", label: a.label, settings: { signOn: { loginUrl: a.signOnUrl ?? "" } }, visibility: { hide: { iOS: true, web: true } } },
            true,
          );
    ids.apps[a.label] = app.id;
    (a.groups ?? []).forEach((name, priority) => org.assignGroup(app.id, byName(org, name), priority, {}));
    for (const login of a.users ?? []) {
      const user = org.findUser(login);
      if (!user) throw new Error(`seed: no user ${JSON.stringify(login)} in ${org.domain}`);
      const now = new Date().toISOString();
      org.appUsers.get(app.id)!.set(user.id, { userName: user.login, profile: {}, created: now, lastUpdated: now });
    }
    if (a.provisioningOn) ids.mappings[a.label] = org.consoleSteps(app.id).id;
  }
  return ids;
}
