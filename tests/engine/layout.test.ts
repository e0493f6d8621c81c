// Where engine:install keeps the engine and what it builds: pure decisions, no Go needed.
import * as path from "path";
import { cacheRoot, cliGoMod, engineDir, lockedPulumiVersion, stampMatches, versionLdflags } from "../../scripts/engine/layout";

test("the CLI version is the @pulumi/pulumi version package-lock.json pins", () => {
  expect(lockedPulumiVersion({ packages: { "node_modules/@pulumi/pulumi": { version: "3.248.0" } } })).toBe("3.248.0");
  expect(() => lockedPulumiVersion({ packages: {} })).toThrow(/node_modules\/@pulumi\/pulumi/);
  expect(() => lockedPulumiVersion({ packages: { "node_modules/@pulumi/pulumi": { version: "^3.0.0" } } })).toThrow();
});

test("the cache lives outside the repository, overridable, one directory per version pair", () => {
  expect(cacheRoot({}, "/home/u")).toBe(path.join("/home/u", ".cache", "okta-auth0-inbound-scim", "engine"));
  expect(cacheRoot({ XDG_CACHE_HOME: "/xdg" }, "/home/u")).toBe(path.join("/xdg", "okta-auth0-inbound-scim", "engine"));
  expect(cacheRoot({ OKTA_SCIM_ENGINE_CACHE: "/ci/cache", XDG_CACHE_HOME: "/xdg" }, "/home/u")).toBe("/ci/cache");
  expect(engineDir("/c", { cli: "3.248.0", languageHost: "3.68.0" })).toBe(path.join("/c", "cli-3.248.0_host-3.68.0"));
});

test("a cache entry is reused only for the same versions", () => {
  expect(stampMatches({ cli: "3.248.0", languageHost: "3.68.0" }, { cli: "3.248.0", languageHost: "3.68.0" })).toBe(true);
  expect(stampMatches({ cli: "3.247.0", languageHost: "3.68.0" }, { cli: "3.248.0", languageHost: "3.68.0" })).toBe(false);
  expect(stampMatches(undefined, { cli: "3.248.0", languageHost: "3.68.0" })).toBe(false);
});

test("the CLI module pins the version and carries the clipboard replacement; the version is stamped", () => {
  const mod = cliGoMod("3.248.0");
  expect(mod).toContain("require github.com/pulumi/pulumi/pkg/v3 v3.248.0");
  expect(mod).toMatch(/^replace github\.com\/atotto\/clipboard => github\.com\/tgummerer\/clipboard /m);
  expect(versionLdflags("3.248.0")).toBe("-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v3.248.0");
});
