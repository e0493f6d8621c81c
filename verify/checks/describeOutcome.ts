// Turns an HTTP outcome that is not the expected one into a sentence a person can act on.
import type { HttpOutcome } from "../http";

const MAX_BODY_QUOTE = 160;

/** A short, single-line excerpt of a response body (servers sometimes answer with whole HTML pages). */
export function bodyExcerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (!flat) return "(empty body)";
  return flat.length > MAX_BODY_QUOTE ? `${flat.slice(0, MAX_BODY_QUOTE)}…` : flat;
}

const retried = (attempts: number) => (attempts > 1 ? ` after ${attempts} attempts` : "");

/**
 * Describes an outcome for a request that needed `scope`. `expected` is what the check wanted, e.g.
 * "200"; it is only used for statuses without a more specific explanation.
 */
export function describeOutcome(outcome: HttpOutcome, scope: string, expected: string): string {
  switch (outcome.kind) {
    case "timeout":
      return `no response within ${outcome.timeoutMs} ms${retried(outcome.attempts)}`;
    case "tls":
      return `TLS error (${outcome.code}): the server's certificate is not trusted or the handshake failed`;
    case "network":
      return `cannot reach the server (${outcome.code})`;
    case "response":
      break;
  }
  const { status, attempts } = outcome;
  if (status === 401) return "401 Unauthorized: the token is not accepted (wrong, revoked or expired token)";
  if (status === 403) return `403 Forbidden: the token lacks the scope ${scope}`;
  if (status === 429) {
    const after = outcome.retryAfter ? ` (Retry-After: ${outcome.retryAfter})` : "";
    return `429 Too Many Requests${retried(attempts)}${after}: rate limited; Auth0 allows 25 requests/s per connection`;
  }
  if (status >= 500) return `HTTP ${status} server error${retried(attempts)}: ${bodyExcerpt(outcome.text)}`;
  if (status >= 300 && status < 400) return `HTTP ${status} redirect: the URL is not the SCIM endpoint itself`;
  return `HTTP ${status}, expected ${expected}: ${bodyExcerpt(outcome.text)}`;
}
