// `verify --write`: Okta's user lifecycle against the endpoint, with the bodies Okta sends (see
// ../oktaBodies.ts), and the checks of Okta's CRUD tests on the way: create (values echoed back), 409
// on a second create, read, non-empty list and uppercase userName filter, profile update (GET then
// PUT of the full user), deactivation and re-activation (PUT for custom apps, PATCH for catalog apps),
// and, with Management API credentials, what Auth0 stored of each body. The test user is left
// deactivated (blocked in Auth0): Okta never deletes users over SCIM.
import type { HttpClient, HttpRequest } from "../http";
import { activePatch, limitToAppAttributes, oktaUserBody, type ScimUserBody } from "../oktaBodies";
import { AUTH0_CHECKS } from "./auth0";
import { describeOutcome } from "./describeOutcome";
import { type CheckResult, fail, pass } from "./result";
import { readScimJson, SCIM_CHECKS, userResourceProblem, type ScimAppKind, type StoredUserReader } from "./scim";
import { compareStoredUser, storedUserCheck } from "./storedUser";
import { roundTripCheck } from "./roundTrip";

/** Collects every ListResponse seen, for Okta's rule "itemsPerPage = number of Resources returned". */
export class ListPageRecorder {
  private readonly pages: { label: string; itemsPerPage: unknown; returned: number }[] = [];

  record(label: string, body: Record<string, unknown>): void {
    const returned = Array.isArray(body.Resources) ? body.Resources.length : 0;
    this.pages.push({ label, itemsPerPage: body.itemsPerPage, returned });
  }

  /** Fails on any page whose itemsPerPage differs from its Resources count (Okta's review rejects it). */
  result(): CheckResult {
    if (this.pages.length === 0) return fail(SCIM_CHECKS.itemsPerPage, "no ListResponse was returned to check");
    const wrong = this.pages.filter((p) => p.itemsPerPage !== p.returned);
    if (wrong.length) {
      const list = wrong.map((p) => `${p.label}: itemsPerPage ${JSON.stringify(p.itemsPerPage)} for ${p.returned} resource(s)`);
      return fail(SCIM_CHECKS.itemsPerPage, `${list.join("; ")}: itemsPerPage must be the number of Resources in the page`);
    }
    return pass(SCIM_CHECKS.itemsPerPage, `itemsPerPage equals the number of returned Resources in all ${this.pages.length} list response(s)`);
  }
}

export interface WriteOptions {
  nonce: string;
  appKind: ScimAppKind;
  auth0Users?: StoredUserReader;
  /** The SCIM app's captured attributes (the connection's scimAppAttributes output), when known. */
  appAttributes?: readonly string[] | null;
}

function removalHint(userName: string, id: string, state: "blocked" | "active" = "blocked"): string {
  return (
    `The test user ${userName} (id ${id}) stays in Auth0, ${state}: Okta never deletes users over SCIM. ` +
    `Remove it in the Auth0 Dashboard (User Management → Users → search "${userName}" → Delete) or with DELETE /api/v2/users/${encodeURIComponent(id)}.`
  );
}

const get = (object: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((o, k) => (o !== null && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), object);

const primaryEmail = (user: Record<string, unknown>): unknown => {
  const emails = Array.isArray(user.emails) ? (user.emails as Record<string, unknown>[]) : [];
  return (emails.find((e) => e?.primary === true) ?? emails[0])?.value;
};

/** The values Okta's CRUD test compares between what it sent and what came back. */
function echoMismatches(sent: ScimUserBody, returned: Record<string, unknown>, fields: readonly string[]): string[] {
  const out: string[] = [];
  for (const field of fields) {
    const want = field === "emails" ? primaryEmail(sent) : get(sent, field);
    const got = field === "emails" ? primaryEmail(returned) : get(returned, field);
    if (JSON.stringify(want) !== JSON.stringify(got)) out.push(`${field}: sent ${JSON.stringify(want)}, got ${got === undefined ? "nothing" : JSON.stringify(got)}`);
  }
  return out;
}

const ECHOED_ON_CREATE = ["userName", "externalId", "name.givenName", "name.familyName", "emails", "active"] as const;
const COMPARED_AFTER_UPDATE = ["name.familyName", "displayName"] as const;

class Sequence {
  readonly results: CheckResult[] = [];
  constructor(
    readonly http: HttpClient,
    readonly options: WriteOptions,
    readonly pages: ListPageRecorder,
  ) {}

  async json(request: HttpRequest, status: number, scope: string) {
    return readScimJson(await this.http.send(request), status, scope);
  }

  /** Reads the stored Auth0 user and compares it with the body just sent (only with credentials). */
  async storedUser(checkId: string, stage: string, id: string, sent: ScimUserBody): Promise<void> {
    const reader = this.options.auth0Users;
    if (!reader) return;
    try {
      const stored = await reader.user(id);
      this.results.push(storedUserCheck(checkId, stage, compareStoredUser(sent, stored, reader.mapping)));
    } catch (error) {
      this.results.push(fail(checkId, `GET /api/v2/users/${encodeURIComponent(id)}: ${(error as Error).message} (the Management API client needs read:users)`));
    }
  }

  /** Okta's (de)activation: GET then PUT of the full user (custom app), or a PATCH (catalog app). */
  async setActive(id: string, profile: ScimUserBody, active: boolean): Promise<string | undefined> {
    const path = `/Users/${encodeURIComponent(id)}`;
    if (this.options.appKind === "catalog") {
      const patched = await this.json({ method: "PATCH", path, body: activePatch(active) }, 200, "patch:users");
      if (!patched.ok) return `PATCH active:${active}: ${patched.detail}`;
    } else {
      const before = await this.json({ method: "GET", path }, 200, "get:users");
      if (!before.ok) return `GET before PUT active:${active}: ${before.detail}`;
      const put = await this.json({ method: "PUT", path, body: { ...profile, id, active } }, 200, "put:users");
      if (!put.ok) return `PUT active:${active}: ${put.detail}`;
    }
    const after = await this.json({ method: "GET", path }, 200, "get:users");
    if (!after.ok) return `GET after setting active:${active}: ${after.detail}`;
    if (after.body.active !== active) return `after setting active:${active} the user reads active=${JSON.stringify(after.body.active)}`;
    return undefined;
  }

  verb(active: boolean): string {
    return this.options.appKind === "catalog" ? `PATCH active:${active}` : `GET then PUT active:${active}`;
  }
}

async function listChecks(seq: Sequence, id: string, userName: string): Promise<void> {
  const { http } = seq;
  const problems: string[] = [];
  const page = readScimJson(await http.send({ method: "GET", path: "/Users?startIndex=1&count=2" }), 200, "get:users");
  if (!page.ok) problems.push(`GET /Users?startIndex=1&count=2: ${page.detail}`);
  else {
    seq.pages.record("GET /Users?startIndex=1&count=2 with the test user", page.body);
    const resources = Array.isArray(page.body.Resources) ? (page.body.Resources as Record<string, unknown>[]) : [];
    if (resources.length === 0) problems.push(`GET /Users?startIndex=1&count=2 returned no Resources (totalResults ${JSON.stringify(page.body.totalResults)}) although the test user exists`);
    for (const r of resources) {
      const missing = ["id", "userName", "schemas"].filter((k) => r?.[k] === undefined);
      if (missing.length) problems.push(`a listed resource lacks ${missing.join(", ")}`);
    }
  }
  const filter = encodeURIComponent(`userName eq "${userName}"`);
  const found = readScimJson(await http.send({ method: "GET", path: `/Users?filter=${filter}&startIndex=1&count=100` }), 200, "get:users");
  if (!found.ok) problems.push(`filter on the test user's userName: ${found.detail}`);
  else {
    seq.pages.record("the test user's userName filter", found.body);
    const [first] = Array.isArray(found.body.Resources) ? (found.body.Resources as Record<string, unknown>[]) : [];
    if (found.body.totalResults !== 1 || first?.id !== id) problems.push(`filter on the test user's userName returned totalResults ${JSON.stringify(found.body.totalResults)}, expected exactly the test user`);
    else {
      const missing = ["name.givenName", "name.familyName", "emails", "active"].filter((k) => (k === "emails" ? primaryEmail(first) : get(first, k)) === undefined);
      if (missing.length) problems.push(`the listed test user lacks ${missing.join(", ")}`);
    }
  }
  seq.results.push(
    problems.length
      ? fail(SCIM_CHECKS.listNonEmpty, problems.join("; "))
      : pass(SCIM_CHECKS.listNonEmpty, "the list and the userName filter return the test user with id, userName, name, emails and active"),
  );

  const upper = encodeURIComponent(`userName eq "${userName.toUpperCase()}"`);
  const upperRead = readScimJson(await http.send({ method: "GET", path: `/Users?filter=${upper}&startIndex=1&count=100` }), 200, "get:users");
  if (!upperRead.ok) seq.results.push(fail(SCIM_CHECKS.filterUppercase, `filter on the upper-cased userName: ${upperRead.detail}`));
  else {
    seq.pages.record("the upper-cased userName filter", upperRead.body);
    const [first] = Array.isArray(upperRead.body.Resources) ? (upperRead.body.Resources as Record<string, unknown>[]) : [];
    seq.results.push(
      upperRead.body.totalResults === 1 && first?.id === id
        ? pass(SCIM_CHECKS.filterUppercase, "filter userName eq the upper-cased userName finds the test user (userName is case-insensitive)")
        : fail(
            SCIM_CHECKS.filterUppercase,
            `filter userName eq "${userName.toUpperCase()}" returned totalResults ${JSON.stringify(upperRead.body.totalResults)}, expected the test user: userName must match case-insensitively, or Okta creates a duplicate when the case differs`,
          ),
    );
  }
}

async function updateCheck(seq: Sequence, id: string, updated: ScimUserBody): Promise<boolean> {
  const path = `/Users/${encodeURIComponent(id)}`;
  // Okta reads the user, then PUTs its whole profile (with the id): the body Auth0 must accept.
  const before = await seq.json({ method: "GET", path }, 200, "get:users");
  if (!before.ok) {
    seq.results.push(fail(SCIM_CHECKS.updateProfile, `GET ${path} before the update: ${before.detail}`));
    return false;
  }
  const put = await seq.json({ method: "PUT", path, body: { ...updated, id } }, 200, "put:users");
  if (!put.ok) {
    seq.results.push(fail(SCIM_CHECKS.updateProfile, `PUT ${path} with Okta's updated profile: ${put.detail}`));
    return false;
  }
  const after = await seq.json({ method: "GET", path }, 200, "get:users");
  const problems = after.ok ? echoMismatches(updated, after.body, COMPARED_AFTER_UPDATE) : [`GET after the update: ${after.detail}`];
  seq.results.push(
    problems.length
      ? fail(SCIM_CHECKS.updateProfile, `profile update not applied: ${problems.join("; ")}`)
      : pass(SCIM_CHECKS.updateProfile, `GET then PUT of the full user → 200, and GET shows the new ${COMPARED_AFTER_UPDATE.join(", ")}`),
  );
  if (after.ok) seq.results.push(roundTripCheck(SCIM_CHECKS.roundTripAfterUpdate, `${path} after the PUT of the updated profile`, updated, after.body));
  return true;
}

export interface WriteOutcome {
  results: CheckResult[];
  /** The test user, once it exists and reads back: what the Groups checks use as a member. */
  testUser?: { id: string; userName: string };
}

/** Create, duplicate, read, list, update, deactivate, reactivate, deactivate again. */
export async function writeChecks(http: HttpClient, options: WriteOptions, pages: ListPageRecorder): Promise<WriteOutcome> {
  const seq = new Sequence(http, options, pages);
  const customPaths = options.auth0Users?.mapping.map((m) => m.scim) ?? [];
  const user = limitToAppAttributes(oktaUserBody(options.nonce, "create", customPaths), options.appAttributes);
  const userName = user.userName as string;
  const created = await seq.json({ method: "POST", path: "/Users", body: user }, 201, "post:users");
  if (!created.ok) return { results: [fail(SCIM_CHECKS.createUser, `POST /Users: ${created.detail}`)] };
  const createdProblem = userResourceProblem(created.body);
  if (createdProblem) {
    // The user may exist all the same: say how to remove it whenever Auth0 gave an id.
    const leftBehind = typeof created.body.id === "string" ? ` ${removalHint(userName, created.body.id, "active")}` : "";
    return { results: [fail(SCIM_CHECKS.createUser, `POST /Users returned 201 but ${createdProblem}.${leftBehind}`)] };
  }
  const id = created.body.id as string;
  seq.results.push(pass(SCIM_CHECKS.createUser, `201 with id ${id} for test user ${userName}`));
  const echo = echoMismatches(user, created.body, ECHOED_ON_CREATE);
  seq.results.push(
    echo.length
      ? fail(SCIM_CHECKS.createEchoes, `the 201 body does not echo what was sent: ${echo.join("; ")}`)
      : pass(SCIM_CHECKS.createEchoes, `the 201 body echoes ${ECHOED_ON_CREATE.join(", ")}`),
  );

  const again = await http.send({ method: "POST", path: "/Users", body: user });
  seq.results.push(
    again.kind === "response" && again.status === 409
      ? pass(SCIM_CHECKS.createDuplicate, "the same POST again gets 409 Conflict")
      : fail(SCIM_CHECKS.createDuplicate, `the same POST again: ${describeOutcome(again, "post:users", "409")}`),
  );

  // Auth0 user ids contain "|": the id must be URL-encoded in the path.
  const userPath = `/Users/${encodeURIComponent(id)}`;
  const fetched = await seq.json({ method: "GET", path: userPath }, 200, "get:users");
  const fetchedProblem = fetched.ok ? userResourceProblem(fetched.body) : fetched.detail;
  seq.results.push(fetchedProblem ? fail(SCIM_CHECKS.getUser, `GET ${userPath}: ${fetchedProblem}`) : pass(SCIM_CHECKS.getUser, `GET ${userPath} returns the user`));
  if (fetchedProblem) {
    seq.results.push(fail(SCIM_CHECKS.deactivateUser, `not attempted: GET ${userPath} failed, so there is no user to PUT. ${removalHint(userName, id, "active")}`));
    return { results: seq.results };
  }
  const testUser = { id, userName };
  if (fetched.ok) seq.results.push(roundTripCheck(SCIM_CHECKS.roundTripAfterCreate, `${userPath} after POST /Users`, user, fetched.body));
  await seq.storedUser(AUTH0_CHECKS.storedAfterCreate, "after POST /Users", id, user);
  await listChecks(seq, id, userName);

  const updated = limitToAppAttributes(oktaUserBody(options.nonce, "update", customPaths), options.appAttributes);
  if (await updateCheck(seq, id, updated)) await seq.storedUser(AUTH0_CHECKS.storedAfterUpdate, "after the PUT of the updated profile", id, updated);

  const deactivated = await seq.setActive(id, updated, false);
  if (deactivated) {
    seq.results.push(fail(SCIM_CHECKS.deactivateUser, `${deactivated}. ${removalHint(userName, id, "active")}`));
    return { results: seq.results, testUser };
  }
  seq.results.push(pass(SCIM_CHECKS.deactivateUser, `${seq.verb(false)} → 200, user now inactive. ${removalHint(userName, id)}`));

  const reactivated = await seq.setActive(id, updated, true);
  // Leave the user as Okta would after a deactivation: blocked.
  const final = reactivated ? undefined : await seq.setActive(id, updated, false);
  const state = reactivated || final === undefined ? "blocked" : "active";
  const hint = removalHint(userName, id, state);
  if (reactivated) seq.results.push(fail(SCIM_CHECKS.reactivateUser, `${reactivated}. ${hint}`));
  else if (final) seq.results.push(fail(SCIM_CHECKS.reactivateUser, `re-activation worked, but deactivating again failed: ${final}. ${hint}`));
  else seq.results.push(pass(SCIM_CHECKS.reactivateUser, `${seq.verb(true)} → 200, user active again; deactivated again afterwards. ${hint}`));
  return { results: seq.results, testUser };
}
