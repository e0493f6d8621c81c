// `npm run faults -- --stack <name> [--cases <n>] [--kinds 500,429,kill] [--scenarios create,rotation,decommission]`:
// a bad day, case by case. For each scenario (the stack's first `up`; a token rotation; decommission
// step 1 of the first connection) a clean run first lists the writes that scenario's `up` makes; then,
// for each of those writes and each fault kind, a fresh run injects that fault into that write (or
// kills `pulumi up` as it arrives), does what a user does next (docs/day-2-operations.md, "After a
// failed or interrupted up"), and checks the stand-ins against the config (./checks.ts) and that the
// next preview is clean. One line per case, then
// `faults: stack=<s> cases=<n> converged=<n> manual=<n> duplicates=<n> lost=<n>`.
import { readStackFileConfig } from "../../config/stackFile";
import { REPO_ROOT } from "../../offline/stackFile";
import { FaultInjector, KILL, type FaultKind } from "../http/faults";
import { excerpt, redact, type CommandResult } from "../run/commands";
import { declaresScimTokens } from "../../components/decisions/selfService";
import { connectionsOf, exportedState, pulumi, readStackConfig, writeStackConfig, type Context, type StackConfig } from "../run/context";
import { prepareRun } from "../run/prepare";
import { scimRequest } from "../run/scimClient";
import { checkToolsForThisRepository, MISSING_TOOLS_EXIT_CODE } from "../run/tools";
import { checkState, scimUsersByConnection, type DeclaredConnection } from "./checks";
import { parseFaultsArgs, type Scenario } from "./args";
import { leftoversNamedByVerify, removeLeftovers, strayConnectionAdoptions, tokensNamedByConflict, type Leftovers } from "./remedies";
import { failingLines, runVerify } from "../run/steps/verify";

type CaseKind = FaultKind | typeof KILL;
type Outcome = "converged" | "manual" | "duplicates" | "lost" | "failed";

interface CaseResult {
  outcome: Outcome;
  detail: string;
}

const tenantOf = (ctx: Context) => ctx.standIns.auth0.tenant(ctx.standIns.auth0.domains[0]);

/** What the config declares, as the checks compare it. */
function declared(ctx: Context, config: StackConfig): DeclaredConnection[] {
  const orgs = (config["oktaScim:oktaOrgs"] as Array<Record<string, string>>) ?? [];
  return connectionsOf(config).map((c) => {
    const org = orgs.find((o) => o.name === c.oktaOrg);
    const domain = ctx.credentials.orgs.find((o) => o.name === c.oktaOrg)?.domain;
    // The config as written (no schema defaults): one generation unless it lists them.
    const tokens = c.decommission === true || !declaresScimTokens(c.handoff) ? 0 : ((c.scim?.tokens as unknown[] | undefined)?.length ?? 1);
    return {
      name: c.name,
      tokens,
      ...(org?.administeredBy === "customer" || !domain
        ? {}
        : { okta: { org: ctx.standIns.okta.org(domain), oidcLabel: c.oidcApp.label, scimLabel: c.scimApp.label, groupNames: groupNames(ctx, domain, c.groups ?? []) } }),
    };
  });
}

function groupNames(ctx: Context, domain: string, refs: Array<{ id?: string; name?: string }>): string[] {
  const groups = [...ctx.standIns.okta.org(domain).groups.values()];
  return refs.map((r) => r.name ?? groups.find((g) => g.id === r.id)?.name ?? `(group ${r.id})`);
}

const up = (ctx: Context, onStart?: (kill: () => void) => void) => pulumi(ctx, ["up", "--yes", "--skip-preview"], undefined, onStart);

/** The scenario's edit before its `up` (none for the first deployment), after a clean first up. */
async function setUp(ctx: Context, scenario: Scenario): Promise<void> {
  if (scenario === "create") return;
  const first = await up(ctx);
  if (first.code !== 0) throw new Error(`the clean first up failed: ${excerpt(first)}`);
  await provisionProbeUsers(ctx);
  const config = readStackConfig(ctx.stackFile);
  const c = connectionsOf(config)[0];
  if (scenario === "rotation") {
    // Day-2 rotation, first half: a new generation next to the current one.
    const tokens = (c.scim?.tokens as Array<Record<string, unknown>> | undefined) ?? [{ generation: "initial" }];
    c.scim = { ...(c.scim ?? {}), tokens: [...tokens.slice(-1), { generation: "faults-rotation", lifetimeSeconds: 7776000 }] };
  } else {
    c.decommission = true;
  }
  writeStackConfig(ctx.stackFile, config);
}

/** One SCIM user per connection, provisioned with its newest token: must survive every case. */
async function provisionProbeUsers(ctx: Context): Promise<void> {
  const tenant = tenantOf(ctx);
  for (const connection of tenant.connections.values()) {
    const tokens = tenant.tokensOf(connection.id);
    if (tokens.length === 0) continue;
    const login = `faults.probe.${connection.id}@sandbox.example`;
    await scimRequest(ctx, connection.id, tokens[tokens.length - 1].token, "POST", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: login,
      active: true,
      emails: [{ value: login, primary: true, type: "work" }],
    });
  }
}

const lockedOut = (r: CommandResult) => /currently locked|locked by/i.test(`${r.stdout}${r.stderr}`);
const pendingOps = (r: CommandResult) => /pending operation|pending create/i.test(`${r.stdout}${r.stderr}`);

/**
 * What a user runs after a failed or killed `up`, in the documented order: re-run `up`; if that fails,
 * `pulumi refresh` and `up` again. A lock left by a killed run (`pulumi cancel`) and pending creates
 * (`pulumi refresh --clear-pending-creates`, after checking the vendor for the object) are manual.
 */
async function recover(ctx: Context): Promise<{ ok: boolean; manual: string[]; log: string[] }> {
  const manual: string[] = [];
  const log: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const again = await up(ctx);
    if (again.code === 0) return { ok: true, manual, log };
    log.push(`up: ${excerpt(again, 3)}`);
    if (lockedOut(again)) {
      manual.push("pulumi cancel");
      await pulumi(ctx, ["cancel", "--yes"]);
      continue;
    }
    if (/connection with the same name already exists|SCIM configuration already exists/i.test(`${again.stdout}${again.stderr}`)) {
      const adopted = await adoptStrayConnections(ctx);
      if (adopted.length > 0) {
        manual.push(...adopted);
        continue;
      }
    }
    const named = tokensNamedByConflict(`${again.stdout}\n${again.stderr}`);
    if (named.length > 0) {
      manual.push(...removeNamed(ctx, { oktaApps: [], tokens: named }, "the token's 409"));
      continue;
    }
    const refresh = await pulumi(ctx, ["refresh", "--yes", "--skip-preview"]);
    log.push(`refresh: ${refresh.code === 0 ? "ok" : excerpt(refresh, 3)}`);
    if (refresh.code !== 0 && pendingOps(refresh)) {
      manual.push("pulumi refresh --clear-pending-creates");
      await pulumi(ctx, ["refresh", "--yes", "--skip-preview", "--clear-pending-creates"]);
    }
  }
  return { ok: false, manual, log };
}

/**
 * A connection create whose answer was lost: Auth0 holds the connection, the state does not, and every
 * re-run gets 409. The documented way out: adopt it (its id, the OIDC app the state holds), `up`, then
 * remove the adopt block and `up` again. Returns the manual steps taken.
 */
async function adoptStrayConnections(ctx: Context): Promise<string[]> {
  const tenant = tenantOf(ctx);
  const config = readStackConfig(ctx.stackFile);
  const adoptions = strayConnectionAdoptions(
    connectionsOf(config).map((c) => ({ name: c.name, oidcLabel: c.oidcApp?.label })),
    (await exportedState(ctx)).resources,
    [...tenant.connections.values()].map((c) => ({ id: c.id, name: c.name, scimConfigured: tenant.scim.has(c.id) })),
  );
  if (adoptions.length === 0) return [];
  const steps: string[] = [];
  for (const a of adoptions) {
    connectionsOf(config).find((c) => c.name === a.name)!.adopt = a.adopt;
    steps.push(`adopted Auth0 connection ${a.adopt.auth0ConnectionId} of ${a.name} (adopt block, pulumi up, adopt block removed)`);
  }
  writeStackConfig(ctx.stackFile, config);
  const adoptedUp = await up(ctx);
  for (const c of connectionsOf(config)) if (adoptions.some((a) => a.name === c.name)) delete c.adopt;
  writeStackConfig(ctx.stackFile, config);
  return adoptedUp.code === 0 ? steps : steps.map((s) => `${s}: that up failed`);
}

/** Deletes what a tool named, as an admin does in the console; returns the manual steps taken. */
function removeNamed(ctx: Context, leftovers: Leftovers, namedBy: string): string[] {
  const orgs = ctx.credentials.orgs.map((o) => ctx.standIns.okta.org(o.domain));
  const { done, refused } = removeLeftovers(tenantOf(ctx), orgs, leftovers);
  return [...done.map((d) => `${d} (named by ${namedBy})`), ...refused];
}

/**
 * After the re-run, a leftover the engine cannot see (an Okta app made twice, a token whose create was
 * never recorded): what the docs tell a user to run next is `npm run verify -- --stack <s>`; delete
 * what it names. Nothing is deleted that verify did not name.
 */
async function removeWhatVerifyNames(ctx: Context): Promise<string[]> {
  const leftovers = leftoversNamedByVerify(failingLines(await runVerify(ctx, [])));
  return leftovers.oktaApps.length + leftovers.tokens.length > 0 ? removeNamed(ctx, leftovers, "npm run verify") : [];
}

async function runCase(
  setup: Parameters<typeof prepareRun>[0],
  scenario: Scenario,
  kind: CaseKind,
  write: number,
): Promise<CaseResult & { target?: string }> {
  const faults = new FaultInjector();
  const prepared = await prepareRun({ ...setup, faults });
  const { ctx } = prepared;
  try {
    const result = await judgeCase(ctx, faults, scenario, kind, write);
    return { ...result, detail: redact(result.detail, ctx.secrets) };
  } finally {
    await prepared.close();
  }
}

async function judgeCase(ctx: Context, faults: FaultInjector, scenario: Scenario, kind: CaseKind, write: number): Promise<CaseResult & { target?: string }> {
  await setUp(ctx, scenario);
  const usersBefore = scimUsersByConnection(tenantOf(ctx));
  const before = faults.writeLog.length;
  let killAll: (() => void) | undefined;
  if (kind === KILL) faults.onWriteAfter(write, () => killAll?.());
  else faults.armAfter(kind, write);
  const faulted = await up(ctx, kind === KILL ? (k) => (killAll = k) : undefined);
  faults.disarm();
  const target = faults.writeLog[before + write - 1];
  if (target === undefined) return { outcome: "failed", detail: `the up made only ${faults.writeLog.length - before} write(s)`, target };
  const recovered = faulted.code === 0 ? { ok: true, manual: [] as string[], log: [] as string[] } : await recover(ctx);
  const judge = () => checkState(tenantOf(ctx), declared(ctx, readStackConfig(ctx.stackFile)), usersBefore);
  let verdict = judge();
  if (verdict.lost.length === 0 && verdict.duplicates.length + verdict.differs.length > 0) {
    const removed = await removeWhatVerifyNames(ctx);
    if (removed.length > 0) {
      recovered.manual.push(...removed);
      verdict = judge();
    }
  }
  const preview = await pulumi(ctx, ["preview", "--expect-no-changes"]);
  const how = `${faulted.code === 0 ? "up succeeded" : "up failed"}${recovered.manual.length ? `; manual: ${recovered.manual.join(", ")}` : ""}`;
  if (verdict.lost.length > 0) return { outcome: "lost", detail: `${how}; ${verdict.lost.join("; ")}`, target };
  if (verdict.duplicates.length > 0) return { outcome: "duplicates", detail: `${how}; ${verdict.duplicates.join("; ")}`, target };
  if (!recovered.ok || verdict.differs.length > 0 || preview.code !== 0) {
    const why = [...verdict.differs, ...(recovered.ok ? [] : [`did not converge: ${recovered.log.slice(-2).join(" / ")}`]), ...(preview.code !== 0 ? [`next preview not clean: ${excerpt(preview, 3)}`] : [])];
    return { outcome: "failed", detail: `${how}; ${why.join("; ")}`, target };
  }
  return { outcome: recovered.manual.length > 0 ? "manual" : "converged", detail: how, target };
}

/** The writes the scenario's `up` makes, from one clean run. */
async function writesOf(setup: Parameters<typeof prepareRun>[0], scenario: Scenario): Promise<string[]> {
  const faults = new FaultInjector();
  const prepared = await prepareRun({ ...setup, faults });
  try {
    await setUp(prepared.ctx, scenario);
    const before = faults.writeLog.length;
    const result = await up(prepared.ctx);
    if (result.code !== 0) throw new Error(`the clean ${scenario} up failed: ${excerpt(result)}`);
    return faults.writeLog.slice(before);
  } finally {
    await prepared.close();
  }
}

export async function runFaults(argv: readonly string[], out: (line: string) => void, baseEnv: NodeJS.ProcessEnv = process.env): Promise<number> {
  const args = parseFaultsArgs(argv);
  if ("error" in args) {
    out(args.error);
    return 2;
  }
  const fileConfig = readStackFileConfig(REPO_ROOT, args.stack);
  if (!fileConfig) {
    out(`faults: no readable Pulumi.${args.stack}.yaml in ${REPO_ROOT}`);
    return 2;
  }
  const tools = await checkToolsForThisRepository(baseEnv);
  if (tools.message || !tools.pulumi) {
    out(tools.message ?? "faults: the Pulumi CLI is missing");
    return MISSING_TOOLS_EXIT_CODE;
  }
  const setup = { stack: args.stack, fileConfig, pulumiPath: tools.pulumi, baseEnv };
  const totals: Record<Outcome, number> = { converged: 0, manual: 0, duplicates: 0, lost: 0, failed: 0 };
  let cases = 0;
  for (const scenario of args.scenarios) {
    const writes = await writesOf(setup, scenario);
    out(`faults: ${scenario}: ${writes.length} writes (${[...new Set(writes)].length} endpoints)`);
    // Kill at the first, the middle and the last write: where a dying runner leaves the most behind.
    const killAt = [...new Set([1, Math.ceil(writes.length / 2), writes.length])];
    const plan: Array<{ kind: CaseKind; write: number }> = [];
    for (let write = 1; write <= writes.length; write++) for (const kind of args.kinds.filter((k) => k !== KILL)) plan.push({ kind: kind as FaultKind, write });
    if (args.kinds.includes(KILL)) for (const write of killAt) plan.push({ kind: KILL, write });
    for (const c of plan) {
      if (args.cases !== undefined && cases >= args.cases) break;
      cases += 1;
      const started = Date.now();
      let result: CaseResult & { target?: string };
      try {
        result = await runCase(setup, scenario, c.kind, c.write);
      } catch (error) {
        result = { outcome: "failed", detail: error instanceof Error ? error.message : String(error) };
      }
      totals[result.outcome] += 1;
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      out(`case ${cases} ${scenario} write ${c.write}/${writes.length} (${result.target ?? writes[c.write - 1]}) ${c.kind}: ${result.outcome} (${seconds} s): ${result.detail}`);
    }
  }
  out(`faults: stack=${args.stack} cases=${cases} converged=${totals.converged} manual=${totals.manual} duplicates=${totals.duplicates} lost=${totals.lost}${totals.failed ? ` failed=${totals.failed}` : ""}`);
  return totals.duplicates + totals.lost + totals.failed > 0 ? 1 : 0;
}

if (require.main === module) {
  runFaults(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then((code) => {
    process.exitCode = code;
    process.stdout.write("", () => process.exit(code));
  });
}

