// Runs the real stack program (index.ts) under Pulumi's mocks and records every registration: what
// the engine would receive (type, name, inputs, provider reference) and the options the program set
// (parent, protect, dependsOn). No CLI, no credentials, no network.
import * as pulumi from "@pulumi/pulumi";
import type { RawConfig } from "../config/load";
import { testCloud, type MockCloud } from "./mockCloud";
import { redactSecrets, unwrapSecrets } from "./secretValues";

export interface Registration {
  type: string;
  name: string;
  /** Inputs as the engine received them, secrets unwrapped (see secretInputs). */
  inputs: Record<string, unknown>;
  /** Inputs with every secret replaced by "[secret]" (what `npm run plan` prints). */
  redactedInputs: Record<string, unknown>;
  /** Dotted paths of inputs that reached the engine as secrets ("options", "apiToken"). */
  secretInputs: string[];
  /** Provider reference the engine saw (`urn::id`), for custom resources. */
  provider?: string;
  /** `type::name` of the parent resource, or undefined for the stack's direct children. */
  parent?: string;
  protect: boolean;
  /** `retainOnDelete`: removing the resource from the program only forgets it. */
  retainOnDelete: boolean;
  /** `ignoreChanges`: input paths an update leaves as they are in the state (absent: none). */
  ignoreChanges?: string[];
  /** The URN the engine gives the resource (parent type chain, type, name). */
  urn: string;
  /** The URNs its `aliases` stand for, computed as the engine does (pulumi.createUrn). */
  aliases: string[];
  /** `type::name` of explicit dependencies. */
  dependsOn: string[];
  /**
   * Per top-level input, `type::name` of the resources its Outputs came from: what the engine calls
   * property dependencies (policy packs use them to link, say, a token to its connection).
   */
  propertyDependencies: Record<string, string[]>;
  custom: boolean;
  /** The `import` option: the id of an existing object the engine reads instead of creating one (mocks see it as `id`). */
  importId?: string;
}

export interface InvokeCall {
  token: string;
  args: Record<string, unknown>;
  provider?: string;
}

export interface ProgramRun {
  registrations: Registration[];
  invokes: InvokeCall[];
  /** The stack outputs as the program returned them (Outputs: check secretness on these). */
  outputs: Record<string, pulumi.Output<unknown>>;
  /** The same outputs resolved (secretness is lost here). */
  resolved: Record<string, unknown>;
}

export interface RunOptions {
  stack: string;
  /** Preview mode: unknown outputs stay unknown, as in `pulumi preview`. */
  preview?: boolean;
  /** What the mocked providers return; defaults to deterministic fake ids for tests. */
  cloud?: MockCloud;
}

/** The program threw: the error, and what had been registered before it did. */
export class ProgramFailure extends Error {
  constructor(
    readonly cause: unknown,
    readonly registrations: Registration[],
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "ProgramFailure";
  }
}

interface ResourceInternals {
  __name?: string;
  __pulumiType?: string;
}

function describe(resource: pulumi.Resource | undefined): string | undefined {
  const r = resource as unknown as ResourceInternals | undefined;
  if (!r || r.__pulumiType === "pulumi:pulumi:Stack") return undefined;
  return `${r.__pulumiType}::${r.__name}`;
}

interface OutputInternals {
  allResources?: () => Promise<Set<pulumi.Resource>>;
}

/** Every Output nested in an input value (objects and arrays are walked, as the engine serialises them). */
function nestedOutputs(value: unknown, found: OutputInternals[] = []): OutputInternals[] {
  if (pulumi.Output.isInstance(value)) found.push(value as unknown as OutputInternals);
  else if (Array.isArray(value)) value.forEach((v) => nestedOutputs(v, found));
  else if (value !== null && typeof value === "object" && !pulumi.Resource.isInstance(value)) {
    Object.values(value as Record<string, unknown>).forEach((v) => nestedOutputs(v, found));
  }
  return found;
}

/** The resources each top-level input depends on, resolved once the program has run. */
async function propertyDependencies(props: Record<string, unknown>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(props)) {
    const names = new Set<string>();
    for (const o of nestedOutputs(value)) {
      for (const r of (await o.allResources?.()) ?? []) names.add(describe(r) ?? "stack");
    }
    if (names.size > 0) out[key] = [...names].sort();
  }
  return out;
}

function dependsOnList(d: pulumi.ResourceOptions["dependsOn"]): string[] {
  if (!d) return [];
  const list = Array.isArray(d) ? d : [d];
  return list.filter((x): x is pulumi.Resource => pulumi.Resource.isInstance(x)).map((x) => describe(x) ?? "stack");
}

/** An Output's value (the harness runs under mocks, where every URN is known, preview or not). */
function promiseOf<T>(o: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => o.apply((v) => resolve(v)));
}

/**
 * The engine leaves the root stack's type out of its children's type chain; the mock monitor puts it
 * in (`…::pulumi:pulumi:Stack$okta:app/user:User::…`). Normalised to the engine's form.
 */
function engineUrn(urn: string): string {
  return urn.replace("::pulumi:pulumi:Stack$", "::");
}

/** The URN an alias stands for, defaulting name, type and parent to the resource's, as the engine does. */
function aliasUrn(alias: pulumi.Input<string | pulumi.Alias>, name: string, type: string, parent: pulumi.Resource | undefined): pulumi.Output<string> {
  return pulumi.output(alias).apply((a) => {
    if (typeof a === "string") return pulumi.output(a);
    const aliasParent = "parent" in a ? (a.parent as pulumi.Resource | pulumi.Input<string> | undefined) : parent;
    return pulumi.createUrn(a.name ?? name, a.type ?? type, aliasParent, a.project, a.stack);
  });
}

/** A stack program: what index.ts exports, or any function a script wants run the same way. */
export type StackProgram = () => Promise<Record<string, pulumi.Output<unknown>>> | Record<string, pulumi.Output<unknown>>;

/** Runs index.ts with the given raw config. Throws what the program throws (for example a config error). */
export async function runProgram(raw: RawConfig, options: RunOptions): Promise<ProgramRun> {
  // Loaded when the function runs, i.e. inside the mocked stack, like the CLI runs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return runStackProgram(raw, options, () => (require("../index") as () => Promise<Record<string, pulumi.Output<unknown>>>)());
}

/**
 * Runs any stack program under the same mocks, config and recording as index.ts (the benchmark runs
 * its baseline program through here so that both pay the same harness cost).
 */
export async function runStackProgram(raw: RawConfig, options: RunOptions, program: StackProgram): Promise<ProgramRun> {
  // The Pulumi SDK captures `new Error().stack` for every promise it creates (runtime/debuggable.js)
  // and every resource. Under jest each capture goes through jest's source-map rewriting of every
  // frame: two thirds of a mocked run's time (tests/policies/eachPolicy.test.ts: 20.3 s with 10 frames,
  // 6.3 s with none). Nothing here reads those stacks, so under jest runs capture no frames; errors the
  // program throws keep their messages. Outside jest (plan, bench) Node's default stays, as in the CLI.
  // Set HARNESS_STACK_TRACES=1 to keep jest's stacks when debugging a test.
  const savedStackTraceLimit = Error.stackTraceLimit;
  const underJest = process.env.JEST_WORKER_ID !== undefined;
  if (underJest && process.env.HARNESS_STACK_TRACES !== "1") Error.stackTraceLimit = 0;
  try {
    return await runStackProgramWithPlainStacks(raw, options, program);
  } finally {
    Error.stackTraceLimit = savedStackTraceLimit;
  }
}

async function runStackProgramWithPlainStacks(raw: RawConfig, options: RunOptions, program: StackProgram): Promise<ProgramRun> {
  // An Output that rejects with nobody awaiting it (a component's registerOutputs, say, when the
  // component's own lookups failed) fails a real run: the language host treats every unhandled
  // rejection as the program's failure and prints its message. Here it is the run's failure too.
  // The host owns the process's handler: a test runner's own (jest fails the test on any) is set
  // aside for the run and put back after.
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  const runnerHandlers = process.listeners("unhandledRejection");
  process.removeAllListeners("unhandledRejection");
  process.on("unhandledRejection", onUnhandled);
  try {
    const run = await runUntilDisconnected(raw, options, program);
    // Rejections are reported once the microtasks that could still handle them have run; the SDK's
    // own chains (a component's registerOutputs) settle a few turns later. Counted in turns, not time:
    // under mocks nothing waits for I/O.
    for (let quiet = 0, seen = -1; quiet < 5; quiet = unhandled.length === seen ? quiet + 1 : 0) {
      seen = unhandled.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const failure = run.failure ?? unhandled[0];
    if (failure !== undefined) throw new ProgramFailure(failure, run.registrations);
    return run.result;
  } finally {
    process.off("unhandledRejection", onUnhandled);
    for (const handler of runnerHandlers) process.on("unhandledRejection", handler);
  }
}

async function runUntilDisconnected(raw: RawConfig, options: RunOptions, program: StackProgram): Promise<{ result: ProgramRun; registrations: Registration[]; failure: unknown }> {
  const seen = new Map<string, { inputs: Record<string, unknown>; provider?: string; custom: boolean; importId?: string }>();
  const invokes: InvokeCall[] = [];
  const cloud = options.cloud ?? testCloud;
  await pulumi.runtime.setMocks(
    {
      newResource(args: pulumi.runtime.MockResourceArgs) {
        // `id` is the `import` option's id here (registerResource): an imported object keeps the id it has.
        const importId = args.id ? args.id : undefined;
        seen.set(`${args.type}::${args.name}`, { inputs: args.inputs, provider: args.provider, custom: args.custom ?? true, importId });
        const state = cloud.resourceState(args);
        return importId === undefined ? state : { ...state, id: importId };
      },
      call(args: pulumi.runtime.MockCallArgs) {
        invokes.push({ token: args.token, args: args.inputs, provider: args.provider });
        return cloud.invoke(args);
      },
    },
    "oktaScim",
    options.stack,
    options.preview ?? false,
  );
  pulumi.runtime.setAllConfig(raw.values, [...raw.secretKeys]);

  const declared: (Omit<Registration, "inputs" | "redactedInputs" | "secretInputs" | "provider" | "custom" | "importId" | "propertyDependencies" | "urn" | "aliases"> & {
    propertyDependencies: Promise<Record<string, string[]>>;
    urn: Promise<string>;
    aliases: Promise<string[]>;
  })[] = [];
  let outputs: Record<string, pulumi.Output<unknown>> = {};
  let failure: unknown;
  let resolved: Record<string, unknown> | undefined;
  try {
    resolved = (await pulumi.runtime.runInPulumiStack(async () => {
      pulumi.runtime.registerStackTransformation((args) => {
        declared.push({
          type: args.type,
          name: args.name,
          parent: describe(args.opts.parent),
          protect: args.opts.protect === true,
          retainOnDelete: args.opts.retainOnDelete === true,
          ...(args.opts.ignoreChanges?.length ? { ignoreChanges: [...args.opts.ignoreChanges] } : {}),
          urn: promiseOf(pulumi.createUrn(args.name, args.type, args.opts.parent)).then(engineUrn),
          aliases: Promise.all((args.opts.aliases ?? []).map((a) => promiseOf(aliasUrn(a, args.name, args.type, args.opts.parent)).then(engineUrn))),
          dependsOn: dependsOnList(args.opts.dependsOn),
          propertyDependencies: propertyDependencies(args.props as Record<string, unknown>),
        });
        return undefined;
      });
      // A throw is caught here, not left to reject the stack: a rejected stack leaves derived
      // promises nobody awaits, which would fail the test process instead of this run.
      try {
        outputs = await program();
      } catch (error) {
        failure = error;
      }
      return outputs;
    })) as Record<string, unknown> | undefined;
  } catch (error) {
    failure = failure ?? error;
  }
  // The stack's own output registration is still in flight; a later run's fresh mock monitor would not
  // know its URN, so let it finish here.
  await pulumi.runtime.disconnect();

  const registrations = await Promise.all(
    declared.map(async (d) => {
      const engine = seen.get(`${d.type}::${d.name}`);
      const { plain, secretPaths } = unwrapSecrets(engine?.inputs ?? {});
      const redactedInputs = redactSecrets(engine?.inputs ?? {}, cloud.isSecretLeaf?.bind(cloud)) as Record<string, unknown>;
      return {
        ...d,
        propertyDependencies: await d.propertyDependencies,
        urn: await d.urn,
        aliases: await d.aliases,
        inputs: plain as Record<string, unknown>,
        redactedInputs,
        secretInputs: secretPaths,
        provider: engine?.provider,
        custom: engine?.custom ?? false,
        ...(engine?.importId !== undefined ? { importId: engine.importId } : {}),
      };
    }),
  );
  return { result: { registrations, invokes, outputs, resolved: resolved ?? {} }, registrations, failure };
}
