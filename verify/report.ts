// Renders the results: JSON for machines, a table plus the fix for each failure and warning for people.
import type { CheckResult } from "./checks/result";
import { FIXES, TRANSPORT_FIX } from "./fixes";

export interface LabelledResult extends CheckResult {
  /** The check id without the connection prefix, for the fix lookup. */
  checkId: string;
}

export interface Report {
  checks: LabelledResult[];
  /** Read-backs that were not run, and why (missing credentials). */
  skipped: string[];
}

export function renderJson(report: Report): string {
  const checks = report.checks.map(({ name, status, detail, lines }) => ({ name, status, detail, ...(lines ? { lines } : {}) }));
  return JSON.stringify({ checks, skipped: report.skipped }, null, 2);
}

const LABEL = { pass: "PASS", warn: "WARN", fail: "FAIL" } as const;

function isTransportProblem(detail: string): boolean {
  return /no response within|TLS error|cannot reach|server error|429/.test(detail);
}

export function renderTable(report: Report): string {
  const width = Math.max(5, ...report.checks.map((c) => c.name.length));
  const lines = [`STATUS  ${"CHECK".padEnd(width)}  DETAIL`];
  for (const c of report.checks) {
    lines.push(`${LABEL[c.status]}    ${c.name.padEnd(width)}  ${c.detail}`);
    for (const line of c.lines ?? []) lines.push(`${" ".repeat(10 + width)}${line}`);
  }
  const counts = (s: CheckResult["status"]) => report.checks.filter((c) => c.status === s).length;
  lines.push("", `${counts("pass")} passed, ${counts("warn")} warnings, ${counts("fail")} failed`);
  for (const s of report.skipped) lines.push(`Not checked: ${s}`);
  const toFix = report.checks.filter((c) => c.status !== "pass");
  if (toFix.length) {
    lines.push("", "How to fix:");
    for (const c of toFix) {
      const fix = isTransportProblem(c.detail) ? TRANSPORT_FIX : FIXES[c.checkId] ?? "";
      lines.push(`- ${c.name}: ${fix}`);
    }
  }
  return lines.join("\n");
}

export function exitCodeFor(report: Report): 0 | 1 {
  return report.checks.some((c) => c.status === "fail") ? 1 : 0;
}
