// What the engine hands a policy pack during the first `pulumi preview` of a stack: nothing exists yet,
// so every value that comes from a resource's output (its id, a client id, a computed name) is unknown,
// while config values and invoke results (group and user lookups, the user type) are known. The mocks
// answer with ids even in preview; this turns a recorded run into that first preview.
import * as pulumi from "@pulumi/pulumi";
import type { Registration } from "../harness/runProgram";
import { mockResourceState } from "../harness/mockCloud";

const keyOf = (r: Registration) => `${r.type}::${r.name}`;

/** The id and the provider-computed outputs (not echoed inputs) of a resource, as the mocks give them. */
function computedValues(r: Registration): string[] {
  const { id, state } = mockResourceState({ type: r.type, name: r.name, inputs: r.inputs, provider: r.provider, custom: true });
  const computed = Object.entries(state)
    .filter(([k]) => !(k in r.inputs))
    .map(([, v]) => v)
    .filter((v): v is string => typeof v === "string");
  return [id, ...computed];
}

/** Every string leaf equal to one of `values` becomes unknown; secret envelopes are walked into. */
function unknownWhere(value: unknown, values: ReadonlySet<string>): unknown {
  if (typeof value === "string") return values.has(value) ? pulumi.unknown : value;
  if (Array.isArray(value)) return value.map((v) => unknownWhere(v, values));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, unknownWhere(v, values)]));
  }
  return value;
}

/**
 * Edits `registrations` in place: each input's leaves that carry a value computed by one of the
 * resources it depends on (engine property dependencies) become unknown, leaf by leaf, as the engine
 * sends them (an object input stays an object with unknown fields).
 */
export function asFirstPreview(registrations: Registration[]): Registration[] {
  const byKey = new Map(registrations.map((r) => [keyOf(r), r]));
  const computed = new Map(registrations.filter((r) => r.custom).map((r) => [keyOf(r), computedValues(r)]));
  for (const r of registrations) {
    for (const [input, sources] of Object.entries(r.propertyDependencies)) {
      const values = new Set(sources.filter((s) => byKey.get(s)?.custom).flatMap((s) => computed.get(s) ?? []));
      if (values.size > 0 && input in r.inputs) r.inputs[input] = unknownWhere(r.inputs[input], values);
    }
  }
  return registrations;
}
