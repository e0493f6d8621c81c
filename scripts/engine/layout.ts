// What `npm run engine:install` builds and where it keeps it. Pure: no file or process access, so the
// decisions are tested without Go.
import * as path from "path";

/**
 * The Node.js language host comes from `github.com/pulumi/pulumi/sdk/v3` v3.68.0: the newest version the
 * Go module proxy serves that still holds `nodejs/cmd/pulumi-language-nodejs` (later releases moved it
 * to its own module, which the proxy refuses). It runs the project's programs and dynamic resources
 * with CLI 3.248 and `@pulumi/pulumi` 3.248 (preview, up, refresh, destroy); it cannot run policy packs.
 */
export const LANGUAGE_HOST_SDK_VERSION = "3.68.0";

/** The CLI's go.mod needs this replacement: the upstream module it names is not on the proxy. */
export const CLIPBOARD_REPLACE = "github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e";

/** Pure Go, no cgo, and the tags the Pulumi release build uses to drop OS user lookups and gRPC tracing. */
export const BUILD_TAGS = "osusergo,grpcnotrace";

/** Environment variable that overrides where built engines are kept. */
export const CACHE_ENV = "OKTA_SCIM_ENGINE_CACHE";

export const BINARIES = ["pulumi", "pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"] as const;

export interface EngineVersions {
  /** CLI version = the `@pulumi/pulumi` version in package-lock.json. */
  cli: string;
  languageHost: string;
}

/** The `@pulumi/pulumi` version package-lock.json pins. */
export function lockedPulumiVersion(lock: unknown): string {
  const packages = (lock as { packages?: Record<string, { version?: string }> })?.packages;
  const version = packages?.["node_modules/@pulumi/pulumi"]?.version;
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error("package-lock.json has no exact version for node_modules/@pulumi/pulumi: run `npm install` first");
  }
  return version;
}

/**
 * The cache root: $OKTA_SCIM_ENGINE_CACHE, else $XDG_CACHE_HOME/okta-auth0-inbound-scim/engine, else
 * ~/.cache/…: outside the repository, so every clone and worktree shares one 100 MB build and no
 * `git clean` or `npm ci` throws away a build that takes minutes.
 */
export function cacheRoot(env: NodeJS.ProcessEnv, home: string): string {
  if (env[CACHE_ENV]) return path.resolve(env[CACHE_ENV]!);
  const base = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(home, ".cache");
  return path.join(base, "okta-auth0-inbound-scim", "engine");
}

/** One directory per version pair: a version bump builds anew, going back reuses the old build. */
export function engineDir(root: string, versions: EngineVersions): string {
  return path.join(root, `cli-${versions.cli}_host-${versions.languageHost}`);
}

export const binDir = (dir: string) => path.join(dir, "bin");

/** go.mod of the throwaway module the CLI is built in. */
export function cliGoMod(cliVersion: string): string {
  return ["module enginebuild/cli", "", "go 1.25", "", `require github.com/pulumi/pulumi/pkg/v3 v${cliVersion}`, "", `replace ${CLIPBOARD_REPLACE}`, ""].join("\n");
}

/** go.mod of the throwaway module the language host is built in. */
export function hostGoMod(hostVersion: string): string {
  return ["module enginebuild/host", "", "go 1.25", "", `require github.com/pulumi/pulumi/sdk/v3 v${hostVersion}`, ""].join("\n");
}

/** `-X` flag that stamps the version `pulumi version` reports. */
export function versionLdflags(version: string): string {
  return `-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${version}`;
}

/** The stamp written after a complete build; a cache entry without a matching one is rebuilt. */
export interface EngineStamp extends EngineVersions {
  go: string;
  builtAt: string;
  seconds: { cli: number; languageHost: number; launcher: number; total: number };
}

export function stampMatches(stamp: unknown, versions: EngineVersions): boolean {
  const s = stamp as Partial<EngineStamp> | undefined;
  return s?.cli === versions.cli && s?.languageHost === versions.languageHost;
}
