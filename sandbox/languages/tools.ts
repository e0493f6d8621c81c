// The tools a language program needs, found as the CLI finds them (sandbox/languages/program.ts).
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { checkToolsForThisRepository, onPath } from "../run/tools";
import { GO_SDK_MODULE, goModuleVersion, type Language, type ToolFacts } from "./plan";

/** Runs a short command (a version query): a hang guard of a minute, output as text. */
export function quick(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: 60_000 }, (_error, stdout) => resolve(String(stdout ?? "").trim()));
  });
}

/** An executable beside the real `pulumi` (symlinks resolved, as the CLI's own os.Executable does). */
function besidePulumi(pulumi: string, name: string): string | undefined {
  const candidate = path.join(path.dirname(fs.realpathSync(pulumi)), name);
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    return candidate;
  } catch {
    return undefined;
  }
}

/**
 * The Pulumi Go SDK a Go binary was built with, from the build info the linker embeds (what `go
 * version -m` prints; read directly, since the YAML run needs no `go`). Undefined when not found.
 */
function builtWithSdk(binary: string): string | undefined {
  try {
    const bytes = fs.readFileSync(binary);
    const at = bytes.indexOf(`dep\t${GO_SDK_MODULE}\t`);
    return at < 0 ? undefined : goModuleVersion(bytes.subarray(at, at + 400).toString("latin1"), GO_SDK_MODULE);
  } catch {
    return undefined;
  }
}

/**
 * The tools as the CLI will find them. Language hosts: PATH first, then beside `pulumi`, the CLI's
 * own order (it warns "using pulumi-language-nodejs from $PATH" and takes that one). The Node.js host
 * is asked its version: the one beside a cached CLI may be a v3.68 host, which cannot run a plugin.
 */
export async function findTools(env: NodeJS.ProcessEnv, language: Language): Promise<ToolFacts> {
  const pulumi = onPath("pulumi", env);
  if (!pulumi) return {};
  const host = (name: string) => onPath(name, env) ?? besidePulumi(pulumi, name);
  const nodeHost = host("pulumi-language-nodejs");
  const languageYaml = host("pulumi-language-yaml");
  const sandbox = await checkToolsForThisRepository(env);
  return {
    pulumi,
    pulumiVersion: await quick(pulumi, ["version"], env),
    languageGo: host("pulumi-language-go"),
    go: onPath("go", env),
    languageYaml,
    languageYamlSdk: languageYaml && language === "yaml" ? builtWithSdk(languageYaml) : undefined,
    nodeHost,
    nodeHostVersion: nodeHost ? await quick(nodeHost, ["--version"], env) : undefined,
    sandboxMessage: sandbox.message,
  };
}
