// What Auth0 stored of a SCIM body Okta sent, attribute by attribute, following the connection's SCIM
// mapping (read back from the Management API): arrived unchanged, changed, or dropped. A mapping whose
// filter matches no element of an attribute Okta did send (addresses[type eq "work"] against Okta's
// primary-only addresses) is the silent data loss this check exists for.
import { parseScimPath, readScimPath, scimAttributeKey, type ScimPath } from "../../components/decisions/scimPaths";
import { type CheckResult, fail, pass, warn } from "./result";

export interface ScimMappingPair {
  scim: string;
  auth0: string;
}

export type AttributeStatus = "arrived" | "changed" | "dropped" | "unmapped";

export interface AttributeOutcome {
  status: AttributeStatus;
  /** The SCIM path Okta's value was read from (the mapping's, or the sent attribute's for "unmapped"). */
  scim: string;
  /** Where Auth0 should have stored it (absent for "unmapped"). */
  auth0?: string;
  sent?: unknown;
  stored?: unknown;
  /** Why it was dropped, when the reason is known. */
  reason?: string;
}

/** Reads `app_metadata.cost_center`-style paths of the Management API's user. */
function readDotted(object: Record<string, unknown>, path: string): unknown {
  let current: unknown = object;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Auth0 stores SCIM's `active` inverted, as `blocked`. */
function expectedStored(mapping: ScimMappingPair, sent: unknown): unknown {
  return mapping.auth0 === "blocked" && typeof sent === "boolean" ? !sent : sent;
}

/** Sent attributes that a mapping never mentions: Auth0 keeps no copy of them. */
function unmappedAttributes(sent: Record<string, unknown>, paths: readonly ScimPath[]): AttributeOutcome[] {
  const mentioned = new Set<string>();
  for (const p of paths) {
    const key = scimAttributeKey(p).toLowerCase();
    mentioned.add(p.subAttribute ? `${key}.${p.subAttribute.toLowerCase()}` : key);
  }
  const covered = (key: string, sub?: string) => mentioned.has(key.toLowerCase()) || (sub !== undefined && mentioned.has(`${key}.${sub}`.toLowerCase()));
  const out: AttributeOutcome[] = [];
  const visit = (prefix: string, object: Record<string, unknown>, extension: boolean) => {
    for (const [attribute, value] of Object.entries(object)) {
      if (["schemas", "id", "meta"].includes(attribute)) continue;
      if (!extension && attribute.startsWith("urn:") && value && typeof value === "object") {
        visit(`${attribute}.`, value as Record<string, unknown>, true);
        continue;
      }
      const key = `${prefix}${attribute}`;
      const elements = Array.isArray(value) ? value : [value];
      for (const element of elements) {
        if (element !== null && typeof element === "object") {
          for (const [sub, subValue] of Object.entries(element as Record<string, unknown>)) {
            // primary and type select an element; they are not data of their own.
            if (Array.isArray(value) && (sub === "primary" || sub === "type")) continue;
            if (!covered(key, sub)) out.push({ status: "unmapped", scim: `${key}.${sub}`, sent: subValue });
          }
        } else if (!covered(key)) {
          out.push({ status: "unmapped", scim: key, sent: element });
        }
      }
    }
  };
  visit("", sent, false);
  return out;
}

/** Elements of the filtered attribute that hold a `sub` value no successful mapping read. */
function unreadElements(sent: Record<string, unknown>, path: ScimPath, consumed: ReadonlyMap<object, Set<string>>): unknown[] {
  const attribute = readScimPath(sent, { ...path, filter: undefined, subAttribute: undefined });
  if (!attribute.found || !Array.isArray(attribute.value) || path.subAttribute === undefined) return [];
  const sub = path.subAttribute.toLowerCase();
  return attribute.value.filter((element) => {
    if (element === null || typeof element !== "object") return false;
    const has = Object.keys(element).some((k) => k.toLowerCase() === sub && (element as Record<string, unknown>)[k] != null);
    return has && !consumed.get(element)?.has(sub);
  });
}

/** Compares a sent SCIM body with the Auth0 user the Management API returns, by the connection's mapping. */
export function compareStoredUser(sent: Record<string, unknown>, stored: Record<string, unknown>, mapping: readonly ScimMappingPair[]): AttributeOutcome[] {
  const outcomes: AttributeOutcome[] = [];
  const parsed: { mapping: ScimMappingPair; path: ScimPath }[] = [];
  for (const m of mapping) {
    const path = parseScimPath(m.scim);
    if (typeof path !== "string") parsed.push({ mapping: m, path });
  }
  // Which element/sub-attribute pairs some mapping did read: a filter that misses them all is a loss.
  const consumed = new Map<object, Set<string>>();
  for (const { mapping: m, path } of parsed) {
    const read = readScimPath(sent, path);
    if (read.found && read.element && path.subAttribute) {
      const subs = consumed.get(read.element) ?? new Set<string>();
      subs.add(path.subAttribute.toLowerCase());
      consumed.set(read.element, subs);
    }
    if (!read.found) continue;
    const want = expectedStored(m, read.value);
    const got = readDotted(stored, m.auth0);
    if (got === undefined) outcomes.push({ status: "dropped", scim: m.scim, auth0: m.auth0, sent: read.value, reason: "Auth0 stored nothing there" });
    else outcomes.push({ status: same(got, want) ? "arrived" : "changed", scim: m.scim, auth0: m.auth0, sent: read.value, stored: got });
  }
  for (const { mapping: m, path } of parsed) {
    const read = readScimPath(sent, path);
    if (read.found || !read.present) continue;
    const missed = unreadElements(sent, path, consumed);
    if (missed.length === 0) continue;
    const filter = path.filter?.map((c) => `${c.attribute} eq ${JSON.stringify(c.value)}`).join(" and ");
    const sentValue = (missed[0] as Record<string, unknown>)[path.subAttribute!];
    outcomes.push({
      status: "dropped",
      scim: m.scim,
      auth0: m.auth0,
      sent: sentValue,
      reason: `Okta sent ${scimAttributeKey(path)} with ${path.subAttribute}, but no element matches [${filter}]`,
    });
  }
  return [...outcomes, ...unmappedAttributes(sent, parsed.map((p) => p.path))];
}

const show = (value: unknown) => (value === undefined ? "nothing" : JSON.stringify(value));

/** One line per attribute that did not simply arrive, for the report. */
export function describeAttribute(o: AttributeOutcome): string {
  switch (o.status) {
    case "arrived":
      return `arrived  ${o.scim} → ${o.auth0}`;
    case "changed":
      return `changed  ${o.scim} → ${o.auth0}: sent ${show(o.sent)}, stored ${show(o.stored)}`;
    case "dropped":
      return `DROPPED  ${o.scim} → ${o.auth0}: ${o.reason}${o.sent !== undefined ? ` (sent ${show(o.sent)})` : ""}`;
    case "unmapped":
      return `unmapped ${o.scim}: sent ${show(o.sent)}, but no mapping of the connection reads it`;
  }
}

/**
 * Fails when a mapped attribute Okta sent was dropped; warns when one was changed or when Okta sent an
 * attribute no mapping reads; passes when everything sent arrived as sent.
 */
export function storedUserCheck(checkId: string, stage: string, outcomes: readonly AttributeOutcome[]): CheckResult {
  const count = (s: AttributeStatus) => outcomes.filter((o) => o.status === s).length;
  const summary = `${stage}: ${count("arrived")} arrived, ${count("changed")} changed, ${count("dropped")} dropped, ${count("unmapped")} sent without a mapping`;
  const lines = outcomes.filter((o) => o.status !== "arrived").map(describeAttribute);
  const result = count("dropped") ? fail(checkId, summary) : count("changed") || count("unmapped") ? warn(checkId, summary) : pass(checkId, summary);
  return lines.length ? { ...result, lines } : result;
}
