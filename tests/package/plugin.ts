// Starts the repository as a component plugin exactly as the Node language host does for
// `pulumi package add <dir>` (node running @pulumi/pulumi's cmd/run-plugin with the plugin directory:
// package.json `main` → pulumiPlugin.ts, compiled and type-checked by ts-node; the SDK's component
// provider host analyses the TypeScript types), and asks it over gRPC on loopback for the package
// schema, as the engine does. The child process is ended by its id.
import { spawn } from "child_process";
import { once } from "events";
import * as path from "path";

const REPO = path.resolve(__dirname, "..", "..");
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const grpc = require("@grpc/grpc-js");
const { ResourceProviderClient } = require("@pulumi/pulumi/proto/provider_grpc_pb.js");
const providerPb = require("@pulumi/pulumi/proto/provider_pb.js");

/** The schema JSON the plugin serves. Slow (a type-checked compile and a TypeScript program): no time limit here. */
export async function schemaFromPlugin(): Promise<unknown> {
  const child = spawn(process.execPath, [require.resolve("@pulumi/pulumi/cmd/run-plugin"), REPO], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
  let client: any;
  try {
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += String(d)));
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (d) => {
        const line = String(d).trim();
        if (/^\d+$/.test(line)) resolve(line);
      });
      child.on("exit", (code) => reject(new Error(`the plugin exited (${code}) before serving:\n${stderr}`)));
    });
    client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const response: any = await new Promise((resolve, reject) =>
      client.getSchema(new providerPb.GetSchemaRequest(), (err: Error | null, res: unknown) => (err ? reject(err) : resolve(res))),
    );
    return JSON.parse(response.getSchema());
  } finally {
    client?.close();
    if (child.exitCode === null) {
      child.kill();
      await once(child, "exit");
    }
  }
}
