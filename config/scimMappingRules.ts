// Rules for a connection's SCIM mappings: `scim.mappingOverrides` (a default mapping read from another
// SCIM path) and `scim.additionalMappings`. The list sent to Auth0 must stay one-to-one (one SCIM path
// per Auth0 attribute and back), name only namespaces Auth0 maps, and keep the three mappings Okta
// identifies users by.
import { AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS, isDefaultAuth0Attribute, scimMappings } from "../components/decisions/scimMappings";
import { canonicalScimPath, isKnownNamespace, parseScimPath } from "../components/decisions/scimPaths";
import { SCIM_NAMESPACES } from "../components/decisions/scimNamespaces";
import type { ConfigProblem } from "./crossFieldRules";
import type { ConnectionConfig, ScimMapping } from "./schema";

/** Okta finds, identifies and (de)activates users through these: an override would break provisioning. */
export const IDENTITY_AUTH0_ATTRIBUTES: readonly string[] = ["preferred_username", "app_metadata.external_id", "blocked"];

type At = (...rest: (string | number)[]) => (string | number)[];

/** A SCIM path this project (and Auth0) can read, in a namespace Auth0 maps; or the problem. */
export function scimPathProblem(path: string): string | undefined {
  const parsed = parseScimPath(path);
  if (typeof parsed === "string") return parsed;
  if (!isKnownNamespace(parsed)) return `is in the namespace ${parsed.namespace}, which Auth0 does not map; use ${SCIM_NAMESPACES.join(" or ")}`;
  return undefined;
}

function overrideProblems(overrides: readonly ScimMapping[], at: At): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, number>();
  overrides.forEach((o, i) => {
    const path = at("scim", "mappingOverrides", i);
    if (!isDefaultAuth0Attribute(o.auth0)) {
      problems.push({ path: [...path, "auth0"], message: `names ${o.auth0}, which no default okta mapping fills; add a new attribute with scim.additionalMappings instead` });
      return;
    }
    if (IDENTITY_AUTH0_ATTRIBUTES.includes(o.auth0)) {
      problems.push({ path: [...path, "auth0"], message: `${o.auth0} is how Okta finds and identifies users (userName, externalId, active); its SCIM path cannot be overridden` });
    }
    const first = seen.get(o.auth0);
    if (first !== undefined) problems.push({ path: [...path, "auth0"], message: `overrides ${o.auth0} again (mappingOverrides[${first}] already does); keep one` });
    else seen.set(o.auth0, i);
    const syntax = scimPathProblem(o.scim);
    if (syntax) problems.push({ path: [...path, "scim"], message: syntax });
    const original = AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.find((d) => d.auth0 === o.auth0)!;
    if (!syntax && canonical(original.scim) === canonical(o.scim)) {
      problems.push({ path: [...path, "scim"], message: `is already the default path of ${o.auth0}; remove the override` });
    }
  });
  return problems;
}

function canonical(path: string): string {
  const parsed = parseScimPath(path);
  return typeof parsed === "string" ? path : canonicalScimPath(parsed);
}

/** Two mappings reading one SCIM path would send one value to two Auth0 attributes, and back on GET. */
function oneToOneProblems(c: ConnectionConfig, at: At): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const defaults = scimMappings([], c.scim.mappingOverrides);
  const owner = new Map<string, string>();
  for (const m of defaults) owner.set(canonical(m.scim), m.auth0);
  c.scim.mappingOverrides.forEach((o, i) => {
    const clash = defaults.find((d) => d.auth0 !== o.auth0 && canonical(d.scim) === canonical(o.scim));
    if (clash) problems.push({ path: at("scim", "mappingOverrides", i, "scim"), message: `is also the SCIM path of ${clash.auth0}; each SCIM path may fill one Auth0 attribute` });
  });
  c.scim.additionalMappings.forEach((m, i) => {
    const syntax = scimPathProblem(m.scim);
    if (syntax) {
      problems.push({ path: at("scim", "additionalMappings", i, "scim"), message: syntax });
      return;
    }
    const clash = owner.get(canonical(m.scim));
    if (clash && clash !== m.auth0 && c.scim.mappingOverrides.some((o) => canonical(o.scim) === canonical(m.scim))) {
      problems.push({ path: at("scim", "additionalMappings", i, "scim"), message: `is the SCIM path a mappingOverrides entry gives ${clash}; each SCIM path may fill one Auth0 attribute` });
    }
  });
  return problems;
}

export function scimMappingProblems(c: ConnectionConfig, at: At): ConfigProblem[] {
  return [...overrideProblems(c.scim.mappingOverrides, at), ...oneToOneProblems(c, at)];
}
