// Self-Service Enterprise Configuration in the Auth0 stand-in: self-service profiles (CRUD, the shape
// terraform-provider-auth0's recordings show), access tickets (POST …/sso-ticket, body checked as the
// Management API documents it), ticket revocation. What the customer's admin does in the assistant
// is simulated by selfServiceFlow.ts. Sources: docs/customer-self-service.md.
import type { Route } from "../http/router";
import { authorized, SCIM_TOKEN_SCOPES, type Handler, type TenantResolver } from "./management";
import { apiError, json } from "./replies";
import { randomId, type Auth0Tenant } from "./tenant";

/** POST /self-service-profiles allowed_strategies (Management API; the provider's list). */
export const SELF_SERVICE_STRATEGIES = ["oidc", "samlp", "waad", "google-apps", "adfs", "okta", "keycloak-samlp", "pingfederate", "auth0-samlp", "okta-samlp"];
/** Entity limit policy: 20 self-service profiles per tenant. */
export const MAX_SELF_SERVICE_PROFILES = 20;
/** ttl_sec: 0 (= the default) to 432000 s (5 days). */
export const MAX_TTL_SEC = 432_000;

export interface SelfServiceProfile {
  id: string;
  name: string;
  description?: string;
  user_attributes?: { name: string; description: string; is_optional: boolean }[];
  allowed_strategies?: string[];
  branding?: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** An issued ticket; `body` as posted (the flow simulation reads it). */
export interface SsoTicket {
  id: string;
  profileId: string;
  body: Record<string, unknown>;
  expiresAt: string;
  revoked: boolean;
  /** Set once the simulated admin has finished the assistant. */
  used: boolean;
}

const invalid = (message: string) => apiError(400, `Payload validation error: ${message}`, "invalid_body");
const noProfile = () => apiError(404, "The self-service profile does not exist", "inexistent_self_service_profile");

/** Why a profile body is invalid (create: name required; update: every field optional), or undefined. */
function profileProblem(b: Record<string, unknown>, creating: boolean): string | undefined {
  const known = new Set(["name", "description", "user_attributes", "allowed_strategies", "branding", "user_attribute_profile_id"]);
  const extra = Object.keys(b).find((k) => !known.has(k));
  if (extra) return `'Additional properties not allowed: ${extra}'.`;
  if (creating || b.name !== undefined) {
    if (typeof b.name !== "string" || b.name.length < 1 || b.name.length > 100) return "'String is too long (max 100) or missing' on property name.";
  }
  if (b.description !== undefined && (typeof b.description !== "string" || b.description.length > 140)) return "'String is too long (max 140)' on property description.";
  if (b.allowed_strategies !== undefined) {
    if (!Array.isArray(b.allowed_strategies) || !b.allowed_strategies.every((s) => SELF_SERVICE_STRATEGIES.includes(s as string))) {
      return `'Invalid value' on property allowed_strategies (allowed: ${SELF_SERVICE_STRATEGIES.join(", ")}).`;
    }
  }
  if (b.user_attributes !== undefined) {
    const list = b.user_attributes;
    if (!Array.isArray(list) || list.length > 20) return "'Array is too long (max 20)' on property user_attributes.";
    const ok = list.every((a) => typeof a?.name === "string" && typeof a?.description === "string" && typeof a?.is_optional === "boolean");
    if (!ok) return "'Missing required property: name, description or is_optional' on property user_attributes.";
    if (b.user_attribute_profile_id !== undefined && b.user_attribute_profile_id !== null) return "user_attributes cannot be used with user_attribute_profile_id.";
  }
  return undefined;
}

const createProfile: Handler = (tenant, request) => {
  const b = (request.body ?? {}) as Record<string, unknown>;
  const problem = profileProblem(b, true);
  if (problem) return invalid(problem);
  if (tenant.selfServiceProfiles.size >= MAX_SELF_SERVICE_PROFILES) {
    return apiError(409, `You have reached the maximum number of self-service profiles (${MAX_SELF_SERVICE_PROFILES}) for this tenant.`, "self_service_profiles_limit");
  }
  const at = tenant.now().toISOString();
  const { user_attribute_profile_id: _unsupported, ...fields } = b;
  const profile = { ...(fields as Partial<SelfServiceProfile>), id: randomId("ssp_", 22), created_at: at, updated_at: at } as SelfServiceProfile;
  tenant.selfServiceProfiles.set(profile.id, profile);
  return json(201, profile);
};

const listProfiles: Handler = (tenant, request) => {
  const all = [...tenant.selfServiceProfiles.values()];
  if (request.query.get("include_totals") === "true") return json(200, { self_service_profiles: all, start: 0, limit: 50, total: all.length });
  return json(200, all);
};

const getProfile: Handler = (tenant, request) => {
  const p = tenant.selfServiceProfiles.get(request.params.id);
  return p ? json(200, p) : noProfile();
};

const updateProfile: Handler = (tenant, request) => {
  const p = tenant.selfServiceProfiles.get(request.params.id);
  if (!p) return noProfile();
  const b = (request.body ?? {}) as Record<string, unknown>;
  const problem = profileProblem(b, false);
  if (problem) return invalid(problem);
  const { user_attribute_profile_id: _unsupported, ...fields } = b;
  Object.assign(p, fields, { updated_at: tenant.now().toISOString() });
  return json(200, p);
};

const deleteProfile: Handler = (tenant, request) => {
  if (!tenant.selfServiceProfiles.delete(request.params.id)) return noProfile();
  return { status: 204 };
};

/** Why a ticket body is invalid, or undefined. Only the fields this project sends are checked in depth. */
function ticketProblem(tenant: Auth0Tenant, b: Record<string, unknown>): { status: number; message: string } | undefined {
  const bad = (message: string) => ({ status: 400, message });
  if ((b.connection_id === undefined) === (b.connection_config === undefined)) return bad("give exactly one of connection_id (edit a connection) or connection_config (create one).");
  if (b.connection_id !== undefined) {
    if (typeof b.connection_id !== "string") return bad("'Expected type string' on property connection_id.");
    if (!tenant.connections.has(b.connection_id)) return { status: 404, message: "The connection does not exist" };
  }
  if (b.ttl_sec !== undefined && (!Number.isInteger(b.ttl_sec) || (b.ttl_sec as number) < 0 || (b.ttl_sec as number) > MAX_TTL_SEC)) {
    return bad(`'Expected an integer from 0 to ${MAX_TTL_SEC}' on property ttl_sec.`);
  }
  if (b.enabled_clients !== undefined && !(Array.isArray(b.enabled_clients) && b.enabled_clients.every((c) => typeof c === "string"))) {
    return bad("'Expected type array of strings' on property enabled_clients.");
  }
  const features = b.enabled_features as Record<string, unknown> | undefined;
  if (features !== undefined && b.connection_id === undefined) return bad("enabled_features is only supported for edit-connection tickets (connection_id).");
  if (features?.provisioning === true && b.provisioning_config === undefined) return bad("enabled_features.provisioning needs provisioning_config.");
  const p = b.provisioning_config as Record<string, unknown> | undefined;
  if (p !== undefined) {
    if (p.scopes === undefined && p.google_workspace === undefined) return bad("provisioning_config needs scopes or google_workspace.");
    if (p.scopes !== undefined && !(Array.isArray(p.scopes) && p.scopes.length > 0 && p.scopes.every((s) => SCIM_TOKEN_SCOPES.includes(s as string)))) {
      return bad(`'Invalid scopes' on property provisioning_config.scopes (allowed: ${SCIM_TOKEN_SCOPES.join(", ")}).`);
    }
    const lifetime = p.token_lifetime;
    if (lifetime !== undefined && lifetime !== null && (!Number.isInteger(lifetime) || (lifetime as number) <= 900)) {
      return bad("'Expected value to be greater than 900' on property provisioning_config.token_lifetime.");
    }
  }
  return undefined;
}

const createTicket: Handler = (tenant, request) => {
  const profile = tenant.selfServiceProfiles.get(request.params.id);
  if (!profile) return noProfile();
  const b = (request.body ?? {}) as Record<string, unknown>;
  const problem = ticketProblem(tenant, b);
  if (problem) return problem.status === 404 ? apiError(404, problem.message, "inexistent_connection") : invalid(problem.message);
  const ttl = (b.ttl_sec as number | undefined) || MAX_TTL_SEC;
  const id = randomId("", 32);
  tenant.ssoTickets.set(id, { id, profileId: profile.id, body: b, expiresAt: new Date(tenant.now().getTime() + ttl * 1000).toISOString(), revoked: false, used: false });
  return json(201, { ticket: `https://${tenant.domain}/self-service/connections-flow?ticket=${id}` });
};

/** 202 whether or not the ticket exists, as documented. */
const revokeTicket: Handler = (tenant, request) => {
  const t = tenant.ssoTickets.get(request.params.ticketId);
  if (t && t.profileId === request.params.id) t.revoked = true;
  return { status: 202 };
};

const PROFILES = "/api/v2/self-service-profiles";

export function selfServiceRoutes(resolve: TenantResolver): Route[] {
  const table: Array<[string, string, Handler]> = [
    ["GET", PROFILES, authorized("read:self_service_profiles", listProfiles)],
    ["POST", PROFILES, authorized("create:self_service_profiles", createProfile)],
    ["GET", `${PROFILES}/{id}`, authorized("read:self_service_profiles", getProfile)],
    ["PATCH", `${PROFILES}/{id}`, authorized("update:self_service_profiles", updateProfile)],
    ["DELETE", `${PROFILES}/{id}`, authorized("delete:self_service_profiles", deleteProfile)],
    ["POST", `${PROFILES}/{id}/sso-ticket`, authorized("create:sso_access_tickets", createTicket)],
    ["POST", `${PROFILES}/{id}/sso-ticket/{ticketId}/revoke`, authorized("delete:sso_access_tickets", revokeTicket)],
  ];
  return table.map(([method, template, handler]) => ({
    method,
    template,
    handle: (request) => {
      const tenant = resolve(request.host);
      return tenant ? handler(tenant, request) : apiError(404, `No stand-in tenant serves ${request.host}`, "unknown_tenant");
    },
  }));
}
