// The SCIM token as the package's plugin serves it to programs in other languages: the values arrive
// as the SDK's provider server hands them over (secret envelopes, unknown sentinels), the tenant
// credentials come from the token's own secret input and stay secret in its outputs, a rotated client
// secret is an update (never a replacement), and create/refresh/delete run against the fake tenant.
import * as pulumi from "@pulumi/pulumi";
import { SCIM_TOKEN_KIND } from "../../components/scimToken/contract";
import { checkHostedScimTokenInputs, diffHostedScimToken, makeHostedScimTokenProvider, type HostedScimTokenInputs } from "../../components/scimToken/hostedProvider";
import { createTokenApi } from "../../components/scimToken/managementClient";
import { asSecret, isUnknown, plainOf } from "../../components/scimToken/wireValues";
import { FAKE_CLIENT_SECRET, FAKE_DOMAIN } from "./fakeAuth0";
import { CREDENTIALS, recordingRetry, useFakeTenant } from "./testDeps";

const CONN = "con_Okta0000000002";
const URN = "urn:pulumi:dev::go-consumer::oktaScim:index:OktaAuth0ScimIntegration$oktaScim:index:ScimToken::go-workforce-scim-token-2026-12";
const tenantJson = (over: Partial<typeof CREDENTIALS> = {}) => JSON.stringify({ ...CREDENTIALS, ...over });
const plainInputs = (over: Partial<HostedScimTokenInputs> = {}): HostedScimTokenInputs => ({
  kind: SCIM_TOKEN_KIND,
  connectionId: CONN,
  scopes: ["get:users", "post:users", "put:users"],
  tokenLifetimeSeconds: 7776000,
  generation: "2026-12",
  domain: FAKE_DOMAIN,
  tenant: tenantJson(),
  ...over,
});
/** As the engine sends them: the tenant in a secret envelope. */
const wireInputs = (over: Partial<HostedScimTokenInputs> = {}) => {
  const p = plainInputs(over);
  return { ...p, tenant: asSecret(p.tenant) };
};
const isSecretEnvelope = (v: unknown) => typeof v === "object" && v !== null && (v as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig;

describe("wire values", () => {
  it("unwraps secrets deeply and recognises unknowns, wrapped or not", () => {
    expect(plainOf({ a: asSecret({ b: [asSecret("x")] }) })).toEqual({ a: { b: ["x"] } });
    expect(isUnknown(pulumi.runtime.unknownValue)).toBe(true);
    expect(isUnknown(asSecret(pulumi.runtime.unknownValue))).toBe(true);
    expect(isUnknown("con_1")).toBe(false);
  });
});

describe("check", () => {
  it("accepts the engine's inputs with the secret tenant", () => {
    expect(checkHostedScimTokenInputs({}, wireInputs())).toEqual([]);
  });

  it("refuses a token without usable credentials, naming the input in the reason only: the engine would print a named property's value, the secret", () => {
    const failures = checkHostedScimTokenInputs({}, wireInputs({ tenant: JSON.stringify({ domain: FAKE_DOMAIN, clientId: " ", clientSecret: FAKE_CLIENT_SECRET }) }));
    expect(failures).toEqual([{ property: "", reason: expect.stringMatching(/^tenant must hold the tenant's domain, clientId and clientSecret/) }]);
    expect(JSON.stringify(failures)).not.toContain(FAKE_CLIENT_SECRET);
  });

  it("gives a verdict on a preview's unknowns: unknown scopes or an unknown tenant are no failure", () => {
    // Known, the same values fail: the unknown sentinel is a string, not a scope list nor credentials.
    expect(checkHostedScimTokenInputs({}, { ...wireInputs(), scopes: "not-a-list", tenant: asSecret("not-json") }).map((f) => f.property).sort()).toEqual(["", "scopes"]);
    const failures = checkHostedScimTokenInputs({}, { ...wireInputs(), scopes: pulumi.runtime.unknownValue, tenant: asSecret(pulumi.runtime.unknownValue) });
    expect(failures).toEqual([]);
  });

  it("keeps the dynamic token's rules: an existing generation's scopes cannot change", () => {
    const [f] = checkHostedScimTokenInputs(plainInputs(), wireInputs({ scopes: ["get:users", "post:users", "put:users", "patch:users"] }));
    expect(f.property).toBe("scopes");
    expect(f.reason).toMatch(/Add a new generation/);
  });
});

describe("diff", () => {
  const outs = { ...plainInputs(), tokenId: "tok_1", token: "t", validUntil: null, createdAt: "x", lastUsedAt: null, expired: false };

  it("a rotated client secret is an in-place update, never a replacement", () => {
    expect(diffHostedScimToken(outs, plainInputs({ tenant: tenantJson({ clientSecret: "rotated" }) }))).toEqual({ changes: true, replaces: [], deleteBeforeReplace: true });
  });

  it("the same inputs are no change; another generation replaces, delete first", () => {
    expect(diffHostedScimToken(outs, plainInputs())).toMatchObject({ changes: false, replaces: [] });
    expect(diffHostedScimToken(outs, plainInputs({ generation: "2027-03" }))).toMatchObject({ changes: true, replaces: ["generation"], deleteBeforeReplace: true });
  });
});

describe("against the fake tenant", () => {
  const fake = useFakeTenant(CONN);
  const provider = (opts: { env?: Record<string, string>; programTenant?: typeof CREDENTIALS; now?: Date } = {}) =>
    makeHostedScimTokenProvider({
      tokenApi: (c) => createTokenApi(c, { fetch: fake().redirectFetch() }),
      retry: recordingRetry([]),
      now: () => opts.now ?? new Date(),
      env: () => opts.env ?? {},
      programTenant: (domain) => (opts.programTenant && domain === opts.programTenant.domain ? opts.programTenant : undefined),
    });

  it("creates with the token's own credentials, keeps them secret in the outputs, refreshes and deletes from the outputs alone", async () => {
    const p = provider();
    const created = await p.create(URN, wireInputs());
    const outs = created.outs as Record<string, unknown>;
    expect(fake().connections.get(CONN)!.map((t) => t.token_id)).toEqual([created.id]);
    // Both stored as secrets, whatever the resource's additionalSecretOutputs say.
    expect(isSecretEnvelope(outs.token)).toBe(true);
    expect(plainOf(outs.token)).toBe(fake().connections.get(CONN)![0].token);
    expect(isSecretEnvelope(outs.tenant)).toBe(true);
    expect(plainOf(outs.tenant)).toBe(tenantJson());
    // Refresh and delete get only the stored outputs: the credentials must come from there.
    const read = await p.read(created.id, URN, outs);
    expect(read.id).toBe(created.id);
    expect(isSecretEnvelope((read.props as Record<string, unknown>).tenant)).toBe(true);
    expect(isSecretEnvelope((read.props as Record<string, unknown>).token)).toBe(true);
    await p.delete(created.id, URN, outs);
    expect(fake().connections.get(CONN)).toEqual([]);
  });

  it("an update with a rotated secret writes it into the outputs, secret, with no API call", async () => {
    const p = provider();
    const created = await p.create(URN, wireInputs());
    const calls = fake().log.length;
    const updated = await p.update(created.id, URN, created.outs, wireInputs({ tenant: tenantJson({ clientSecret: "rotated-secret" }) }));
    expect(fake().log.length).toBe(calls);
    const outs = updated.outs as Record<string, unknown>;
    expect(isSecretEnvelope(outs.tenant)).toBe(true);
    expect(isSecretEnvelope(outs.token)).toBe(true);
    expect(JSON.parse(plainOf<string>(outs.tenant)).clientSecret).toBe("rotated-secret");
    expect(outs.tokenId).toBe(created.id);
  });

  it("in the run that rotates the client secret, a delete uses the program's new credentials, not the revoked ones in the state", async () => {
    const created = await provider().create(URN, wireInputs());
    const revoked = { ...(created.outs as Record<string, unknown>), tenant: asSecret(tenantJson({ clientSecret: "revoked-secret" })) };
    // Without this run's credentials (a plain destroy), the stored, revoked secret is all there is.
    await expect(provider().delete(created.id, URN, revoked)).rejects.toThrow();
    expect(fake().connections.get(CONN)).toHaveLength(1);
    await provider({ programTenant: CREDENTIALS }).delete(created.id, URN, revoked);
    expect(fake().connections.get(CONN)).toEqual([]);
  });

  it("refresh of a token Auth0 no longer lists tells the engine it is gone", async () => {
    const created = await provider().create(URN, wireInputs());
    fake().connections.set(CONN, []);
    expect(await provider().read(created.id, URN, created.outs)).toEqual({ id: "", props: {} });
  });

  it("diff of the engine's values: secret news, the expiry stop, and a rotated secret as an update", async () => {
    const created = await provider().create(URN, wireInputs());
    const p = provider({ now: new Date(Date.now() + 200 * 86400 * 1000) });
    await expect(p.diff(created.id, URN, created.outs, wireInputs())).rejects.toThrow(/SCIM token generation "2026-12" of connection .* expired/);
    const q = provider();
    expect(await q.diff(created.id, URN, created.outs, wireInputs())).toMatchObject({ changes: false, replaces: [] });
    expect(await q.diff(created.id, URN, created.outs, wireInputs({ tenant: tenantJson({ clientSecret: "rotated" }) }))).toMatchObject({ changes: true, replaces: [] });
  });
});

describe("failure messages", () => {
  it("name no credential: a secret the API echoes is redacted", async () => {
    const leaky = makeHostedScimTokenProvider({
      tokenApi: () => ({
        list: async () => [],
        create: async () => {
          throw new Error(`401 for client secret ${FAKE_CLIENT_SECRET}`);
        },
        remove: async () => undefined,
      }),
      retry: recordingRetry([]),
      now: () => new Date(),
      env: () => ({}),
      programTenant: () => undefined,
    });
    const error = (await leaky.create(URN, wireInputs()).catch((e: Error) => e)) as Error;
    expect(error.message).toContain("401 for client secret");
    expect(error.message).not.toContain(FAKE_CLIENT_SECRET);
  });
});
