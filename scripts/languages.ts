// npm run test:languages: the component as a Go or Python program gets it, with what the registries
// give (docs/using-the-component.md, "From other languages"):
// 1. the package schema the plugin serves, derived as `pulumi package get-schema` derives it (the
//    plugin run in an empty consumer directory); with `--cli <pulumi>`, also the real CLI's answer,
//    which must be equal (it needs a Node.js language host that can run plugins: 3.248, not the v3.68
//    host the Go module proxy serves, so CI derives it without the CLI);
// 2. the Go and Python SDKs, from Pulumi's own code generators (languages/gensdk), as `pulumi package
//    gen-sdk` makes them through the Go and Python language hosts;
// 3. `go build` of languages/go, a program using the Go SDK (groups by name, users by login);
//    `python3 -m py_compile` of the Python SDK (the pulumi Python SDK itself is not on this machine).
// Exit code 1 on the first failure.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { schemaFromPlugin } from "../tests/package/plugin";
import { REPO_ROOT } from "../offline/stackFile";

const LANGUAGES = path.join(REPO_ROOT, "languages");
const GO_PROGRAM = path.join(LANGUAGES, "go");
const GO_SDK = path.join(GO_PROGRAM, "sdk");
const PYTHON_SDK = path.join(LANGUAGES, "python", "sdk");
// The generated SDK's module: codegen's default import path for a package without a repository.
const GO_SDK_MODULE = "example.com/pulumi-oktaScim/sdk";

function run(what: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    process.stderr.write(`languages: ${what} failed (${seconds} s):\n${result.stderr || result.error?.message || ""}${result.stdout}\n`);
    process.exit(1);
  }
  process.stdout.write(`languages: ${what}: ok (${seconds} s)\n`);
  return result.stdout;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function main() {
  const cliAt = process.argv.indexOf("--cli");
  const cli = cliAt >= 0 ? process.argv[cliAt + 1] : undefined;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "oktascim-languages-"));
  try {
    const schema = await schemaFromPlugin();
    const schemaFile = path.join(work, "schema.json");
    fs.writeFileSync(schemaFile, JSON.stringify(schema, null, 2));
    const resources = Object.keys((schema as { resources: object }).resources);
    process.stdout.write(`languages: schema from the plugin: ${resources.join(", ")}, ${Object.keys((schema as { types: object }).types).length} types\n`);
    if (cli) {
      const consumer = fs.mkdtempSync(path.join(work, "consumer-"));
      const printed = run(`${cli} package get-schema`, cli, ["package", "get-schema", REPO_ROOT], consumer);
      const equal = JSON.stringify(JSON.parse(printed)) === JSON.stringify(schema);
      if (!equal) {
        process.stderr.write("languages: the real CLI's schema differs from the plugin's\n");
        process.exit(1);
      }
      process.stdout.write("languages: the real CLI's get-schema equals it\n");
    } else {
      process.stdout.write("languages: the real CLI's get-schema: skipped (give --cli <pulumi> with a Node.js host that runs plugins)\n");
    }

    const gensdk = path.join(work, "gensdk");
    run("build languages/gensdk", "go", ["build", "-o", gensdk, "."], path.join(LANGUAGES, "gensdk"));
    fs.rmSync(GO_SDK, { recursive: true, force: true });
    run("generate the Go SDK", gensdk, ["--schema", schemaFile, "--language", "go", "--out", path.join(GO_SDK, "go")], REPO_ROOT);
    fs.writeFileSync(path.join(GO_SDK, "go.mod"), `module ${GO_SDK_MODULE}\n\ngo 1.25.11\n\nrequire github.com/pulumi/pulumi/sdk/v3 v3.248.0\n`);
    run("go build of languages/go against the generated SDK", "go", ["build", "-o", path.join(work, "go-consumer"), "."], GO_PROGRAM);

    fs.rmSync(PYTHON_SDK, { recursive: true, force: true });
    run("generate the Python SDK", gensdk, ["--schema", schemaFile, "--language", "python", "--out", PYTHON_SDK], REPO_ROOT);
    const pythonFiles = filesUnder(PYTHON_SDK).filter((f) => f.endsWith(".py"));
    run(`python3 -m py_compile of its ${pythonFiles.length} files`, "python3", ["-m", "py_compile", ...pythonFiles], REPO_ROOT, { PYTHONPYCACHEPREFIX: path.join(work, "pycache") });
    process.stdout.write(`languages: go-sdk=${filesUnder(path.join(GO_SDK, "go")).length} files go-build=ok python-sdk=${pythonFiles.length} files python-compile=ok\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`languages: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
