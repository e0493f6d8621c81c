// `verify --write --groups`: what Okta's Group Push sends to Auth0's /Groups (Auth0 "SCIM for
// Enterprise Groups", 2026-06): look the name up (filter displayName eq), create the group, refuse a
// second one of the same name (displayName is unique per connection), add and remove a member with
// PATCH (Okta's catalog apps; up to 1,000 members per PATCH), and delete it (what "Unlink pushed
// group → Delete the group in the target app" sends). The member is the test user `--write` made,
// so the group never holds anybody real; the group itself is deleted again at the end.
import type { HttpClient, HttpOutcome } from "../http";
import { PATCH_OP_URN } from "../oktaBodies";
import { describeOutcome } from "./describeOutcome";
import { type CheckResult, fail, pass } from "./result";
import { listResponseProblem, readScimJson } from "./scim";

export const GROUP_CHECKS = {
  filterUnknownGroup: "scim.groups-filter-unknown-name",
  createGroup: "scim.groups-create",
  duplicateName: "scim.groups-duplicate-name-conflict",
  filterByName: "scim.groups-filter-display-name",
  patchMembers: "scim.groups-patch-members",
  deleteGroup: "scim.groups-delete",
} as const;

export const SCIM_GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";

/** The test group's name: clearly ours, unique per run. */
export function testGroupName(nonce: string): string {
  return `scim-verify-group-${nonce}`;
}

export interface GroupCheckOptions {
  nonce: string;
  /** The test user `--write` created: the member added and removed. */
  member: { id: string; userName: string };
}

const memberIds = (group: Record<string, unknown>): string[] =>
  Array.isArray(group.members) ? (group.members as Record<string, unknown>[]).map((m) => String(m?.value)) : [];

function leftBehindHint(id: string, name: string): string {
  return ` The test group "${name}" (id ${id}) may still exist: delete it with DELETE /Groups/${encodeURIComponent(id)} using a token with delete:groups.`;
}

/** A PATCH or DELETE may answer 200 with the resource or 204 without a body: both are success. */
const succeeded = (outcome: HttpOutcome, statuses: readonly number[]) => outcome.kind === "response" && statuses.includes(outcome.status);

async function findByName(http: HttpClient, name: string) {
  const filter = encodeURIComponent(`displayName eq "${name}"`);
  const read = readScimJson(await http.send({ method: "GET", path: `/Groups?filter=${filter}&startIndex=1&count=100` }), 200, "get:groups");
  if (!read.ok) return { problem: read.detail } as const;
  const problem = listResponseProblem(read.body);
  if (problem) return { problem } as const;
  const resources = Array.isArray(read.body.Resources) ? (read.body.Resources as Record<string, unknown>[]) : [];
  return { totalResults: read.body.totalResults, ids: resources.map((r) => String(r?.id)) } as const;
}

async function membersNow(http: HttpClient, path: string): Promise<{ ids: string[] } | { problem: string }> {
  const read = readScimJson(await http.send({ method: "GET", path }), 200, "get:groups");
  return read.ok ? { ids: memberIds(read.body) } : { problem: read.detail };
}

async function patchMembers(http: HttpClient, path: string, member: GroupCheckOptions["member"]): Promise<CheckResult> {
  const add = { schemas: [PATCH_OP_URN], Operations: [{ op: "add", path: "members", value: [{ value: member.id, display: member.userName }] }] };
  const added = await http.send({ method: "PATCH", path, body: add });
  if (!succeeded(added, [200, 204])) return fail(GROUP_CHECKS.patchMembers, `PATCH add member: ${describeOutcome(added, "patch:groups", "200 or 204")}`);
  const afterAdd = await membersNow(http, path);
  if ("problem" in afterAdd) return fail(GROUP_CHECKS.patchMembers, `GET ${path} after adding the member: ${afterAdd.problem}`);
  if (!afterAdd.ids.includes(member.id)) return fail(GROUP_CHECKS.patchMembers, `after PATCH add, the group's members are ${JSON.stringify(afterAdd.ids)}: the test user ${member.id} is missing`);

  const remove = { schemas: [PATCH_OP_URN], Operations: [{ op: "remove", path: `members[value eq "${member.id}"]` }] };
  const removed = await http.send({ method: "PATCH", path, body: remove });
  if (!succeeded(removed, [200, 204])) return fail(GROUP_CHECKS.patchMembers, `PATCH remove member: ${describeOutcome(removed, "patch:groups", "200 or 204")}`);
  const afterRemove = await membersNow(http, path);
  if ("problem" in afterRemove) return fail(GROUP_CHECKS.patchMembers, `GET ${path} after removing the member: ${afterRemove.problem}`);
  if (afterRemove.ids.includes(member.id)) return fail(GROUP_CHECKS.patchMembers, `after PATCH remove, the test user ${member.id} is still a member`);
  return pass(GROUP_CHECKS.patchMembers, "PATCH add and PATCH remove of a member are applied, as GET shows");
}

async function deleteGroup(http: HttpClient, path: string, id: string, name: string): Promise<CheckResult> {
  const deleted = await http.send({ method: "DELETE", path });
  if (!succeeded(deleted, [204, 200])) return fail(GROUP_CHECKS.deleteGroup, `DELETE ${path}: ${describeOutcome(deleted, "delete:groups", "204")}.${leftBehindHint(id, name)}`);
  const after = await http.send({ method: "GET", path });
  if (after.kind !== "response" || after.status !== 404) {
    return fail(GROUP_CHECKS.deleteGroup, `GET after DELETE: ${after.kind === "response" ? `HTTP ${after.status}` : describeOutcome(after, "get:groups", "404")}, expected 404.${leftBehindHint(id, name)}`);
  }
  return pass(GROUP_CHECKS.deleteGroup, `DELETE ${path} → ${deleted.kind === "response" ? deleted.status : "?"}, then GET → 404`);
}

/** Look-up, create, duplicate, filter, PATCH members, delete: in Group Push's order. */
export async function groupChecks(http: HttpClient, options: GroupCheckOptions): Promise<CheckResult[]> {
  const name = testGroupName(options.nonce);
  const results: CheckResult[] = [];

  // Before it creates a group, Okta looks for one of that name to link instead.
  const before = await findByName(http, name);
  if ("problem" in before) return [fail(GROUP_CHECKS.filterUnknownGroup, `filter displayName eq "${name}": ${before.problem}`)];
  if (before.totalResults !== 0) return [fail(GROUP_CHECKS.filterUnknownGroup, `filter displayName eq "${name}" (no such group yet) returned totalResults ${JSON.stringify(before.totalResults)}, expected 0: Okta would link the wrong group`)];

  const body = { schemas: [SCIM_GROUP_URN], displayName: name, members: [] };
  const created = readScimJson(await http.send({ method: "POST", path: "/Groups", body }), 201, "post:groups");
  if (!created.ok) return [...results, fail(GROUP_CHECKS.createGroup, `POST /Groups: ${created.detail}`)];
  const id = created.body.id;
  if (typeof id !== "string" || id === "") return [...results, fail(GROUP_CHECKS.createGroup, "POST /Groups returned 201 without an id")];
  if (created.body.displayName !== name) {
    return [...results, fail(GROUP_CHECKS.createGroup, `POST /Groups returned displayName ${JSON.stringify(created.body.displayName)} for "${name}".${leftBehindHint(id, name)}`)];
  }
  results.push(pass(GROUP_CHECKS.createGroup, `201 with id ${id} and the displayName sent`));
  const path = `/Groups/${encodeURIComponent(id)}`;

  const again = await http.send({ method: "POST", path: "/Groups", body });
  const duplicateId = again.kind === "response" && again.status === 201 ? (JSON.parse(again.text || "{}") as { id?: unknown }).id : undefined;
  // A server that made a second group: remove it too, so the run leaves nothing behind.
  if (typeof duplicateId === "string" && duplicateId !== id) await http.send({ method: "DELETE", path: `/Groups/${encodeURIComponent(duplicateId)}` });
  results.push(
    again.kind === "response" && again.status === 409
      ? pass(GROUP_CHECKS.duplicateName, "a second group of the same displayName gets 409 Conflict")
      : fail(GROUP_CHECKS.duplicateName, `a second POST of the same displayName: ${describeOutcome(again, "post:groups", "409")} (displayName must be unique per connection)`),
  );

  // Asked again once a group exists: a server that ignores the filter lists it for any name.
  const absent = `${name}-absent`;
  const other = await findByName(http, absent);
  results.push(
    "problem" in other
      ? fail(GROUP_CHECKS.filterUnknownGroup, `filter displayName eq "${absent}": ${other.problem}`)
      : other.totalResults === 0
        ? pass(GROUP_CHECKS.filterUnknownGroup, "filter on a displayName that does not exist returns totalResults 0, before and after the test group exists")
        : fail(GROUP_CHECKS.filterUnknownGroup, `filter displayName eq "${absent}" returned totalResults ${JSON.stringify(other.totalResults)} while only "${name}" exists: the filter is ignored, so Okta would link the wrong group`),
  );

  const found = await findByName(http, name);
  results.push(
    "problem" in found
      ? fail(GROUP_CHECKS.filterByName, `filter displayName eq "${name}": ${found.problem}`)
      : found.totalResults === 1 && found.ids[0] === id
        ? pass(GROUP_CHECKS.filterByName, `filter displayName eq "${name}" finds exactly the test group`)
        : fail(GROUP_CHECKS.filterByName, `filter displayName eq "${name}" returned totalResults ${JSON.stringify(found.totalResults)} (ids ${JSON.stringify(found.ids)}), expected exactly ${id}`),
  );

  results.push(await patchMembers(http, path, options.member));
  results.push(await deleteGroup(http, path, id, name));
  return results;
}
