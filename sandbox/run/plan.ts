// What the sandbox does to a stack's config, and which steps each change must take. Pure.
// The first `up` deploys every connection in phase 1 (consoleStepsDone: false), as a first deployment
// does; the edit then adds a group and a token generation to the first connection and flips every
// connection to phase 2, after the run simulated the console steps at the Okta stand-in. The steps the
// edit must take are derived by running the program under the offline mocks before and after the edit
// (tests/harness, `npm run plan`): so any stack file gets its own expectation.
import type { Registration } from "../../offline/runProgram";
import { SCIM_TEMPLATE_ATTRIBUTES } from "../okta/org";
import { customerOnboardingStep, declaresAuth0Half } from "../../components/decisions/customerOnboarding";

export const NAMESPACE = "oktaScim";
export const SANDBOX_GROUP = "Sandbox Added Group";
export const SANDBOX_GENERATION = "sandbox";
/** Auth0 keeps at most two tokens per connection: an edit never declares a third. */
const MAX_GENERATIONS = 2;


type Config = Record<string, unknown>;
type Connection = Record<string, any>;

/** The stack config's connections (the live array: edits go into the config). */
export const connectionsOf = (config: Config) => (config[`${NAMESPACE}:connections`] ?? []) as Connection[];

/** Names of the orgs the stack does not administer (`administeredBy: customer`). */
export function customerOrgNames(config: Config): Set<string> {
  const orgs = (config[`${NAMESPACE}:oktaOrgs`] ?? []) as Array<Record<string, unknown>>;
  return new Set(orgs.filter((o) => o.administeredBy === "customer").map((o) => String(o.name)));
}

/** A customer connection still waiting for its OIDC app: it declares nothing (decisions/customerOnboarding.ts). */
export function isWaitingCustomerConnection(config: Config, c: Connection): boolean {
  return customerOrgNames(config).has(c.oktaOrg) && !declaresAuth0Half(customerOnboardingStep({ handoff: c.handoff, oidcApp: c.oidcApp ?? {}, consoleStepsDone: c.consoleStepsDone === true }));
}

/** Phase 1 everywhere: what a first `pulumi up` of this stack file deploys. */
export function firstDeploymentConfig(config: Config): Config {
  const copy = structuredClone(config);
  for (const c of connectionsOf(copy)) c.consoleStepsDone = false;
  return copy;
}

export interface ConfigEdit {
  config: Config;
  /** One line per change, for the step's output. */
  changes: string[];
  /** The group the stand-in must know before the edit is applied (org name → group name). */
  addedGroup?: { oktaOrg: string; name: string };
  /** Connections whose console steps the run simulates before applying the edit. */
  toPhaseTwo: string[];
}

export function configEdit(deployed: Config): ConfigEdit {
  const config = structuredClone(deployed);
  const connections = connectionsOf(config);
  const changes: string[] = [];
  let addedGroup: ConfigEdit["addedGroup"];
  // Groups and phase 2 are the stack's only on orgs it administers; a customer's connection goes live
  // when their admin says so (consoleStepsDone), one that waits for its OIDC app is left as it is.
  const customers = customerOrgNames(config);
  const administered = connections.filter((c) => !customers.has(c.oktaOrg));
  const first = administered[0];
  if (first) {
    first.groups = [...(first.groups ?? []), { name: SANDBOX_GROUP }];
    addedGroup = { oktaOrg: first.oktaOrg, name: SANDBOX_GROUP };
    changes.push(`${first.name}: group "${SANDBOX_GROUP}" added`);
    const scim = (first.scim ??= {});
    const tokens = (scim.tokens as Array<Record<string, unknown>> | undefined) ?? [{ generation: "initial" }];
    if (tokens.length < MAX_GENERATIONS) {
      // The rotation keeps the newest generation's lifetime and scopes (a catalog app's carry patch:users).
      const { lifetimeSeconds: lifetime, scopes } = tokens[tokens.length - 1] ?? {};
      scim.tokens = [...tokens, { generation: SANDBOX_GENERATION, ...(lifetime === undefined ? {} : { lifetimeSeconds: lifetime }), ...(scopes === undefined ? {} : { scopes }) }];
      changes.push(`${first.name}: token generation "${SANDBOX_GENERATION}" added`);
    } else {
      changes.push(`${first.name}: already two token generations, none added (Auth0 keeps two)`);
    }
  }
  const toPhaseTwo = administered.filter((c) => c.consoleStepsDone !== true).map((c) => String(c.name));
  for (const c of connections.filter((x) => customers.has(x.oktaOrg) && x.consoleStepsDone !== true && !isWaitingCustomerConnection(config, x))) {
    c.consoleStepsDone = true;
    changes.push(`${c.name}: consoleStepsDone: true (the customer's admin said the SCIM app is done)`);
  }
  for (const c of administered) {
    c.consoleStepsDone = true;
    // Phase 2 maps exactly the SCIM app's attributes, captured once provisioning is on: the stand-in's
    // SCIM app then has the SCIM 2.0 template's attributes, which is what a capture would list.
    if (toPhaseTwo.includes(String(c.name)) && c.scimApp && c.scimApp.attributes === undefined) {
      c.scimApp.attributes = Object.keys(SCIM_TEMPLATE_ATTRIBUTES);
      changes.push(`${c.name}: scimApp.attributes captured from the stand-in's SCIM app`);
    }
  }
  if (toPhaseTwo.length > 0) changes.push(`consoleStepsDone: true for ${toPhaseTwo.join(", ")} (console steps simulated at the stand-in)`);
  return { config, changes, addedGroup, toPhaseTwo };
}

export interface Changes {
  create: string[];
  update: string[];
  delete: string[];
}

const keyOf = (r: { type: string; name: string }) => `${r.type}::${r.name}`;

/** JSON with sorted keys, so two runs' inputs compare by value. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v,
  );
}

/** Custom resources created, updated (inputs differ) and deleted between two mocked runs. */
export function expectedChanges(before: readonly Registration[], after: readonly Registration[]): Changes {
  const custom = (rs: readonly Registration[]) => new Map(rs.filter((r) => r.custom).map((r) => [keyOf(r), r]));
  const a = custom(before);
  const b = custom(after);
  return {
    create: [...b.keys()].filter((k) => !a.has(k)).sort(),
    update: [...b.keys()].filter((k) => a.has(k) && canonical(a.get(k)!.inputs) !== canonical(b.get(k)!.inputs)).sort(),
    delete: [...a.keys()].filter((k) => !b.has(k)).sort(),
  };
}

/** `type::name` of a URN ("urn:pulumi:dev::oktaScim::a$b:c/d:E::name" → "b:c/d:E::name"). */
export function keyOfUrn(urn: string): string {
  const parts = urn.split("::");
  const name = parts[parts.length - 1];
  const type = parts[parts.length - 2].split("$").pop()!;
  return `${type}::${name}`;
}

/** The changes in `pulumi preview --json` output (its `steps`), the Stack itself and sames left out. */
export function previewChanges(previewJson: { steps?: Array<{ op: string; urn: string }> }): Changes & { other: string[] } {
  const out = { create: [] as string[], update: [] as string[], delete: [] as string[], other: [] as string[] };
  for (const step of previewJson.steps ?? []) {
    const key = keyOfUrn(step.urn);
    if (key.startsWith("pulumi:pulumi:Stack::")) continue;
    if (step.op === "same" || step.op === "read" || step.op === "refresh") continue;
    if (step.op === "create") out.create.push(key);
    else if (step.op === "update") out.update.push(key);
    else if (step.op === "delete") out.delete.push(key);
    else out.other.push(`${step.op} ${key}`);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

/** What differs between the expected and the planned changes; empty when they match exactly. */
export function changeMismatches(expected: Changes, planned: Changes & { other: string[] }): string[] {
  const problems: string[] = [];
  for (const op of ["create", "update", "delete"] as const) {
    const missing = expected[op].filter((k) => !planned[op].includes(k));
    const extra = planned[op].filter((k) => !expected[op].includes(k));
    if (missing.length) problems.push(`expected ${op} not planned: ${missing.join(", ")}`);
    if (extra.length) problems.push(`unexpected ${op}: ${extra.join(", ")}`);
  }
  if (planned.other.length) problems.push(`unexpected steps: ${planned.other.join(", ")}`);
  return problems;
}

export function describeChanges(c: Changes): string {
  return `${c.create.length} to create, ${c.update.length} to update, ${c.delete.length} to delete`;
}
