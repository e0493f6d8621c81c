// Okta and Auth0 API calls per resource, for `pulumi up` (create) and `pulumi refresh`, read from the
// terraform providers the Pulumi packages bridge:
// - terraform-provider-okta, okta/services/idaas/*.go at e59c130 (v6.12.0; @pulumi/okta 7.0.0 bridges
//   v7.0.0, which the reference mirror does not hold: re-check when it matters).
// - terraform-provider-auth0 v1.53.0, internal/auth0/connection/*.go (what @pulumi/auth0 3.49.0 bridges).
// Create = the provider's Create function, which ends with its Read. Refresh = Read. Lookups (invokes)
// run whenever the program runs: twice per `pulumi up` (preview, then update), not on `pulumi refresh`.
// Assumes an Okta org on Identity Engine and an SSWS API token (the bench config); OAuth service-app
// credentials skip the two groups-claim calls of okta.app.OAuth.
import type { RecordedInvoke, RecordedResource } from "./recording";

export type Api = "okta" | "auth0";

export interface CallCount {
  api: Api;
  create: number;
  refresh: number;
  /** Which calls, for the README table. */
  calls: string;
}

const OKTA_PAGE = 200; // utils.DefaultPaginationLimit

function groupCount(inputs: Record<string, unknown>): number {
  return Array.isArray(inputs.groups) ? inputs.groups.length : 0;
}

/** Per resource type: the calls one instance costs (some depend on its inputs). */
export const RESOURCE_CALLS: Record<string, (inputs: Record<string, unknown>) => CallCount> = {
  "okta:app/oAuth:OAuth": () => ({
    api: "okta",
    create: 6,
    refresh: 2,
    calls: "create: POST /apps, PUT groups claim (internal API, SSWS only), GET /policies?type=ACCESS_POLICY + PUT /apps/{id}/policies/{policy} (default access policy, OIE), then read; read: GET /apps/{id}, GET groups claim (SSWS only)",
  }),
  "okta:app/autoLogin:AutoLogin": () => ({ api: "okta", create: 2, refresh: 1, calls: "create: POST /apps, then read; read: GET /apps/{id}" }),
  "okta:index/appGroupAssignments:AppGroupAssignments": (inputs) => {
    const pages = Math.max(1, Math.ceil(groupCount(inputs) / OKTA_PAGE));
    return {
      api: "okta",
      create: groupCount(inputs) + pages,
      refresh: pages,
      calls: "create: PUT /apps/{id}/groups/{groupId} per group, then read; read: GET /apps/{id}/groups (200 per page)",
    };
  },
  "okta:index/appUserSchemaProperty:AppUserSchemaProperty": () => ({
    api: "okta",
    create: 3,
    refresh: 1,
    calls: "create: POST /meta/schemas/apps/{id}/default, GET it back (retried until the property shows), then read; read: GET the app schema",
  }),
  "okta:profile/mapping:Mapping": () => ({
    api: "okta",
    create: 4,
    refresh: 1,
    calls: "create: GET /mappings?sourceId&targetId, GET /mappings/{id}, POST /mappings/{id}, then read; read: GET /mappings/{id}",
  }),
  "auth0:index/connection:Connection": () => ({ api: "auth0", create: 2, refresh: 1, calls: "create: POST /connections, then read; read: GET /connections/{id}" }),
  "auth0:index/connectionClients:ConnectionClients": () => ({
    api: "auth0",
    create: 4,
    refresh: 2,
    calls: "create: GET /connections/{id}/clients (guard), PATCH …/clients, then read; read: GET …/clients, GET /connections/{id}?fields=strategy,name",
  }),
  "auth0:index/connectionScimConfiguration:ConnectionScimConfiguration": () => ({
    api: "auth0",
    create: 2,
    refresh: 1,
    calls: "create: POST /connections/{id}/scim-configuration, then read; read: GET it",
  }),
  // The project's own token resource (components/scimToken/lifecycle.ts): each provider call logs in
  // with client credentials (POST /oauth/token, Auth0's Authentication API) before its Management
  // API calls; create lists the tokens first so a failed create can find what it left behind.
  "pulumi-nodejs:dynamic/scimToken:ScimToken": () => ({
    api: "auth0",
    create: 3,
    refresh: 2,
    calls: "create: POST /oauth/token, GET …/scim-configuration/tokens, POST …/tokens; read: POST /oauth/token, GET …/tokens (list)",
  }),
};

/** Per lookup token: calls per program run. */
export const INVOKE_CALLS: Record<string, { api: Api; perRun: number; calls: string }> = {
  "okta:group/getGroup:getGroup": { api: "okta", perRun: 1, calls: "GET /groups?q={name} (groups given by id need no lookup)" },
  "okta:user/getUserType:getUserType": { api: "okta", perRun: 1, calls: "GET /meta/types/user (once per org; none with oktaOrgs[].defaultUserTypeId)" },
  "okta:user/getUser:getUser": { api: "okta", perRun: 1, calls: "GET /users/{id} or GET /users?search=profile.login eq … (skipRoles/skipGroups: no role or group calls)" },
};

/** Once per Okta provider per operation (cached in the provider process): GET /.well-known/okta-organization. */
export const OKTA_CALLS_PER_PROVIDER = 1;

export interface ApiEstimate {
  create: Record<Api, number>;
  refresh: Record<Api, number>;
  /** Resource types the table does not know (counted as 0): a reason to extend RESOURCE_CALLS. */
  unknownTypes: string[];
}

/** Calls for a whole recorded run; divide by the connection count for a per-connection figure. */
export function estimateApiCalls(resources: readonly RecordedResource[], invokes: readonly RecordedInvoke[]): ApiEstimate {
  const est: ApiEstimate = { create: { okta: 0, auth0: 0 }, refresh: { okta: 0, auth0: 0 }, unknownTypes: [] };
  for (const r of resources) {
    if (!r.custom) continue;
    if (r.type === "pulumi:providers:okta") {
      est.create.okta += OKTA_CALLS_PER_PROVIDER;
      est.refresh.okta += OKTA_CALLS_PER_PROVIDER;
      continue;
    }
    if (r.type.startsWith("pulumi:providers:")) continue;
    const count = RESOURCE_CALLS[r.type]?.(r.inputs);
    if (!count) {
      if (!est.unknownTypes.includes(r.type)) est.unknownTypes.push(r.type);
      continue;
    }
    est.create[count.api] += count.create;
    est.refresh[count.api] += count.refresh;
  }
  for (const i of invokes) {
    const known = INVOKE_CALLS[i.token];
    if (!known) {
      if (!est.unknownTypes.includes(i.token)) est.unknownTypes.push(i.token);
      continue;
    }
    // `pulumi up` runs the program twice (preview, update); `pulumi refresh` does not run it.
    est.create[known.api] += 2 * known.perRun;
  }
  return est;
}
