// `npm run engine:install`: builds the real Pulumi engine from the Go module proxy, into a cache outside
// the repository (scripts/engine/layout.ts says where and why):
//   - the Pulumi CLI at the version of @pulumi/pulumi in package-lock.json,
//   - the Node.js language host (sdk/v3 at LANGUAGE_HOST_SDK_VERSION),
//   - the dynamic-provider launcher script `pulumi-resource-pulumi-nodejs` from sdk/v3 at the CLI's version.
// A cache entry whose stamp matches the versions is reused as is (seconds). Nothing lands in the repo.
// Prints the bin directory last, so scripts can take the last line.
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  BINARIES,
  BUILD_TAGS,
  LANGUAGE_HOST_SDK_VERSION,
  binDir,
  cacheRoot,
  cliGoMod,
  engineDir,
  hostGoMod,
  lockedPulumiVersion,
  stampMatches,
  versionLdflags,
  type EngineStamp,
  type EngineVersions,
} from "./layout";

const REPO_ROOT = path.resolve(__dirname, "..", "..");

function say(line: string) {
  process.stdout.write(`engine:install: ${line}\n`);
}

function fail(message: string): never {
  process.stderr.write(`engine:install: ${message}\n`);
  process.exit(1);
}

function goVersion(): string {
  const r = spawnSync("go", ["version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    fail(
      "Go is not installed (no `go` on PATH). The engine is built from the Go module proxy: install Go 1.25 or newer " +
        "(https://go.dev/dl/ or your package manager), then run `npm run engine:install` again.",
    );
  }
  return r.stdout.trim();
}

/** Runs `go …` in `cwd`, appending its output to `logFile`; fails with the log's tail. */
function go(args: string[], cwd: string, logFile: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  fs.appendFileSync(logFile, `\n$ go ${args.join(" ")}\n`);
  const log = fs.openSync(logFile, "a");
  return new Promise((resolve) => {
    const child = spawn("go", args, { cwd, stdio: ["ignore", log, log], env: { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-mod=mod", ...env } });
    child.on("close", (code) => {
      fs.closeSync(log);
      if (code === 0) return resolve();
      const tail = fs.readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-25).join("\n");
      fail(`\`go ${args.join(" ")}\` failed (exit ${code}) in ${cwd}; last lines of ${logFile}:\n${tail}`);
    });
  });
}

async function timed(label: string, step: () => Promise<void>): Promise<number> {
  const started = Date.now();
  say(`${label} …`);
  await step();
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  say(`${label}: done in ${seconds} s`);
  return seconds;
}

async function buildCli(dir: string, versions: EngineVersions, logFile: string) {
  const work = path.join(dir, "build", "cli");
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(work, "go.mod"), cliGoMod(versions.cli));
  const pkg = "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi";
  await go(["get", `${pkg}@v${versions.cli}`], work, logFile);
  await go(["build", "-tags", BUILD_TAGS, "-ldflags", versionLdflags(versions.cli), "-o", path.join(binDir(dir), "pulumi"), pkg], work, logFile);
}

async function buildLanguageHost(dir: string, versions: EngineVersions, logFile: string) {
  const work = path.join(dir, "build", "host");
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(work, "go.mod"), hostGoMod(versions.languageHost));
  const pkg = "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs";
  await go(["get", `${pkg}@v${versions.languageHost}`], work, logFile);
  await go(["build", "-tags", BUILD_TAGS, "-ldflags", versionLdflags(versions.languageHost), "-o", path.join(binDir(dir), "pulumi-language-nodejs"), pkg], work, logFile);
}

/** The launcher is a shell script shipped inside the sdk/v3 module at the CLI's version. */
async function copyLauncher(dir: string, versions: EngineVersions, logFile: string) {
  const work = path.join(dir, "build", "cli");
  await go(["mod", "download", `github.com/pulumi/pulumi/sdk/v3@v${versions.cli}`], work, logFile);
  const r = spawnSync("go", ["list", "-m", "-f", "{{.Dir}}", `github.com/pulumi/pulumi/sdk/v3@v${versions.cli}`], { cwd: work, encoding: "utf8", env: { ...process.env, GOFLAGS: "-mod=mod" } });
  const moduleDir = r.stdout.trim();
  const source = path.join(moduleDir, "nodejs", "dist", "pulumi-resource-pulumi-nodejs");
  if (r.status !== 0 || !fs.existsSync(source)) fail(`could not find pulumi-resource-pulumi-nodejs in sdk/v3 v${versions.cli} (${moduleDir || r.stderr.trim()})`);
  const target = path.join(binDir(dir), "pulumi-resource-pulumi-nodejs");
  fs.copyFileSync(source, target);
  fs.chmodSync(target, 0o755);
}

async function main() {
  const started = Date.now();
  const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package-lock.json"), "utf8"));
  const versions: EngineVersions = { cli: lockedPulumiVersion(lock), languageHost: LANGUAGE_HOST_SDK_VERSION };
  const dir = engineDir(cacheRoot(process.env, os.homedir()), versions);
  const stampFile = path.join(dir, "engine.json");
  const bin = binDir(dir);

  const stamp = fs.existsSync(stampFile) ? JSON.parse(fs.readFileSync(stampFile, "utf8")) : undefined;
  if (stampMatches(stamp, versions) && BINARIES.every((b) => fs.existsSync(path.join(bin, b)))) {
    say(`Pulumi CLI ${versions.cli} and language host ${versions.languageHost} already built (${(stamp as EngineStamp).builtAt}); reused in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    say(`bin: ${bin}`);
    return;
  }

  const goVer = goVersion();
  say(`building Pulumi CLI ${versions.cli} (the @pulumi/pulumi version in package-lock.json) and language host ${versions.languageHost} with ${goVer}`);
  say(`into ${dir}; Go output goes to ${path.join(dir, "build.log")}`);
  fs.rmSync(stampFile, { force: true });
  fs.mkdirSync(bin, { recursive: true });
  const logFile = path.join(dir, "build.log");
  fs.writeFileSync(logFile, `engine:install ${new Date().toISOString()} ${goVer}\n`);

  const cli = await timed(`Pulumi CLI ${versions.cli} (module download + build)`, () => buildCli(dir, versions, logFile));
  const languageHost = await timed(`Node.js language host ${versions.languageHost}`, () => buildLanguageHost(dir, versions, logFile));
  const launcher = await timed("dynamic-provider launcher pulumi-resource-pulumi-nodejs", () => copyLauncher(dir, versions, logFile));
  const total = Math.round((Date.now() - started) / 100) / 10;

  const version = spawnSync(path.join(bin, "pulumi"), ["version"], { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } }).stdout.trim();
  if (version !== `v${versions.cli}`) fail(`the built CLI reports "${version}", expected v${versions.cli}`);
  const written: EngineStamp = { ...versions, go: goVer, builtAt: new Date().toISOString(), seconds: { cli, languageHost, launcher, total } };
  fs.writeFileSync(stampFile, `${JSON.stringify(written, null, 2)}\n`);
  say(`built in ${total} s (CLI ${cli} s, language host ${languageHost} s); \`pulumi version\` = ${version}`);
  say(`bin: ${bin}`);
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
