// Reading what `pulumi preview --policy-pack` printed: which policies reported a violation, at which
// enforcement level, and which could not run. Pure (tests/sandbox/policyOutput.test.ts holds lines
// the real CLI 3.248 printed in the sandbox).

export interface ReportedViolation {
  level: "mandatory" | "advisory" | "remediate";
  policy: string;
}

// The CLI 3.248 prints `- [mandatory] [severity: high]  <policy>  (<type>: <name>)` under "Policies:"
// (the severity only when the policy has one); older CLIs printed `mandatory: [<policy>] <description>`.
const BRACKETED_LEVEL = /\[(mandatory|advisory|remediate)\](?:\s+\[severity: \w+\])?\s+([a-z0-9][a-z0-9-]*)/;
const LEVEL_THEN_NAME = /\b(mandatory|advisory|remediate): \[([a-z0-9][a-z0-9-]*)\]/;

/** Each (level, policy) reported, once, in the order first printed. */
export function reportedViolations(output: string): ReportedViolation[] {
  const seen = new Map<string, ReportedViolation>();
  for (const line of output.split("\n")) {
    const m = BRACKETED_LEVEL.exec(line) ?? LEVEL_THEN_NAME.exec(line);
    if (!m) continue;
    const v = { level: m[1] as ReportedViolation["level"], policy: m[2] };
    seen.set(`${v.level} ${v.policy}`, v);
  }
  return [...seen.values()];
}

/** Lines where the engine says a policy gave no verdict (it read an unknown value during preview). */
export function policiesWithoutVerdict(output: string): string[] {
  return output
    .split("\n")
    .filter((l) => /can't run policy|can't run during preview/i.test(l))
    .map((l) => l.trim());
}
