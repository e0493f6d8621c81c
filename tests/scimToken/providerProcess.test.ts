// The token resource on the real dynamic-provider process of @pulumi/pulumi, driven over gRPC the way
// the engine drives it. Refresh and destroy load the provider code from the resource's stored
// outputs, so a fix only reaches an existing token if an update rewrites that code.
import { DynamicProviderProcess } from "./dynamicProviderProcess";
import { registeredTokenInputs } from "./serializedProvider";
import { FAKE_DOMAIN } from "./fakeAuth0";

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
