// The SCIM endpoint checks: the requests Okta sends, in Okta's order (provider-facts.md, "What Okta sends
// to a SCIM 2.0 server"). Message shapes are validated with scimmy; Okta is stricter than scimmy's
// lenient inbound parser on one point, integers in ListResponse, so that is checked here as well.
import SCIMMY from "scimmy";
import type { HttpClient, HttpOutcome } from "../http";
import { describeOutcome, bodyExcerpt } from "./describeOutcome";
import { type CheckResult, fail, pass } from "./result";

export const SCIM_CHECKS = {
  listUsers: "scim.list-users",
  filterUnknownUser: "scim.filter-unknown-user",
  createUser: "scim.create-user",
  createDuplicate: "scim.create-duplicate-conflict",
  getUser: "scim.get-user",
  deactivateUser: "scim.deactivate-user",
  wrongToken: "scim.wrong-token-rejected",
} as const;

export interface ScimCheckOptions {
  /** Run the checks that create a (blocked) test user. */
  write: boolean;
  /** Random suffix for the test user and the unknown-user filter (tests pass a fixed one). */
  nonce: string;
}

const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

type JsonRead = { ok: true; body: Record<string, unknown> } | { ok: false; detail: string };

/** Accepts the outcome only with the wanted status, a JSON media type and a JSON object body. */
export function readScimJson(outcome: HttpOutcome, wantStatus: number, scope: string): JsonRead {
  if (outcome.kind !== "response" || outcome.status !== wantStatus) {
    return { ok: false, detail: describeOutcome(outcome, scope, String(wantStatus)) };
  }
  const mediaType = outcome.contentType.split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/scim+json" && mediaType !== "application/json") {
    return { ok: false, detail: `content type "${outcome.contentType || "(none)"}", expected application/scim+json: ${bodyExcerpt(outcome.text)}` };
  }
  let body: unknown;
  try {
    body = JSON.parse(outcome.text);
  } catch {
    return { ok: false, detail: `body is not JSON: ${bodyExcerpt(outcome.text)}` };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, detail: `body is not a JSON object: ${bodyExcerpt(outcome.text)}` };
  }
  return { ok: true, body: body as Record<string, unknown> };
}

/** Okta's parser needs JSON numbers; scimmy's inbound parser also accepts "1", so check the raw types. */
function nonIntegerListFields(body: Record<string, unknown>): string[] {
  return ["totalResults", "startIndex", "itemsPerPage"].filter((key) => !Number.isInteger(body[key]));
}

/** Validates a ListResponse; returns a problem description, or undefined when it is sound. */
export function listResponseProblem(body: Record<string, unknown>): string | undefined {
  const badFields = nonIntegerListFields(body);
  if (badFields.length) {
    return `ListResponse ${badFields.map((k) => `${k}=${JSON.stringify(body[k])}`).join(", ")}: must be JSON integers (Okta rejects strings)`;
  }
  try {
    // Inbound parse: scimmy checks the schema id and that the counts are integers (strings allowed).
    new SCIMMY.Messages.ListResponse(body as unknown as SCIMMY.Messages.ListResponse);
  } catch (error) {
    return `not a SCIM ListResponse: ${(error as Error).message}`;
  }
  if (!Array.isArray(body.Resources) && body.totalResults !== 0) return "ListResponse has no Resources array";
  return undefined;
}

/** Validates a User resource with scimmy's core User schema; returns the problem, or undefined. */
export function userResourceProblem(body: Record<string, unknown>): string | undefined {
  try {
    new SCIMMY.Schemas.User(body, "in");
  } catch (error) {
    return `not a valid SCIM User: ${(error as Error).message}`;
  }
  if (typeof body.id !== "string" || !body.id) return "the User has no id";
  return undefined;
}

async function checkListUsers(http: HttpClient): Promise<CheckResult> {
  const read = readScimJson(await http.send({ method: "GET", path: "/Users?startIndex=1&count=2" }), 200, "get:users");
  if (!read.ok) return fail(SCIM_CHECKS.listUsers, read.detail);
  const problem = listResponseProblem(read.body);
  if (problem) return fail(SCIM_CHECKS.listUsers, problem);
  return pass(SCIM_CHECKS.listUsers, `200 ListResponse, totalResults ${read.body.totalResults} (what Okta's Test Connector Configuration does)`);
}

async function checkFilterUnknownUser(http: HttpClient, userName: string): Promise<CheckResult> {
  const filter = encodeURIComponent(`userName eq "${userName}"`);
  const read = readScimJson(await http.send({ method: "GET", path: `/Users?filter=${filter}&startIndex=1&count=100` }), 200, "get:users");
  if (!read.ok) return fail(SCIM_CHECKS.filterUnknownUser, read.detail);
  const problem = listResponseProblem(read.body);
  if (problem) return fail(SCIM_CHECKS.filterUnknownUser, problem);
  if (read.body.totalResults !== 0) {
    return fail(
      SCIM_CHECKS.filterUnknownUser,
      `filter userName eq "${userName}" returned totalResults ${read.body.totalResults}, expected 0: the server ignores the filter, so Okta would match every new user to an existing one`,
    );
  }
  return pass(SCIM_CHECKS.filterUnknownUser, "filter on an unknown userName returns totalResults 0");
}

/** The clearly named test user; externalId is Auth0's user id attribute, as Okta sends it. */
export function testUser(nonce: string) {
  const userName = `scim-verify-${nonce}@verify.invalid`;
  return {
    schemas: [USER_SCHEMA],
    userName,
    externalId: `scim-verify-${nonce}`,
    name: { givenName: "SCIM verify", familyName: "Test user (safe to delete)" },
    displayName: "SCIM verify test user (safe to delete)",
    emails: [{ value: userName, primary: true }],
    active: true,
  };
}

function removalHint(userName: string, id: string, state: "blocked" | "active" = "blocked"): string {
  return (
    `The test user ${userName} (id ${id}) stays in Auth0, ${state}: Okta never deletes users over SCIM. ` +
    `Remove it in the Auth0 Dashboard (User Management → Users → search "${userName}" → Delete) or with DELETE /api/v2/users/${encodeURIComponent(id)}.`
  );
}

/** POST, POST again, GET, PUT active:false, GET: Okta's create and deactivate sequence. */
async function writeChecks(http: HttpClient, nonce: string): Promise<CheckResult[]> {
  const user = testUser(nonce);
  const created = readScimJson(await http.send({ method: "POST", path: "/Users", body: user }), 201, "post:users");
  if (!created.ok) return [fail(SCIM_CHECKS.createUser, `POST /Users: ${created.detail}`)];
  const createdProblem = userResourceProblem(created.body);
  if (createdProblem) {
    // The user may exist all the same: say how to remove it whenever Auth0 gave an id.
    const leftBehind = typeof created.body.id === "string" ? ` ${removalHint(user.userName, created.body.id, "active")}` : "";
    return [fail(SCIM_CHECKS.createUser, `POST /Users returned 201 but ${createdProblem}.${leftBehind}`)];
  }
  const id = created.body.id as string;
  const results = [pass(SCIM_CHECKS.createUser, `201 with id ${id} for test user ${user.userName}`)];

  const again = await http.send({ method: "POST", path: "/Users", body: user });
  results.push(
    again.kind === "response" && again.status === 409
      ? pass(SCIM_CHECKS.createDuplicate, "the same POST again gets 409 Conflict")
      : fail(SCIM_CHECKS.createDuplicate, `the same POST again: ${describeOutcome(again, "post:users", "409")}`),
  );

  // Auth0 user ids contain "|": the id must be URL-encoded in the path.
  const userPath = `/Users/${encodeURIComponent(id)}`;
  const fetched = readScimJson(await http.send({ method: "GET", path: userPath }), 200, "get:users");
  const fetchedProblem = fetched.ok ? userResourceProblem(fetched.body) : fetched.detail;
  results.push(
    fetchedProblem
      ? fail(SCIM_CHECKS.getUser, `GET ${userPath}: ${fetchedProblem}`)
      : pass(SCIM_CHECKS.getUser, `GET ${userPath} returns the user`),
  );
  if (!fetched.ok || fetchedProblem) {
    results.push(fail(SCIM_CHECKS.deactivateUser, `not attempted: GET ${userPath} failed, so there is no user to PUT. ${removalHint(user.userName, id, "active")}`));
    return results;
  }

  const put = readScimJson(await http.send({ method: "PUT", path: userPath, body: { ...fetched.body, active: false } }), 200, "put:users");
  const after = put.ok ? readScimJson(await http.send({ method: "GET", path: userPath }), 200, "get:users") : put;
  if (!after.ok) {
    results.push(fail(SCIM_CHECKS.deactivateUser, `PUT active:false: ${after.detail}. ${removalHint(user.userName, id)}`));
  } else if (after.body.active !== false) {
    results.push(fail(SCIM_CHECKS.deactivateUser, `after PUT active:false the user reads active=${JSON.stringify(after.body.active)}. ${removalHint(user.userName, id)}`));
  } else {
    results.push(pass(SCIM_CHECKS.deactivateUser, `PUT active:false → 200, user now inactive. ${removalHint(user.userName, id)}`));
  }
  return results;
}

async function checkWrongToken(http: HttpClient, nonce: string): Promise<CheckResult> {
  const outcome = await http.send({ method: "GET", path: "/Users?startIndex=1&count=1", tokenOverride: `not-a-valid-token-${nonce}` });
  if (outcome.kind === "response" && outcome.status === 401) return pass(SCIM_CHECKS.wrongToken, "a wrong token gets 401");
  if (outcome.kind === "response" && outcome.status < 300) {
    return fail(SCIM_CHECKS.wrongToken, `a wrong token got ${outcome.status}: the endpoint accepts any token`);
  }
  return fail(SCIM_CHECKS.wrongToken, `a wrong token: ${describeOutcome(outcome, "get:users", "401")}`);
}

export async function runScimChecks(http: HttpClient, options: ScimCheckOptions): Promise<CheckResult[]> {
  const results = [await checkListUsers(http)];
  results.push(await checkFilterUnknownUser(http, `scim-verify-absent-${options.nonce}@verify.invalid`));
  if (options.write) results.push(...(await writeChecks(http, options.nonce)));
  results.push(await checkWrongToken(http, options.nonce));
  return results;
}
