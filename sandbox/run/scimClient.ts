// Sends SCIM requests to the Auth0 stand-in as Okta would (bearer token, SCIM content type), over its
// HTTPS port with the tenant's Host, trusting the run's CA. For the decommission steps: a user
// provisioned with a token, and the same token refused once decommissioning deleted it; for Group
// Push: what Okta sends once a push mapping is active.
import * as fs from "fs";
import * as https from "https";
import type { Context } from "./context";

export type ScimReply = { status: number; body: string };

/** One request to `/scim/v2/connections/<id><path>` (path starts with /Users or /Groups). */
export function scimCall(ctx: Context, connectionId: string, token: string, method: string, path: string, body?: Record<string, unknown>): Promise<ScimReply> {
  const domain = ctx.standIns.auth0.domains[0];
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: "127.0.0.1",
        port: ctx.standIns.auth0.port,
        servername: domain,
        ca: fs.readFileSync(ctx.standIns.caFile),
        method,
        path: `/scim/v2/connections/${connectionId}${path}`,
        headers: {
          host: domain,
          authorization: `Bearer ${token}`,
          accept: "application/scim+json",
          ...(payload ? { "content-type": "application/scim+json; charset=utf-8", "content-length": Buffer.byteLength(payload) } : {}),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

export function scimRequest(ctx: Context, connectionId: string, token: string, method: "GET" | "POST", body?: Record<string, unknown>): Promise<ScimReply> {
  return scimCall(ctx, connectionId, token, method, `/Users${method === "GET" ? "?startIndex=1&count=2" : ""}`, body);
}
