// The dynamic provider must survive Pulumi's closure serialization: under mocks, the `__provider`
// text each ScimToken sends to the engine is small, holds no credential, is the same for every token
// (one module-level provider), and, loaded the way the provider process loads it, still works
// (including its run-time `require("auth0")`).
import * as pulumi from "@pulumi/pulumi";
import { ScimToken } from "../../components/scimToken/resource";
import { FAKE_CLIENT_SECRET } from "./fakeAuth0";
import { CREDENTIALS } from "./testDeps";
import { SCIM_TOKEN_KIND } from "../../components/scimToken/contract";

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
    credentials: CREDENTIALS,
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
  expect(registered.get("conn-scim-token-g1")).toMatchObject({ kind: SCIM_TOKEN_KIND, generation: "g1", tokenLifetimeSeconds: 7776000 });
});

it("asks the engine to keep the token and the credentials secret", async () => {
  // The mock monitor does not apply additionalSecretOutputs (the engine does), so check the request.
  let options: pulumi.CustomResourceOptions | undefined;
  const t = new ScimToken(
    "conn-scim-token-g3",
    { connectionId: "con_1", scopes: ["get:users"], generation: "g3", credentials: CREDENTIALS },
    { transformations: [(args) => void (options = args.opts)] },
  );
  await resolve(t.tokenId);
  expect(options?.additionalSecretOutputs).toEqual(["token", "credentials"]);
  expect(registered.get("conn-scim-token-g3")).not.toHaveProperty("tokenLifetimeSeconds");
});

it("runs once deserialized the way the provider process does", async () => {
  declare("conn-scim-token-g4", "g4");
  await new Promise((r) => setImmediate(r));
  await resolve(declare("conn-scim-token-g5", "g5").tokenId);
  const provider = requireFromString(registered.get("conn-scim-token-g5")!.__provider as string).handler();
  const news = { kind: SCIM_TOKEN_KIND, connectionId: "con_1", scopes: ["get:users"], generation: "g5", credentials: CREDENTIALS, tokenLifetimeSeconds: 900 };
  const checked = await provider.check!({}, news);
  expect(checked.failures?.map((f) => f.property)).toEqual(["tokenLifetimeSeconds"]);
  // A domain the SDK refuses fails before any request: proves the run-time require("auth0") resolved.
  const error = (await provider.create({ ...news, credentials: { ...CREDENTIALS, domain: "bad/domain" } }).catch((e: Error) => e)) as Error;
  expect(error.message).toMatch(/ManagementClient: invalid domain/);
  expect(error.message).not.toContain(FAKE_CLIENT_SECRET);
});
