// SCIM attribute paths as Auth0's inbound SCIM mappings write them (`userName`, `name.givenName`,
// `emails[primary eq true].value`, `addresses[type eq "work"].locality`,
// `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.costCenter`): parsed once, so that config
// validation (known namespaces, one-to-one) and `npm run verify` (which value of a body a mapping
// reads) agree on what a path means. Only the subset Auth0 uses is understood: one optional schema
// URN, one attribute, an optional `[filter]` with `eq` comparisons joined by `and`, one sub-attribute.
import { SCIM_CORE_USER_URN, SCIM_NAMESPACES } from "./scimNamespaces";

export interface FilterComparison {
  attribute: string;
  value: string | boolean;
}

export interface ScimPath {
  /** The schema URN the attribute lives in (core User when the path names none). */
  namespace: string;
  /** Whether the path wrote the URN (extension attributes sit in a sub-object named by it). */
  explicitNamespace: boolean;
  attribute: string;
  /** Element selection of a multi-valued attribute: every comparison must hold. */
  filter?: FilterComparison[];
  subAttribute?: string;
}

const NAME = "[A-Za-z$][A-Za-z0-9$_-]*";
const URN_PREFIX = /^(urn:(?:[^:\s]+:)+[A-Za-z][A-Za-z0-9]*)[.:](.+)$/;
const BODY = new RegExp(`^(${NAME})(?:\\[([^\\]]+)\\])?(?:\\.(${NAME}))?$`);
const COMPARISON = new RegExp(`^(${NAME})\\s+eq\\s+("(?:[^"\\\\]|\\\\.)*"|true|false)$`, "i");

/** Parses a path; returns a sentence saying what is wrong instead when it is not one Auth0 understands. */
export function parseScimPath(path: string): ScimPath | string {
  let namespace = SCIM_CORE_USER_URN;
  let explicitNamespace = false;
  let rest = path.trim();
  if (rest.toLowerCase().startsWith("urn:")) {
    const urn = URN_PREFIX.exec(rest);
    if (!urn) return "names a schema URN without an attribute after it";
    // URNs contain dots ("2.0"): the attribute starts after the schema name that ends the URN.
    namespace = urn[1];
    explicitNamespace = true;
    rest = urn[2];
  }
  const body = BODY.exec(rest);
  if (!body) return "is not an attribute path such as name.givenName or addresses[primary eq true].locality";
  const [, attribute, rawFilter, subAttribute] = body;
  let filter: FilterComparison[] | undefined;
  if (rawFilter !== undefined) {
    filter = [];
    for (const part of rawFilter.split(/\s+and\s+/i)) {
      const comparison = COMPARISON.exec(part.trim());
      if (!comparison) return `has a filter "[${rawFilter}]" this project cannot read: use comparisons like primary eq true or type eq "work", joined by and`;
      const raw = comparison[2];
      filter.push({
        attribute: comparison[1],
        value: raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.toLowerCase() === "true",
      });
    }
    if (subAttribute === undefined) return "filters a multi-valued attribute but names no sub-attribute (add .value)";
  }
  return { namespace, explicitNamespace, attribute, filter, subAttribute };
}

/** True when the path's namespace is one Auth0 maps (core User or the enterprise extension). */
export function isKnownNamespace(path: ScimPath): boolean {
  return (SCIM_NAMESPACES as readonly string[]).includes(path.namespace);
}

/** The path as one canonical string: spacing, quote style and case of keywords do not matter. */
export function canonicalScimPath(path: ScimPath): string {
  const ns = path.explicitNamespace && path.namespace !== SCIM_CORE_USER_URN ? `${path.namespace}.` : "";
  const filter = path.filter?.map((c) => `${c.attribute.toLowerCase()} eq ${JSON.stringify(c.value)}`).join(" and ");
  return `${ns}${path.attribute.toLowerCase()}${filter ? `[${filter}]` : ""}${path.subAttribute ? `.${path.subAttribute.toLowerCase()}` : ""}`;
}

/** The attribute a path reads, without filter or sub-attribute ("addresses", "urn:….User.costCenter"). */
export function scimAttributeKey(path: ScimPath): string {
  return path.namespace === SCIM_CORE_USER_URN ? path.attribute : `${path.namespace}.${path.attribute}`;
}

export type ReadOutcome =
  /** `element` is the multi-valued attribute's element the filter selected. */
  | { found: true; value: unknown; element?: object }
  /** `present` is true when the attribute was sent but no element matched the filter (the address trap). */
  | { found: false; present: boolean };

const getKey = (object: unknown, key: string): unknown => {
  if (object === null || typeof object !== "object" || Array.isArray(object)) return undefined;
  // SCIM attribute names are case-insensitive (RFC 7643 §2.1).
  const match = Object.keys(object).find((k) => k.toLowerCase() === key.toLowerCase());
  return match === undefined ? undefined : (object as Record<string, unknown>)[match];
};

function matches(element: unknown, filter: readonly FilterComparison[]): boolean {
  return filter.every((c) => {
    const actual = getKey(element, c.attribute);
    return typeof c.value === "string" && typeof actual === "string" ? actual.toLowerCase() === c.value.toLowerCase() : actual === c.value;
  });
}

/** Reads what a mapping's SCIM path selects from a SCIM User body. */
export function readScimPath(body: Record<string, unknown>, path: ScimPath): ReadOutcome {
  const container = path.namespace === SCIM_CORE_USER_URN ? body : getKey(body, path.namespace);
  const attribute = getKey(container, path.attribute);
  if (attribute === undefined || attribute === null) return { found: false, present: false };
  let selected: unknown = attribute;
  if (path.filter) {
    if (!Array.isArray(attribute)) return { found: false, present: true };
    selected = attribute.find((element) => matches(element, path.filter!));
    if (selected === undefined) return { found: false, present: attribute.length > 0 };
  }
  const element = path.filter ? (selected as object) : undefined;
  if (path.subAttribute !== undefined) {
    const value = getKey(selected, path.subAttribute);
    // The selected element lacks the sub-attribute: nothing was sent for this path.
    return value === undefined || value === null ? { found: false, present: false } : { found: true, value, element };
  }
  return { found: true, value: selected, element };
}
