// Faults the stand-ins can inject into one write request, as a bad day brings them (npm run faults):
// the request refused before anything happened (500, 503, 429 with the vendor's rate-limit headers, a
// reset connection), or applied and its answer lost (the connection reset after the write: what a
// client sees when the response never arrives, as after a timeout). One fault, armed for the Nth write
// the stand-ins receive (over both services), fires once. Pure apart from the counter it keeps.

import { TOO_MANY_REQUESTS_BODY } from "../auth0/rateLimit";

export const FAULT_KINDS = ["500", "503", "429", "reset", "lost-response"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
/** Not a stand-in fault: the runner kills `pulumi up` (SIGKILL, its whole process group) as the write arrives; the write is still applied. */
export const KILL = "kill";

export interface FaultableCall {
  service: string;
  method: string;
  route: string;
}

/** A write changes state: POST, PUT, PATCH, DELETE, but not a credential exchange (those only read). */
export function isWrite(call: FaultableCall): boolean {
  if (!["POST", "PUT", "PATCH", "DELETE"].includes(call.method)) return false;
  return !/\/oauth2?\/(v1\/)?token$/.test(call.route);
}

/** What the stand-in sends for a fault that refuses the request (none for a reset or a lost response). */
export function refusal(kind: FaultKind, service: string, nowSeconds: number): { status: number; body: unknown; headers: Record<string, string> } | undefined {
  switch (kind) {
    case "500":
      return { status: 500, body: { statusCode: 500, error: "Internal Server Error", message: "injected fault" }, headers: {} };
    case "503":
      return { status: 503, body: { statusCode: 503, error: "Service Unavailable", message: "injected fault" }, headers: {} };
    case "429":
      // Each vendor's own header names: Auth0 x-ratelimit-*, Okta x-rate-limit-* (reset: epoch seconds).
      return service === "okta"
        ? {
            status: 429,
            body: { errorCode: "E0000047", errorSummary: "API call exceeded rate limit due to too many requests." },
            headers: { "x-rate-limit-limit": "600", "x-rate-limit-remaining": "0", "x-rate-limit-reset": String(nowSeconds + 1) },
          }
        : {
            status: 429,
            body: TOO_MANY_REQUESTS_BODY,
            headers: { "x-ratelimit-limit": "10", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(nowSeconds + 1) },
          };
    default:
      return undefined;
  }
}

export interface FiredFault {
  kind: FaultKind;
  /** 1-based, over every write both stand-ins received. */
  write: number;
  call: FaultableCall;
}

export class FaultInjector {
  private writes = 0;
  private armed?: { kind: FaultKind; write: number };
  readonly fired: FiredFault[] = [];
  /** Every write received, in order ("auth0 POST /api/v2/connections"): the create sequence a case targets. */
  readonly writeLog: string[] = [];

  private onArmedWrite?: () => void;

  /** Writes received so far. */
  get count(): number {
    return this.writes;
  }

  /** Fail the `n`th write from now on (1-based). */
  armAfter(kind: FaultKind, n: number): void {
    this.armed = { kind, write: this.writes + n };
  }

  /** Call `then` when the `n`th write from now on arrives (the write itself goes through). */
  onWriteAfter(n: number, then: () => void): void {
    const target = this.writes + n;
    this.onArmedWrite = () => {
      if (this.writes === target) {
        this.onArmedWrite = undefined;
        then();
      }
    };
  }

  disarm(): void {
    this.armed = undefined;
    this.onArmedWrite = undefined;
  }

  /** Called for every request before it is handled: the fault to inject into it, if any. */
  decide(call: FaultableCall): FaultKind | undefined {
    if (!isWrite(call)) return undefined;
    this.writes += 1;
    this.writeLog.push(`${call.service} ${call.method} ${call.route}`);
    this.onArmedWrite?.();
    if (!this.armed || this.armed.write !== this.writes) return undefined;
    const { kind } = this.armed;
    this.armed = undefined;
    this.fired.push({ kind, write: this.writes, call });
    return kind;
  }
}
