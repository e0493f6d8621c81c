// Rules for `scimApp.kind`, `scimApp.appId` and `scimApp.movingTo` (docs/catalog-app.md), checked
// before anything is registered. The custom app is created by the stack from its label and URL; the
// catalog app is added by an Okta admin and only referenced by id, so each kind takes its own fields.
// Its token must carry patch:users (Okta's catalog integrations deactivate users with PATCH), and a
// scope change replaces a token, so a missing scope is asked for as a new token generation.
import { REQUIRED_SCOPES_BY_KIND, scimAppKind, type ScimAppKind } from "../components/decisions/scimAppKind";
import { missingOktaScopes, normalizeTokenScopes } from "../components/decisions/tokenScopes";
import type { ConfigProblem } from "./crossFieldRules";
import type { ConnectionConfig } from "./schema";

type At = (...rest: (string | number)[]) => (string | number)[];

/** Why a setting does not combine with the catalog app (in a move, or once moved). */
const CATALOG_EXCLUSIONS: Array<{ applies: (c: ConnectionConfig) => boolean; path: string[]; message: string }> = [
  {
    applies: (c) => c.adopt !== undefined,
    path: ["adopt"],
    message:
      "is for setups on the custom SWA app only: adopt the hand-made setup with kind custom (adopt.scimAppId), remove the adopt block, then move to the catalog app (docs/catalog-app.md)",
  },
  {
    applies: (c) => c.manageProvisioningViaApi !== false,
    path: ["manageProvisioningViaApi"],
    message: "must be false for the catalog app: Okta's API configures provisioning for Org2Org and Zscaler apps only, so its SCIM connection and To App settings are console steps",
  },
];

function scopeProblems(c: ConnectionConfig, kind: ScimAppKind, at: At, why: string): ConfigProblem[] {
  const ti = c.scim.tokens.length - 1;
  const newest = c.scim.tokens[ti];
  if (c.decommission || newest === undefined) return [];
  const scopes = normalizeTokenScopes(newest.scopes ?? c.scim.tokenScopes);
  const missing = missingOktaScopes(scopes, REQUIRED_SCOPES_BY_KIND[kind]);
  if (missing.length === 0) return [];
  const wanted = normalizeTokenScopes([...scopes, ...missing]);
  return [
    {
      path: newest.scopes ? at("scim", "tokens", ti, "scopes") : at("scim", "tokenScopes"),
      message:
        `the token Okta uses (generation "${newest.generation}") lacks ${missing.join(", ")}, which ${why}. A scope change replaces a token, so rotate: ` +
        `add a generation after "${newest.generation}" with scopes [${wanted.join(", ")}] and paste its token into the catalog app (docs/catalog-app.md)`,
    },
  ];
}

export function scimAppProblems(c: ConnectionConfig, at: At, administeredByCustomer: boolean): ConfigProblem[] {
  const app = c.scimApp;
  const problems: ConfigProblem[] = [];
  const kind = scimAppKind(app);
  const catalogWhy = "Okta's catalog app uses to update and deactivate users (PATCH)";
  if (kind === "custom") {
    if (app.url === undefined) problems.push({ path: at("scimApp", "url"), message: "is required for the custom SWA app: its login page URL, for example https://<your tenant>.auth0.com" });
    if (app.appId !== undefined) {
      problems.push({ path: at("scimApp", "appId"), message: "names a catalog app: set scimApp.kind: catalog to use it, or scimApp.movingTo.appId to move this connection to it (docs/catalog-app.md)" });
    }
  } else {
    if (app.appId === undefined) {
      problems.push({
        path: at("scimApp", "appId"),
        message:
          'is required for the catalog app: in the Okta admin console, Applications → Browse App Catalog → "(OAuth Bearer Token) Governance with SCIM 2.0" → Add Integration, then copy the id from the app\'s URL (…/instance/<id>/)',
      });
    }
    if (app.url !== undefined) problems.push({ path: at("scimApp", "url"), message: "is for the custom SWA app only; the catalog app has no login page URL here, remove it" });
    if (app.movingTo !== undefined) problems.push({ path: at("scimApp", "movingTo"), message: "is for a custom app moving to the catalog app; this connection is on the catalog app already, remove it" });
  }
  if (kind === "catalog" || app.movingTo !== undefined) {
    if (administeredByCustomer) {
      problems.push({ path: at("scimApp", kind === "catalog" ? "kind" : "movingTo"), message: "is not supported for a customer's org yet: their admin's hand-off page describes the custom SWA app; leave scimApp.kind unset" });
    }
    for (const rule of CATALOG_EXCLUSIONS) if (rule.applies(c)) problems.push({ path: at(...rule.path), message: rule.message });
    problems.push(...scopeProblems(c, "catalog", at, catalogWhy));
  }
  if (kind === "custom" && app.movingTo !== undefined) {
    if (c.scim.groups.length > 0) {
      problems.push({
        path: at("scim", "groups"),
        message:
          "must be empty while moving to the catalog app: a push from the custom app and one from the catalog app would claim the same Auth0 group. Remove scim.groups first (their Auth0 groups stay), move, then list them again (docs/catalog-app.md)",
      });
    }
    if (c.scim.tokens.length < 2) {
      problems.push({
        path: at("scim", "tokens"),
        message:
          "needs a second generation while moving: the custom app keeps the current token until the move ends, the catalog app gets the new one (with patch:users). Add a generation after the current one",
      });
    }
  }
  return problems;
}
