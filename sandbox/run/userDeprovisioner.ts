// Okta's side of a deactivation in a sandbox run (sandbox/okta/deprovision.ts): it looks the user up by
// userName with the token the admin pasted, then sets active false, by PUT of the whole user (custom
// app) or PATCH (catalog app). The status of its last request is what Okta would log: 401 once the
// token is deleted, so nobody is deactivated.
import { connectionIdFromScimUrl } from "../../verify/targets";
import type { UserDeprovisioner } from "../okta/deprovision";
import type { ScimSender } from "./groupPusher";

export function auth0UserDeprovisioner(send: ScimSender): UserDeprovisioner {
  return async (connection, userName) => {
    const connectionId = connectionIdFromScimUrl(new URL(connection.baseUrl));
    if (!connectionId) return { status: 0 };
    const call = (method: string, path: string, body?: Record<string, unknown>) => send(connectionId, connection.token, method, path, body);
    const found = await call("GET", `/Users?filter=${encodeURIComponent(`userName eq "${userName.replace(/"/g, '\\"')}"`)}`);
    if (found.status !== 200) return { status: found.status };
    const user = (JSON.parse(found.body) as { Resources?: Array<Record<string, unknown>> }).Resources?.[0];
    if (!user || typeof user.id !== "string") return { status: 404 };
    const path = `/Users/${encodeURIComponent(user.id)}`;
    const written =
      connection.writes === "PATCH"
        ? await call("PATCH", path, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "active", value: false }] })
        : await call("PUT", path, { ...user, active: false });
    return { status: written.status };
  };
}
