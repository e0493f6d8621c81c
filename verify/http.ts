// The one HTTP client the SCIM checks use: bearer token, a timeout on every attempt, bounded retries for
// 429 (honouring Retry-After) and 5xx, and failures turned into values instead of exceptions so that a
// check can always say what went wrong. Checks depend only on the `HttpClient` interface.
import { fetchForEnvironment } from "../components/scimToken/proxyFetch";
import { redactSecrets } from "./redact";

export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path and query below the base URL, e.g. "/Users?startIndex=1&count=2". */
  path: string;
  body?: unknown;
  /** Send this bearer token instead of the configured one (the wrong-token check). */
  tokenOverride?: string;
}

export type HttpOutcome =
  | { kind: "response"; status: number; contentType: string; text: string; retryAfter?: string; attempts: number }
  | { kind: "timeout"; timeoutMs: number; attempts: number }
  | { kind: "tls"; code: string; attempts: number }
  | { kind: "network"; code: string; attempts: number };

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpOutcome>;
}

export interface RetryPolicy {
  /** Per-attempt timeout, body included. */
  timeoutMs: number;
  /** Extra attempts after a 429 or 5xx. */
  maxRetries: number;
  /** Longest Retry-After we wait for; a longer one ends the retries (and is reported). */
  maxRetryAfterMs: number;
  /** Wait before retrying a 5xx (doubled per attempt). */
  backoffMs: number;
  /** How to wait between attempts; a real timer by default. Tests pass one that records the waits. */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { timeoutMs: 10_000, maxRetries: 2, maxRetryAfterMs: 30_000, backoffMs: 500 };

export const SCIM_MEDIA_TYPE = "application/scim+json";

/** Node's TLS error codes: certificate problems and handshake failures. */
function isTlsCode(code: string): boolean {
  return /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME|ALTNAME/.test(code);
}

/** fetch() rejects with TypeError("fetch failed") whose cause carries the system or TLS error code. */
function classifyFetchError(error: unknown, timedOut: boolean, timeoutMs: number, attempts: number): HttpOutcome {
  if (timedOut) return { kind: "timeout", timeoutMs, attempts };
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const code = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : String(error);
  return isTlsCode(code) ? { kind: "tls", code, attempts } : { kind: "network", code, attempts };
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createHttpClient(baseUrl: string, token: string, policy: RetryPolicy = DEFAULT_RETRY_POLICY): HttpClient {
  const base = baseUrl.replace(/\/+$/, "");
  const sleep = policy.sleep ?? realSleep;
  // Honours HTTPS_PROXY / NO_PROXY (corporate proxies; the sandbox's stand-ins), like the token resource.
  const send = fetchForEnvironment();

  async function attempt(request: HttpRequest, attempts: number): Promise<HttpOutcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, policy.timeoutMs);
    try {
      const response = await send(base + request.path, {
        method: request.method,
        headers: {
          Authorization: `Bearer ${request.tokenOverride ?? token}`,
          Accept: SCIM_MEDIA_TYPE,
          ...(request.body === undefined ? {} : { "Content-Type": `${SCIM_MEDIA_TYPE}; charset=utf-8` }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
        redirect: "manual",
      });
      // Masked on arrival: checks quote cut-off excerpts of bodies, and a server echoing the
      // Authorization header would otherwise leak a prefix the final redaction cannot recognise.
      const text = redactSecrets(await response.text(), [token]);
      return {
        kind: "response",
        status: response.status,
        contentType: response.headers.get("content-type") ?? "",
        text,
        retryAfter: response.headers.get("retry-after") ?? undefined,
        attempts,
      };
    } catch (error) {
      return classifyFetchError(error, timedOut, policy.timeoutMs, attempts);
    } finally {
      // Never leave a timer behind: it would keep the process (and jest) alive.
      clearTimeout(timer);
    }
  }

  return {
    async send(request) {
      let outcome = await attempt(request, 1);
      for (let retry = 1; retry <= policy.maxRetries && outcome.kind === "response"; retry++) {
        let waitMs: number;
        if (outcome.status === 429) {
          const asked = retryAfterMs(outcome.retryAfter) ?? policy.backoffMs;
          if (asked > policy.maxRetryAfterMs) break; // the server wants longer than we may wait: report it
          waitMs = asked;
        } else if (outcome.status >= 500) {
          waitMs = policy.backoffMs * 2 ** (retry - 1);
        } else {
          break;
        }
        await sleep(waitMs);
        outcome = await attempt(request, retry + 1);
      }
      return outcome;
    },
  };
}
