// Validation of a config object: the zod shape first, then (only on a valid shape) the cross-field
// rules. Pure, and free of the Pulumi runtime and the stack file, so the stack program (config/load.ts)
// and the public component (components/validateArgs.ts) share it as their one source of truth.
import { stackConfigSchema, type StackConfig } from "./schema";
import { crossFieldProblems, type ConfigProblem } from "./crossFieldRules";

/**
 * Pure: the shape (zod) and then the cross-field rules, on a config object however it was obtained
 * (the stack file here; a component's args in components/validateArgs.ts). One source of truth.
 */
export function validateStackConfigInput(
  input: unknown,
): { config: StackConfig } | { problems: ConfigProblem[]; /** The shape check failed, so the cross-field rules did not run. */ shapeInvalid: boolean } {
  // reportInput lets a missing value be told from a wrong one; the input itself is never printed.
  const result = stackConfigSchema.safeParse(input, { reportInput: true });
  if (!result.success) return { problems: firstPerPath(result.error.issues.flatMap(problemsFromIssue)), shapeInvalid: true };
  const problems = crossFieldProblems(result.data);
  return problems.length > 0 ? { problems, shapeInvalid: false } : { config: result.data };
}

/** One problem per setting: a value that fails its shape check need not also be told it fails the next one. */
export function firstPerPath(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify(p.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  input?: unknown;
}

function problemsFromIssue(issue: ZodIssueLike): ConfigProblem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  if (issue.code === "unrecognized_keys" && issue.keys) {
    return issue.keys.map((k) => ({ path: [...path, k], message: "is not a known setting here (a typo?); remove or rename it" }));
  }
  if (issue.code === "invalid_type" && "input" in issue && issue.input === undefined) {
    return [{ path, message: "is required" }];
  }
  return [{ path, message: issue.message }];
}
