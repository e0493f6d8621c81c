// The engine's wire form of a secret: { [specialSigKey]: specialSecretSig, value }, with the constants
// the Pulumi runtime itself uses. Registrations are recorded as the engine sees them; tests read plain
// values and, separately, the paths that arrived as secrets.
import * as pulumi from "@pulumi/pulumi";

function isWireSecret(v: unknown): v is { value: unknown } {
  return v !== null && typeof v === "object" && (v as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig;
}

/**
 * Copy of `value` with every wire secret replaced by "[secret]": what a reviewer may see.
 *
 * Provider SDKs turn a whole input object into one Output, so one secret inside it (the client secret
 * in a connection's `options`) makes the engine store the entire object as secret. When
 * `isSecretLeaf` is given, such objects are expanded and only the leaves it recognises as secret
 * material are hidden; without it the whole object is hidden.
 */
export function redactSecrets(value: unknown, isSecretLeaf?: (leaf: unknown) => boolean): unknown {
  const walk = (v: unknown, insideSecret: boolean): unknown => {
    if (isWireSecret(v)) {
      const inner = v.value;
      const expandable = isSecretLeaf !== undefined && inner !== null && typeof inner === "object";
      return expandable ? walk(inner, true) : "[secret]";
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, insideSecret));
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x, insideSecret)]));
    }
    return insideSecret && isSecretLeaf?.(v) ? "[secret]" : v;
  };
  return walk(value, false);
}

/** Plain copy of `value` plus the dotted paths (from `prefix`) that were secrets on the wire. */
export function unwrapSecrets(value: unknown, prefix = ""): { plain: unknown; secretPaths: string[] } {
  const secretPaths: string[] = [];
  const walk = (v: unknown, at: string): unknown => {
    if (isWireSecret(v)) {
      secretPaths.push(at);
      return walk(v.value, at);
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${at}[${i}]`));
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x, at ? `${at}.${k}` : k)]));
    }
    return v;
  };
  return { plain: walk(value, prefix), secretPaths };
}
