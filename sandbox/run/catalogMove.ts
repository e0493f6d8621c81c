// The custom → catalog move (docs/catalog-app.md) as a sandbox run takes it: the two reviewed config
// changes, and what the real preview of the second may contain. Pure.
import { REQUIRED_SCOPES_BY_KIND } from "../../components/decisions/scimAppKind";
import { childNames } from "../../components/naming";
import { connectionsOf, type StackConfig } from "./context";
import { keyOfUrn } from "./plan";
import type { PreviewStep } from "./previewJson";

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
const nameOf = (s: PreviewStep) => keyOfUrn(s.urn).split("::")[1];
const changing = (steps: readonly PreviewStep[]) => steps.filter((s) => !s.urn.includes("::pulumi:pulumi:Stack::") && !SAME_IDENTITY.has(s.op));

/**
 * What in the move's first preview would not be a plain addition: anything but creates of the catalog
 * app's assignments and of the new generation's token. `assignedUsers` is how many users the
 * connection assigns: the catalog app must get one user assignment each, and one group list.
 */
export function unexpectedMoveStartSteps(steps: readonly PreviewStep[], connectionKey: string, assignedUsers: number): string[] {
  const n = childNames(connectionKey);
  const wanted = (name: string) => name === n.catalogGroupAssignments || name.startsWith(n.catalogUser("")) || name === n.scimToken(MOVE_GENERATION);
  const problems = changing(steps)
    .filter((s) => s.op !== "create" || !wanted(nameOf(s)))
    .map((s) => `${s.op} ${keyOfUrn(s.urn)}`);
  const creates = changing(steps).filter((s) => s.op === "create").map(nameOf);
  const users = creates.filter((x) => x.startsWith(n.catalogUser(""))).length;
  if (!creates.includes(n.catalogGroupAssignments)) problems.push(`no create of ${n.catalogGroupAssignments}`);
  if (!creates.includes(n.scimToken(MOVE_GENERATION))) problems.push(`no create of ${n.scimToken(MOVE_GENERATION)}`);
  if (users !== assignedUsers) problems.push(`${users} catalog app user assignment(s) for ${assignedUsers} assigned user(s)`);
  return problems;
}

/**
 * What in the move's second preview would not be safe: anything but the deletes of the custom app,
 * its assignments, its phase-2 mapping and attributes and the old token, and the creates of the
 * catalog app's mapping and attributes. The
 * Auth0 connection, its clients and SCIM configuration, the log-in app and the catalog app's
 * assignments must stay as they are.
 */
export function unexpectedMoveEndSteps(steps: readonly PreviewStep[], connectionKey: string, oldGeneration: string): string[] {
  const n = childNames(connectionKey);
  // Phase 2 moves with the app: the custom app's mapping and attributes go (retained in Okta, on an app
  // that goes too), the catalog app's are created under their own names.
  const deletable = (name: string) =>
    name === n.scimApp ||
    name === n.scimGroupAssignments ||
    name.startsWith(n.scimUser("")) ||
    name === n.scimToken(oldGeneration) ||
    name === n.profileMapping ||
    name.startsWith(n.customAttribute(""));
  const creatable = (name: string) => name === n.catalogProfileMapping || name.startsWith(n.catalogCustomAttribute(""));
  return changing(steps)
    .filter((s) => {
      const name = nameOf(s);
      if (s.op === "delete") return !deletable(name);
      if (s.op === "create") return !creatable(name);
      return true;
    })
    .map((s) => `${s.op} ${keyOfUrn(s.urn)}`);
}
