// What one component run showed the engine, in a form a second program can replay: every
// registration (from the mock harness) plus, per input property, the resources the engine was told it
// depends on (read off the RegisterResource requests themselves), and every invoke with the id its
// mocked result carries.
import * as pulumi from "@pulumi/pulumi";
import type { InvokeCall, ProgramRun, Registration } from "../../offline/runProgram";
import { mockInvoke } from "../../offline/mockCloud";

export interface RecordedResource extends Registration {
  /** Input property → `type::name` of the resources the engine recorded as its dependencies. */
  propertyDependencies: Record<string, string[]>;
  /**
   * Every property the program declared on the resource, outputs included (a typed SDK class lists
   * each output of the type as an undefined input). The runtime creates one output promise per
   * property, so a replay that declared only the inputs would be cheaper than the same resource.
   */
  declaredProperties: string[];
}

export interface RecordedInvoke extends InvokeCall {
  /** The `id` the mocked lookup returned: inputs containing it consumed this invoke. */
  resultId?: string;
}

export interface Recording {
  resources: RecordedResource[];
  invokes: RecordedInvoke[];
}

/** `type::name` of a resource from its URN (urn:pulumi:stack::project::parent$type::name). */
export function keyOfUrn(urn: string): string {
  const [, , qualifiedType, ...name] = urn.split("::");
  return `${qualifiedType.split("$").pop()}::${name.join("::")}`;
}

/** `type::name` of a provider reference (`<urn>::<id>`). */
export function keyOfProviderRef(ref: string): string {
  return keyOfUrn(ref.slice(0, ref.lastIndexOf("::")));
}

interface RegisterRequestLike {
  getType(): string;
  getName(): string;
  getPropertydependenciesMap(): { forEach(cb: (value: { getUrnsList(): string[] }, key: string) => void): void };
}

/**
 * Starts reading property dependencies off the engine requests; call inside the program, after the
 * mocks are set. Returns the map it fills (`type::name` → property → dependency keys).
 */
export function captureEngineDependencies(): Map<string, Record<string, string[]>> {
  const captured = new Map<string, Record<string, string[]>>();
  const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource: (req: RegisterRequestLike, cb: unknown) => unknown } | undefined;
  if (!monitor) throw new Error("captureEngineDependencies: no resource monitor; call it inside a program run under mocks");
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) => {
    const deps: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((value, key) => {
      deps[key] = value.getUrnsList().map(keyOfUrn);
    });
    captured.set(`${req.getType()}::${req.getName()}`, deps);
    return original(req, cb);
  };
  return captured;
}

/** Starts recording which properties each resource declares; call inside the program, before it registers anything. */
export function captureDeclaredProperties(): Map<string, string[]> {
  const captured = new Map<string, string[]>();
  pulumi.runtime.registerStackTransformation((args) => {
    captured.set(`${args.type}::${args.name}`, Object.keys(args.props ?? {}));
    return undefined;
  });
  return captured;
}

export interface Captures {
  dependencies: Map<string, Record<string, string[]>>;
  declaredProperties: Map<string, string[]>;
}

/** Both captures, for a program run under the mocks. */
export function startCapturing(): Captures {
  return { dependencies: captureEngineDependencies(), declaredProperties: captureDeclaredProperties() };
}

export function buildRecording(run: ProgramRun, captures: Captures): Recording {
  return {
    resources: run.registrations.map((r) => {
      const key = `${r.type}::${r.name}`;
      return { ...r, propertyDependencies: captures.dependencies.get(key) ?? {}, declaredProperties: captures.declaredProperties.get(key) ?? [] };
    }),
    invokes: run.invokes.map((i) => {
      const result = mockInvoke({ token: i.token, inputs: i.args, provider: i.provider } as pulumi.runtime.MockCallArgs);
      return { ...i, resultId: typeof result.id === "string" ? result.id : undefined };
    }),
  };
}

/** Registrations in a comparable form (order-independent): what the engine saw. */
export function engineView(registrations: readonly Registration[]): string[] {
  return registrations
    .map((r) =>
      JSON.stringify({
        type: r.type,
        name: r.name,
        custom: r.custom,
        parent: r.parent,
        provider: r.provider,
        protect: r.protect,
        dependsOn: [...r.dependsOn].sort(),
        inputs: r.inputs,
        secretInputs: [...r.secretInputs].sort(),
      }),
    )
    .sort();
}

/** The first registration that differs between two runs, or undefined when they are the same. */
export function firstDifference(expected: readonly Registration[], actual: readonly Registration[]): string | undefined {
  const a = engineView(expected);
  const b = engineView(actual);
  if (a.length !== b.length) return `${a.length} registrations recorded, ${b.length} replayed`;
  const i = a.findIndex((x, k) => x !== b[k]);
  return i < 0 ? undefined : `recorded ${a[i].slice(0, 300)} … replayed ${b[i].slice(0, 300)}`;
}
