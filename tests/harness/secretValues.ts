// The engine's wire form of a secret: { [SIG]: SECRET_SIG, value }. Registrations are recorded as the
// engine sees them; tests read plain values and, separately, the paths that arrived as secrets.
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

function isWireSecret(v: unknown): v is { value: unknown } {
  return v !== null && typeof v === "object" && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
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
