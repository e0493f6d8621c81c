// new-stack validates what it writes with the program's own rules: the stack file through the same
// parser the program uses (secrets still to be set count as set), the pack config against the
// configSchema of each policy it configures.
import Ajv from "ajv";
import { parse } from "yaml";
import { parseStackConfig, renderProblems } from "../../config/load";
import { policies } from "../../policies/policies";
import { secretMarker, toRawConfig, type StackConfigValues } from "../../offline/stackFile";

/** Sets a value at a `oktaScim:a.b[0].c` path inside config values. */
function setAtPath(values: StackConfigValues, configPath: string, value: unknown): void {
  const [key, rest] = configPath.split(/(?<=^[^.[]+)(?=[.[])/);
  const segments = [...rest.matchAll(/\.([^.[]+)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
  let node = values[key] as Record<string | number, unknown>;
  segments.slice(0, -1).forEach((s) => (node = node[s] as Record<string | number, unknown>));
  node[segments[segments.length - 1]] = value;
}

/**
 * A stack file's config as the program will see it once the printed `pulumi config set --secret`
 * commands ran: each secret to set holds a marker, and its top-level key is secret.
 */
export function configWithSecretsSet(text: string, secretPathsToSet: readonly string[]): { values: StackConfigValues; secretKeys: Set<string> } {
  const doc = parse(text) as { config?: StackConfigValues };
  const values = doc.config ?? {};
  const secretKeys = new Set<string>();
  for (const p of secretPathsToSet) {
    setAtPath(values, p, secretMarker(p));
    secretKeys.add(p.split(/[.[]/)[0]);
  }
  return { values, secretKeys };
}

/** Problems of a new stack file, as the program would report them; [] when it would run. */
export function stackFileProblems(text: string, secretPathsToSet: readonly string[]): string[] {
  const { values, secretKeys } = configWithSecretsSet(text, secretPathsToSet);
  const parsed = parseStackConfig(toRawConfig(values, secretKeys));
  return "problems" in parsed ? [renderProblems(parsed.problems)] : [];
}

/** Problems of a pack config: unknown policy names, or values its configSchema refuses. */
export function policyConfigProblems(text: string): string[] {
  const config = JSON.parse(text) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const problems: string[] = [];
  const levels = ["advisory", "mandatory", "remediate", "disabled"];
  for (const [name, given] of Object.entries(config)) {
    const policy = policies.find((p) => p.name === name);
    if (!policy) {
      problems.push(`policy config names ${name}, which is not a policy of the pack`);
      continue;
    }
    // A policy's entry is an enforcement level, or an object of its settings plus an optional one.
    if (typeof given === "string") {
      if (!levels.includes(given)) problems.push(`policy config of ${name}: must be one of ${levels.join(", ")}`);
      continue;
    }
    const { enforcementLevel, ...value } = (given ?? {}) as Record<string, unknown>;
    if (enforcementLevel !== undefined && !levels.includes(String(enforcementLevel))) problems.push(`policy config of ${name}: enforcementLevel must be one of ${levels.join(", ")}`);
    const schema = { type: "object", additionalProperties: false, ...(policy.configSchema ?? { properties: {} }) };
    if (!ajv.validate(schema, value)) problems.push(`policy config of ${name}: ${ajv.errorsText(ajv.errors)}`);
  }
  return problems;
}
