// Sends one SCIM request to the Auth0 stand-in as Okta would (bearer token, SCIM content type), over
// its HTTPS port with the tenant's Host, trusting the run's CA. For the decommission steps: a user
// provisioned with a token, and the same token refused once decommissioning deleted it.
import * as fs from "fs";
import * as https from "https";
import type { Context } from "./context";

export async function scimRequest(
  ctx: Context,
  connectionId: string,
  token: string,
  method: "GET" | "POST",
  body?: Record<string, unknown>,
): Promise<{ status: number; body: string }> {
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
        path: `/scim/v2/connections/${connectionId}/Users${method === "GET" ? "?startIndex=1&count=2" : ""}`,
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
