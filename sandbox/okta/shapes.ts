// JSON shapes of the Okta API objects the okta provider and `npm run verify` read, after the public
// recordings of terraform-provider-okta (test/fixtures/vcr/idaas: app OAuth/AutoLogin CRUD, group
// assignments, user and group data sources, app user schemas, profile mappings, user types) and the
// required fields of okta-sdk-golang v6's models (an OIDC app without credentials, name, settings,
// label or signOnMode does not even parse).
import { randomBytes } from "crypto";
import type { StandInReply } from "../http/router";
import type { AppUser, GroupAssignment, OktaApp, OktaGroup, OktaOrg, OktaUser, ProfileMapping, UserType } from "./org";

const link = (href: string) => ({ href });

/** Okta's error body: errorCode, errorSummary, errorLink, errorId, errorCauses. */
export function oktaError(status: number, errorCode: string, errorSummary: string, causes: string[] = []): StandInReply {
  return {
    status,
    body: {
      errorCode,
      errorSummary,
      errorLink: errorCode,
      errorId: `oae${randomBytes(11).toString("base64url")}`,
      errorCauses: causes.map((errorSummary) => ({ errorSummary })),
    },
  };
}

export const notFound = (what: string, kind: string) => oktaError(404, "E0000007", `Not found: Resource not found: ${what} (${kind})`);

export function appJson(org: OktaOrg, app: OktaApp): Record<string, unknown> {
  const base = `${org.orgUrl}/api/v1/apps/${app.id}`;
  const sentSettings = app.settings;
  const settings: Record<string, unknown> = {
    app: sentSettings.app ?? {},
    notifications: { vpn: { network: { connection: "DISABLED" }, message: null, helpUrl: null } },
    manualProvisioning: false,
    implicitAssignment: sentSettings.implicitAssignment === true,
    notes: { admin: null, enduser: null, ...((sentSettings.notes as object) ?? {}) },
  };
  const credentials: Record<string, unknown> = {
    userNameTemplate: { template: "${source.login}", type: "BUILT_IN", ...((app.credentials.userNameTemplate as object) ?? {}) },
    signing: {},
  };
  if (app.signOnMode === "OPENID_CONNECT") {
    const sentClient = (app.credentials.oauthClient as Record<string, unknown>) ?? {};
    credentials.oauthClient = {
      autoKeyRotation: sentClient.autoKeyRotation ?? true,
      client_id: app.id,
      client_secret: app.clientSecret,
      token_endpoint_auth_method: sentClient.token_endpoint_auth_method ?? "client_secret_basic",
      pkce_required: sentClient.pkce_required ?? false,
    };
    settings.emOptInStatus = "NONE";
    settings.oauthClient = { client_uri: null, logo_uri: null, ...((sentSettings.oauthClient as object) ?? {}) };
  } else {
    credentials.scheme = app.credentials.scheme ?? "EDIT_USERNAME_AND_PASSWORD";
    credentials.revealPassword = app.credentials.revealPassword ?? false;
    credentials.userNameTemplate = { pushStatus: "DONT_PUSH", ...(credentials.userNameTemplate as object) };
    settings.signOn = { redirectUrl: null, loginUrl: null, ...((sentSettings.signOn as object) ?? {}) };
  }
  const appLink = `${app.name}_link`;
  return {
    id: app.id,
    orn: `orn:okta:idp:${org.domain.split(".")[0]}:apps:${app.name}:${app.id}`,
    name: app.name,
    label: app.label,
    status: app.status,
    lastUpdated: app.lastUpdated,
    created: app.created,
    accessibility: { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null, ...app.accessibility },
    visibility: { autoLaunch: false, autoSubmitToolbar: false, hide: { iOS: false, web: false }, ...app.visibility, appLinks: { [appLink]: true } },
    features: [...app.features],
    signOnMode: app.signOnMode,
    credentials,
    settings,
    _links: {
      uploadLogo: { href: `${base}/logo`, hints: { allow: ["POST"] } },
      appLinks: [{ name: appLink, href: `${org.orgUrl}/home/${app.name}/${app.id}/aln${app.id.slice(3)}`, type: "text/html" }],
      policies: { href: `${base}/policies`, hints: { allow: ["PUT"] } },
      groups: link(`${base}/groups`),
      logo: [{ name: "medium", href: "https://ok12static.oktacdn.com/assets/img/logos/default.png", type: "image/png" }],
      ...(app.signOnMode === "OPENID_CONNECT" ? { clientCredentials: [{ name: "secrets", href: `${base}/credentials/secrets` }] } : {}),
      ...(app.accessPolicyId ? { accessPolicy: link(`${org.orgUrl}/api/v1/policies/${app.accessPolicyId}`) } : {}),
      users: link(`${base}/users`),
      ...(app.status === "ACTIVE" ? { deactivate: link(`${base}/lifecycle/deactivate`) } : { activate: link(`${base}/lifecycle/activate`) }),
    },
  };
}

export function groupJson(org: OktaOrg, group: OktaGroup): Record<string, unknown> {
  const base = `${org.orgUrl}/api/v1/groups/${group.id}`;
  return {
    id: group.id,
    created: group.created,
    lastUpdated: group.created,
    lastMembershipUpdated: group.created,
    objectClass: ["okta:user_group"],
    type: group.type,
    profile: { name: group.name, description: group.description ?? null },
    _links: { users: link(`${base}/users`), apps: link(`${base}/apps`) },
  };
}

export function userJson(org: OktaOrg, user: OktaUser): Record<string, unknown> {
  const base = `${org.orgUrl}/api/v1/users/${user.id}`;
  const type = org.defaultUserType();
  return {
    id: user.id,
    status: user.status,
    created: user.created,
    activated: user.created,
    statusChanged: user.created,
    lastLogin: null,
    lastUpdated: user.created,
    passwordChanged: null,
    type: { id: type.id },
    profile: { firstName: user.firstName, lastName: user.lastName, mobilePhone: null, secondEmail: null, login: user.login, email: user.email },
    credentials: { provider: { type: "OKTA", name: "OKTA" } },
    _links: { self: link(base), type: link(`${org.orgUrl}/api/v1/meta/types/user/${type.id}`) },
  };
}

export function roleJson(org: OktaOrg, user: OktaUser, type: string): Record<string, unknown> {
  const label = type.split("_").map((w) => w[0] + w.slice(1).toLowerCase()).join(" ");
  return {
    id: `ra1${type.toLowerCase().replace(/_/g, "")}`,
    label,
    type,
    status: "ACTIVE",
    created: user.created,
    lastUpdated: user.created,
    assignmentType: "USER",
    _links: { assignee: link(`${org.orgUrl}/api/v1/users/${user.id}`) },
  };
}

export function groupAssignmentJson(org: OktaOrg, appId: string, groupId: string, a: GroupAssignment): Record<string, unknown> {
  return {
    id: groupId,
    lastUpdated: a.lastUpdated,
    ...(a.priority === undefined ? {} : { priority: a.priority }),
    profile: a.profile,
    _links: {
      app: link(`${org.orgUrl}/api/v1/apps/${appId}`),
      self: link(`${org.orgUrl}/api/v1/apps/${appId}/groups/${groupId}`),
      group: link(`${org.orgUrl}/api/v1/groups/${groupId}`),
    },
  };
}

export function appUserJson(org: OktaOrg, appId: string, userId: string, u: AppUser): Record<string, unknown> {
  return {
    id: userId,
    externalId: null,
    created: u.created,
    lastUpdated: u.lastUpdated,
    scope: "USER",
    status: "ACTIVE",
    statusChanged: u.created,
    passwordChanged: null,
    syncState: "DISABLED",
    credentials: { userName: u.userName ?? null },
    profile: u.profile,
    _links: { app: link(`${org.orgUrl}/api/v1/apps/${appId}`), user: link(`${org.orgUrl}/api/v1/users/${userId}`) },
  };
}

export function userTypeJson(org: OktaOrg, t: UserType): Record<string, unknown> {
  return {
    id: t.id,
    displayName: t.displayName,
    name: t.name,
    description: t.description,
    createdBy: "00u000sandbox0admin0",
    lastUpdatedBy: "00u000sandbox0admin0",
    created: t.created,
    lastUpdated: t.created,
    default: t.isDefault,
    _links: {
      schema: { rel: "schema", href: `${org.orgUrl}/api/v1/meta/schemas/user/osc${t.id.slice(3)}`, method: "GET" },
      self: { rel: "self", href: `${org.orgUrl}/api/v1/meta/types/user/${t.id}`, method: "GET" },
    },
  };
}

/** The list form has no properties; GET /mappings/{id} adds them. */
export function mappingJson(org: OktaOrg, m: ProfileMapping, withProperties: boolean): Record<string, unknown> {
  const type = org.userTypes.find((t) => t.id === m.sourceId);
  const app = org.apps.get(m.targetAppId);
  return {
    id: m.id,
    source: {
      id: m.sourceId,
      name: type?.name ?? "user",
      type: "user",
      _links: { self: link(`${org.orgUrl}/api/v1/meta/types/user/${m.sourceId}`), schema: link(`${org.orgUrl}/api/v1/meta/schemas/user/osc${m.sourceId.slice(3)}`) },
    },
    target: {
      id: m.targetAppId,
      name: app?.name ?? "",
      type: "appuser",
      _links: { self: link(`${org.orgUrl}/api/v1/apps/${m.targetAppId}`), schema: link(`${org.orgUrl}/api/v1/meta/schemas/apps/${m.targetAppId}/default`) },
    },
    ...(withProperties ? { properties: m.properties } : {}),
    _links: { self: link(`${org.orgUrl}/api/v1/mappings/${m.id}`) },
  };
}

export function appSchemaJson(org: OktaOrg, app: OktaApp): Record<string, unknown> {
  const schema = org.appSchemas.get(app.id)!;
  return {
    id: `${org.orgUrl}/meta/schemas/apps/${app.id}/default`,
    $schema: "http://json-schema.org/draft-04/schema#",
    name: app.name,
    title: `${app.label} User`,
    lastUpdated: app.lastUpdated,
    created: app.created,
    definitions: {
      custom: { id: "#custom", type: "object", properties: schema.custom, required: [] },
      base: { id: "#base", type: "object", properties: schema.base, required: ["userName"] },
    },
    type: "object",
    properties: { profile: { allOf: [{ $ref: "#/definitions/custom" }, { $ref: "#/definitions/base" }] } },
  };
}

export function accessPolicyJson(org: OktaOrg): Record<string, unknown> {
  const self = `${org.orgUrl}/api/v1/policies/${org.accessPolicyId}`;
  return {
    id: org.accessPolicyId,
    status: "ACTIVE",
    name: "Default Policy",
    description: "The default app sign-on policy",
    priority: 1,
    system: true,
    conditions: null,
    created: "2024-01-01T00:00:00.000Z",
    lastUpdated: "2024-01-01T00:00:00.000Z",
    _links: { self: { href: self, hints: { allow: ["GET", "PUT"] } }, rules: { href: `${self}/rules`, hints: { allow: ["GET", "POST"] } } },
    _embedded: { resourceType: "APP" },
    type: "ACCESS_POLICY",
  };
}
