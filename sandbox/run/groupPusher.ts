// Okta's side of Group Push in a sandbox run: what Okta sends the Auth0 stand-in's SCIM server for an
// active push mapping, through its HTTPS port with the token the admin pasted. Okta first looks the
// group up by displayName (to link one that exists), resolves the members it provisioned by userName,
// then creates the group with them (POST), or replaces the members of the one it found (PUT: what the
// custom app sends; the catalog app would PATCH).
import { connectionIdFromScimUrl } from "../../verify/targets";
import type { GroupPusher } from "../okta/groupPush";
import type { ScimReply } from "./scimClient";

/** One SCIM request to a connection of the Auth0 stand-in (scimCall in a run, a proxied fetch in tests). */
export type ScimSender = (connectionId: string, token: string, method: string, path: string, body?: Record<string, unknown>) => Promise<ScimReply>;

const filter = (attribute: string, value: string) => `filter=${encodeURIComponent(`${attribute} eq "${value.replace(/"/g, '\\"')}"`)}`;
const firstId = (body: string): string | undefined => (JSON.parse(body) as { Resources?: Array<{ id?: string }> }).Resources?.[0]?.id;

export function auth0GroupPusher(send: ScimSender): GroupPusher {
  return async (connection, group) => {
    const connectionId = connectionIdFromScimUrl(new URL(connection.baseUrl));
    if (!connectionId) return { error: `not an Auth0 SCIM base URL: ${connection.baseUrl}` };
    const call = (method: string, path: string, body?: Record<string, unknown>) => send(connectionId, connection.token, method, path, body);
    const members: Array<{ value: string }> = [];
    for (const userName of group.memberUserNames) {
      const found = await call("GET", `/Users?${filter("userName", userName)}`);
      if (found.status !== 200) return { error: `GET /Users answered ${found.status}` };
      const id = firstId(found.body);
      if (id) members.push({ value: id });
    }
    const existing = await call("GET", `/Groups?${filter("displayName", group.displayName)}`);
    if (existing.status !== 200) return { error: `GET /Groups answered ${existing.status}: ${existing.body.slice(0, 200)}` };
    const body = { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: group.displayName, members };
    const linked = firstId(existing.body);
    const written = linked ? await call("PUT", `/Groups/${encodeURIComponent(linked)}`, body) : await call("POST", "/Groups", body);
    if (written.status !== 200 && written.status !== 201) return { error: `${linked ? "PUT" : "POST"} /Groups answered ${written.status}: ${written.body.slice(0, 200)}` };
    const id = (JSON.parse(written.body) as { id?: string }).id;
    return id ? { scimGroupId: id } : { error: "the SCIM server answered without a group id" };
  };
}
