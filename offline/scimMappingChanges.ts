// For the plan: how each SCIM configuration's mapping list differs from Auth0's default okta mappings
// (overridden paths, added mappings, defaults left out), so a reviewer sees a changed path (the
// address trap's fix) without reading a 32-entry list.
import { AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS } from "../components/decisions/scimMappings";

export interface ScimMappingChanges {
  /** The SCIM configuration resource's name. */
  resource: string;
  overridden: { auth0: string; defaultScim: string; scim: string }[];
  added: { auth0: string; scim: string }[];
  /** Default Auth0 attributes the list no longer fills (giving `mappings` replaces Auth0's defaults). */
  leftOut: string[];
}

type Mapping = { scim?: unknown; auth0?: unknown };

export function scimMappingChanges(resource: string, mappings: readonly Mapping[]): ScimMappingChanges {
  const pairs = mappings.filter((m): m is { scim: string; auth0: string } => typeof m.scim === "string" && typeof m.auth0 === "string");
  const overridden: ScimMappingChanges["overridden"] = [];
  const leftOut: string[] = [];
  for (const d of AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS) {
    const given = pairs.find((m) => m.auth0 === d.auth0);
    if (!given) leftOut.push(d.auth0);
    else if (given.scim !== d.scim) overridden.push({ auth0: d.auth0, defaultScim: d.scim, scim: given.scim });
  }
  const added = pairs.filter((m) => !AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.some((d) => d.auth0 === m.auth0)).map(({ auth0, scim }) => ({ auth0, scim }));
  return { resource, overridden, added, leftOut };
}

export function renderScimMappingChanges(changes: readonly ScimMappingChanges[]): string[] {
  const lines = ["## SCIM mappings that differ from Auth0's okta defaults", ""];
  for (const c of changes) {
    lines.push(`### \`${c.resource}\``, "");
    if (!c.overridden.length && !c.added.length && !c.leftOut.length) lines.push("- Auth0's default okta mappings, unchanged.");
    for (const o of c.overridden) lines.push(`- overridden: \`${o.auth0}\` ← \`${o.scim}\` (default: \`${o.defaultScim}\`)`);
    for (const a of c.added) lines.push(`- added: \`${a.auth0}\` ← \`${a.scim}\``);
    for (const l of c.leftOut) lines.push(`- left out: \`${l}\` (no longer filled)`);
    lines.push("");
  }
  return lines;
}
