// The SCIM token type served by the package's own plugin, started as the engine starts it for a Go or
// Python program (run-plugin in the consumer's directory) and driven over gRPC as the engine drives it.
// What only the real process shows: the SDK's provider server routes the token type to the hosted
// provider (not to "unknown resource type"), Check hands back the secret tenant as it came, the
// credentials of the token's own input reach the auth0 SDK, and any other type is refused by name.
import * as pulumi from "@pulumi/pulumi";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { SCIM_TOKEN_KIND } from "../../components/scimToken/contract";
import { CREDENTIALS } from "../scimToken/testDeps";
import { callPlugin, startPlugin, type StartedPlugin } from "./plugin";

const TOKEN_URN = "urn:pulumi:dev::go-consumer::oktaScim:index:OktaAuth0ScimIntegration$oktaScim:index:ScimToken::go-workforce-scim-token-2026-12";
const secret = (value: unknown) => ({ [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value });
const struct = (bag: Record<string, unknown>) => structproto.Struct.fromJavaScript(bag as Record<string, structproto.JavaScriptValue>);
// A domain the auth0 SDK refuses before any request: its error proves the credentials reached it.
const inputs = (tenant: Record<string, string>) => ({
  kind: SCIM_TOKEN_KIND,
  connectionId: "con_1",
  scopes: ["get:users", "post:users", "put:users"],
  tokenLifetimeSeconds: 7776000,
  generation: "2026-12",
  domain: "bad/domain",
  tenant: secret(JSON.stringify(tenant)),
});

let plugin: StartedPlugin;
// No credentials in the environment: they must come from the token's input.
beforeAll(async () => (plugin = await startPlugin({ AUTH0_DOMAIN: "", AUTH0_CLIENT_ID: "", AUTH0_CLIENT_SECRET: "" })));
afterAll(() => plugin?.stop());

const details = (e: unknown) => (e as { details?: string }).details ?? String(e);

it("Check of a token hands the secret tenant back as it came, and names a missing credential", async () => {
  const ok = await callPlugin<provproto.CheckResponse>(plugin, "check", new provproto.CheckRequest().setUrn(TOKEN_URN).setOlds(struct({})).setNews(struct(inputs({ ...CREDENTIALS, domain: "bad/domain" }))));
  expect(ok.getFailuresList()).toEqual([]);
  expect((ok.getInputs()!.toJavaScript() as Record<string, unknown>).tenant).toEqual(secret(JSON.stringify({ ...CREDENTIALS, domain: "bad/domain" })));
  const bad = await callPlugin<provproto.CheckResponse>(plugin, "check", new provproto.CheckRequest().setUrn(TOKEN_URN).setOlds(struct({})).setNews(struct(inputs({ domain: "bad/domain" }))));
  // Named in the reason only: the engine prints a named property's value, here the credentials.
  expect(bad.getFailuresList().map((f) => [f.getProperty(), f.getReason()])).toEqual([["", expect.stringMatching(/^tenant must hold/)]]);
}, 600_000);

it("Create of a token uses the token's own credentials", async () => {
  const request = new provproto.CreateRequest().setUrn(TOKEN_URN).setProperties(struct(inputs({ ...CREDENTIALS, domain: "bad/domain" })));
  const error = await callPlugin(plugin, "create", request).catch((e: unknown) => e);
  expect(details(error)).toMatch(/ManagementClient: invalid domain/);
  expect(details(error)).not.toContain(CREDENTIALS.clientSecret);
}, 600_000);

it("any other custom type is refused by name", async () => {
  const urn = "urn:pulumi:dev::go-consumer::oktaScim:index:Other::x";
  const error = await callPlugin(plugin, "create", new provproto.CreateRequest().setUrn(urn).setProperties(struct({}))).catch((e: unknown) => e);
  expect(details(error)).toMatch(/oktaScim serves no resource of type oktaScim:index:Other/);
}, 600_000);
