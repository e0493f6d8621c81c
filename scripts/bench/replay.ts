// The baseline: a program that registers what a recorded component run registered (same types,
// names, inputs, parents, providers, protect, dependsOn and property dependencies) straight through
// pulumi.CustomResource / ProviderResource / a plain ComponentResource, and issues the same invokes.
// No component class, no config validation, no checklist: the floor the Pulumi runtime sets.
import * as pulumi from "@pulumi/pulumi";
import type { StackProgram } from "../../offline/runProgram";
import { keyOfProviderRef, type RecordedInvoke, type Recording } from "./recording";

const PROVIDER_PREFIX = "pulumi:providers:";

// The SDK declares these abstract; these subclasses add nothing but a public constructor.
class ReplayedCustomResource extends pulumi.CustomResource {}
class ReplayedProvider extends pulumi.ProviderResource {}

/** Recorded plain value → program input: the paths that reached the engine as secrets become pulumi.secret again. */
function revive(value: unknown, at: string, secretPaths: ReadonlySet<string>): unknown {
  const inner = Array.isArray(value)
    ? value.map((x, i) => revive(x, `${at}[${i}]`, secretPaths))
    : value !== null && typeof value === "object"
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, revive(v, `${at}.${k}`, secretPaths)]))
      : value;
  return secretPaths.has(at) ? pulumi.secret(inner) : inner;
}

/** What a dependent input waits for: a custom resource's id (as `app.id` does), else its URN. */
function readyOutput(resource: pulumi.Resource): pulumi.Output<string> {
  return pulumi.CustomResource.isInstance(resource) ? (resource as pulumi.CustomResource).id : resource.urn;
}

export function replayProgram(recording: Recording): StackProgram {
  return () => {
    const byKey = new Map<string, pulumi.Resource>();
    const find = (key: string): pulumi.Resource => {
      const found = byKey.get(key);
      if (!found) throw new Error(`replay: ${key} is referenced before it is registered`);
      return found;
    };

    // Each lookup is issued when its first consumer is declared (as the component does), once.
    const issued = new Map<RecordedInvoke, pulumi.Output<unknown>>();
    const issue = (invoke: RecordedInvoke): pulumi.Output<unknown> => {
      let out = issued.get(invoke);
      if (!out) {
        const provider = invoke.provider ? (find(keyOfProviderRef(invoke.provider)) as pulumi.ProviderResource) : undefined;
        out = pulumi.runtime.invokeOutput(invoke.token, invoke.args, { provider });
        issued.set(invoke, out);
      }
      return out;
    };

    for (const r of recording.resources) {
      // Outputs of the type are declared too (undefined), as the typed SDK class does.
      const props: Record<string, unknown> = Object.fromEntries(r.declaredProperties.map((k) => [k, undefined]));
      const secretPaths = new Set(r.secretInputs);
      for (const [key, value] of Object.entries(r.inputs)) {
        const text = JSON.stringify(value);
        const waits = [
          ...(r.propertyDependencies[key] ?? []).map((k) => readyOutput(find(k))),
          ...recording.invokes.filter((i) => i.resultId !== undefined && text.includes(i.resultId)).map(issue),
        ];
        const revived = revive(value, key, secretPaths);
        props[key] = waits.length > 0 ? pulumi.all(waits).apply(() => revived) : revived;
      }
      const dependsOn = r.dependsOn.map(find);
      const opts: pulumi.CustomResourceOptions = {
        parent: r.parent ? find(r.parent) : undefined,
        provider: r.provider ? (find(keyOfProviderRef(r.provider)) as pulumi.ProviderResource) : undefined,
        protect: r.protect || undefined,
        dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      };
      const resource = r.type.startsWith(PROVIDER_PREFIX)
        ? new ReplayedProvider(r.type.slice(PROVIDER_PREFIX.length), r.name, props, opts)
        : r.custom
          ? new ReplayedCustomResource(r.type, r.name, props, opts)
          : new pulumi.ComponentResource(r.type, r.name, props, opts);
      byKey.set(`${r.type}::${r.name}`, resource);
    }
    // Lookups no input consumed still happen in the component run.
    recording.invokes.forEach(issue);
    return {};
  };
}
