// Starts the repository as a component plugin exactly as the Node language host does for
// `pulumi package add <dir>` (node running @pulumi/pulumi's cmd/run-plugin with the plugin directory:
// package.json `main` → pulumiPlugin.ts, compiled and type-checked by ts-node; the SDK's component
// provider host analyses the TypeScript types), and asks it over gRPC on loopback for the package
// schema, as the engine does. The child process is ended by its id.
//
// It starts in an empty directory, not in the repository: the real CLI (3.248, `pulumi package
// get-schema <dir>`) starts the plugin in the *consumer's* working directory, so ts-node finds no
// tsconfig.json of this repository and compiles with run-plugin's defaults (target ES2020). Started in
// the repository, the test would type-check with tsconfig.json's ES2022 and hide what a user meets.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startServingPlugin, stopServingPlugin } from "../harness/servingPlugin";

const REPO = path.resolve(__dirname, "..", "..");
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const grpc = require("@grpc/grpc-js");
const { ResourceProviderClient } = require("@pulumi/pulumi/proto/provider_grpc_pb.js");
const providerPb = require("@pulumi/pulumi/proto/provider_pb.js");

/** The schema JSON the plugin serves. Slow (a type-checked compile and a TypeScript program): no time limit here. */
export async function schemaFromPlugin(): Promise<unknown> {
  const consumerDir = fs.mkdtempSync(path.join(os.tmpdir(), "oktascim-consumer-"));
  try {
    const { child, port } = await startServingPlugin(require.resolve("@pulumi/pulumi/cmd/run-plugin"), [REPO], consumerDir, "the plugin");
    const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    try {
      const response: any = await new Promise((resolve, reject) =>
        client.getSchema(new providerPb.GetSchemaRequest(), (err: Error | null, res: unknown) => (err ? reject(err) : resolve(res))),
      );
      return JSON.parse(response.getSchema());
    } finally {
      client.close();
      await stopServingPlugin(child);
    }
  } finally {
    fs.rmSync(consumerDir, { recursive: true, force: true });
  }
}
