// The Auth0 user a SCIM create or update leaves behind, as GET /api/v2/users/{id} returns it: every
// pair of the connection's SCIM mapping copies what its SCIM path selects into the Auth0 attribute,
// and a path that selects nothing stores nothing (the address trap shows up exactly as it would in
// Auth0). Pure, so `npm run verify`'s stored-user report can be tested against it.
import { parseScimPath, readScimPath } from "../../components/decisions/scimPaths";
import type { ScimMappingPair } from "./defaultMapping";

/** Sets `value` at a dotted Auth0 attribute path (app_metadata.city). */
function setDotted(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

export function storedAuth0User(
  scimUser: { id: string; resource: Record<string, unknown>; created: string; lastModified: string },
  connection: { name: string; strategy: string },
  mapping: readonly ScimMappingPair[],
): Record<string, unknown> {
  const user: Record<string, unknown> = {
    user_id: scimUser.id,
    identities: [{ connection: connection.name, provider: connection.strategy, user_id: scimUser.id.split("|").slice(1).join("|"), isSocial: false }],
    created_at: scimUser.created,
    updated_at: scimUser.lastModified,
  };
  for (const pair of mapping) {
    const path = parseScimPath(pair.scim);
    if (typeof path === "string") continue;
    const read = readScimPath(scimUser.resource, path);
    if (!read.found) continue;
    // SCIM's `active` is Auth0's `blocked`, inverted.
    setDotted(user, pair.auth0, pair.auth0 === "blocked" && typeof read.value === "boolean" ? !read.value : read.value);
  }
  return user;
}
