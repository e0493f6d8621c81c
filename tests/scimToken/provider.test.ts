// The dynamic provider's methods: input checks, the refusal of in-place scope/lifetime changes,
// delete-before-replace, credentials looked up at call time, and create/read/update/delete against
// the local fake tenant.
import { checkScimTokenInputs, diffScimToken, expiredTokenProblem, makeScimTokenProvider } from "../../components/scimToken/provider";
import { SCIM_TOKEN_KIND, type ScimTokenInputs, type ScimTokenOutputs } from "../../components/scimToken/contract";
import { PROVIDER_TENANT_KEY } from "../../components/scimToken/credentials";
import { createTokenApi } from "../../components/scimToken/managementClient";
import { FAKE_CLIENT_SECRET, FAKE_DOMAIN, type FakeAuth0 } from "./fakeAuth0";
import { CREDENTIALS, recordingRetry, useFakeTenant } from "./testDeps";

const CONN = "con_Okta0000000001";
const inputs = (over: Partial<ScimTokenInputs> = {}): ScimTokenInputs => ({
  kind: SCIM_TOKEN_KIND,
  connectionId: CONN,
  scopes: ["get:users", "post:users", "put:users"],
  tokenLifetimeSeconds: 7776000,
  generation: "2026-11",
  domain: FAKE_DOMAIN,
  ...over,
});
const state = (over: Partial<ScimTokenOutputs> = {}): ScimTokenOutputs => ({
  ...inputs(),
  tokenId: "tok_1",
  token: "t",
  validUntil: null,
  createdAt: "x",
  lastUsedAt: null,
  expired: false,
  ...over,
});
/** A token's state as releases before call-time credentials wrote it: client secret included, no domain. */
const legacyState = (clientSecret: string) => {
  const { domain: _none, ...rest } = state();
  return { ...rest, credentials: { ...CREDENTIALS, clientSecret } } as unknown as ScimTokenOutputs;
};

describe("check", () => {
  it("accepts valid inputs on create", () => {
    expect(checkScimTokenInputs({}, inputs())).toEqual([]);
  });

  it("refuses bad inputs, naming the property", () => {
    const failures = checkScimTokenInputs({}, inputs({ scopes: [], tokenLifetimeSeconds: 900, domain: "" }));
    expect(failures.map((f) => f.property).sort()).toEqual(["domain", "scopes", "tokenLifetimeSeconds"]);
  });

  it("refuses a scope change of an existing generation and points at adding a new generation", () => {
    const [f] = checkScimTokenInputs(inputs(), inputs({ scopes: ["get:users", "post:users", "put:users", "patch:users"] }));
    expect(f.property).toBe("scopes");
    expect(f.reason).toMatch(/generation "2026-11" was created with scopes get:users post:users put:users/);
    expect(f.reason).toMatch(/Add a new generation/);
  });

  it("refuses a lifetime change, including adding or removing expiry", () => {
    expect(checkScimTokenInputs(inputs(), inputs({ tokenLifetimeSeconds: 2592000 })).map((f) => f.property)).toEqual(["tokenLifetimeSeconds"]);
    expect(checkScimTokenInputs(inputs({ tokenLifetimeSeconds: undefined }), inputs())[0].reason).toMatch(/created with no expiry/);
  });

  it("ignores scope order, and accepts the inputs of a token an earlier release created (with credentials)", () => {
    expect(checkScimTokenInputs(inputs(), inputs({ scopes: ["put:users", "get:users", "post:users"] }))).toEqual([]);
    expect(checkScimTokenInputs(legacyState("old-secret"), inputs())).toEqual([]);
  });
});

describe("diff", () => {
  it("never asks for create-before-delete", () => {
    const d = diffScimToken(state(), inputs({ connectionId: "con_other" }));
    expect(d).toMatchObject({ changes: true, replaces: ["connectionId"], deleteBeforeReplace: true });
  });
  it("reports no change for the same inputs, and replaces a token moved to another tenant", () => {
    expect(diffScimToken(state(), inputs())).toMatchObject({ changes: false, replaces: [] });
    expect(diffScimToken(state(), inputs({ domain: "other.eu.auth0.com" }))).toMatchObject({ changes: true, replaces: ["domain"] });
  });
  it("updates a token whose state still holds credentials in place, so the update drops them", () => {
    expect(diffScimToken(legacyState("old-secret"), inputs())).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
  });
  it("counts changed provider code as an in-place update, so fixes reach existing tokens", () => {
    const withCode = (code: string) => ({ __provider: code });
    expect(diffScimToken({ ...state(), ...withCode("release 1") }, { ...inputs(), ...withCode("release 2") })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
    expect(diffScimToken({ ...state(), ...withCode("release 2") }, { ...inputs(), ...withCode("release 2") })).toMatchObject({ changes: false });
  });
});

describe("an expired token", () => {
  const now = new Date("2027-03-01T00:00:00.000Z");
  it("is recognised from validUntil without a refresh, and from the flag a refresh set", () => {
    expect(expiredTokenProblem(state({ validUntil: "2027-02-26T00:00:00.000Z" }), now)).toBeDefined();
    expect(expiredTokenProblem(state({ validUntil: "2027-02-26T00:00:00.000Z", expired: true }), new Date("2027-01-01"))).toBeDefined();
    expect(expiredTokenProblem(state({ validUntil: "2027-05-26T00:00:00.000Z" }), now)).toBeUndefined();
    expect(expiredTokenProblem(state({ validUntil: null }), now)).toBeUndefined();
  });

  it("stops every preview with the rotation to do: remove the generation and add a new one in one change", async () => {
    const p = makeScimTokenProvider({ tokenApi: () => ({}) as never, retry: recordingRetry([]), now: () => now, env: () => ({}) });
    const error = (await p.diff!("tok_1", state({ validUntil: "2027-02-26T00:00:00.000Z" }), inputs()).catch((e: Error) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain(`SCIM token generation "2026-11" of connection ${CONN} expired at 2027-02-26T00:00:00.000Z`);
    expect(error.message).toMatch(/remove generation "2026-11" and add a new generation .* then run `pulumi up`: it creates the new token and deletes the expired one/);
    expect(error.message).toMatch(/paste the new token into Okta/);
    await expect(p.diff!("tok_1", state({ validUntil: "2027-05-26T00:00:00.000Z" }), inputs())).resolves.toMatchObject({ changes: false });
  });
});

describe("create, read, update, delete against the fake tenant", () => {
  const currentFake = useFakeTenant(CONN);
  let fake: FakeAuth0;
  beforeEach(() => {
    fake = currentFake();
  });
  /** The provider as the engine runs it: configured with the stack's tenant config, `env` as the process environment. */
  const provider = async (opts: { tenant?: Record<string, string>; env?: Record<string, string> } = { tenant: CREDENTIALS }) => {
    const p = makeScimTokenProvider({
      tokenApi: (c) => createTokenApi(c, { fetch: fake.redirectFetch() }),
      retry: recordingRetry([]),
      now: () => new Date(),
      env: () => opts.env ?? {},
    });
    const config: Record<string, string> = opts.tenant ? { [PROVIDER_TENANT_KEY]: JSON.stringify(opts.tenant) } : {};
    await p.configure!({ config: { get: (k: string) => config[k], require: (k: string) => config[k] } });
    // `outs` is optional in Pulumi's CreateResult type; ours always returns it.
    return {
      ...p,
      create: async (i: ScimTokenInputs) => {
        const r = await p.create(i);
        return { id: r.id, outs: r.outs! };
      },
    };
  };

  it("create returns the contract's outputs; read refreshes last_used_at; a deleted token reads as gone", async () => {
    const p = await provider();
    const { id, outs } = await p.create(inputs());
    expect(outs).toMatchObject({ kind: SCIM_TOKEN_KIND, tokenId: id, generation: "2026-11", domain: FAKE_DOMAIN, tokenLifetimeSeconds: 7776000, lastUsedAt: null });
    expect(outs.token).toBe(fake.tokensOf(CONN)[0].token);
    expect(typeof outs.validUntil).toBe("string");
    fake.useToken(outs.token);
    const read = await p.read!(id, outs);
    expect(read.id).toBe(id);
    expect(read.props?.lastUsedAt).toEqual(expect.any(String));
    expect(read.props?.token).toBe(outs.token);
    fake.tokensOf(CONN).length = 0;
    expect((await p.read!(id, outs)).id).toBe("");
  });

  it("refresh keeps an expired token in the state, marked expired; a token deleted out of band reads as gone", async () => {
    const p = await provider();
    const { id, outs } = await p.create(inputs());
    const listed = fake.tokensOf(CONN)[0];
    listed.valid_until = new Date(Date.now() - 60_000).toISOString();
    const read = await p.read!(id, outs);
    expect(read.id).toBe(id);
    expect(read.props).toMatchObject({ tokenId: id, token: outs.token, expired: true, validUntil: listed.valid_until });
    fake.tokensOf(CONN).length = 0;
    expect((await p.read!(id, read.props!)).id).toBe("");
  });

  it("the rotation the message asks for works while the expired token still holds a slot", async () => {
    const p = await provider();
    const expired = fake.seedToken(CONN, { valid_until: new Date(Date.now() - 60_000).toISOString() });
    fake.seedToken(CONN, { valid_until: new Date(Date.now() + 3_600_000).toISOString() });
    // `pulumi up` creates the new generation first, then deletes the removed one.
    const { id } = await p.create(inputs({ generation: "2027-03" }));
    await p.delete!(expired.token_id, state({ tokenId: expired.token_id, expired: true }));
    expect(fake.tokensOf(CONN).map((t) => t.token_id)).toContain(id);
    expect(fake.tokensOf(CONN).map((t) => t.token_id)).not.toContain(expired.token_id);
  });

  it("a read by id (get or import: the program's inputs, no token value) is refused, without calling Auth0", async () => {
    const p = await provider();
    const error = (await p.read!("tok_someone_elses", inputs() as ScimTokenOutputs).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/SCIM token tok_someone_elses: a SCIM token cannot be imported or read by id, because Auth0 never returns a token's value/);
    expect(fake.log).toHaveLength(0);
  });

  it("keeps no client credential in the token's state", async () => {
    const { outs } = await (await provider()).create(inputs());
    expect(JSON.stringify(outs)).not.toContain(FAKE_CLIENT_SECRET);
    expect(JSON.stringify(outs)).not.toContain(CREDENTIALS.clientId);
    expect(outs).not.toHaveProperty("credentials");
  });

  it("after the client secret is rotated, refresh and delete use the current secret, never one stored with the token", async () => {
    const created = await (await provider()).create(inputs());
    fake.clientSecret = "ROTATED-secret-0123456789";
    const rotated = await provider({ tenant: { ...CREDENTIALS, clientSecret: "ROTATED-secret-0123456789" } });
    // A state written before this fix still holds the old, revoked secret: it must not be used.
    const legacy = { ...legacyState(FAKE_CLIENT_SECRET), tokenId: created.id, token: created.outs.token, connectionId: CONN };
    expect((await rotated.read!(created.id, legacy)).id).toBe(created.id);
    await rotated.delete!(created.id, legacy);
    expect(fake.tokensOf(CONN)).toEqual([]);
  });

  it("the environment (AUTH0_DOMAIN naming this tenant) wins over the stack config; another tenant's is ignored", async () => {
    const { id, outs } = await (await provider()).create(inputs());
    const stale = { ...CREDENTIALS, clientSecret: "stale-secret-in-provider-state" };
    const env = { AUTH0_DOMAIN: FAKE_DOMAIN, AUTH0_CLIENT_ID: CREDENTIALS.clientId, AUTH0_CLIENT_SECRET: FAKE_CLIENT_SECRET };
    expect((await (await provider({ tenant: stale, env })).read!(id, outs)).id).toBe(id);
    const elsewhere = { ...env, AUTH0_DOMAIN: "other-tenant.eu.auth0.com", AUTH0_CLIENT_SECRET: "other-tenants-secret" };
    expect((await (await provider({ tenant: CREDENTIALS, env: elsewhere })).read!(id, outs)).id).toBe(id);
    expect(fake.log.filter((r) => r.path === "/oauth/token").map((r) => (r.body as { client_secret: string }).client_secret)).not.toContain("other-tenants-secret");
  });

  it("a 401 names where the credentials came from", async () => {
    const { id, outs } = await (await provider()).create(inputs());
    const fromConfig = (await (await provider({ tenant: { ...CREDENTIALS, clientSecret: "stale-secret-value" } })).read!(id, outs).catch((e: Error) => e)) as Error;
    expect(fromConfig.message).toMatch(/\(401\).*stored by the last `pulumi up` is stale/);
    const env = { AUTH0_DOMAIN: FAKE_DOMAIN, AUTH0_CLIENT_ID: CREDENTIALS.clientId, AUTH0_CLIENT_SECRET: "wrong-env-secret" };
    const fromEnv = (await (await provider({ tenant: CREDENTIALS, env })).read!(id, outs).catch((e: Error) => e)) as Error;
    expect(fromEnv.message).toMatch(/\(401\).*came from the environment/);
    expect(fromEnv.message).not.toContain("wrong-env-secret");
  });

  it("without credentials for the tenant: says how to supply them, before any request", async () => {
    const { id, outs } = await (await provider()).create(inputs());
    const calls = fake.log.length;
    const error = (await (await provider({})).read!(id, outs).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(new RegExp(`No Auth0 Management API credentials for tenant ${FAKE_DOMAIN.replace(/\./g, "\\.")}`));
    expect(error.message).toMatch(/--run-program/);
    expect(error.message).toMatch(/AUTH0_CLIENT_SECRET/);
    expect(fake.log.length).toBe(calls);
  });

  it("update rewrites the state without calling Auth0, and drops legacy credentials", async () => {
    const p = await provider();
    const { id, outs } = await p.create(inputs());
    const calls = fake.log.length;
    const legacy = { ...legacyState(FAKE_CLIENT_SECRET), tokenId: id, token: outs.token };
    const updated = await p.update!(id, legacy, inputs());
    expect(updated.outs).not.toHaveProperty("credentials");
    expect(updated.outs).toMatchObject({ domain: FAKE_DOMAIN, token: outs.token, tokenId: id });
    expect(fake.log.length).toBe(calls);
  });

  it("delete removes the token from Auth0", async () => {
    const p = await provider();
    const { id, outs } = await p.create(inputs());
    await p.delete!(id, outs);
    expect(fake.tokensOf(CONN)).toEqual([]);
  });

  it("errors leave without the client secret even if Auth0 echoed it", async () => {
    fake.inject({ method: "POST", path: "/scim-configuration/tokens", status: 400, body: { message: `bad ${FAKE_CLIENT_SECRET}` }, times: 1 });
    const error = (await (await provider()).create(inputs()).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/Auth0 refused the request \(400\)/);
    expect(error.message).toContain("[redacted]");
    expect(error.message).not.toContain(FAKE_CLIENT_SECRET);
  });
});
