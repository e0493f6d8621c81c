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

export interface StartedPlugin {
  /** pulumirpc.ResourceProviderClient on the plugin's port. */
  client: any;
  stop(): Promise<void>;
}

/** The plugin, started in an empty consumer directory. Slow (a type-checked compile): no time limit here. */
export async function startPlugin(env: Record<string, string> = {}): Promise<StartedPlugin> {
  const consumerDir = fs.mkdtempSync(path.join(os.tmpdir(), "oktascim-consumer-"));
  try {
    const { child, port } = await startServingPlugin(require.resolve("@pulumi/pulumi/cmd/run-plugin"), [REPO], consumerDir, "the plugin", env);
    const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return {
      client,
      stop: async () => {
        client.close();
        await stopServingPlugin(child);
        fs.rmSync(consumerDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(consumerDir, { recursive: true, force: true });
    throw error;
  }
}

/** One unary call of the provider service, as a promise. */
export function callPlugin<Res>(plugin: StartedPlugin, method: string, request: unknown): Promise<Res> {
  return new Promise((resolve, reject) => plugin.client[method](request, (err: Error | null, res: Res) => (err ? reject(err) : resolve(res))));
}

/** The schema JSON the plugin serves. */
export async function schemaFromPlugin(): Promise<unknown> {
  const plugin = await startPlugin();
  try {
    const response: any = await callPlugin(plugin, "getSchema", new providerPb.GetSchemaRequest());
    return JSON.parse(response.getSchema());
  } finally {
    await plugin.stop();
  }
}
