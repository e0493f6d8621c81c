// The real `pulumi-nodejs` dynamic-provider process of @pulumi/pulumi (cmd/dynamic-provider), started
// the way the engine's launcher script starts it, and driven over gRPC the way the engine drives it:
// Configure first, then Check/Diff/Create/Read/Update/Delete with Structs that carry `__provider`.
// What this shows that calling the provider object directly cannot: which serialized provider the
// process runs for each call, and what it writes back into the resource's outputs.
import { spawn, type ChildProcess } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";

type Bag = Record<string, unknown>;
const struct = (bag: Bag) => structproto.Struct.fromJavaScript(bag as Record<string, structproto.JavaScriptValue>);
const URN = "urn:pulumi:test::oktaScim::pulumi-nodejs:dynamic/scimToken:ScimToken::okta-acme-scim-token-g1";

export interface DiffAnswer {
  changes: "none" | "some" | "unknown";
  replaces: string[];
}

export class DynamicProviderProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly client: provrpc.ResourceProviderClient,
    readonly stderr: string[],
  ) {}

  /** Starts the process with `env` added to this process's environment (the engine passes its own). */
  static async start(env: Record<string, string> = {}): Promise<DynamicProviderProcess> {
    const script = path.join(path.dirname(require.resolve("@pulumi/pulumi/package.json")), "cmd", "dynamic-provider", "index.js");
    // The engine address is required by the command line but unused by the provider service.
    const child = spawn(process.execPath, [script, "127.0.0.1:1"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const stderr: string[] = [];
    child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
    const port = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.match(/^(\d+)\s*$/m);
        if (line) resolve(line[1]);
      });
      child.once("exit", (code) => reject(new Error(`dynamic provider exited (${code}) before listening: ${stderr.join("")}`)));
    });
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return new DynamicProviderProcess(child, client, stderr);
  }

  private call<Res>(invoke: (done: (err: grpc.ServiceError | null, res: Res) => void) => unknown): Promise<Res> {
    return new Promise((resolve, reject) => invoke((err, res) => (err ? reject(err) : resolve(res))));
  }

  /** The engine's Configure: the explicit provider's inputs (from the program, or from the state on refresh/destroy). */
  async configure(args: Bag): Promise<void> {
    const req = new provproto.ConfigureRequest().setArgs(struct(args));
    await this.call<provproto.ConfigureResponse>((done) => this.client.configure(req, done));
  }

  async diff(id: string, olds: Bag, news: Bag): Promise<DiffAnswer> {
    const req = new provproto.DiffRequest().setId(id).setUrn(URN).setOlds(struct(olds)).setNews(struct(news));
    const res = await this.call<provproto.DiffResponse>((done) => this.client.diff(req, done));
    const kinds = provproto.DiffResponse.DiffChanges;
    const changes: DiffAnswer["changes"] = res.getChanges() === kinds.DIFF_NONE ? "none" : res.getChanges() === kinds.DIFF_SOME ? "some" : "unknown";
    return { changes, replaces: res.getReplacesList() };
  }

  /** The outputs the engine would store after the update. */
  async update(id: string, olds: Bag, news: Bag): Promise<Bag> {
    const req = new provproto.UpdateRequest().setId(id).setUrn(URN).setOlds(struct(olds)).setNews(struct(news));
    const res = await this.call<provproto.UpdateResponse>((done) => this.client.update(req, done));
    return (res.getProperties()?.toJavaScript() ?? {}) as Bag;
  }

  /** Refresh: the id and outputs the engine would store (an empty id means "gone"). */
  async read(id: string, props: Bag): Promise<{ id: string; props: Bag }> {
    const req = new provproto.ReadRequest().setId(id).setUrn(URN).setProperties(struct(props));
    const res = await this.call<provproto.ReadResponse>((done) => this.client.read(req, done));
    return { id: res.getId(), props: (res.getProperties()?.toJavaScript() ?? {}) as Bag };
  }

  async delete(id: string, props: Bag): Promise<void> {
    const req = new provproto.DeleteRequest().setId(id).setUrn(URN).setProperties(struct(props));
    await this.call<unknown>((done) => this.client.delete(req, done));
  }

  async stop(): Promise<void> {
    this.client.close();
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.kill();
    await exited;
  }
}
