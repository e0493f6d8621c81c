// Okta read-back through the official `@okta/okta-sdk-nodejs` (v8) with an SSWS API token. The SDK's
// request executor gets our timeout and retry count (it retries 429s itself, using X-Rate-Limit-Reset).
import { Client, DefaultRequestExecutor } from "@okta/okta-sdk-nodejs";
import type { ListedOktaApp, OktaAppInfo, OktaMappingProperty, OktaReadBack } from "./checks/okta";
import { ReadBackError, callTranslatingErrors } from "./readBackError";

export interface OktaReadBackOptions {
  orgUrl: string;
  apiToken: string;
  timeoutMs: number;
  maxRetries: number;
}

/** The SDK throws OktaApiError/HttpError (status), ApiException (code) or node-fetch's FetchError. */
function toReadBackError(error: unknown, timeoutMs: number): ReadBackError {
  const e = error as { status?: unknown; code?: unknown; type?: unknown; errorSummary?: unknown; message?: unknown };
  const status = typeof e.status === "number" ? e.status : typeof e.code === "number" ? e.code : undefined;
  if (status !== undefined) {
    const summary = typeof e.errorSummary === "string" && e.errorSummary ? e.errorSummary : `HTTP ${status}`;
    return new ReadBackError(summary, status);
  }
  if (e.type === "request-timeout") return new ReadBackError(`no response within ${timeoutMs} ms`);
  if (typeof e.code === "string") return new ReadBackError(`cannot reach Okta (${e.code})`);
  return new ReadBackError(typeof e.message === "string" ? e.message.split("\n")[0] : String(error));
}

export function createOktaReadBack(options: OktaReadBackOptions): OktaReadBack {
  const client = new Client({
    orgUrl: options.orgUrl,
    token: options.apiToken,
    requestExecutor: new DefaultRequestExecutor({ requestTimeout: options.timeoutMs, maxRetries: options.maxRetries }),
  });
  const call = callTranslatingErrors((error) => toReadBackError(error, options.timeoutMs));
  return {
    app: (appId) =>
      call(async (): Promise<OktaAppInfo> => {
        const app = (await client.applicationApi.getApplication({ appId })) as {
          label?: string;
          features?: string[];
          settings?: { implicitAssignment?: boolean };
        };
        return { label: app.label ?? "", features: [...(app.features ?? [])], implicitAssignment: app.settings?.implicitAssignment === true };
      }),
    appsLabelled: (label) =>
      call(async () => {
        const apps: ListedOktaApp[] = [];
        for await (const app of await client.applicationApi.listApplications({ q: label })) {
          const a = app as { id?: string; label?: string; status?: string; created?: Date | string } | null;
          if (a?.id) apps.push({ id: a.id, label: a.label ?? "", status: a.status ?? "", ...(a.created ? { created: new Date(a.created).toISOString() } : {}) });
        }
        return apps;
      }),
    assignedGroupIds: (appId) =>
      call(async () => {
        const ids: string[] = [];
        for await (const assignment of await client.applicationApi.listApplicationGroupAssignments({ appId })) {
          if (assignment?.id) ids.push(assignment.id);
        }
        return ids;
      }),
    appUserSchemaAttributes: (appId) =>
      call(async () => {
        // Raw JSON, not the typed schemaApi: its model keeps only the property names of Okta's own user
        // schema and would drop an app's attributes.
        const schema = (await client.http.json(`${options.orgUrl}/api/v1/meta/schemas/apps/${encodeURIComponent(appId)}/default`)) as {
          definitions?: { base?: { properties?: Record<string, unknown> }; custom?: { properties?: Record<string, unknown> } };
        };
        const names = (part?: { properties?: Record<string, unknown> }) => Object.keys(part?.properties ?? {});
        return [...new Set([...names(schema.definitions?.base), ...names(schema.definitions?.custom)])];
      }),
    userToAppMapping: (appId) =>
      call(async () => {
        // The list has no properties; the mapping whose source is an Okta user type is the one Okta pushes with.
        for await (const mapping of await client.profileMappingApi.listProfileMappings({ targetId: appId })) {
          if (mapping?.source?.type !== "user" || !mapping.id) continue;
          const full = await client.profileMappingApi.getProfileMapping({ mappingId: mapping.id });
          const properties: Record<string, OktaMappingProperty> = {};
          for (const [name, p] of Object.entries(full.properties ?? {})) {
            properties[name] = { expression: p?.expression ?? "", pushStatus: p?.pushStatus };
          }
          return properties;
        }
        return undefined;
      }),
  };
}
