// The Okta API subset the okta provider (terraform-provider-okta v6.12.0 through okta-sdk-golang v2/v5/v6)
// calls for this program, and what `npm run verify` reads back: users/me, the org metadata and the
// default access policy, OAuth and AUTO_LOGIN apps with their lifecycle, group assignments, app users,
// group and user lookups, user types, app user schemas and profile mappings, service-app tokens, and
// Group Push mappings (./groupPush.ts).
import { randomBytes } from "crypto";
import type { Route, StandInReply, StandInRequest } from "../http/router";
import { issueServiceAppToken, orgForAnonymous, resolveOrg } from "./auth";
import type { OktaApp, OktaOrg } from "./org";
import { groupPushRoutes } from "./groupPush";
import { unassigning } from "./deprovision";
import { matchApps, matchGroups, SearchError, searchUsers } from "./search";
import {
  accessPolicyJson,
  appJson,
  appSchemaJson,
  appUserJson,
  groupAssignmentJson,
  groupJson,
  mappingJson,
  notFound,
  oktaError,
  roleJson,
  userJson,
  userTypeJson,
} from "./shapes";

type Handler = (org: OktaOrg, request: StandInRequest) => StandInReply;

const json = (status: number, body?: unknown): StandInReply => ({ status, body });
const body = (request: StandInRequest): Record<string, unknown> =>
  request.body !== null && typeof request.body === "object" ? (request.body as Record<string, unknown>) : {};
const badRequest = (summary: string, causes: string[] = []) => oktaError(400, "E0000001", `Api validation failed: ${summary}`, causes);

function withApp(handle: (org: OktaOrg, app: OktaApp, request: StandInRequest) => StandInReply): Handler {
  return (org, request) => {
    const app = org.apps.get(request.params.appId);
    return app ? handle(org, app, request) : notFound(request.params.appId, "AppInstance");
  };
}

const appRoutes: Array<[string, string, Handler]> = [
  [
    "POST",
    "/api/v1/apps",
    (org, request) => {
      const b = body(request);
      if (b.signOnMode !== "OPENID_CONNECT" && b.signOnMode !== "AUTO_LOGIN") {
        return badRequest("signOnMode", [`The sandbox creates OPENID_CONNECT and AUTO_LOGIN apps, not ${String(b.signOnMode)}`]);
      }
      if (typeof b.label !== "string" || b.label === "") return badRequest("label", ["label: The field cannot be left blank"]);
      const app = org.createApp(b, request.query.get("activate") !== "false");
      return json(200, appJson(org, app));
    },
  ],
  // verify's one-app-per-label read-back (the provider itself never lists apps).
  ["GET", "/api/v1/apps", (org, request) => json(200, matchApps(org.apps.values(), request.query.get("q")).map((a) => appJson(org, a)))],
  ["GET", "/api/v1/apps/{appId}", withApp((org, app) => json(200, appJson(org, app)))],
  ["PUT", "/api/v1/apps/{appId}", withApp((org, app, request) => json(200, appJson(org, org.replaceApp(app, body(request)))))],
  [
    "DELETE",
    "/api/v1/apps/{appId}",
    withApp((org, app) => {
      if (app.status === "ACTIVE") return oktaError(403, "E0000001", "Api validation failed: Cannot delete an active application; deactivate it first.");
      org.deleteApp(app.id);
      return json(204);
    }),
  ],
  ["POST", "/api/v1/apps/{appId}/lifecycle/activate", withApp((_org, app) => ((app.status = "ACTIVE"), json(200, {})))],
  ["POST", "/api/v1/apps/{appId}/lifecycle/deactivate", withApp((_org, app) => ((app.status = "INACTIVE"), json(200, {})))],
  [
    "PUT",
    "/api/v1/apps/{appId}/policies/{policyId}",
    withApp((org, app, request) => {
      if (request.params.policyId !== org.accessPolicyId) return notFound(request.params.policyId, "Policy");
      app.accessPolicyId = org.accessPolicyId;
      return json(204);
    }),
  ],
  [
    "GET",
    "/api/v1/apps/{appId}/credentials/secrets",
    withApp((_org, app) =>
      app.clientSecret
        ? json(200, [{ id: `ocs${app.id.slice(3)}`, status: "ACTIVE", client_secret: app.clientSecret, secret_hash: randomBytes(16).toString("base64url"), created: app.created, lastUpdated: app.created }])
        : json(200, []),
    ),
  ],
  [
    "POST",
    "/api/v1/internal/apps/{appId}/settings/oauth/idToken",
    withApp((_org, app, request) => ((app.groupsClaim = body(request)), json(200, { issuer: null, orgUrl: null, customUrl: null, audience: null, ...app.groupsClaim }))),
  ],
  [
    "GET",
    "/api/v1/internal/apps/{appId}/settings/oauth/idToken",
    withApp((org, app) => json(200, { issuer: org.orgUrl, orgUrl: null, customUrl: null, audience: app.id, issuerMode: "ORG_URL", ...(app.groupsClaim ?? {}) })),
  ],
];

const assignmentRoutes: Array<[string, string, Handler]> = [
  [
    "GET",
    "/api/v1/apps/{appId}/groups",
    withApp((org, app) => json(200, [...org.groupAssignments.get(app.id)!].map(([gid, a]) => groupAssignmentJson(org, app.id, gid, a)))),
  ],
  [
    "GET",
    "/api/v1/apps/{appId}/groups/{groupId}",
    withApp((org, app, request) => {
      const a = org.groupAssignments.get(app.id)!.get(request.params.groupId);
      return a ? json(200, groupAssignmentJson(org, app.id, request.params.groupId, a)) : notFound(request.params.groupId, "ApplicationGroupAssignment");
    }),
  ],
  [
    "PUT",
    "/api/v1/apps/{appId}/groups/{groupId}",
    withApp((org, app, request) => {
      const groupId = request.params.groupId;
      if (!org.groups.has(groupId)) return notFound(groupId, "UserGroup");
      const b = body(request);
      const profile = b.profile !== null && typeof b.profile === "object" ? (b.profile as Record<string, unknown>) : {};
      const a = org.assignGroup(app.id, groupId, typeof b.priority === "number" ? b.priority : undefined, profile);
      return json(200, groupAssignmentJson(org, app.id, groupId, a));
    }),
  ],
  [
    "DELETE",
    "/api/v1/apps/{appId}/groups/{groupId}",
    withApp((org, app, request) =>
      unassigning(org, app.id, () => org.groupAssignments.get(app.id)!.delete(request.params.groupId)) ? json(204) : notFound(request.params.groupId, "ApplicationGroupAssignment"),
    ),
  ],
  ["GET", "/api/v1/apps/{appId}/users", withApp((org, app) => json(200, [...org.appUsers.get(app.id)!].map(([uid, u]) => appUserJson(org, app.id, uid, u))))],
  [
    "POST",
    "/api/v1/apps/{appId}/users",
    withApp((org, app, request) => {
      const b = body(request);
      const userId = String(b.id ?? "");
      if (!org.users.has(userId)) return notFound(userId, "User");
      const credentials = (b.credentials ?? {}) as Record<string, unknown>;
      const now = new Date().toISOString();
      const profile = b.profile !== null && typeof b.profile === "object" ? (b.profile as Record<string, unknown>) : {};
      const u = { userName: typeof credentials.userName === "string" && credentials.userName ? credentials.userName : undefined, profile, created: now, lastUpdated: now };
      org.appUsers.get(app.id)!.set(userId, u);
      return json(200, appUserJson(org, app.id, userId, u));
    }),
  ],
  [
    "GET",
    "/api/v1/apps/{appId}/users/{userId}",
    withApp((org, app, request) => {
      const u = org.appUsers.get(app.id)!.get(request.params.userId);
      return u ? json(200, appUserJson(org, app.id, request.params.userId, u)) : notFound(request.params.userId, "AppUser");
    }),
  ],
  [
    "POST",
    "/api/v1/apps/{appId}/users/{userId}",
    withApp((org, app, request) => {
      const u = org.appUsers.get(app.id)!.get(request.params.userId);
      if (!u) return notFound(request.params.userId, "AppUser");
      const b = body(request);
      const credentials = (b.credentials ?? {}) as Record<string, unknown>;
      if (typeof credentials.userName === "string" && credentials.userName) u.userName = credentials.userName;
      if (b.profile !== null && typeof b.profile === "object") u.profile = b.profile as Record<string, unknown>;
      u.lastUpdated = new Date().toISOString();
      return json(200, appUserJson(org, app.id, request.params.userId, u));
    }),
  ],
  [
    "DELETE",
    "/api/v1/apps/{appId}/users/{userId}",
    withApp((org, app, request) => (unassigning(org, app.id, () => org.appUsers.get(app.id)!.delete(request.params.userId)) ? json(204) : notFound(request.params.userId, "AppUser"))),
  ],
];

const directoryRoutes: Array<[string, string, Handler]> = [
  ["GET", "/api/v1/users/me", (org) => json(200, userJson(org, org.admin))],
  [
    "GET",
    "/api/v1/groups",
    (org, request) => {
      try {
        return json(200, matchGroups(org.groups.values(), request.query.get("q"), request.query.get("filter")).map((g) => groupJson(org, g)));
      } catch (e) {
        if (e instanceof SearchError) return badRequest(e.message);
        throw e;
      }
    },
  ],
  [
    "GET",
    "/api/v1/groups/{groupId}",
    (org, request) => {
      const g = org.groups.get(request.params.groupId);
      return g ? json(200, groupJson(org, g)) : notFound(request.params.groupId, "UserGroup");
    },
  ],
  [
    "GET",
    "/api/v1/users",
    (org, request) => {
      const search = request.query.get("search");
      try {
        const found = search ? searchUsers(org.users.values(), search) : [...org.users.values()];
        const limit = Number(request.query.get("limit") ?? "200");
        return json(200, found.slice(0, Number.isFinite(limit) && limit > 0 ? limit : 200).map((u) => userJson(org, u)));
      } catch (e) {
        if (e instanceof SearchError) return badRequest(e.message);
        throw e;
      }
    },
  ],
  [
    "GET",
    "/api/v1/users/{userId}",
    (org, request) => {
      const u = org.findUser(request.params.userId);
      return u ? json(200, userJson(org, u)) : notFound(request.params.userId, "User");
    },
  ],
  [
    "GET",
    "/api/v1/users/{userId}/roles",
    (org, request) => {
      const u = org.findUser(request.params.userId);
      return u ? json(200, u.roles.map((r) => roleJson(org, u, r))) : notFound(request.params.userId, "User");
    },
  ],
  [
    "GET",
    "/api/v1/users/{userId}/groups",
    (org, request) => {
      const u = org.findUser(request.params.userId);
      if (!u) return notFound(request.params.userId, "User");
      const everyone = [...org.groups.values()].filter((g) => g.type === "BUILT_IN");
      return json(200, [...everyone, ...u.groupIds.map((id) => org.groups.get(id)).filter((g) => g !== undefined)].map((g) => groupJson(org, g!)));
    },
  ],
  ["GET", "/api/v1/meta/types/user", (org) => json(200, org.userTypes.map((t) => userTypeJson(org, t)))],
  [
    "GET",
    "/api/v1/meta/types/user/{typeId}",
    (org, request) => {
      const t = org.userTypes.find((x) => x.id === request.params.typeId);
      return t ? json(200, userTypeJson(org, t)) : notFound(request.params.typeId, "UserType");
    },
  ],
  [
    "GET",
    "/api/v1/policies",
    (org, request) => json(200, request.query.get("type") === "ACCESS_POLICY" ? [accessPolicyJson(org)] : []),
  ],
];

const schemaAndMappingRoutes: Array<[string, string, Handler]> = [
  ["GET", "/api/v1/meta/schemas/apps/{appId}/default", withApp((org, app) => json(200, appSchemaJson(org, app)))],
  [
    "POST",
    "/api/v1/meta/schemas/apps/{appId}/default",
    withApp((org, app, request) => {
      const definitions = (body(request).definitions ?? {}) as Record<string, { properties?: Record<string, unknown> }>;
      const schema = org.appSchemas.get(app.id)!;
      for (const [name, attribute] of Object.entries(definitions.custom?.properties ?? {})) {
        if (attribute === null) {
          delete schema.custom[name];
          continue;
        }
        if (name in schema.base) return badRequest("definitions.custom", [`An attribute with the variable name ${name} already exists in the base schema.`]);
        schema.custom[name] = { ...(attribute as Record<string, unknown>) };
      }
      app.lastUpdated = new Date().toISOString();
      return json(200, appSchemaJson(org, app));
    }),
  ],
  [
    "GET",
    "/api/v1/mappings",
    (org, request) => {
      const sourceId = request.query.get("sourceId");
      const targetId = request.query.get("targetId");
      const found = [...org.mappings.values()].filter((m) => (!sourceId || m.sourceId === sourceId || m.targetAppId === sourceId) && (!targetId || m.targetAppId === targetId || m.sourceId === targetId));
      return json(200, found.map((m) => mappingJson(org, m, false)));
    },
  ],
  [
    "GET",
    "/api/v1/mappings/{mappingId}",
    (org, request) => {
      const m = org.mappings.get(request.params.mappingId);
      return m ? json(200, mappingJson(org, m, true)) : notFound(request.params.mappingId, "PropertyMapping");
    },
  ],
  [
    "POST",
    "/api/v1/mappings/{mappingId}",
    (org, request) => {
      const m = org.mappings.get(request.params.mappingId);
      if (!m) return notFound(request.params.mappingId, "PropertyMapping");
      const properties = (body(request).properties ?? {}) as Record<string, { expression?: string; pushStatus?: string } | null>;
      const schema = org.appSchemas.get(m.targetAppId);
      const unknown = Object.entries(properties)
        .filter(([name, p]) => p !== null && schema !== undefined && !(name in schema.base) && !(name in schema.custom))
        .map(([name]) => name);
      if (unknown.length > 0) return badRequest("properties", unknown.map((n) => `properties: Target attribute ${n} does not exist in the app user schema.`));
      for (const [name, p] of Object.entries(properties)) {
        if (p === null) delete m.properties[name];
        else m.properties[name] = { expression: String(p.expression ?? ""), pushStatus: p.pushStatus === "DONT_PUSH" ? "DONT_PUSH" : "PUSH" };
      }
      return json(200, mappingJson(org, m, true));
    },
  ],
];

/** Every route, each resolving its org first (credentials, then Host); anonymous ones by Host. */
export function oktaRoutes(orgs: readonly OktaOrg[]): Route[] {
  const authenticated = [...appRoutes, ...assignmentRoutes, ...directoryRoutes, ...schemaAndMappingRoutes, ...groupPushRoutes];
  return [
    {
      method: "GET",
      template: "/.well-known/okta-organization",
      handle: (request) => {
        const org = orgForAnonymous(orgs, request);
        return json(200, { id: `00o${org.domain.split(".")[0]}`, cell: "ok12", _links: { organization: { href: org.orgUrl } }, pipeline: "idx", settings: { analyticsCollectionEnabled: false, bugReportingEnabled: true, omEnabled: false } });
      },
    },
    { method: "POST", template: "/oauth2/v1/token", handle: (request) => issueServiceAppToken(orgs, request) },
    ...authenticated.map(([method, template, handler]): Route => ({
      method,
      template,
      handle: (request) => {
        const resolved = resolveOrg(orgs, request);
        return "reply" in resolved ? resolved.reply : handler(resolved.org, request);
      },
    })),
  ];
}
