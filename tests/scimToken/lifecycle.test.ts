// The token lifecycle driven through the real auth0 SDK against the local fake tenant.
import { createScimToken, deleteScimToken, readScimToken } from "../../components/scimToken/lifecycle";
import { ScimTokenApiError } from "../../components/scimToken/apiErrors";
import { FAKE_CLIENT_SECRET, FAKE_DOMAIN, type FakeAuth0 } from "./fakeAuth0";
import { lifecycleDeps, useFakeTenant } from "./testDeps";
import { RATE_LIMIT_SPREAD_MS } from "../../components/scimToken/retry";

const CONN = "con_Okta0000000001";
const SCOPES = ["get:users", "post:users", "put:users"];
const target = { domain: FAKE_DOMAIN, connectionId: CONN, generation: "g1" };
const NINETY_DAYS = 90 * 24 * 3600;

const currentFake = useFakeTenant(CONN);
let fake: FakeAuth0;
beforeEach(() => {
  fake = currentFake();
});

async function failureOf(p: Promise<unknown>): Promise<ScimTokenApiError> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(ScimTokenApiError);
  expect((e as Error).message).not.toContain(FAKE_CLIENT_SECRET);
  return e as ScimTokenApiError;
}

const posts = () => fake.log.filter((r) => r.method === "POST" && r.path.endsWith("/tokens"));

describe("create, read back, delete", () => {
  it("creates a token with token_lifetime and reports valid_until = created_at + lifetime", async () => {
    const created = await createScimToken(lifecycleDeps(fake), target, { scopes: SCOPES, tokenLifetimeSeconds: NINETY_DAYS });
    expect(posts()[0].body).toEqual({ scopes: SCOPES, token_lifetime: NINETY_DAYS });
    expect(created.token).toBe(fake.tokensOf(CONN)[0].token);
    expect(created.tokenId).toBe(fake.tokensOf(CONN)[0].token_id);
    expect(Date.parse(created.validUntil!) - Date.parse(created.createdAt)).toBe(NINETY_DAYS * 1000);
  });

  it("creates a token without expiry when no lifetime is given (no token_lifetime sent)", async () => {
    const created = await createScimToken(lifecycleDeps(fake), target, { scopes: SCOPES });
    expect(posts()[0].body).toEqual({ scopes: SCOPES });
    expect(created.validUntil).toBeNull();
  });

  it("reads the token back with last_used_at once Okta used it", async () => {
    const deps = lifecycleDeps(fake);
    const created = await createScimToken(deps, target, { scopes: SCOPES, tokenLifetimeSeconds: NINETY_DAYS });
    expect((await readScimToken(deps, target, created.tokenId))?.lastUsedAt).toBeNull();
    fake.useToken(created.token);
    const read = await readScimToken(deps, target, created.tokenId);
    expect(read?.lastUsedAt).toEqual(expect.any(String));
    expect(read?.validUntil).toBe(created.validUntil);
  });

  it("reports a token deleted outside Pulumi as gone", async () => {
    const deps = lifecycleDeps(fake);
    const created = await createScimToken(deps, target, { scopes: SCOPES });
    fake.tokensOf(CONN).splice(0, 1);
    expect(await readScimToken(deps, target, created.tokenId)).toBeUndefined();
  });

  it("reads an expired token back as Auth0 lists it: expired is not gone", async () => {
    const expired = fake.seedToken(CONN, { valid_until: new Date(Date.now() - 60_000).toISOString() });
    const deps = lifecycleDeps(fake);
    expect(await readScimToken(deps, target, expired.token_id)).toMatchObject({ tokenId: expired.token_id, validUntil: expired.valid_until });
  });

  it("reports tokens of a connection that no longer exists as gone", async () => {
    const t = fake.seedToken(CONN);
    fake.connections.delete(CONN);
    expect(await readScimToken(lifecycleDeps(fake), target, t.token_id)).toBeUndefined();
  });

  it("deletes a token, and treats an already deleted one as deleted", async () => {
    const deps = lifecycleDeps(fake);
    const created = await createScimToken(deps, target, { scopes: SCOPES });
    await deleteScimToken(deps, target, created.tokenId);
    expect(fake.tokensOf(CONN)).toHaveLength(0);
    await expect(deleteScimToken(deps, target, created.tokenId)).resolves.toBeUndefined();
    expect(fake.log.filter((r) => r.method === "DELETE").map((r) => r.status)).toEqual([204, 404]);
  });
});

describe("Auth0's rules", () => {
  it("refuses a lifetime of 900 s with Auth0's reason and does not retry", async () => {
    const e = await failureOf(createScimToken(lifecycleDeps(fake), target, { scopes: SCOPES, tokenLifetimeSeconds: 900 }));
    expect(e.failure.kind).toBe("bad-request");
    expect(e.message).toMatch(/greater than 900/);
    expect(e.message).toMatch(/lifetimeSeconds/);
    expect(posts()).toHaveLength(1);
  });

  it("refuses a third token (409) with a message that points at removing the old generation", async () => {
    const deps = lifecycleDeps(fake);
    await createScimToken(deps, target, { scopes: SCOPES });
    await createScimToken(deps, target, { scopes: SCOPES });
    const e = await failureOf(createScimToken(deps, target, { scopes: SCOPES }));
    expect(e.failure.kind).toBe("conflict");
    expect(e.message).toMatch(/two active SCIM tokens/);
    expect(e.message).toMatch(/Remove the old generation/);
    expect(fake.tokensOf(CONN)).toHaveLength(2);
  });

  it("on 409 names the never-used token of this generation's scopes and lifetime an interrupted run left, and deletes nothing", async () => {
    const inUse = fake.seedToken(CONN);
    fake.useToken(inUse.token);
    const otherScopes = fake.seedToken(CONN, { scopes: ["get:users"] });
    const e = await failureOf(createScimToken(lifecycleDeps(fake), target, { scopes: SCOPES }));
    expect(e.failure.kind).toBe("conflict");
    expect(e.message).not.toMatch(/interrupted/);
    fake.connections.get(CONN)!.splice(1, 1);
    const leftOver = fake.seedToken(CONN);
    const named = await failureOf(createScimToken(lifecycleDeps(fake), target, { scopes: SCOPES }));
    expect(named.message).toContain(`Token ${leftOver.token_id} (created ${leftOver.created_at}, never used)`);
    expect(named.message).toMatch(/interrupted `pulumi up`/);
    expect(named.message).not.toContain(inUse.token_id);
    expect(named.message).not.toContain(otherScopes.token_id);
    expect(fake.tokensOf(CONN).map((t) => t.token_id)).toEqual([inUse.token_id, leftOver.token_id]);
  });

  it("frees a slot held by an expired token, never by a valid one", async () => {
    const expired = fake.seedToken(CONN, { valid_until: new Date(Date.now() - 1000).toISOString() });
    const valid = fake.seedToken(CONN);
    const created = await createScimToken(lifecycleDeps(fake), target, { scopes: SCOPES });
    expect(fake.tokensOf(CONN).map((t) => t.token_id).sort()).toEqual([valid.token_id, created.tokenId].sort());
    expect(fake.tokensOf(CONN).map((t) => t.token_id)).not.toContain(expired.token_id);
  });

  it("answers 404 for an unknown connection with a message naming it", async () => {
    const e = await failureOf(createScimToken(lifecycleDeps(fake), { ...target, connectionId: "con_doesNotExist00" }, { scopes: SCOPES }));
    expect(e.failure.kind).toBe("not-found");
    expect(e.message).toMatch(/con_doesNotExist00.*does not exist or has no SCIM configuration/);
  });
});

describe("credentials and scopes of the deploying client", () => {
  it("401: names the credential settings and never prints the secret", async () => {
    const e = await failureOf(createScimToken(lifecycleDeps(fake, [], { clientSecret: "wrong-secret-value" }), target, { scopes: SCOPES }));
    expect(e.failure.kind).toBe("unauthorized");
    expect(e.message).toMatch(/oktaScim:auth0\.clientSecret/);
    expect(e.message).not.toContain("wrong-secret-value");
  });

  it("403 at login: says to authorize the client for the Management API", async () => {
    fake.clientAuthorized = false;
    const e = await failureOf(readScimToken(lifecycleDeps(fake), target, "tok_x"));
    expect(e.message).toMatch(/may not call the Auth0 Management API/);
    expect(e.message).toMatch(/create:scim_token, read:scim_token and delete:scim_token/);
  });

  it.each([
    ["create:scim_token", (d: ReturnType<typeof lifecycleDeps>) => createScimToken(d, target, { scopes: SCOPES })],
    ["read:scim_token", (d: ReturnType<typeof lifecycleDeps>) => readScimToken(d, target, "tok_x")],
    ["delete:scim_token", (d: ReturnType<typeof lifecycleDeps>) => deleteScimToken(d, target, "tok_x")],
  ])("403: names the missing scope %s", async (scope, run) => {
    fake.grantedScopes = ["create:scim_token", "read:scim_token", "delete:scim_token"].filter((s) => s !== scope);
    const e = await failureOf(run(lifecycleDeps(fake)));
    expect(e.failure.kind).toBe("forbidden");
    expect(e.message).toContain(`lacks the Management API scope ${scope}`);
  });
});

describe("rate limits, server errors, timeouts", () => {
  it("429: waits exactly what Retry-After asks, then succeeds", async () => {
    fake.inject({ method: "POST", path: "/scim-configuration/tokens", status: 429, retryAfter: "3", times: 1 });
    const waits: number[] = [];
    const created = await createScimToken(lifecycleDeps(fake, waits), target, { scopes: SCOPES });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(3000);
    expect(waits[0]).toBeLessThanOrEqual(3000 + RATE_LIMIT_SPREAD_MS);
    expect(posts().map((r) => r.status)).toEqual([429, 201]);
    expect(fake.tokensOf(CONN).map((t) => t.token_id)).toEqual([created.tokenId]);
  });

  it("429 at login is retried too", async () => {
    fake.inject({ method: "POST", path: "/oauth/token", status: 429, times: 1 });
    const waits: number[] = [];
    await createScimToken(lifecycleDeps(fake, waits), target, { scopes: SCOPES });
    expect(waits).toHaveLength(1);
  });

  it("429 for far longer than the attempt limit: keeps waiting as Auth0 asks while the budget lasts", async () => {
    // A hundred connections share one tenant bucket: twelve refusals in a row is a busy tenant, not a failure.
    fake.inject({ method: "POST", path: "/scim-configuration/tokens", status: 429, retryAfter: "1", times: 12 });
    const waits: number[] = [];
    const created = await createScimToken(lifecycleDeps(fake, waits), target, { scopes: SCOPES });
    expect(waits).toHaveLength(12);
    expect(posts().map((r) => r.status)).toEqual([...Array(12).fill(429), 201]);
    expect(fake.tokensOf(CONN).map((t) => t.token_id)).toEqual([created.tokenId]);
  });

  it("429 past the time budget: stops, and says how long it waited", async () => {
    // 20 s asked each time against the tests' 60 s budget: two waits fit, the third does not.
    fake.inject({ method: "GET", path: "/scim-configuration/tokens", status: 429, retryAfter: "20", times: 10 });
    const waits: number[] = [];
    const e = await failureOf(readScimToken(lifecycleDeps(fake, waits), target, "tok_x"));
    expect(waits).toHaveLength(2);
    expect(e.message).toMatch(/rate limited by Auth0 \(429\) after 3 attempts, having waited 4\d s as Auth0 asked/);
  });

  it("429 with a Retry-After beyond the longest wait: stops and says so", async () => {
    fake.inject({ method: "GET", path: "/scim-configuration/tokens", status: 429, retryAfter: "600", times: 5 });
    const waits: number[] = [];
    const e = await failureOf(readScimToken(lifecycleDeps(fake, waits), target, "tok_x"));
    expect(e.message).toMatch(/rate limited by Auth0 \(429\)/);
    expect(waits).toEqual([]);
  });

  it("5xx: retries with growing waits, bounded, then reports the attempts", async () => {
    fake.inject({ method: "GET", path: "/scim-configuration/tokens", status: 503, times: 10 });
    const waits: number[] = [];
    const e = await failureOf(readScimToken(lifecycleDeps(fake, waits), target, "tok_x"));
    expect(e.message).toMatch(/Auth0 answered 503 after 4 attempts/);
    expect(waits).toHaveLength(3);
    expect(waits[1]).toBeGreaterThan(waits[0]);
    expect(waits[2]).toBeGreaterThan(waits[1]);
  });

  it("5xx after Auth0 created the token anyway: the unrecorded token is deleted before the retry", async () => {
    fake.inject({ method: "POST", path: "/scim-configuration/tokens", status: 500, afterProcessing: true, times: 1 });
    const created = await createScimToken(lifecycleDeps(fake), target, { scopes: SCOPES });
    expect(fake.tokensOf(CONN).map((t) => t.token_id)).toEqual([created.tokenId]);
    expect(fake.log.filter((r) => r.method === "DELETE")).toHaveLength(1);
  });

  it("keeps tokens it did not make when cleaning up after a failed POST", async () => {
    const other = fake.seedToken(CONN);
    fake.inject({ method: "POST", path: "/scim-configuration/tokens", status: 502, times: 10 });
    await failureOf(createScimToken(lifecycleDeps(fake), target, { scopes: SCOPES }));
    expect(fake.tokensOf(CONN).map((t) => t.token_id)).toEqual([other.token_id]);
  });

  /** A fetch that lets `meanwhile` act at the moment a POST of a token reaches the tenant. */
  const onPost = (meanwhile: () => void): typeof fetch => {
    const base = fake.redirectFetch();
    return (input, init) => {
      if (init?.method === "POST" && String(input).endsWith("/scim-configuration/tokens")) meanwhile();
      return base(input, init);
    };
  };

  it("cleanup after a failed POST matches exactly what it sent: another lifetime, or a creation time outside the attempt, is kept", async () => {
    const others: string[] = [];
    const meanwhile = () => {
      if (others.length > 0) return;
      // Someone else's tokens, made while our POST was under way, with the same scopes.
      others.push(fake.seedToken(CONN).token_id);
      const later = new Date(Date.now() + 3_600_000);
      others.push(fake.seedToken(CONN, { created_at: later.toISOString(), valid_until: new Date(later.getTime() + NINETY_DAYS * 1000).toISOString() }).token_id);
    };
    fake.inject({ method: "POST", path: "/scim-configuration/tokens", status: 502, times: 10 });
    await failureOf(createScimToken(lifecycleDeps(fake, [], { fetch: onPost(meanwhile) }), target, { scopes: SCOPES, tokenLifetimeSeconds: NINETY_DAYS }));
    expect(fake.tokensOf(CONN).map((t) => t.token_id)).toEqual(others);
    expect(fake.log.filter((r) => r.method === "DELETE")).toHaveLength(0);
  });

  it("two tokens that could be its own: deletes neither, stops, and names both", async () => {
    let other = "";
    const meanwhile = () => {
      if (!other) other = fake.seedToken(CONN, { valid_until: new Date(Date.now() + NINETY_DAYS * 1000).toISOString() }).token_id;
    };
    // Auth0 creates ours but answers 500; someone else's identical token appeared meanwhile.
    fake.inject({ method: "POST", path: "/scim-configuration/tokens", status: 500, afterProcessing: true, times: 1 });
    const error = (await createScimToken(lifecycleDeps(fake, [], { fetch: onPost(meanwhile) }), target, { scopes: SCOPES, tokenLifetimeSeconds: NINETY_DAYS }).catch((e: Error) => e)) as Error;
    const ids = fake.tokensOf(CONN).map((t) => t.token_id);
    expect(ids).toHaveLength(2);
    expect(error.message).toContain(`meanwhile 2 tokens with the same scopes and lifetime appeared (${ids.join(", ")})`);
    expect(error.message).toMatch(/None was deleted/);
    expect(fake.log.filter((r) => r.method === "DELETE")).toHaveLength(0);
    expect(posts()).toHaveLength(1);
  });

  it("timeout: a request without answer fails with a clear message", async () => {
    fake.inject({ method: "GET", path: "/scim-configuration/tokens", hang: true, times: 10 });
    // Only the request the fake never answers may meet the short deadline: the login is answered
    // whatever the deadline, so a slow machine cannot turn it into a login timeout.
    const toFake = fake.redirectFetch();
    const loginWithoutDeadline: typeof fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).endsWith("/oauth/token") ? toFake(input, { ...init, signal: undefined }) : toFake(input, init);
    const e = await failureOf(readScimToken(lifecycleDeps(fake, [], { timeoutMs: 300, fetch: loginWithoutDeadline }), target, "tok_x"));
    expect(fake.log.filter((r) => r.path.endsWith("/scim-configuration/tokens"))).toHaveLength(4);
    expect(e.failure.kind).toBe("timeout");
    expect(e.message).toMatch(new RegExp(`no answer from ${FAKE_DOMAIN.replace(/\./g, "\\.")} in time after 4 attempts`));
  });

  it("dropped connection: reports the tenant as unreachable", async () => {
    fake.inject({ method: "GET", path: "/scim-configuration/tokens", drop: true, times: 10 });
    const e = await failureOf(readScimToken(lifecycleDeps(fake), target, "tok_x"));
    expect(e.failure.kind).toBe("network");
    expect(e.message).toMatch(/could not reach/);
  });
});
