// Okta read-back checks: the console-only settings (To App actions, type mappings) and the two
// invariants the stack declares (same groups on both apps, Federation Broker Mode off), read back so a
// later console edit is caught. No SDK here: see ../oktaReadBack.ts.
import { isPutBreakingTypeMapping } from "../../components/decisions/oktaProfileMappings";
import { describeReadBackError } from "../readBackError";
import { type CheckResult, fail, pass, warn } from "./result";

export const OKTA_CHECKS = {
  features: "okta.scim-app-provisioning-features",
  typeMappings: "okta.profile-mapping-no-type-mappings",
  sameGroups: "okta.same-groups-on-both-apps",
  federationBroker: "okta.federation-broker-mode-off",
  appSchema: "okta.scim-app-schema-matches-stack",
  onePerLabel: "okta.one-app-per-label",
} as const;

/** What the To App settings and the SCIM connection's provisioning actions turn on. */
export const REQUIRED_FEATURES = ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION"] as const;

export interface OktaAppInfo {
  label: string;
  features: string[];
  /** Federation Broker Mode; Okta reports it as settings.implicitAssignment. */
  implicitAssignment: boolean;
}

export interface OktaMappingProperty {
  expression: string;
  pushStatus?: string;
}

/** One entry of Okta's app list. */
export interface ListedOktaApp {
  id: string;
  label: string;
  status: string;
  created?: string;
}

export interface OktaReadBack {
  app(appId: string): Promise<OktaAppInfo>;
  /** Apps whose name or label starts with `label` (GET /api/v1/apps?q=): Okta's search, not an exact match. */
  appsLabelled(label: string): Promise<ListedOktaApp[]>;
  assignedGroupIds(appId: string): Promise<string[]>;
  /** The Okta user → app mapping's properties, or undefined when the app has none (provisioning off). */
  userToAppMapping(appId: string): Promise<Record<string, OktaMappingProperty> | undefined>;
  /** Property names of the app's user schema, base then custom (GET /api/v1/meta/schemas/apps/{id}/default). */
  appUserSchemaAttributes(appId: string): Promise<string[]>;
}

export interface OktaApps {
  scimAppId: string;
  /** For OIDC apps Okta's app id is the client id. */
  oidcAppId: string;
  /** The stack's captured scimApp.attributes: null when none is captured; undefined when unknown (--scim-url). */
  capturedAttributes?: readonly string[] | null;
}

const APPS_READ = "okta.apps.read (or an admin role that can read apps)";

async function checkFeatures(readBack: OktaReadBack, appId: string): Promise<CheckResult> {
  try {
    const { features } = await readBack.app(appId);
    const missing = REQUIRED_FEATURES.filter((f) => !features.includes(f));
    return missing.length
      ? fail(OKTA_CHECKS.features, `SCIM app ${appId} lacks ${missing.join(", ")} (has: ${features.join(", ") || "none"})`)
      : pass(OKTA_CHECKS.features, `SCIM app has ${REQUIRED_FEATURES.join(", ")}`);
  } catch (error) {
    return fail(OKTA_CHECKS.features, describeReadBackError(error, `GET /api/v1/apps/${appId}`, APPS_READ));
  }
}

async function checkTypeMappings(readBack: OktaReadBack, appId: string): Promise<CheckResult> {
  try {
    const properties = await readBack.userToAppMapping(appId);
    if (!properties) return warn(OKTA_CHECKS.typeMappings, "no Okta user → app profile mapping yet: provisioning is not switched on (console step O6-7)");
    const breaking = Object.entries(properties)
      .filter(([, p]) => p.expression)
      .filter(([id, p]) => isPutBreakingTypeMapping({ id, expression: p.expression }))
      .map(([id]) => id);
    return breaking.length
      ? fail(OKTA_CHECKS.typeMappings, `type mappings still present: ${breaking.join(", ")} (they break Auth0's PUT)`)
      : pass(OKTA_CHECKS.typeMappings, "none of the three type mappings is present");
  } catch (error) {
    return fail(OKTA_CHECKS.typeMappings, describeReadBackError(error, "GET /api/v1/mappings", "okta.profileMappings.read"));
  }
}

async function checkSameGroups(readBack: OktaReadBack, apps: OktaApps): Promise<CheckResult> {
  try {
    const [scim, oidc] = await Promise.all([readBack.assignedGroupIds(apps.scimAppId), readBack.assignedGroupIds(apps.oidcAppId)]);
    const onlyScim = scim.filter((g) => !oidc.includes(g));
    const onlyOidc = oidc.filter((g) => !scim.includes(g));
    if (onlyScim.length || onlyOidc.length) {
      const parts = [
        onlyScim.length ? `only on the SCIM app: ${onlyScim.join(", ")}` : "",
        onlyOidc.length ? `only on the OIDC app: ${onlyOidc.join(", ")}` : "",
      ].filter(Boolean);
      return fail(OKTA_CHECKS.sameGroups, `groups differ: ${parts.join("; ")}`);
    }
    return pass(OKTA_CHECKS.sameGroups, `both apps have the same ${scim.length} group(s)`);
  } catch (error) {
    return fail(OKTA_CHECKS.sameGroups, describeReadBackError(error, "GET /api/v1/apps/{id}/groups", APPS_READ));
  }
}

async function checkFederationBroker(readBack: OktaReadBack, oidcAppId: string): Promise<CheckResult> {
  try {
    const { implicitAssignment } = await readBack.app(oidcAppId);
    return implicitAssignment
      ? fail(OKTA_CHECKS.federationBroker, `OIDC app ${oidcAppId} has Federation Broker Mode on: every Okta user can log in, assigned or not`)
      : pass(OKTA_CHECKS.federationBroker, "OIDC app has Federation Broker Mode off");
  } catch (error) {
    return fail(OKTA_CHECKS.federationBroker, describeReadBackError(error, `GET /api/v1/apps/${oidcAppId}`, APPS_READ));
  }
}

/**
 * Phase 2 maps exactly the captured attributes (scimApp.attributes). Fails when the live schema has one
 * the list lacks (its mapping was cleared, or will be) or the list has one the app lacks (`pulumi up`
 * would fail with a 400); warns while nothing is captured (phase 1).
 */
export async function checkAppSchema(readBack: OktaReadBack, scimAppId: string, captured: readonly string[] | null): Promise<CheckResult> {
  try {
    const live = await readBack.appUserSchemaAttributes(scimAppId);
    if (captured === null) {
      return warn(OKTA_CHECKS.appSchema, `the stack has no scimApp.attributes yet; the app has ${live.length} attributes. Capture them before phase 2 (--capture-app-schema)`);
    }
    const notCaptured = live.filter((a) => !captured.includes(a));
    const gone = captured.filter((a) => !live.includes(a));
    if (notCaptured.length || gone.length) {
      const parts = [
        notCaptured.length ? `the app has ${notCaptured.join(", ")}, which scimApp.attributes lacks (phase 2 leaves it unmapped)` : "",
        gone.length ? `scimApp.attributes lists ${gone.join(", ")}, which the app no longer has (the next pulumi up fails on it)` : "",
      ].filter(Boolean);
      return fail(OKTA_CHECKS.appSchema, parts.join("; "));
    }
    return pass(OKTA_CHECKS.appSchema, `the app's ${live.length} attributes are the stack's scimApp.attributes`);
  } catch (error) {
    return fail(OKTA_CHECKS.appSchema, describeReadBackError(error, `GET /api/v1/meta/schemas/apps/${scimAppId}/default`, "okta.schemas.read"));
  }
}

/**
 * Okta never refuses a second app with the same label, and a create whose answer was lost is sent
 * again by the okta provider's HTTP client (go-retryablehttp retries a POST on a dropped connection):
 * Okta then holds an app no stack tracks. Pure over the listed apps: every app labelled exactly like
 * one of the stack's, other than the stack's own, is named with what to do.
 */
export function oneAppPerLabelCheck(stackApps: ReadonlyArray<{ id: string; label: string }>, listed: readonly ListedOktaApp[]): CheckResult {
  const strays = stackApps.flatMap((own) =>
    listed.filter((a) => a.label === own.label && a.id !== own.id && !stackApps.some((s) => s.id === a.id)).map((a) => ({ own, stray: a })),
  );
  const unique = strays.filter((s, i) => strays.findIndex((t) => t.stray.id === s.stray.id) === i);
  if (unique.length === 0) return pass(OKTA_CHECKS.onePerLabel, `no other app is labelled ${stackApps.map((a) => `"${a.label}"`).join(" or ")}`);
  const named = unique.map(({ own, stray }) => `${stray.id} (${stray.status}${stray.created ? `, created ${stray.created}` : ""}) is labelled "${own.label}" like the stack's ${own.id}`);
  return fail(
    OKTA_CHECKS.onePerLabel,
    `${named.join("; ")}. No stack manages ${unique.length === 1 ? "it" : "them"}: a create whose answer was lost (the provider sent it again) or a hand-made copy. If ${unique.length === 1 ? "it has" : "they have"} no assigned users or groups, deactivate and delete ${unique.length === 1 ? "it" : "them"} (docs/day-2-operations.md, "After a failed or interrupted up")`,
  );
}

async function checkOnePerLabel(readBack: OktaReadBack, appIds: readonly string[]): Promise<CheckResult> {
  try {
    const own = await Promise.all(appIds.map(async (id) => ({ id, label: (await readBack.app(id)).label })));
    const listed = (await Promise.all([...new Set(own.map((a) => a.label))].map((label) => readBack.appsLabelled(label)))).flat();
    return oneAppPerLabelCheck(own, listed);
  } catch (error) {
    return fail(OKTA_CHECKS.onePerLabel, describeReadBackError(error, "GET /api/v1/apps?q=", APPS_READ));
  }
}

/** The same read-back, reading each app once: three checks read the two apps. */
function readingAppsOnce(readBack: OktaReadBack): OktaReadBack {
  const read = new Map<string, Promise<OktaAppInfo>>();
  return {
    ...readBack,
    app: (appId) => {
      if (!read.has(appId)) read.set(appId, readBack.app(appId));
      return read.get(appId)!;
    },
  };
}

export async function runOktaChecks(uncached: OktaReadBack, apps: OktaApps): Promise<CheckResult[]> {
  const readBack = readingAppsOnce(uncached);
  const results = [
    await checkFeatures(readBack, apps.scimAppId),
    await checkTypeMappings(readBack, apps.scimAppId),
    await checkSameGroups(readBack, apps),
    await checkFederationBroker(readBack, apps.oidcAppId),
    await checkOnePerLabel(readBack, [apps.scimAppId, apps.oidcAppId]),
  ];
  // Only the stack knows what was captured: with --scim-url this check has nothing to compare.
  if (apps.capturedAttributes !== undefined) results.push(await checkAppSchema(readBack, apps.scimAppId, apps.capturedAttributes));
  return results;
}
