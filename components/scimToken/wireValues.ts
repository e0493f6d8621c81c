// Property values as a provider served by @pulumi/pulumi's `provider.main` receives them: the SDK's
// provider server hands over `Struct.toJavaScript()` of the engine's request, so a secret arrives as
// `{ <sig>: <secret sig>, value }` and an unknown (preview) as a sentinel string. The hosted token
// provider decides on plain values and wraps what must stay secret on the way back. Pure.
import * as pulumi from "@pulumi/pulumi";

const { specialSecretSig, specialSigKey, unknownValue } = pulumi.runtime;

export type WireValue = unknown;

function isSecretEnvelope(v: unknown): v is { value: unknown } {
  return typeof v === "object" && v !== null && (v as Record<string, unknown>)[specialSigKey] === specialSecretSig;
}

/** The value with every secret envelope removed, deeply. */
export function plainOf<T = unknown>(v: WireValue): T {
  if (isSecretEnvelope(v)) return plainOf<T>(v.value);
  if (Array.isArray(v)) return v.map((e) => plainOf(e)) as T;
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, plainOf(e)])) as T;
  return v as T;
}

/** A value the engine stores as a secret. */
export function asSecret(value: unknown): WireValue {
  return { [specialSigKey]: specialSecretSig, value };
}

/** True when the engine does not know the value yet (a preview before its source exists). */
export function isUnknown(v: WireValue): boolean {
  return v === unknownValue || (isSecretEnvelope(v) && isUnknown(v.value));
}
