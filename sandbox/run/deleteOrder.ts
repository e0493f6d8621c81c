// What the stand-ins' request log (kept in call order) must show when a connection's resources are
// deleted: Okta loses access first (its SCIM tokens), then nobody is unassigned while the connection
// still exists (Okta assignments before the Auth0 connection), and nothing of another connection is
// written to. Pure: the sandbox steps pass the calls and the ids they read from the stand-ins.
import type { LoggedCall } from "../log/requestLog";

/** One connection's ids at the stand-ins: the Auth0 connection and its two Okta apps. */
export interface ConnectionIds {
  name: string;
  connectionId: string;
  appIds: readonly string[];
  /** In a customer's Okta org: the stack declared no Okta app or assignment, so none is unassigned. */
  customerOrg?: boolean;
}

const TOKEN_DELETE = "/api/v2/connections/{id}/scim-configuration/tokens/{tokenId}";
const CONNECTION_DELETE = "/api/v2/connections/{id}";
const UNASSIGNMENTS = new Set(["/api/v1/apps/{appId}/groups/{groupId}", "/api/v1/apps/{appId}/users/{userId}"]);
/** Credential exchanges: a client logging in writes nothing. */
const LOG_INS = new Set(["POST /oauth/token", "POST /oauth2/v1/token"]);

/** A call that changes something at a stand-in (log-ins excepted). */
export function isWrite(call: LoggedCall): boolean {
  return call.method !== "GET" && !LOG_INS.has(`${call.method} ${call.route}`);
}

const segment = (path: string, id: string) => path.split("/").includes(id);
const appIdOf = (path: string) => path.split("/")[4];

export interface DeleteCalls {
  tokenDeletes: number[];
  unassignments: number[];
  connectionDeletes: number[];
}

/** Positions in `calls` of the deletes that concern one connection. */
export function deleteCalls(calls: readonly LoggedCall[], ids: ConnectionIds): DeleteCalls {
  const out: DeleteCalls = { tokenDeletes: [], unassignments: [], connectionDeletes: [] };
  calls.forEach((c, i) => {
    if (c.method !== "DELETE") return;
    if (c.service === "auth0" && c.route === TOKEN_DELETE && segment(c.path, ids.connectionId)) out.tokenDeletes.push(i);
    if (c.service === "auth0" && c.route === CONNECTION_DELETE && segment(c.path, ids.connectionId)) out.connectionDeletes.push(i);
    if (c.service === "okta" && UNASSIGNMENTS.has(c.route) && ids.appIds.includes(appIdOf(c.path))) out.unassignments.push(i);
  });
  return out;
}

/**
 * Problems with the order of one connection's deletes; empty when: the connection was deleted once,
 * after every Okta unassignment of its apps (at least one), and, with `tokensFirst`, every token of it
 * was deleted (at least one) before the first unassignment.
 */
export function deleteOrderProblems(calls: readonly LoggedCall[], ids: ConnectionIds, options: { tokensFirst: boolean }): string[] {
  const d = deleteCalls(calls, ids);
  const problems: string[] = [];
  if (d.connectionDeletes.length !== 1) problems.push(`${ids.name}: ${d.connectionDeletes.length} DELETE of the Auth0 connection (expected 1)`);
  if (!ids.customerOrg && d.unassignments.length === 0) problems.push(`${ids.name}: no Okta unassignment logged`);
  const connectionAt = d.connectionDeletes[0] ?? -1;
  const late = d.unassignments.filter((i) => i > connectionAt);
  if (connectionAt >= 0 && late.length > 0) problems.push(`${ids.name}: ${late.length} Okta unassignment(s) after the Auth0 connection DELETE`);
  if (options.tokensFirst) {
    if (d.tokenDeletes.length === 0) problems.push(`${ids.name}: no SCIM token DELETE logged`);
    const firstUnassignment = Math.min(...d.unassignments, connectionAt >= 0 ? connectionAt : Infinity);
    const lateTokens = d.tokenDeletes.filter((i) => i > firstUnassignment);
    if (lateTokens.length > 0) problems.push(`${ids.name}: ${lateTokens.length} SCIM token DELETE(s) after Okta began unassigning (or after the connection DELETE)`);
  }
  return problems;
}

/** Writes that reached another connection (its Auth0 connection or its Okta apps): none expected. */
export function writesTo(calls: readonly LoggedCall[], ids: ConnectionIds): LoggedCall[] {
  return calls.filter((c) => isWrite(c) && [ids.connectionId, ...ids.appIds].some((id) => segment(c.path, id)));
}

/** "1. auth0 DELETE /api/v2/connections/{id}" lines of the calls that matter, for a step's detail. */
export function describeSequence(calls: readonly LoggedCall[], ids: ConnectionIds): string {
  const d = deleteCalls(calls, ids);
  const kinds = new Map<number, string>([
    ...d.tokenDeletes.map((i) => [i, "token"] as const),
    ...d.unassignments.map((i) => [i, "unassign"] as const),
    ...d.connectionDeletes.map((i) => [i, "connection"] as const),
  ]);
  const runs: string[] = [];
  for (const [, kind] of [...kinds.entries()].sort(([a], [b]) => a - b)) {
    const last = runs[runs.length - 1];
    const m = last && /^(\w+)×(\d+)$/.exec(last);
    if (m && m[1] === kind) runs[runs.length - 1] = `${kind}×${Number(m[2]) + 1}`;
    else runs.push(`${kind}×1`);
  }
  return `${ids.name}: ${runs.join(" → ")}`;
}
