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

  it("refuses a token without usable credentials, naming the input", () => {
    const failures = checkHostedScimTokenInputs({}, wireInputs({ tenant: JSON.stringify({ domain: FAKE_DOMAIN, clientId: "x" }) }));
    expect(failures).toEqual([{ property: "tenant", reason: expect.stringMatching(/domain, clientId and clientSecret/) }]);
  });

  it("gives a verdict on a preview's unknowns: an unknown connection id or tenant is no failure", () => {
    const failures = checkHostedScimTokenInputs({}, { ...wireInputs(), connectionId: pulumi.runtime.unknownValue, tenant: asSecret(pulumi.runtime.unknownValue) });
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
  const provider = (env: Record<string, string> = {}) =>
    makeHostedScimTokenProvider({ tokenApi: (c) => createTokenApi(c, { fetch: fake().redirectFetch() }), retry: recordingRetry([]), now: () => new Date(), env: () => env });

  it("creates with the token's own credentials, keeps them secret in the outputs, refreshes and deletes from the outputs alone", async () => {
    const p = provider();
    const created = await p.create(URN, wireInputs());
    const outs = created.outs as Record<string, unknown>;
    expect(fake().connections.get(CONN)!.map((t) => t.token_id)).toEqual([created.id]);
    expect(outs.token).toBe(fake().connections.get(CONN)![0].token);
    expect(isSecretEnvelope(outs.tenant)).toBe(true);
    expect(plainOf(outs.tenant)).toBe(tenantJson());
    // Refresh and delete get only the stored outputs: the credentials must come from there.
    const read = await p.read(created.id, URN, outs);
    expect(read.id).toBe(created.id);
    expect(isSecretEnvelope((read.props as Record<string, unknown>).tenant)).toBe(true);
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
    expect(JSON.parse(plainOf<string>(outs.tenant)).clientSecret).toBe("rotated-secret");
    expect(outs.tokenId).toBe(created.id);
  });

  it("a failure names no credential: a wrong client secret is redacted from the message", async () => {
    const p = provider();
    const error = (await p.create(URN, wireInputs({ tenant: tenantJson({ clientSecret: `${FAKE_CLIENT_SECRET}-wrong` }) })).catch((e: Error) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).not.toContain(FAKE_CLIENT_SECRET);
    expect(fake().connections.get(CONN)).toEqual([]);
  });
});
