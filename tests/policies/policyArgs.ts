// Adapter: the registrations recorded by tests/harness/runProgram.ts → the arguments @pulumi/policy's
// analyzer server passes to policies at run time (server.js: makeAnalyzeRpcFun / makeAnalyzeStackRpcFun).
// - resource validation: props are the resource's INPUTS, secrets unwrapped, wrapped in the runtime's
//   own `unknownCheckingProxy`, so reading a value unknown during preview throws UnknownValueError;
// - stack validation: props are the resource's OUTPUTS (what the mocked provider returned), with
//   parent, dependencies (dependsOn + property dependencies) and propertyDependencies as objects;
// - opts.protect / opts.parent, the provider as a PolicyProviderResource, isType / asType.
import * as pulumi from "@pulumi/pulumi";
import type { PolicyProviderResource, PolicyResource, PolicyResourceOptions, ResourceValidationArgs } from "../../policies/policies";
import type { ProgramRun, Registration } from "../harness/runProgram";
import { mockResourceState } from "../harness/mockCloud";

/** The policy runtime's proxy module, the very copy the pack loads (its typings hide these members). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeProxy = require("../../policies/node_modules/@pulumi/policy/proxy") as {
  unknownCheckingProxy<T>(value: T): T;
  UnknownValueError: new (...args: unknown[]) => Error;
};
export const UnknownValueError = runtimeProxy.UnknownValueError;

export const PROJECT = "oktaScim";
const STACK_TYPE = "pulumi:pulumi:Stack";

/** What a policy needs from the run besides its own config (bound per policy by the runner). */
export type BaseResourceArgs = Omit<ResourceValidationArgs, "getConfig">;

export interface PolicyInputs {
  /** One per registration, in registration order (as the engine calls Analyze). */
  resources: BaseResourceArgs[];
  /** What AnalyzeStack hands over: every resource of the stack, the Stack itself included. */
  stackResources: PolicyResource[];
}

export class NotApplicable extends Error {
  constructor(readonly reason?: string) {
    super(reason ?? "Policy does not apply");
  }
}

const throwNotApplicable = (reason?: string): never => {
  throw new NotApplicable(reason);
};

const keyOf = (r: { type: string; name: string }) => `${r.type}::${r.name}`;

/**
 * How the engine hands values to a policy: secrets unwrapped to their values (analyze deserialises
 * without secret proxies), unknowns as the runtime's unknown sentinel, undefined keys dropped.
 */
export function toWireValue(value: unknown): unknown {
  if (pulumi.isUnknown(value)) return pulumi.runtime.unknownValue;
  // Array.from, not value.map: map builds its result in the realm of `value`, and the registrations
  // come from structuredClone (Node's realm, not jest's): the runtime proxy wraps only objects that are
  // `instanceof Object` in its own realm, so unknowns inside such arrays would never throw.
  if (Array.isArray(value)) return Array.from(value, (v) => toWireValue(v));
  if (value !== null && typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (v[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) return toWireValue(v.value);
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, toWireValue(x)]));
  }
  return value;
}

export function wrapProps(value: Record<string, unknown>): Record<string, any> {
  return runtimeProxy.unknownCheckingProxy(toWireValue(value) as Record<string, unknown>);
}

function isTypeOf(type: string, resourceClass: unknown): boolean {
  const c = resourceClass as { __pulumiType?: string; isInstance?: (o: unknown) => boolean };
  if (c.__pulumiType) return c.__pulumiType === type;
  return typeof c.isInstance === "function" && c.isInstance({ __pulumiType: type }) === true;
}

/** URNs as the engine builds them: parent chain of types, the Stack itself left out. */
function urnBuilder(stack: string, byKey: Map<string, Registration>) {
  const qualifiedType = (r: Registration): string => {
    const parent = r.parent ? byKey.get(r.parent) : undefined;
    return parent ? `${qualifiedType(parent)}$${r.type}` : r.type;
  };
  return (r: Registration) => `urn:pulumi:${stack}::${PROJECT}::${qualifiedType(r)}::${r.name}`;
}

/** `urn::id` provider reference → the provider's registration (matched by the URN's type and name). */
function providerRegistration(reference: string | undefined, byKey: Map<string, Registration>): Registration | undefined {
  if (!reference) return undefined;
  const urn = reference.slice(0, reference.lastIndexOf("::"));
  const parts = urn.split("::");
  const type = parts[parts.length - 2].split("$").pop() as string;
  return byKey.get(`${type}::${parts[parts.length - 1]}`);
}

function options(r: Registration, parentUrn: string | undefined): PolicyResourceOptions {
  return {
    protect: r.protect,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
    ...(parentUrn ? { parent: parentUrn } : {}),
  };
}

/** What the mocked provider returned for a custom resource: the outputs a stack policy sees. */
function outputsOf(r: Registration): Record<string, unknown> {
  if (!r.custom) return {};
  return mockResourceState({ type: r.type, name: r.name, inputs: r.inputs, provider: r.provider, custom: true }).state;
}

export function toPolicyInputs(run: ProgramRun, stack: string): PolicyInputs {
  const byKey = new Map(run.registrations.map((r) => [keyOf(r), r]));
  const urnOf = urnBuilder(stack, byKey);
  const parentUrn = (r: Registration) => (r.parent && byKey.has(r.parent) ? urnOf(byKey.get(r.parent)!) : undefined);
  const providerOf = (r: Registration, props: (p: Registration) => Record<string, unknown>): PolicyProviderResource | undefined => {
    const p = providerRegistration(r.provider, byKey);
    return p && { type: p.type, props: wrapProps(props(p)), urn: urnOf(p), name: p.name };
  };

  /** What resource and stack validation share: identity, props (inputs or outputs), options, provider, type helpers. */
  const common = (r: Registration, propsOf: (p: Registration) => Record<string, unknown>) => {
    const props = wrapProps(propsOf(r));
    const provider = providerOf(r, propsOf);
    return {
      type: r.type,
      props,
      urn: urnOf(r),
      name: r.name,
      opts: options(r, parentUrn(r)),
      ...(provider ? { provider } : {}),
      isType: (cls: unknown) => isTypeOf(r.type, cls),
      // The runtime returns the same props object, typed by the class passed in.
      asType: ((cls: unknown) => (isTypeOf(r.type, cls) ? props : undefined)) as never,
    };
  };

  const resources = run.registrations.map(
    (r): BaseResourceArgs => ({ ...common(r, (p) => p.inputs), stackTags: new Map(), notApplicable: throwNotApplicable }),
  );

  const stackResource: PolicyResource = {
    type: STACK_TYPE,
    props: wrapProps(run.resolved),
    urn: `urn:pulumi:${stack}::${PROJECT}::${STACK_TYPE}::${PROJECT}-${stack}`,
    name: `${PROJECT}-${stack}`,
    opts: options({ protect: false } as Registration, undefined),
    dependencies: [],
    propertyDependencies: {},
    isType: (cls) => isTypeOf(STACK_TYPE, cls),
    asType: () => undefined,
  };
  const stackResources = new Map<string, PolicyResource>();
  for (const r of run.registrations) {
    stackResources.set(keyOf(r), { ...common(r, outputsOf), dependencies: [], propertyDependencies: {} });
  }
  // Second pass, as the server does: parent and dependencies become the resource objects themselves.
  const lookup = (keys: readonly string[]) => keys.map((k) => stackResources.get(k)).filter((x): x is PolicyResource => x !== undefined);
  for (const r of run.registrations) {
    const resource = stackResources.get(keyOf(r))!;
    resource.parent = r.parent ? stackResources.get(r.parent) ?? stackResource : stackResource;
    resource.propertyDependencies = Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, lookup(v)]));
    resource.dependencies = lookup([...new Set([...r.dependsOn, ...Object.values(r.propertyDependencies).flat()])]);
  }
  return { resources, stackResources: [stackResource, ...stackResources.values()] };
}
