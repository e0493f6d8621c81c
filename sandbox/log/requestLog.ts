// Every request a stand-in answers, counted per endpoint ("METHOD /route/{template}"), so a run can say
// how many API calls each step cost and which requests no stand-in knows (a gap is visible, never
// silent). Shared by every stand-in (Auth0, Okta): one log per run, one entry per request.

/** The route of a request no stand-in implements; such requests are answered 501. */
export const UNKNOWN_ROUTE = "(unknown)";

export interface LoggedCall {
  /** Which stand-in answered: "auth0", "okta", … */
  service: string;
  method: string;
  /** The route template, e.g. "/api/v2/connections/{id}", or UNKNOWN_ROUTE. */
  route: string;
  /** The path as requested (query string dropped: it may carry a filter with user data). */
  path: string;
  /** The Host the client asked for (several tenants may share one stand-in). */
  host: string;
  status: number;
}

/** A point in the log; counts "since" a mark cover only what came after it. */
export type LogMark = number;

/** "METHOD /route" (and the service) of one call: the key calls are counted by. */
export function endpointKey(call: Pick<LoggedCall, "service" | "method" | "route">): string {
  return `${call.service} ${call.method} ${call.route}`;
}

/** Calls per endpoint, in first-seen order. Pure. */
export function countByEndpoint(calls: readonly LoggedCall[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(endpointKey(call), (counts.get(endpointKey(call)) ?? 0) + 1);
  return counts;
}

/** One line per endpoint, "  3  auth0 GET /api/v2/connections/{id}", sorted by endpoint. Pure. */
export function formatCounts(counts: ReadonlyMap<string, number>): string[] {
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `${String(n).padStart(4)}  ${key}`);
}

export class RequestLog {
  private readonly calls: LoggedCall[] = [];

  record(call: LoggedCall): void {
    this.calls.push({ ...call });
  }

  /** The current end of the log: pass it to `since`/`counts` to look at one step only. */
  mark(): LogMark {
    return this.calls.length;
  }

  /** Calls after `mark` (all calls without one), optionally of one service only. */
  since(mark: LogMark = 0, service?: string): LoggedCall[] {
    return this.calls.slice(mark).filter((c) => service === undefined || c.service === service);
  }

  counts(mark: LogMark = 0, service?: string): Map<string, number> {
    return countByEndpoint(this.since(mark, service));
  }

  /** How many calls were made after `mark` (optionally to one service). */
  total(mark: LogMark = 0, service?: string): number {
    return this.since(mark, service).length;
  }

  /** How many calls after `mark` hit `method route` of `service`. */
  count(service: string, method: string, route: string, mark: LogMark = 0): number {
    return this.since(mark, service).filter((c) => c.method === method && c.route === route).length;
  }

  /** Requests no stand-in implements (answered 501): list them at the end of every run. */
  unknown(mark: LogMark = 0): LoggedCall[] {
    return this.since(mark).filter((c) => c.route === UNKNOWN_ROUTE);
  }

  /** The end-of-run summary: counts per endpoint, then every unknown request. */
  report(mark: LogMark = 0): string[] {
    const lines = formatCounts(this.counts(mark));
    const unknown = this.unknown(mark);
    if (unknown.length > 0) {
      lines.push(`${unknown.length} request(s) no stand-in implements (answered 501):`);
      for (const u of unknown) lines.push(`  ${u.service} ${u.method} ${u.host}${u.path}`);
    }
    return lines;
  }
}
