// The package as a consumer gets it: `npm pack` (which builds dist/ through `prepack`), install the
// tarball into a fresh temporary project with only the public dependencies (from the npm cache),
// type-check the example consumer program (examples/consumer/index.ts) there with `tsc --strict`, and
// run it under Pulumi's mocks. Slow on purpose (a real build and install): timeouts are generous and
// nothing is timed; the temporary project and the tarball are removed afterwards.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";

const run = promisify(execFile);
const REPO = path.resolve(__dirname, "..", "..");
const MINUTES = 60_000;
const repoPackage = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as {
  name: string;
  version: string;
  devDependencies: Record<string, string>;
};

interface Registration {
  type: string;
  name: string;
  provider: string | null;
}

let work: string;
let tarball: string;
let packedFiles: string[];

async function sh(command: string, args: string[], cwd: string): Promise<string> {
  const { stdout } = await run(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 20 * MINUTES, env: { ...process.env, npm_config_update_notifier: "false" } });
  return stdout;
}

function result<T>(stdout: string): T {
  const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`the runner printed no result:\n${stdout}`);
  return JSON.parse(line.slice("RESULT ".length)) as T;
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "okta-scim-consumer-"));
  const packed = JSON.parse(await sh("npm", ["pack", "--json", "--pack-destination", work], REPO)) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, packed[0].filename);
  packedFiles = packed[0].files.map((f) => f.path).sort();

  const project = path.join(work, "project");
  fs.mkdirSync(project);
  const pin = (name: string) => repoPackage.devDependencies[name];
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({
      name: "consumer",
      private: true,
      dependencies: {
        [repoPackage.name]: `file:${tarball}`,
        "@pulumi/pulumi": pin("@pulumi/pulumi"),
        "@pulumi/auth0": pin("@pulumi/auth0"),
        "@pulumi/okta": pin("@pulumi/okta"),
        typescript: pin("typescript"),
        "@types/node": pin("@types/node"),
      },
    }),
  );
  fs.copyFileSync(path.join(REPO, "examples", "consumer", "index.ts"), path.join(project, "index.ts"));
  fs.copyFileSync(path.join(REPO, "examples", "consumer", "tsconfig.json"), path.join(project, "tsconfig.json"));
  // --ignore-scripts: @pulumi/auth0 and @pulumi/okta download their engine plugin at install time,
  // which neither a type-check nor a mocked run needs (and this machine has no internet).
  await sh("npm", ["install", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund"], project);
}, 30 * MINUTES);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

// npm always packs the file `main` names: pulumiPlugin.ts, the component plugin's entry (see its header),
// which library users never load (they get `exports`: dist/api.js).
const TOP_LEVEL_FILES = ["package.json", "LICENSE", "CHANGELOG.md", "README.md", "docs/using-the-component.md", "pulumiPlugin.ts"];

test("the tarball holds the build, the license and the changelog, and no other source, test or stack file", () => {
  expect(packedFiles).toEqual(expect.arrayContaining(["package.json", "LICENSE", "CHANGELOG.md", "README.md", "docs/using-the-component.md", "dist/api.js", "dist/api.d.ts", "dist/api.js.map"]));
  const unexpected = packedFiles.filter((f) => !/^dist\/.+\.(js|d\.ts|js\.map)$/.test(f) && !TOP_LEVEL_FILES.includes(f));
  expect(unexpected).toEqual([]);
  expect(packedFiles.filter((f) => /(^|\/)(tests|verify|scripts|offline|policies)\//.test(f) || f.includes("Pulumi."))).toEqual([]);
});

test("the consumer installs with only the public dependencies: exactly the packages the build requires", () => {
  const installedDir = path.join(work, "project", "node_modules", repoPackage.name);
  const installed = JSON.parse(fs.readFileSync(path.join(installedDir, "package.json"), "utf8")) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> };
  const required = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".js")) {
        for (const m of fs.readFileSync(file, "utf8").matchAll(/require\("([^"./][^"]*)"\)/g)) required.add(m[1].startsWith("@") ? m[1].split("/").slice(0, 2).join("/") : m[1].split("/")[0]);
      }
    }
  };
  walk(path.join(installedDir, "dist"));
  const nodeBuiltins = new Set(require("module").builtinModules as string[]);
  const declared = [...Object.keys(installed.dependencies ?? {}), ...Object.keys(installed.peerDependencies ?? {})].sort();
  expect([...required].filter((m) => !nodeBuiltins.has(m) && !m.startsWith("node:")).sort()).toEqual(declared);
  // The Pulumi SDKs are the program's own (one copy per program), not the package's.
  expect(Object.keys(installed.peerDependencies).sort()).toEqual(["@pulumi/auth0", "@pulumi/okta", "@pulumi/pulumi"]);
});

test("the example consumer type-checks with tsc --strict against the installed package (no cast, no parse)", async () => {
  const source = fs.readFileSync(path.join(work, "project", "index.ts"), "utf8");
  expect(source).not.toMatch(/\bas (any|unknown)\b|\.parse\(/);
  await sh(process.execPath, [path.join("node_modules", "typescript", "bin", "tsc"), "--strict", "-p", "."], path.join(work, "project"));
  expect(fs.existsSync(path.join(work, "project", "bin", "index.js"))).toBe(true);
}, 20 * MINUTES);

test("it runs under Pulumi's mocks and declares both halves with the program's providers; the token output is secret", async () => {
  const out = result<{ registrations: Registration[]; outputs: Record<string, unknown>; tokenIsSecret: boolean }>(
    await sh(process.execPath, [path.join(__dirname, "consumerRunner.cjs"), path.join(work, "project"), "good"], work),
  );
  const types = out.registrations.map((r) => r.type);
  expect(types).toEqual(
    expect.arrayContaining([
      "oktaScim:index:OktaAuth0ScimIntegration",
      "auth0:index/connection:Connection",
      "auth0:index/connectionScimConfiguration:ConnectionScimConfiguration",
      "pulumi-nodejs:dynamic/scimToken:ScimToken",
      "okta:app/oAuth:OAuth",
      "okta:app/autoLogin:AutoLogin",
    ]),
  );
  const connection = out.registrations.find((r) => r.type === "auth0:index/connection:Connection")!;
  expect(connection.provider).toContain("pulumi:providers:auth0::tenant::");
  const oidc = out.registrations.find((r) => r.type === "okta:app/oAuth:OAuth")!;
  expect(oidc.provider).toContain("pulumi:providers:okta::okta-acme::");
  expect(out.outputs.scimEndpointUrl).toBe("https://acme.eu.auth0.com/scim/v2/connections/acme-workforce-auth0-connection-id");
  expect(out.outputs.consoleChecklist).toEqual(expect.stringContaining("acme-workforce-scim-token"));
  expect(out.tokenIsSecret).toBe(true);
}, 20 * MINUTES);

test("bad args from the installed package: the same clear errors by args path, nothing registered, no secret printed", async () => {
  const out = result<{ registrations: Registration[]; message: string; isArgsError: boolean }>(
    await sh(process.execPath, [path.join(__dirname, "consumerRunner.cjs"), path.join(work, "project"), "bad"], work),
  );
  expect(out.isArgsError).toBe(true);
  expect(out.message).toContain('Invalid args of OktaAuth0ScimIntegration "acme"');
  expect(out.message).toContain("args.auth0.domain: must be the tenant's own domain ending in .auth0.com");
  expect(out.message).toContain("args.auth0.clientId: must be an Auth0 client id");
  expect(out.message).toContain("args.oidcApp.label: is required");
  expect(out.message).toContain("args.scimApp.url: must use https://");
  expect(out.message).not.toContain("s3cr3t-value");
  expect(out.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack")).toEqual([]);
}, 20 * MINUTES);
