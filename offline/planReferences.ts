// Long lists that every connection repeats (Auth0's default SCIM mappings, the base Okta → app profile
// mapping) are printed once in the plan, as a reference; each resource then shows only how its list
// differs from it. Nothing is hidden: an entry is either in the reference or spelled out as a change.
import { AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS } from "../components/decisions/scimMappings";
import { BASE_OKTA_TO_APP_MAPPINGS } from "../components/decisions/oktaProfileMappings";
import { compactJson } from "./compactJson";

export interface ReferenceList {
  id: string;
  title: string;
  /** Where the list is defined, for a reader who wants the reasons. */
  source: string;
  resourceType: string;
  property: string;
  entries: readonly Record<string, unknown>[];
  /** What identifies an entry: a change of anything else is a change of that entry. */
  key: (entry: Record<string, unknown>) => string;
}

export const REFERENCE_LISTS: readonly ReferenceList[] = [
  {
    id: "auth0-default-okta-scim-mappings",
    title: "Auth0's default SCIM mappings for okta connections",
    source: "components/decisions/scimMappings.ts",
    resourceType: "auth0:index/connectionScimConfiguration:ConnectionScimConfiguration",
    property: "mappings",
    entries: AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS as unknown as Record<string, unknown>[],
    key: (e) => String(e.auth0),
  },
  {
    id: "base-okta-to-app-profile-mappings",
    title: "Base Okta → app profile mappings",
    source: "components/decisions/oktaProfileMappings.ts",
    resourceType: "okta:profile/mapping:Mapping",
    property: "mappings",
    entries: BASE_OKTA_TO_APP_MAPPINGS as unknown as Record<string, unknown>[],
    key: (e) => String(e.id),
  },
];

export interface ListDifference {
  reference: ReferenceList;
  added: Record<string, unknown>[];
  removed: Record<string, unknown>[];
  changed: { from: Record<string, unknown>; to: Record<string, unknown> }[];
}

const same = (a: unknown, b: unknown) => compactJson(a) === compactJson(b);

/**
 * How `list` differs from the reference, or undefined when the list is not one built on it (fewer
 * than half of the reference's entries present): such a list is shown in full.
 */
export function differenceFrom(reference: ReferenceList, list: readonly Record<string, unknown>[]): ListDifference | undefined {
  const byKey = new Map(list.map((e) => [reference.key(e), e]));
  const present = reference.entries.filter((e) => byKey.has(reference.key(e)));
  if (present.length * 2 < reference.entries.length) return undefined;
  const referenceKeys = new Set(reference.entries.map(reference.key));
  return {
    reference,
    added: list.filter((e) => !referenceKeys.has(reference.key(e))),
    removed: reference.entries.filter((e) => !byKey.has(reference.key(e))),
    changed: present.filter((e) => !same(e, byKey.get(reference.key(e)))).map((from) => ({ from, to: byKey.get(reference.key(from))! })),
  };
}

/** The reference list that applies to a resource's property, if any. */
export function referenceFor(resourceType: string, property: string): ReferenceList | undefined {
  return REFERENCE_LISTS.find((r) => r.resourceType === resourceType && r.property === property);
}
