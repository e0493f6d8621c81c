// What the sandbox needs from the user's Pulumi install: the CLI on PATH, the Node.js language host and
// the dynamic-provider launcher beside it or on PATH, and the auth0 and okta resource plugins as Pulumi
// installs them (`pulumi plugin ls`). Nothing is downloaded: what is missing is named, exit code 3.
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../offline/stackFile";

export const MISSING_TOOLS_EXIT_CODE = 3;
export const REQUIRED_PLUGINS = ["auth0", "okta"] as const;

export interface InstalledPlugin {
  name: string;
  kind: string;
  version: string;
}

/**
 * Required resource plugins absent from `pulumi plugin ls --json`. With `versions` (the SDK versions in
 * package.json), a plugin counts only at that version: the sandbox never lets Pulumi download one, and
 * the engine then asks for exactly the version the SDK names. Pure.
 */
export function missingPlugins(installed: readonly InstalledPlugin[], versions: Record<string, string> = {}): string[] {
  return REQUIRED_PLUGINS.filter(
    (name) => !installed.some((p) => p.kind === "resource" && p.name === name && (versions[name] === undefined || p.version === versions[name])),
  );
}

/** One message naming everything missing and how to get it. Pure. */
export function missingToolsMessage(missing: { cli?: boolean; plugins: string[]; executables: string[] }, versions: Record<string, string>): string {
  const lines = ["sandbox: cannot run, missing:"];
  if (missing.cli) lines.push("  - the Pulumi CLI (`pulumi` on PATH): https://www.pulumi.com/docs/install/");
  for (const e of missing.executables) lines.push(`  - ${e} (ships with the Pulumi CLI; put it beside \`pulumi\` or on PATH)`);
  for (const p of missing.plugins) {
    lines.push(`  - the ${p} resource plugin: \`pulumi plugin install resource ${p}${versions[p] ? ` ${versions[p]}` : ""}\``);
  }
  return lines.join("\n");
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { env, maxBuffer: 16 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === "number" ? ((error as { code: number }).code) : 127) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** The first `name` on PATH, or undefined. */
export function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export interface ToolCheck {
  pulumi?: string;
  message?: string;
}

/** Checks the install; returns the CLI's path, or the message to print before exiting 3. */
export async function checkTools(env: NodeJS.ProcessEnv, versions: Record<string, string>): Promise<ToolCheck> {
  const pulumi = onPath("pulumi", env);
  if (!pulumi) return { message: missingToolsMessage({ cli: true, plugins: [...REQUIRED_PLUGINS], executables: [] }, versions) };
  const beside = (name: string) => fs.existsSync(path.join(path.dirname(pulumi), name)) || onPath(name, env) !== undefined;
  const executables = ["pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"].filter((e) => !beside(e));
  const listed = await run(pulumi, ["plugin", "ls", "--json"], env);
  let installed: InstalledPlugin[] = [];
  try {
    installed = listed.code === 0 ? ((JSON.parse(listed.stdout || "[]") as InstalledPlugin[] | null) ?? []) : [];
  } catch {
    installed = [];
  }
  const plugins = missingPlugins(installed, versions);
  if (plugins.length === 0 && executables.length === 0) return { pulumi };
  return { pulumi, message: missingToolsMessage({ plugins, executables }, versions) };
}

/**
 * checkTools for the plugin versions this repository installs: its devDependencies, since the package
 * declares the Pulumi SDKs as (ranged) peer dependencies of its users.
 */
export async function checkToolsForThisRepository(env: NodeJS.ProcessEnv): Promise<ToolCheck> {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
  return checkTools(env, { auth0: manifest.devDependencies["@pulumi/auth0"], okta: manifest.devDependencies["@pulumi/okta"] });
}
