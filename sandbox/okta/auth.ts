// Which org a request is for, and the service-app token endpoint. With OKTA_HTTP_PROXY every org's
// calls reach the same loopback address (the Host header is the proxy's), so a request is tied to its
// org by its credentials: the SSWS API token, or the access token the org issued to its service app.
// Through the CONNECT proxy (HTTPS, `npm run verify`) the Host header names the org.
import { createPublicKey, createVerify, randomBytes } from "crypto";
import type { StandInReply, StandInRequest } from "../http/router";
import type { OktaOrg } from "./org";
import { oktaError } from "./shapes";

export type OrgResolution = { org: OktaOrg } | { reply: StandInReply };

const invalidToken = () => oktaError(401, "E0000011", "Invalid token provided");

export function resolveOrg(orgs: readonly OktaOrg[], request: StandInRequest): OrgResolution {
  const auth = request.headers.authorization ?? "";
  const byHost = orgs.find((o) => o.domain === request.host);
  const ssws = /^SSWS\s+(.+)$/i.exec(auth)?.[1];
  const bearer = /^(?:Bearer|DPoP)\s+(.+)$/i.exec(auth)?.[1];
  const byCredentials = ssws
    ? orgs.find((o) => o.credentials.apiToken === ssws)
    : bearer
      ? orgs.find((o) => o.accessTokens.has(bearer))
      : undefined;
  if (!ssws && !bearer) return { reply: oktaError(401, "E0000005", "Invalid session") };
  if (!byCredentials || (byHost && byHost !== byCredentials)) return { reply: invalidToken() };
  return { org: byCredentials };
}

/** Org for a request that carries no credentials (/.well-known): by Host, else the only org, else the first. */
export function orgForAnonymous(orgs: readonly OktaOrg[], request: StandInRequest): OktaOrg {
  return orgs.find((o) => o.domain === request.host) ?? orgs[0];
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a private_key_jwt client assertion (RFC 7523) the way Okta does for a service app: RS256,
 * iss = sub = the client id, aud = the token endpoint, not expired, and (when the org knows the
 * public key) a valid signature. Returns the client id or the reason it is refused. Pure but for the clock.
 */
export function checkClientAssertion(jwt: string, publicKeyPem: string | undefined, nowSeconds: number): { clientId: string } | { error: string } {
  const parts = jwt.split(".");
  if (parts.length !== 3) return { error: "The client_assertion is not a JWT." };
  const header = decodeSegment(parts[0]);
  const claims = decodeSegment(parts[1]);
  if (!header || !claims) return { error: "The client_assertion is not a JWT." };
  if (header.alg !== "RS256") return { error: `The client_assertion signature algorithm ${String(header.alg)} is not allowed (RS256).` };
  if (typeof claims.iss !== "string" || claims.iss !== claims.sub) return { error: "The client_assertion iss and sub claims must be the client id." };
  if (typeof claims.aud !== "string" || !claims.aud.endsWith("/oauth2/v1/token")) return { error: "The audience claim of the client_assertion is invalid." };
  if (typeof claims.exp !== "number" || claims.exp <= nowSeconds) return { error: "The client_assertion token is expired." };
  if (publicKeyPem) {
    const verifier = createVerify("RSA-SHA256");
    verifier.update(`${parts[0]}.${parts[1]}`);
    if (!verifier.verify(createPublicKey(publicKeyPem), Buffer.from(parts[2], "base64url"))) return { error: "The client_assertion signature is invalid." };
  }
  return { clientId: claims.iss };
}

/** POST /oauth2/v1/token: client_credentials with a client assertion → an access token for the org. */
export function issueServiceAppToken(orgs: readonly OktaOrg[], request: StandInRequest, nowSeconds = Math.floor(Date.now() / 1000)): StandInReply {
  const form = (request.body ?? {}) as Record<string, unknown>;
  const oauthError = (status: number, error: string, description: string): StandInReply => ({ status, body: { error, error_description: description } });
  if (form.grant_type !== "client_credentials") return oauthError(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
  if (form.client_assertion_type !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" || typeof form.client_assertion !== "string") {
    return oauthError(401, "invalid_client", "Client authentication failed: a client_assertion is required.");
  }
  const unverified = checkClientAssertion(form.client_assertion, undefined, nowSeconds);
  if ("error" in unverified) return oauthError(401, "invalid_client", unverified.error);
  const org = orgs.find((o) => o.credentials.clientId === unverified.clientId && (o.domain === request.host || !orgs.some((x) => x.domain === request.host)));
  if (!org) return oauthError(401, "invalid_client", "The client_id is not valid.");
  const verified = checkClientAssertion(form.client_assertion, org.credentials.publicKeyPem, nowSeconds);
  if ("error" in verified) return oauthError(401, "invalid_client", verified.error);
  const scopes = typeof form.scope === "string" ? form.scope.split(/\s+/).filter(Boolean) : [];
  const accessToken = `sandbox-okta.${randomBytes(24).toString("base64url")}`;
  org.accessTokens.set(accessToken, scopes);
  return { status: 200, body: { token_type: "Bearer", expires_in: 3600, access_token: accessToken, scope: scopes.join(" ") } };
}
