// The custom → catalog move (docs/catalog-app.md) as a sandbox run takes it: the two reviewed config
// changes, and what the real preview of the second may contain. Pure.
import { REQUIRED_SCOPES_BY_KIND } from "../../components/decisions/scimAppKind";
import { childNames } from "../../components/naming";
import { connectionsOf, type StackConfig } from "./context";
import { keyOfUrn } from "./plan";
import { typeOfStep, type PreviewStep } from "./previewJson";

export const MOVE_GENERATION = "sandbox-catalog";

/** Change 1: movingTo the catalog app, and a new token generation (with patch:users) after the newest one. */
export function moveStartConfig(config: StackConfig, connectionName: string, catalogAppId: string): StackConfig {
  const next = structuredClone(config);
  const c = connectionsOf(next).find((x) => x.name === connectionName)!;
  const tokens = (c.scim?.tokens as Array<Record<string, unknown>> | undefined) ?? [{ generation: "initial" }];
  c.scimApp = { ...c.scimApp, movingTo: { appId: catalogAppId } };
  c.scim = { ...(c.scim ?? {}), tokens: [...tokens.slice(-1), { generation: MOVE_GENERATION, lifetimeSeconds: 7776000, scopes: [...REQUIRED_SCOPES_BY_KIND.catalog] }] };
  return next;
}

/** Change 2: the connection on the catalog app, the custom app's generation removed. */
export function moveEndConfig(config: StackConfig, connectionName: string, catalogAppId: string, catalogLabel: string): StackConfig {
  const next = structuredClone(config);
  const c = connectionsOf(next).find((x) => x.name === connectionName)!;
  const { attributes } = c.scimApp as { attributes?: string[] };
  c.scimApp = { kind: "catalog", appId: catalogAppId, label: catalogLabel, ...(attributes ? { attributes } : {}) };
  c.scim = { ...c.scim, tokens: (c.scim.tokens as Array<{ generation: string }>).filter((t) => t.generation === MOVE_GENERATION) };
  return next;
}

const SAME_IDENTITY = new Set(["same", "read", "refresh"]);
const REPLACE_OPS = new Set(["replace", "create-replacement", "delete-replaced"]);
/** Phase 2's resources on the SCIM app: re-pointed at the catalog app, so updated or replaced (neither touches a user). */
const REPLACEABLE_TYPES = new Set(["okta:profile/mapping:Mapping", "okta:index/appUserSchemaProperty:AppUserSchemaProperty"]);

/**
 * What in the move's second preview would not be safe: anything but the deletes of the custom app,
 * its assignments and the old token, and the replacement of phase 2's mapping and attributes. The
 * Auth0 connection, its clients and SCIM configuration, the log-in app and the catalog app's
 * assignments must stay as they are.
 */
export function unexpectedMoveEndSteps(steps: readonly PreviewStep[], connectionKey: string, oldGeneration: string): string[] {
  const n = childNames(connectionKey);
  const deletable = (name: string) =>
    name === n.scimApp || name === n.scimGroupAssignments || name.startsWith(n.scimUser("")) || name === n.scimToken(oldGeneration);
  return steps
    .filter((s) => !s.urn.includes("::pulumi:pulumi:Stack::") && !SAME_IDENTITY.has(s.op))
    .filter((s) => {
      const name = keyOfUrn(s.urn).split("::")[1];
      if (s.op === "delete") return !deletable(name);
      if (REPLACE_OPS.has(s.op) || s.op === "update") return !REPLACEABLE_TYPES.has(typeOfStep(s));
      return true;
    })
    .map((s) => `${s.op} ${keyOfUrn(s.urn)}`);
}
