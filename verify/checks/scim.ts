// The SCIM endpoint checks: the requests Okta sends, in Okta's order (provider-facts.md, "What Okta sends
// to a SCIM 2.0 server"). Message shapes are validated with scimmy; Okta is stricter than scimmy's
// lenient inbound parser on one point, integers in ListResponse, so that is checked here as well.
import SCIMMY from "scimmy";
import type { HttpClient, HttpOutcome } from "../http";
import { describeOutcome, bodyExcerpt } from "./describeOutcome";
import { type CheckResult, fail, pass, warn } from "./result";
import type { ScimMappingPair } from "./storedUser";
import { ListPageRecorder, writeChecks } from "./scimWrite";
import { GROUP_CHECKS, groupChecks } from "./scimGroups";

export const SCIM_CHECKS = {
  listUsers: "scim.list-users",
  filterUnknownUser: "scim.filter-unknown-user",
  createUser: "scim.create-user",
  createDuplicate: "scim.create-duplicate-conflict",
  getUser: "scim.get-user",
  deactivateUser: "scim.deactivate-user",
  wrongToken: "scim.wrong-token-rejected",
  // The checks of Okta's own SCIM 2.0 spec and CRUD tests (see okta.ts in this folder for the rules).
  unknownUser404: "scim.unknown-user-404",
  unauthorizedBody: "scim.unauthorized-error-body",
  itemsPerPage: "scim.list-items-per-page",
  createEchoes: "scim.create-echoes-values",
  listNonEmpty: "scim.list-users-non-empty",
  filterUppercase: "scim.filter-uppercase-username",
  updateProfile: "scim.update-user-profile",
  reactivateUser: "scim.reactivate-user",
  // Every value sent comes back on GET (./roundTrip.ts): drops seen with the SCIM token alone.
  roundTripAfterCreate: "scim.get-returns-sent-values-after-create",
  roundTripAfterUpdate: "scim.get-returns-sent-values-after-update",
} as const;

export interface ScimCheckOptions {
  /** Run the checks that create a (blocked) test user. */
  write: boolean;
  /** Random suffix for the test user and the unknown-user filter (tests pass a fixed one). */
  nonce: string;
  /**
   * How Okta talks to this endpoint: a custom app (the stack's SWA app) updates and (de)activates with
   * GET then PUT of the full user; an app from Okta's catalog (de)activates with PATCH.
   */
  appKind?: ScimAppKind;
  /** With Management API credentials: reads the stored Auth0 user back (see ./storedUser.ts). */
  auth0Users?: StoredUserReader;
  /** The SCIM app's captured attributes: Okta sends nothing the app lacks, so neither does --write. */
  appAttributes?: readonly string[] | null;
  /** With `write`: also Group Push's requests to /Groups (./scimGroups.ts), the test user as member. */
  groups?: boolean;
}

export type ScimAppKind = "custom" | "catalog";

export interface StoredUserReader {
  /** The connection's SCIM mapping, as the Management API returns it. */
  mapping: readonly ScimMappingPair[];
  user(userId: string): Promise<Record<string, unknown>>;
}

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

async function checkListUsers(http: HttpClient, pages: ListPageRecorder): Promise<CheckResult> {
  const read = readScimJson(await http.send({ method: "GET", path: "/Users?startIndex=1&count=2" }), 200, "get:users");
  if (!read.ok) return fail(SCIM_CHECKS.listUsers, read.detail);
  const problem = listResponseProblem(read.body);
  if (problem) return fail(SCIM_CHECKS.listUsers, problem);
  pages.record("GET /Users?startIndex=1&count=2", read.body);
  return pass(SCIM_CHECKS.listUsers, `200 ListResponse, totalResults ${read.body.totalResults} (what Okta's Test Connector Configuration does)`);
}

async function checkFilterUnknownUser(http: HttpClient, userName: string, pages: ListPageRecorder): Promise<CheckResult> {
  const filter = encodeURIComponent(`userName eq "${userName}"`);
  const read = readScimJson(await http.send({ method: "GET", path: `/Users?filter=${filter}&startIndex=1&count=100` }), 200, "get:users");
  if (!read.ok) return fail(SCIM_CHECKS.filterUnknownUser, read.detail);
  const problem = listResponseProblem(read.body);
  if (problem) return fail(SCIM_CHECKS.filterUnknownUser, problem);
  pages.record("the unknown-userName filter", read.body);
  if (read.body.totalResults !== 0) {
    return fail(
      SCIM_CHECKS.filterUnknownUser,
      `filter userName eq "${userName}" returned totalResults ${read.body.totalResults}, expected 0: the server ignores the filter, so Okta would match every new user to an existing one`,
    );
  }
  return pass(SCIM_CHECKS.filterUnknownUser, "filter on an unknown userName returns totalResults 0");
}

export const SCIM_ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";

/**
 * Okta's spec: errors are SCIM Error messages (RFC 7644 §3.12) whose `status` is the HTTP status as a
 * string. Fails when the body is not such a message; warns when only `status` is a number.
 */
export function scimErrorBodyResult(checkId: string, outcome: HttpOutcome, status: number, what: string): CheckResult {
  if (outcome.kind !== "response" || outcome.status !== status) return fail(checkId, `${what}: ${describeOutcome(outcome, "get:users", String(status))}`);
  let body: unknown;
  try {
    body = JSON.parse(outcome.text);
  } catch {
    return fail(checkId, `${what} → ${status}, but the body is not JSON (Okta expects a SCIM Error message): ${bodyExcerpt(outcome.text)}`);
  }
  const schemas = (body as { schemas?: unknown })?.schemas;
  if (!Array.isArray(schemas) || !schemas.includes(SCIM_ERROR_URN)) {
    return fail(checkId, `${what} → ${status}, but the body is not a SCIM Error message (schemas lacks ${SCIM_ERROR_URN}): ${bodyExcerpt(outcome.text)}`);
  }
  const given = (body as { status?: unknown }).status;
  if (given === String(status)) return pass(checkId, `${what} → ${status} with a SCIM Error body (status "${status}")`);
  return warn(checkId, `${what} → ${status} with a SCIM Error body, but its status is ${JSON.stringify(given)}; RFC 7644 and Okta's spec want the string "${status}"`);
}

async function checkUnknownUser(http: HttpClient, nonce: string): Promise<CheckResult> {
  const path = `/Users/${encodeURIComponent(`okta|scim-verify-absent-${nonce}`)}`;
  return scimErrorBodyResult(SCIM_CHECKS.unknownUser404, await http.send({ method: "GET", path }), 404, `GET ${path} (an id that does not exist)`);
}

/** The same request judges both the status (anyone may connect?) and Okta's expected 401 body. */
async function checkWrongToken(http: HttpClient, nonce: string): Promise<CheckResult[]> {
  const outcome = await http.send({ method: "GET", path: "/Users?startIndex=1&count=1", tokenOverride: `not-a-valid-token-${nonce}` });
  const body = scimErrorBodyResult(SCIM_CHECKS.unauthorizedBody, outcome, 401, "a wrong token");
  if (outcome.kind === "response" && outcome.status === 401) return [pass(SCIM_CHECKS.wrongToken, "a wrong token gets 401"), body];
  if (outcome.kind === "response" && outcome.status < 300) {
    return [fail(SCIM_CHECKS.wrongToken, `a wrong token got ${outcome.status}: the endpoint accepts any token`), body];
  }
  return [fail(SCIM_CHECKS.wrongToken, `a wrong token: ${describeOutcome(outcome, "get:users", "401")}`), body];
}

export async function runScimChecks(http: HttpClient, options: ScimCheckOptions): Promise<CheckResult[]> {
  const pages = new ListPageRecorder();
  const results = [await checkListUsers(http, pages)];
  results.push(await checkFilterUnknownUser(http, `scim-verify-absent-${options.nonce}@verify.invalid`, pages));
  results.push(await checkUnknownUser(http, options.nonce));
  if (options.write) {
    const written = await writeChecks(http, { ...options, appKind: options.appKind ?? "custom" }, pages);
    results.push(...written.results);
    if (options.groups) {
      results.push(
        ...(written.testUser
          ? await groupChecks(http, { nonce: options.nonce, member: written.testUser })
          : [fail(GROUP_CHECKS.createGroup, "not attempted: the test user the group needs as a member could not be created or read")]),
      );
    }
  }
  results.push(pages.result());
  results.push(...(await checkWrongToken(http, options.nonce)));
  return results;
}
