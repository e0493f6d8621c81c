// What every check returns. The report adds the fix text by check id (see ../fixes.ts).

export type CheckStatus = "pass" | "warn" | "fail";

export interface CheckResult {
  /** Stable id, e.g. "scim.list-users"; the fix table is keyed by it. */
  name: string;
  status: CheckStatus;
  detail: string;
  /** Further lines under the row, one per item (the stored-user checks list attributes here). */
  lines?: string[];
}

export const pass = (name: string, detail: string): CheckResult => ({ name, status: "pass", detail });
export const warn = (name: string, detail: string): CheckResult => ({ name, status: "warn", detail });
export const fail = (name: string, detail: string): CheckResult => ({ name, status: "fail", detail });
