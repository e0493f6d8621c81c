// What the SCIM endpoint returns of what it was sent: a SCIM server answers GET with what it stored,
// so every value of the body Okta sent must come back (RFC 7643 §2: a server returns what it keeps;
// Auth0 rebuilds the SCIM user from the connection's mapping). A value that does not come back was
// dropped on the way in, as Okta's untyped address is by Auth0's default `addresses[type eq "work"]`
// mapping: the data loss the read-back (./storedUser.ts) shows with Management API credentials, seen
// here with the SCIM token alone. Pure.
import { type CheckResult, fail, pass } from "./result";

export interface RoundTripDifference {
  /** SCIM path of the value: `name.familyName`, `addresses[primary eq true].locality`, `<urn>:department`. */
  path: string;
  status: "dropped" | "changed";
  sent: unknown;
  got?: unknown;
}

/** Not profile data: the request's envelope, a write-only password, and the selector of a multi-valued element. */
const ENVELOPE = new Set(["schemas", "id", "meta", "password"]);
const SELECTORS = new Set(["primary", "type"]);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** How a multi-valued element is named in a path, and found among the returned ones (by type, else primary, else position). */
function elementMatch(sent: Json, index: number): { label: string; find: (returned: unknown[]) => unknown } {
  if (typeof sent.type === "string") return { label: `[type eq "${sent.type}"]`, find: (r) => r.find((e) => isObject(e) && e.type === sent.type) };
  if (sent.primary === true) return { label: "[primary eq true]", find: (r) => r.find((e) => isObject(e) && e.primary === true) ?? (r.length === 1 ? r[0] : undefined) };
  return { label: `[${index}]`, find: (r) => r[index] };
}

/** `extension`: `path` is an extension schema's URN at the top level, whose attributes are named `<urn>:<attribute>`. */
function compare(sent: unknown, got: unknown, path: string, out: RoundTripDifference[], extension = false): void {
  if (isObject(sent)) {
    for (const [key, value] of Object.entries(sent)) {
      if (path === "" && ENVELOPE.has(key)) continue;
      const child = path === "" ? key : `${path}${extension ? ":" : "."}${key}`;
      compare(value, isObject(got) ? got[key] : undefined, child, out, path === "" && key.startsWith("urn:"));
    }
    return;
  }
  if (Array.isArray(sent)) {
    const returned = Array.isArray(got) ? got : [];
    sent.forEach((element, index) => {
      if (!isObject(element)) {
        if (!returned.some((r) => JSON.stringify(r) === JSON.stringify(element))) out.push({ path: `${path}[${index}]`, status: "dropped", sent: element });
        return;
      }
      const match = elementMatch(element, index);
      const found = match.find(returned);
      for (const [key, value] of Object.entries(element)) {
        if (SELECTORS.has(key)) continue;
        compare(value, isObject(found) ? found[key] : undefined, `${path}${match.label}.${key}`, out);
      }
    });
    return;
  }
  if (got === undefined || got === null) out.push({ path, status: "dropped", sent });
  else if (JSON.stringify(got) !== JSON.stringify(sent)) out.push({ path, status: "changed", sent, got });
}

/** Every value of `sent` that `returned` lacks or holds differently. */
export function roundTripDifferences(sent: Json, returned: Json): RoundTripDifference[] {
  const out: RoundTripDifference[] = [];
  compare(sent, returned, "", out);
  return out;
}

/** One check row: pass when everything came back, else a line per value dropped or changed. */
export function roundTripCheck(checkId: string, stage: string, sent: Json, returned: Json): CheckResult {
  const differences = roundTripDifferences(sent, returned);
  if (differences.length === 0) return pass(checkId, `GET ${stage} returns every value that was sent`);
  const dropped = differences.filter((d) => d.status === "dropped").length;
  const result = fail(checkId, `GET ${stage}: ${dropped} value(s) sent were not stored, ${differences.length - dropped} came back changed`);
  result.lines = differences.map((d) =>
    d.status === "dropped" ? `DROPPED ${d.path} (sent ${JSON.stringify(d.sent)})` : `CHANGED ${d.path}: sent ${JSON.stringify(d.sent)}, got ${JSON.stringify(d.got)}`,
  );
  return result;
}
