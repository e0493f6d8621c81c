// The token resource on the real dynamic-provider process of @pulumi/pulumi, driven over gRPC the way
// the engine drives it. Refresh and destroy load the provider code from the resource's stored
// outputs, so a fix only reaches an existing token if an update rewrites that code; the client
// credentials reach the process through Configure (the explicit provider's inputs), never through
// the token's state; an expired token stops the diff with the rotation to do.
import * as pulumi from "@pulumi/pulumi";
import { DynamicProviderProcess } from "./dynamicProviderProcess";
import { registeredTokenInputs } from "./serializedProvider";
import { FAKE_DOMAIN } from "./fakeAuth0";
import { CREDENTIALS } from "./testDeps";
import { PROVIDER_TENANT_KEY } from "../../components/scimToken/credentials";

let proc: DynamicProviderProcess;
let inputs: Record<string, unknown>;
let code: string;

beforeAll(async () => {
  inputs = await registeredTokenInputs({ connectionId: "con_1", scopes: ["get:users", "post:users", "put:users"], tokenLifetimeSeconds: 7776000, generation: "g1", domain: FAKE_DOMAIN });
  code = inputs.__provider as string;
  proc = await DynamicProviderProcess.start();
  await proc.configure({});
}, 60_000);
afterAll(() => proc?.stop());

/** What a token created by an earlier release holds: the same values, that release's code. */
const stateCreatedBy = (providerCode: string) => ({
  ...inputs,
  __provider: providerCode,
  tokenId: "tok_1",
  token: "the-token-value",
  validUntil: "2099-01-01T00:00:00.000Z",
  createdAt: "2098-10-03T00:00:00.000Z",
  lastUsedAt: null,
});

it("a token whose provider code changed is updated in place, and the new code is what the engine stores", async () => {
  const earlier = `${code}\n// an earlier release of components/scimToken\n`;
  const olds = stateCreatedBy(earlier);
  expect(await proc.diff("tok_1", olds, inputs)).toEqual({ changes: "some", replaces: [] });
  const outs = await proc.update("tok_1", olds, inputs);
  expect(outs.__provider).toBe(code);
  expect(outs).toMatchObject({ tokenId: "tok_1", token: "the-token-value", validUntil: "2099-01-01T00:00:00.000Z", generation: "g1" });
  // Once rewritten, the same code is no change.
  expect(await proc.diff("tok_1", { ...olds, ...outs }, inputs)).toEqual({ changes: "none", replaces: [] });
}, 60_000);

it("an expired token's diff fails with the rotation to do, and the message reaches the engine", async () => {
  const expired = { ...stateCreatedBy(code), validUntil: "2020-01-01T00:00:00.000Z" };
  const error = (await proc.diff("tok_1", expired, inputs).catch((e: Error & { details?: string }) => e)) as Error & { details?: string };
  expect(error.details).toMatch(/SCIM token generation "g1" of connection con_1 expired at 2020-01-01T00:00:00.000Z/);
  expect(error.details).toMatch(/remove generation "g1" and add a new generation/);
}, 60_000);

it("the client credentials come from the explicit provider's inputs through Configure (secret as the engine sends it)", async () => {
  // A second process: the provider is configured once per process, with what Configure sent.
  const configured = await DynamicProviderProcess.start({ AUTH0_DOMAIN: "", AUTH0_CLIENT_ID: "", AUTH0_CLIENT_SECRET: "" });
  const unconfigured = await DynamicProviderProcess.start({ AUTH0_DOMAIN: "", AUTH0_CLIENT_ID: "", AUTH0_CLIENT_SECRET: "" });
  try {
    // A domain the SDK refuses fails before any request, so the SDK error proves the credentials reached it.
    const tenant = JSON.stringify({ ...CREDENTIALS, domain: "bad/domain" });
    await configured.configure({ [PROVIDER_TENANT_KEY]: { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value: tenant } });
    await unconfigured.configure({});
    const state = { ...stateCreatedBy(code), domain: "bad/domain" };
    const read = (p: DynamicProviderProcess) => p.read("tok_1", state).catch((e: Error & { details?: string }) => e) as Promise<Error & { details?: string }>;
    expect((await read(configured)).details).toMatch(/ManagementClient: invalid domain/);
    expect((await read(unconfigured)).details).toMatch(/No Auth0 Management API credentials for tenant bad\/domain/);
  } finally {
    await Promise.all([configured.stop(), unconfigured.stop()]);
  }
}, 60_000);
