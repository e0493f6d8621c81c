// Reads the stack config and validates it before anything is registered.
//
// Pulumi's typed getters (requireObject, getNumber, getBoolean) put the raw value into their error
// text, secret or not, so this module reads the raw strings and parses them itself; no message it
// produces contains a config value.
import * as pulumi from "@pulumi/pulumi";
import { CONFIG_NAMESPACE, SECRET_FIELDS, type StackConfig } from "./schema";
import { stackOnlyProblems, type ConfigProblem } from "./crossFieldRules";
import { firstPerPath, validateStackConfigInput } from "./validate";
import { formatConfigPath } from "./paths";
import { isSecureForm, readStackFileConfig } from "./stackFile";

/** The top-level keys of the namespace; anything else under `oktaScim:` is a typo. */
export const TOP_LEVEL_KEYS = ["auth0", "oktaOrgs", "connections"] as const;

/** Raw config as Pulumi hands it to the program: key → string (objects as JSON), plus which keys are secret. */
export interface RawConfig {
  values: Record<string, string>;
  secretKeys: ReadonlySet<string>;
  /** The stack file's `config:` block as written (secure leaves as `{ secure }`), when readable. */
  stackFile?: Record<string, unknown>;
}

export class ConfigValidationError extends pulumi.RunError {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(renderProblems(problems));
    this.name = "ConfigValidationError";
  }
}

export function renderProblems(problems: readonly ConfigProblem[]): string {
  const lines = problems.map((p) => `  - ${formatConfigPath(p.path)}: ${p.message}`);
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return `Invalid stack configuration (${count}); nothing was created:\n${lines.join("\n")}`;
}

/** Every credential field below `value`, with its path and value. */
function credentialFields(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => credentialFields(v, [...path, i]));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    (SECRET_FIELDS as readonly string[]).includes(k) && v !== undefined ? [{ path: [...path, k], value: v }] : credentialFields(v, [...path, k]),
  );
}

/**
 * Credentials not stored as secrets. From the stack file when it holds the key (per leaf: is it
 * `secure:`?); otherwise from the engine's per-key flag, the only signal it gives.
 */
function plainTextCredentials(raw: RawConfig, fullKey: string, key: string, parsed: unknown): (string | number)[][] {
  const written = raw.stackFile?.[fullKey];
  if (written !== undefined) return credentialFields(written, [key]).filter((f) => !isSecureForm(f.value)).map((f) => f.path);
  return raw.secretKeys.has(fullKey) ? [] : credentialFields(parsed, [key]).map((f) => f.path);
}

/** Pure: raw config in, validated config or every problem out. */
export function parseStackConfig(raw: RawConfig): { config: StackConfig } | { problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const input: Record<string, unknown> = {};
  const prefix = `${CONFIG_NAMESPACE}:`;
  for (const fullKey of Object.keys(raw.values).sort()) {
    if (!fullKey.startsWith(prefix)) continue;
    const key = fullKey.slice(prefix.length);
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      problems.push({ path: [key], message: `is not a setting of this project; the settings are ${TOP_LEVEL_KEYS.join(", ")}` });
      continue;
    }
    try {
      input[key] = JSON.parse(raw.values[fullKey]);
    } catch {
      problems.push({ path: [key], message: "must be a YAML mapping or list (it was read as a plain string)" });
      continue;
    }
    for (const p of plainTextCredentials(raw, fullKey, key, input[key])) {
      problems.push({
        path: p,
        message: `is a credential stored in plain text; set it with \`pulumi config set --secret --path '${formatConfigPath(p).slice(prefix.length)}' <value>\``,
      });
    }
  }
  const validated = validateStackConfigInput(input);
  if ("problems" in validated) {
    return { problems: validated.shapeInvalid ? firstPerPath([...problems, ...validated.problems]) : [...problems, ...validated.problems] };
  }
  const stackProblems = stackOnlyProblems(validated.config);
  return problems.length > 0 || stackProblems.length > 0 ? { problems: [...problems, ...stackProblems] } : validated;
}

/** Reads the raw config the Pulumi engine (or a test's mocks) gave this program, and the stack file. */
export function readRawConfig(projectDirectory: string = process.cwd()): RawConfig {
  const values = pulumi.runtime.allConfig();
  // `isConfigSecret` is exported by the runtime but marked internal in its typings.
  const runtime = pulumi.runtime as unknown as { isConfigSecret?: (k: string) => boolean };
  const secretKeys = new Set(Object.keys(values).filter((k) => runtime.isConfigSecret?.(k) === true));
  // The CLI runs the program in the project directory, where the stack files live.
  return { values, secretKeys, stackFile: readStackFileConfig(projectDirectory, pulumi.getStack()) };
}

/** Reads and validates the stack config; throws a ConfigValidationError listing every problem. */
export function loadStackConfig(raw: RawConfig = readRawConfig()): StackConfig {
  const parsed = parseStackConfig(raw);
  if ("problems" in parsed) throw new ConfigValidationError(parsed.problems);
  return parsed.config;
}
