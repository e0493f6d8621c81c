// The dynamic provider's methods: input checks, the refusal of in-place scope/lifetime changes,
// delete-before-replace, and create/read/update/delete against the local fake tenant.
import { checkScimTokenInputs, diffScimToken, makeScimTokenProvider } from "../../components/scimToken/provider";
import { SCIM_TOKEN_KIND, type ScimTokenInputs, type ScimTokenOutputs } from "../../components/scimToken/contract";
import { createTokenApi } from "../../components/scimToken/managementClient";
import { FAKE_CLIENT_SECRET, type FakeAuth0 } from "./fakeAuth0";
import { CREDENTIALS, recordingRetry, useFakeTenant } from "./testDeps";

const CONN = "con_Okta0000000001";
const inputs = (over: Partial<ScimTokenInputs> = {}): ScimTokenInputs => ({
  kind: SCIM_TOKEN_KIND,
  connectionId: CONN,
  scopes: ["get:users", "post:users", "put:users"],
  tokenLifetimeSeconds: 7776000,
  generation: "2026-11",
  credentials: CREDENTIALS,
  ...over,
});

describe("check", () => {
  it("accepts valid inputs on create", () => {
    expect(checkScimTokenInputs({}, inputs())).toEqual([]);
  });

  it("refuses bad inputs, naming the property, never echoing the secret", () => {
    const failures = checkScimTokenInputs({}, inputs({ scopes: [], tokenLifetimeSeconds: 900, credentials: { ...CREDENTIALS, clientSecret: "" } }));
    expect(failures.map((f) => f.property).sort()).toEqual(["credentials", "scopes", "tokenLifetimeSeconds"]);
    expect(JSON.stringify(failures)).not.toContain(FAKE_CLIENT_SECRET);
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

  it("lets credentials change (a rotated client secret) and ignores scope order", () => {
    const reordered = inputs({ scopes: ["put:users", "get:users", "post:users"], credentials: { ...CREDENTIALS, clientSecret: "rotated-secret" } });
    expect(checkScimTokenInputs(inputs(), reordered)).toEqual([]);
  });
});

describe("diff", () => {
  const olds = { ...inputs(), tokenId: "tok_1", token: "t", validUntil: null, createdAt: "x", lastUsedAt: null } as ScimTokenOutputs;
  it("never asks for create-before-delete", () => {
    const d = diffScimToken(olds, inputs({ connectionId: "con_other" }));
    expect(d).toMatchObject({ changes: true, replaces: ["connectionId"], deleteBeforeReplace: true });
  });
  it("updates in place when only the credentials changed, and reports no change otherwise", () => {
    expect(diffScimToken(olds, inputs({ credentials: { ...CREDENTIALS, clientSecret: "rotated" } }))).toMatchObject({ changes: true, replaces: [] });
    expect(diffScimToken(olds, inputs())).toMatchObject({ changes: false, replaces: [] });
  });
  it("counts changed provider code as an in-place update, so fixes reach existing tokens", () => {
    const withCode = (code: string) => ({ __provider: code });
    expect(diffScimToken({ ...olds, ...withCode("release 1") }, { ...inputs(), ...withCode("release 2") })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
    expect(diffScimToken({ ...olds, ...withCode("release 2") }, { ...inputs(), ...withCode("release 2") })).toMatchObject({ changes: false });
  });
});

describe("create, read, update, delete against the fake tenant", () => {
  const currentFake = useFakeTenant(CONN);
  let fake: FakeAuth0;
  beforeEach(() => {
    fake = currentFake();
  });
  const provider = () => {
    const p = makeScimTokenProvider({
      tokenApi: (c) => createTokenApi(c, { fetch: fake.redirectFetch() }),
      retry: recordingRetry([]),
      now: () => new Date(),
    });
    // `outs` is optional in Pulumi's CreateResult type; ours always returns it.
    return { ...p, create: async (i: ScimTokenInputs) => { const r = await p.create(i); return { id: r.id, outs: r.outs! }; } };
  };

  it("create returns the contract's outputs; read refreshes last_used_at; a deleted token reads as gone", async () => {
    const p = provider();
    const { id, outs } = await p.create(inputs());
    expect(outs).toMatchObject({ kind: SCIM_TOKEN_KIND, tokenId: id, generation: "2026-11", tokenLifetimeSeconds: 7776000, lastUsedAt: null });
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

  it("update only swaps the credentials, without calling Auth0", async () => {
    const p = provider();
    const { id, outs } = await p.create(inputs());
    const calls = fake.log.length;
    const updated = await p.update!(id, outs, inputs({ credentials: { ...CREDENTIALS, clientSecret: "rotated" } }));
    expect(updated.outs?.credentials.clientSecret).toBe("rotated");
    expect(updated.outs?.token).toBe(outs.token);
    expect(fake.log.length).toBe(calls);
  });

  it("delete removes the token from Auth0", async () => {
    const p = provider();
    const { id, outs } = await p.create(inputs());
    await p.delete!(id, outs);
    expect(fake.tokensOf(CONN)).toEqual([]);
  });

  it("errors leave without the client secret even if Auth0 echoed it", async () => {
    fake.inject({ method: "POST", path: "/scim-configuration/tokens", status: 400, body: { message: `bad ${FAKE_CLIENT_SECRET}` }, times: 1 });
    const error = (await provider().create(inputs()).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/Auth0 refused the request \(400\)/);
    expect(error.message).toContain("[redacted]");
    expect(error.message).not.toContain(FAKE_CLIENT_SECRET);
  });
});
