// Phase rollback on the real engine (issue 14, item 3): `consoleStepsDone` true → false. The preview
// shows deletes of the profile mapping and the app user schema properties, exactly as the offline plan
// predicts; `up` only forgets them (retainOnDelete): the Okta stand-in still has the mapping with every
// expression and every custom attribute, and `up` wrote nothing to Okta. Then back to true: `up`
// adopts them again and the next preview is clean.
import { excerpt } from "../commands";
import { connectionsOf, failed, mockedRegistrations, passed, pulumi, readStackConfig, scimAppId, writeStackConfig, type Context, type StackConfig } from "../context";
import { describeCalls, isWrite, oktaOrgOf } from "../day2";
import { changeMismatches, describeChanges, expectedChanges, previewChanges } from "../plan";
import type { StepResult } from "../report";
import { customerOrgNames } from "../plan";

export const MAPPING_TYPE = "okta:profile/mapping:Mapping";
export const SCHEMA_PROPERTY_TYPE = "okta:index/appUserSchemaProperty:AppUserSchemaProperty";

/** The config with every phase-2 connection rolled back, and their names. Pure. */
export function rolledBack(config: StackConfig): { config: StackConfig; connections: string[] } {
  const copy = structuredClone(config);
  // Phase 2 (mapping, attributes) exists only on orgs the stack administers.
  const customers = customerOrgNames(copy);
  const rolled = connectionsOf(copy).filter((c) => c.consoleStepsDone === true && !customers.has(c.oktaOrg));
  for (const c of rolled) c.consoleStepsDone = false;
  return { config: copy, connections: rolled.map((c) => String(c.name)) };
}

/** Expected deletes that are neither the mapping nor a schema property (a rollback must delete nothing else). Pure. */
export function unexpectedRollbackDeletes(deletes: readonly string[]): string[] {
  return deletes.filter((k) => !k.startsWith(`${MAPPING_TYPE}::`) && !k.startsWith(`${SCHEMA_PROPERTY_TYPE}::`));
}

/** What Okta holds for one SCIM app: its profile mapping's properties and its custom attributes. */
interface OktaPhaseTwo {
  mapping: string;
  attributes: string;
}

function snapshot(ctx: Context, config: StackConfig, connectionName: string): OktaPhaseTwo | string {
  const c = connectionsOf(config).find((x) => x.name === connectionName)!;
  const { domain, org } = oktaOrgOf(ctx, c);
  const appId = scimAppId(ctx, c, domain);
  if (!appId) return `no SCIM app labelled "${c.scimApp?.label}" in ${domain}`;
  const mapping = [...org.mappings.values()].find((m) => m.targetAppId === appId);
  if (!mapping) return `no profile mapping to the SCIM app of ${connectionName} in ${domain}`;
  return { mapping: JSON.stringify(mapping.properties), attributes: JSON.stringify(org.appSchemas.get(appId)?.custom ?? {}) };
}

export async function phaseRollbackStep(ctx: Context, name: string): Promise<StepResult> {
  const deployed = readStackConfig(ctx.stackFile);
  const rollback = rolledBack(deployed);
  if (rollback.connections.length === 0) return failed(name, "no connection is in phase 2 (consoleStepsDone: true): run the config edit step first");
  const before = new Map<string, OktaPhaseTwo>();
  for (const c of rollback.connections) {
    const s = snapshot(ctx, deployed, c);
    if (typeof s === "string") return failed(name, s);
    before.set(c, s);
  }
  const expected = expectedChanges(await mockedRegistrations(deployed, ctx.stack), await mockedRegistrations(rollback.config, ctx.stack));
  const stray = unexpectedRollbackDeletes(expected.delete);
  if (expected.delete.length === 0 || stray.length > 0 || expected.create.length > 0) {
    return failed(name, `the offline plan of the rollback is not "delete the mapping and the attributes": ${describeChanges(expected)}${stray.length ? `; also deletes ${stray.join(", ")}` : ""}`);
  }

  try {
    writeStackConfig(ctx.stackFile, rollback.config);
    const preview = await pulumi(ctx, ["preview", "--json"]);
    if (preview.code !== 0) return failed(name, `rollback preview failed: ${excerpt(preview)}`);
    const mismatches = changeMismatches(expected, previewChanges(JSON.parse(preview.stdout)));
    if (mismatches.length > 0) return failed(name, `rollback preview: ${mismatches.join("; ")}`);
    const mark = ctx.standIns.log.mark();
    const up = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
    if (up.code !== 0) return failed(name, `rollback up failed: ${excerpt(up)}`);
    const upCalls = describeCalls(ctx.standIns.log.since(mark).filter(isWrite));
    if (upCalls.length > 0) return failed(name, `the rollback up wrote to the stand-ins (retainOnDelete must only forget): ${upCalls.join(", ")}`);
    for (const c of rollback.connections) {
      const now = snapshot(ctx, rollback.config, c);
      if (typeof now === "string") return failed(name, `after the rollback: ${now}`);
      if (now.mapping !== before.get(c)!.mapping) return failed(name, `after the rollback the profile mapping of ${c} changed at Okta: ${now.mapping}`);
      if (now.attributes !== before.get(c)!.attributes) return failed(name, `after the rollback the custom attributes of ${c} changed at Okta: ${now.attributes}`);
    }
  } finally {
    writeStackConfig(ctx.stackFile, deployed);
  }

  const again = await pulumi(ctx, ["up", "--yes", "--skip-preview"]);
  if (again.code !== 0) return failed(name, `consoleStepsDone back to true: up failed: ${excerpt(again)}`);
  const clean = await pulumi(ctx, ["preview", "--expect-no-changes"]);
  if (clean.code !== 0) return failed(name, `consoleStepsDone back to true: the next preview is not clean: ${excerpt(clean)}`);
  for (const c of rollback.connections) {
    const now = snapshot(ctx, deployed, c);
    if (typeof now === "string" || now.mapping !== before.get(c)!.mapping || now.attributes !== before.get(c)!.attributes) {
      return failed(name, `after re-adopting phase 2, Okta's mapping or attributes of ${c} differ from before the rollback`);
    }
  }
  return passed(
    name,
    `${rollback.connections.join(", ")} → consoleStepsDone false: preview ${describeChanges(expected)} ` +
      `(${expected.delete.filter((k) => k.startsWith(MAPPING_TYPE)).length} profile mapping(s), ${expected.delete.filter((k) => k.startsWith(SCHEMA_PROPERTY_TYPE)).length} app user schema propert(ies)), ` +
      `up wrote nothing, Okta kept mapping and attributes; back to true: up adopted them, next preview clean`,
  );
}
