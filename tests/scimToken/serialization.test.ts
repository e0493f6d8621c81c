// The dynamic provider must survive Pulumi's closure serialization: under mocks, the `__provider`
// text each ScimToken sends to the engine is small, holds no credential, is the same for every token
// (one module-level provider), and, loaded the way the provider process loads it, still works
// (its `configure` reaching the other methods, and its run-time `require("auth0")`).
import * as pulumi from "@pulumi/pulumi";
import { ScimToken } from "../../components/scimToken/resource";
import { FAKE_CLIENT_SECRET, FAKE_DOMAIN } from "./fakeAuth0";
import { CREDENTIALS } from "./testDeps";
import { SCIM_TOKEN_KIND } from "../../components/scimToken/contract";
import { PROVIDER_TENANT_KEY } from "../../components/scimToken/credentials";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireFromString = require("require-from-string") as (code: string) => { handler: () => pulumi.dynamic.ResourceProvider };

const registered = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.set(args.name, args.inputs);
        return { id: `tok_${args.name}`, state: { ...args.inputs, token: `value-of-${args.name}` } };
      },
      call: (args) => args.inputs,
    },
    "oktaScim",
    "test",
    false,
  );
});

function declare(name: string, generation: string) {
  return new ScimToken(name, {
    connectionId: "con_1",
    scopes: ["get:users", "post:users", "put:users"],
    tokenLifetimeSeconds: 7776000,
    generation,
    domain: FAKE_DOMAIN,
  });
}

const resolve = <T>(o: pulumi.Output<T>) => new Promise<T>((r) => o.apply((v) => r(v)));

it("serializes one small provider, without credentials, shared by every token", async () => {
  const a = declare("conn-scim-token-g1", "g1");
  const b = declare("conn-scim-token-g2", "g2");
  await Promise.all([resolve(a.tokenId), resolve(b.tokenId)]);
  const textA = registered.get("conn-scim-token-g1")!.__provider as string;
  const textB = registered.get("conn-scim-token-g2")!.__provider as string;
  expect(textA).toBe(textB);
  expect(textA).not.toContain(FAKE_CLIENT_SECRET);
  // The SDK is required at run time, never inlined.
  expect(textA).toContain('require("auth0")');
  expect(textA).not.toContain("class ManagementClient");
  // So is undici, which only a configured proxy needs (proxyFetch.ts).
  expect(textA).toContain('require("undici")');
  expect(textA).not.toContain("class ProxyAgent");
  expect(textA.length).toBeLessThan(100_000);
  expect(registered.get("conn-scim-token-g1")).toMatchObject({ kind: SCIM_TOKEN_KIND, generation: "g1", tokenLifetimeSeconds: 7776000, domain: FAKE_DOMAIN });
  // Nor do the token's inputs hold a credential: the provider looks them up at call time.
  expect(registered.get("conn-scim-token-g1")).not.toHaveProperty("credentials");
  expect(JSON.stringify(registered.get("conn-scim-token-g1"))).not.toContain(CREDENTIALS.clientId);
});

it("asks the engine to keep the token secret", async () => {
  // The mock monitor does not apply additionalSecretOutputs (the engine does), so check the request.
  let options: pulumi.CustomResourceOptions | undefined;
  const t = new ScimToken(
    "conn-scim-token-g3",
    { connectionId: "con_1", scopes: ["get:users"], generation: "g3", domain: FAKE_DOMAIN },
    { transformations: [(args) => void (options = args.opts)] },
  );
  await resolve(t.tokenId);
  expect(options?.additionalSecretOutputs).toEqual(["token"]);
  expect(registered.get("conn-scim-token-g3")).not.toHaveProperty("tokenLifetimeSeconds");
});

it("runs once deserialized the way the provider process does", async () => {
  declare("conn-scim-token-g4", "g4");
  await new Promise((r) => setImmediate(r));
  await resolve(declare("conn-scim-token-g5", "g5").tokenId);
  const provider = requireFromString(registered.get("conn-scim-token-g5")!.__provider as string).handler();
  const news = { kind: SCIM_TOKEN_KIND, connectionId: "con_1", scopes: ["get:users"], generation: "g5", domain: "bad/domain", tokenLifetimeSeconds: 900 };
  const checked = await provider.check!({}, news);
  expect(checked.failures?.map((f) => f.property)).toEqual(["tokenLifetimeSeconds"]);
  const create = () => provider.create({ ...news, tokenLifetimeSeconds: 7776000 }).catch((e: Error) => e) as Promise<Error>;
  expect((await create()).message).toMatch(/No Auth0 Management API credentials for tenant bad\/domain/);
  // What `configure` received reaches `create`; a domain the SDK refuses then fails before any
  // request: proves the run-time require("auth0") resolved.
  const config: Record<string, string> = { [PROVIDER_TENANT_KEY]: JSON.stringify({ ...CREDENTIALS, domain: "bad/domain" }) };
  await provider.configure!({ config: { get: (k) => config[k], require: (k) => config[k] } });
  const error = await create();
  expect(error.message).toMatch(/ManagementClient: invalid domain/);
  expect(error.message).not.toContain(FAKE_CLIENT_SECRET);
});

it("keeps the message of an Auth0 failure once deserialized (closure serialization drops what `super(message)` sets)", async () => {
  await resolve(declare("conn-scim-token-g6", "g6").tokenId);
  const provider = requireFromString(registered.get("conn-scim-token-g6")!.__provider as string).handler();
  // Nothing listens on port 1: the SDK's requests fail, are retried (about 8 s of backoff), then reported.
  const tenant = { ...CREDENTIALS, domain: "127.0.0.1:1" };
  const config: Record<string, string> = { [PROVIDER_TENANT_KEY]: JSON.stringify(tenant) };
  await provider.configure!({ config: { get: (k) => config[k], require: (k) => config[k] } });
  const state = { kind: SCIM_TOKEN_KIND, connectionId: "con_1", scopes: ["get:users"], generation: "g6", domain: tenant.domain, tokenId: "tok_1", token: "t0k3n-value" };
  const error = (await provider.read!("tok_1", state).catch((e: Error) => e)) as Error;
  expect(error.message).toMatch(/Could not read the SCIM tokens \(generation "g6"\) of connection con_1 on 127\.0\.0\.1:1: could not reach/);
}, 120_000);

it("refuses to import a token or read one by id, before anything is registered", () => {
  const args = { connectionId: "con_1", scopes: ["get:users"], generation: "g7", domain: FAKE_DOMAIN };
  expect(() => new ScimToken("conn-scim-token-g7", args, { import: "tok_existing" })).toThrow(/ScimToken "conn-scim-token-g7": a SCIM token cannot be imported or read by id, because Auth0 never returns a token's value/);
  expect(() => new ScimToken("conn-scim-token-g8", args, { id: "tok_existing" })).toThrow(/cannot be imported or read by id/);
  expect(registered.has("conn-scim-token-g7")).toBe(false);
  expect(registered.has("conn-scim-token-g8")).toBe(false);
});
