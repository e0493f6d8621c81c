// Okta's Group Push on the stand-in: the push mappings `okta.PushGroup` manages
// (terraform-provider-okta v6.12.0, resource_okta_push_group.go: GET /api/v1/groups/{id} for the name,
// then POST, GET, PATCH {status} and DELETE ?deleteTargetGroup= on
// /api/v1/apps/{appId}/group-push/mappings[/{mappingId}]), and what Okta does once a mapping is
// ACTIVE: it pushes the group, with its members that are assigned to the app, to the SCIM server the
// admin typed in (Provisioning → Integration). The push is asynchronous, as Okta's is; `lastPush` or
// `errorSummary` tells how it went.
//
// Rules the stand-in enforces, each from Okta's Group Push API reference: the source group must exist;
// a mapping is deleted only when INACTIVE. Its own assumptions (Okta documents no error text for them):
// the app must have a SCIM connection (Group Push needs provisioning), and one mapping per source group.
import type { StandInReply, StandInRequest } from "../http/router";
import { oktaId, type OktaOrg } from "./org";
import { notFound, oktaError } from "./shapes";

export interface ScimConnection {
  baseUrl: string;
  token: string;
  /** To App → Deactivate Users is on: unassigning someone deactivates them (./deprovision.ts). */
  deactivatesUsers?: boolean;
  /** How Okta writes a user: PUT from a custom app, PATCH from a catalog app. */
  writes?: "PUT" | "PATCH";
}

export interface GroupPushMapping {
  id: string;
  appId: string;
  sourceGroupId: string;
  /** The app group Okta keeps for the pushed group: made with the mapping, stable after. */
  targetGroupId: string;
  targetGroupName: string;
  status: "ACTIVE" | "INACTIVE" | "ERROR";
  created: string;
  lastUpdated: string;
  lastPush?: string;
  errorSummary?: string;
}

/** What a push sends: the group's name and the logins (SCIM userName) of its members assigned to the app. */
export interface PushedGroup {
  displayName: string;
  memberUserNames: string[];
}

/** Okta's side of a push: the SCIM calls to the app's server. Resolves to the SCIM group's id, or an error. */
export type GroupPusher = (connection: ScimConnection, group: PushedGroup) => Promise<{ scimGroupId: string } | { error: string }>;

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, ".000Z");
const json = (status: number, body?: unknown): StandInReply => ({ status, body });
const badRequest = (summary: string) => oktaError(400, "E0000001", `Api validation failed: ${summary}`, [summary]);

export function mappingJson(org: OktaOrg, m: GroupPushMapping): Record<string, unknown> {
  return {
    id: m.id,
    sourceGroupId: m.sourceGroupId,
    targetGroupId: m.targetGroupId,
    status: m.status,
    created: m.created,
    lastUpdated: m.lastUpdated,
    lastPush: m.lastPush ?? null,
    errorSummary: m.errorSummary ?? null,
    _links: {
      app: { href: `${org.orgUrl}/api/v1/apps/${m.appId}` },
      sourceGroup: { href: `${org.orgUrl}/api/v1/groups/${m.sourceGroupId}` },
      targetGroup: { href: `${org.orgUrl}/api/v1/groups/${m.targetGroupId}` },
    },
  };
}

/** The source group's members that are assigned to the app, directly or through one of its groups. */
export function assignedMembers(org: OktaOrg, appId: string, groupId: string): string[] {
  const appGroups = new Set(org.groupAssignments.get(appId)?.keys() ?? []);
  const direct = org.appUsers.get(appId) ?? new Map();
  return [...org.users.values()]
    .filter((u) => u.groupIds.includes(groupId) && (direct.has(u.id) || u.groupIds.some((g) => appGroups.has(g))))
    .map((u) => u.login);
}

/** Runs Okta's push of an active mapping; the mapping records the outcome. */
export async function push(org: OktaOrg, m: GroupPushMapping): Promise<void> {
  const connection = org.scimConnections.get(m.appId);
  if (!org.groupPusher || !connection || m.status !== "ACTIVE") return;
  const outcome = await org.groupPusher(connection, { displayName: m.targetGroupName, memberUserNames: assignedMembers(org, m.appId, m.sourceGroupId) });
  m.lastUpdated = now();
  if ("error" in outcome) {
    m.status = "ERROR";
    m.errorSummary = outcome.error;
  } else {
    m.lastPush = now();
    m.errorSummary = undefined;
  }
}

type Handler = (org: OktaOrg, request: StandInRequest) => StandInReply;
const body = (request: StandInRequest): Record<string, unknown> =>
  request.body !== null && typeof request.body === "object" ? (request.body as Record<string, unknown>) : {};

function withMapping(handle: (org: OktaOrg, m: GroupPushMapping, request: StandInRequest) => StandInReply): Handler {
  return (org, request) => {
    const m = org.groupPushMappings.get(request.params.mappingId);
    return m && m.appId === request.params.appId ? handle(org, m, request) : notFound(request.params.mappingId, "GroupPushMapping");
  };
}

const BASE = "/api/v1/apps/{appId}/group-push/mappings";

export const groupPushRoutes: Array<[string, string, Handler]> = [
  [
    "POST",
    BASE,
    (org, request) => {
      const appId = request.params.appId;
      if (!org.apps.has(appId)) return notFound(appId, "AppInstance");
      const b = body(request);
      const source = org.groups.get(String(b.sourceGroupId ?? ""));
      if (!source) return notFound(String(b.sourceGroupId), "UserGroup");
      if (!org.scimConnections.has(appId)) return badRequest("Group Push is not enabled for this app: configure its provisioning first");
      if ([...org.groupPushMappings.values()].some((m) => m.appId === appId && m.sourceGroupId === source.id)) return badRequest(`sourceGroupId: a push mapping for group ${source.id} exists already`);
      const m: GroupPushMapping = {
        id: oktaId("gPm"),
        appId,
        sourceGroupId: source.id,
        targetGroupId: oktaId("00g"),
        targetGroupName: typeof b.targetGroupName === "string" && b.targetGroupName ? b.targetGroupName : source.name,
        status: b.status === "INACTIVE" ? "INACTIVE" : "ACTIVE",
        created: now(),
        lastUpdated: now(),
      };
      org.groupPushMappings.set(m.id, m);
      org.pushes.push(push(org, m));
      return json(200, mappingJson(org, m));
    },
  ],
  ["GET", BASE, (org, request) => json(200, [...org.groupPushMappings.values()].filter((m) => m.appId === request.params.appId).map((m) => mappingJson(org, m)))],
  ["GET", `${BASE}/{mappingId}`, withMapping((org, m) => json(200, mappingJson(org, m)))],
  [
    "PATCH",
    `${BASE}/{mappingId}`,
    withMapping((org, m, request) => {
      const status = body(request).status;
      if (status !== "ACTIVE" && status !== "INACTIVE") return badRequest("status: must be ACTIVE or INACTIVE");
      m.status = status;
      m.lastUpdated = now();
      if (status === "ACTIVE") org.pushes.push(push(org, m));
      return json(200, mappingJson(org, m));
    }),
  ],
  [
    "DELETE",
    `${BASE}/{mappingId}`,
    withMapping((org, m, request) => {
      if (m.status !== "INACTIVE") return badRequest("The group push mapping must be INACTIVE before it is deleted");
      // deleteTargetGroup=true would delete the pushed group in the app as well; the stack sends false.
      org.groupPushMappings.delete(m.id);
      org.deletedTargets.push({ mappingId: m.id, deleteTargetGroup: request.query.get("deleteTargetGroup") === "true" });
      return json(204);
    }),
  ],
];
