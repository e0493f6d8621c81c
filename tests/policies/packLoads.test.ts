// Loads the pack the way the Pulumi CLI's analyzer plugin does (node running @pulumi/pulumi's
// run-policy-pack in policies/, which compiles and type-checks index.ts with ts-node and serves the
// pack over gRPC on a loopback port it prints), then asks it over gRPC: its policies, and one
// Analyze call whose answer must match what the test adapter + runner report for the same resource.
import type { ChildProcess } from "child_process";
import * as path from "path";
import { startServingPlugin, stopServingPlugin } from "../harness/servingPlugin";
import { REPO_ROOT } from "../harness/stackFile";
import { policies } from "../../policies/policies";
import { runPack } from "./runPack";
import { wrapProps, type BaseResourceArgs } from "./policyArgs";

const PACK_DIR = path.join(REPO_ROOT, "policies");
const fromPack = (m: string) => require(path.join(PACK_DIR, "node_modules", m));
/* eslint-disable @typescript-eslint/no-explicit-any */
const grpc = fromPack("@grpc/grpc-js");
const { AnalyzerClient } = fromPack("@pulumi/pulumi/proto/analyzer_grpc_pb.js");
const analyzerPb = fromPack("@pulumi/pulumi/proto/analyzer_pb.js");
const { Struct } = fromPack("google-protobuf/google/protobuf/struct_pb.js");
const { Empty } = fromPack("google-protobuf/google/protobuf/empty_pb.js");

let child: ChildProcess;
let client: any;

beforeAll(async () => {
  let port: string;
  ({ child, port } = await startServingPlugin(path.join(PACK_DIR, "node_modules/@pulumi/pulumi/cmd/run-policy-pack"), ["127.0.0.1:0", "."], PACK_DIR, "the pack"));
  client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
});

afterAll(async () => {
  client?.close();
  await stopServingPlugin(child);
});

const call = <T>(method: string, request: unknown) =>
  new Promise<T>((resolve, reject) => client[method](request, (err: Error | null, res: T) => (err ? reject(err) : resolve(res))));

it("serves every policy of policies.ts under the pack's name, with config schemas", async () => {
  const info: any = await call("getAnalyzerInfo", new Empty());
  expect(info.getName()).toBe("okta-auth0-inbound-scim");
  expect(info.getVersion()).toBe(require(path.join(PACK_DIR, "package.json")).version);
  const served = info.getPoliciesList().map((p: any) => p.getName());
  expect(served).toEqual(policies.map((p) => p.name));
  const scopes = info.getPoliciesList().find((p: any) => p.getName() === "auth0-scim-token-scopes");
  expect(scopes.getConfigschema().getProperties().toJavaScript().allowedScopes.default).toEqual(["get:users", "post:users", "put:users"]);
});

it("answers Analyze as the adapter and runner do for the same resource", async () => {
  const type = "auth0:index/connection:Connection";
  const urn = "urn:pulumi:dev::oktaScim::auth0:index/connection:Connection::c";
  const props = { name: "c", strategy: "okta", options: { setUserRootAttributes: "on_each_login", scopes: ["openid"] } };
  const request = new analyzerPb.AnalyzeRequest();
  request.setType(type);
  request.setUrn(urn);
  request.setName("c");
  request.setProperties(Struct.fromJavaScript(props));
  const options = new analyzerPb.AnalyzerResourceOptions();
  options.setProtect(false);
  request.setOptions(options);
  const response: any = await call("analyze", request);
  const fromServer = response.getDiagnosticsList().map((d: any) => [d.getPolicyname(), d.getMessage()]).sort();

  const args: BaseResourceArgs = {
    type,
    urn,
    name: "c",
    props: wrapProps(props),
    opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
    stackTags: new Map(),
    isType: () => false,
    asType: (() => undefined) as BaseResourceArgs["asType"],
    notApplicable: () => {
      throw new Error("not applicable");
    },
  };
  const fromRunner = (await runPack(policies, { resources: [args], stackResources: [] })).diagnostics.map((d) => [d.policyName, d.message]).sort();
  expect(fromServer.map((d: string[]) => d[0])).toEqual(["auth0-connection-protected", "auth0-okta-connection-sync-on-first-login"]);
  expect(fromRunner).toEqual(fromServer);
});
