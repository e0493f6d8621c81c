// What a sandbox run prints: one line per step, then the summary line, and the measured API calls
// written into docs/api-calls.md between markers (a figure a script measures is written by that
// script). Pure.
import { replaceMarkedBlock } from "../../scripts/markedBlock";

export type StepStatus = "passed" | "failed" | "skipped";

export interface StepResult {
  name: string;
  status: StepStatus;
  detail: string;
  /** How long the step took (set by the runner). */
  seconds?: number;
}

export interface RunNumbers {
  resources: number;
  apiCallsUp: number;
  apiCallsNoopPreview: number;
}

/** "  3/9 preview --expect-no-changes ... passed: 0 changes, 15 API calls". */
export function stepLine(index: number, total: number, step: StepResult): string {
  const took = step.seconds === undefined ? "" : ` in ${step.seconds.toFixed(0)} s`;
  return `  ${index}/${total} ${step.name}: ${step.status}${took}${step.detail ? ` (${step.detail})` : ""}`;
}

/** The run's last line. A skipped step counts in the total, never as passed. */
export function summaryLine(stack: string, steps: readonly StepResult[], numbers: RunNumbers): string {
  const passed = steps.filter((s) => s.status === "passed").length;
  return `sandbox: stack=${stack} steps=${passed}/${steps.length} resources=${numbers.resources} api_calls_up=${numbers.apiCallsUp} api_calls_noop_preview=${numbers.apiCallsNoopPreview}`;
}

/** Exit code: 0 when every step passed or was skipped for a stated reason, 1 when one failed. */
export function exitCodeFor(steps: readonly StepResult[]): number {
  return steps.some((s) => s.status === "failed") ? 1 : 0;
}

export interface PhaseCounts {
  /** "create (first up)", "no-op preview", "refresh". */
  phase: string;
  /** Calls per endpoint key ("okta GET /api/v1/groups"). */
  counts: ReadonlyMap<string, number>;
  /** Wall time of the phase's pulumi command: engine and plugin work, the stand-ins answer at once. */
  seconds?: number;
  /** Requests the Auth0 stand-in answered 429 (its rate limit on): counted in the calls too. */
  rateLimited?: number;
}

/** What a `--customers` run adds to its section: the scale and the rate limit it ran under. */
export interface ScaleFacts {
  /** The command as run, for the section's first sentence. */
  command: string;
  connections: number;
  /** "essentials-professional: burst 10, 150/minute (source)". */
  rateLimit?: string;
}

const total = (m: ReadonlyMap<string, number>, service?: string) =>
  [...m.entries()].filter(([k]) => service === undefined || k.startsWith(`${service} `)).reduce((n, [, v]) => n + v, 0);

/** A Markdown section: totals per phase and service, then calls per endpoint. */
export function apiCallSection(stack: string, phases: readonly PhaseCounts[], measuredOn: string, scale?: ScaleFacts): string {
  const seconds = (p: PhaseCounts) => (p.seconds === undefined ? "-" : p.seconds.toFixed(0));
  const lines = scale
    ? [
        `### Stack \`${stack}\` with ${scale.connections} connections`,
        "",
        `Measured by \`${scale.command}\` at the stand-ins (${measuredOn}), the Auth0 stand-in enforcing ${scale.rateLimit ?? "no rate limit"}.`,
        "A 429 is counted as a call (Auth0 received it); the providers and the token resource waited for `x-ratelimit-reset` and retried.",
        "",
        "| phase | Auth0 | Okta | total | Auth0 per connection | answered 429 | wall time (s) |",
        "|---|---|---|---|---|---|---|",
        ...phases.map(
          (p) =>
            `| ${p.phase} | ${total(p.counts, "auth0")} | ${total(p.counts, "okta")} | ${total(p.counts)} | ${(total(p.counts, "auth0") / scale.connections).toFixed(1)} | ${p.rateLimited ?? 0} | ${seconds(p)} |`,
        ),
      ]
    : [
        `### Stack \`${stack}\``,
        "",
        `Measured by \`npm run sandbox -- --stack ${stack}\` at the stand-ins (${measuredOn}). The wall time is the engine's and the`,
        "providers' own work (the stand-ins answer at once): against a real tenant and org, add their latency per call.",
        "",
        "| phase | Auth0 | Okta | total | wall time (s) |",
        "|---|---|---|---|---|",
        ...phases.map((p) => `| ${p.phase} | ${total(p.counts, "auth0")} | ${total(p.counts, "okta")} | ${total(p.counts)} | ${seconds(p)} |`),
      ];
  lines.push("", `| endpoint | ${phases.map((p) => p.phase).join(" | ")} |`, `|---|${phases.map(() => "---|").join("")}`);
  const endpoints = [...new Set(phases.flatMap((p) => [...p.counts.keys()]))].sort();
  for (const e of endpoints) lines.push(`| \`${e}\` | ${phases.map((p) => p.counts.get(e) ?? 0).join(" | ")} |`);
  return lines.join("\n");
}

export const markers = (stack: string) => ({ start: `<!-- sandbox:api-calls:${stack}:start -->`, end: `<!-- sandbox:api-calls:${stack}:end -->` });

/** Replaces the stack's section between its markers, or appends marked section at the end. */
export function replaceSection(document: string, stack: string, section: string): string {
  const { start, end } = markers(stack);
  return replaceMarkedBlock(document, start, end, section);
}
