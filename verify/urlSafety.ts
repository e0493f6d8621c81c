// A token must never travel in clear text. Plain http:// is only allowed to a loopback host (a local
// test server or an SSH tunnel), where nothing leaves the machine.
import { isIP } from "node:net";

export class UsageError extends Error {}

/** True for 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host === "::1") return true;
  return isIP(host) === 4 && host.startsWith("127.");
}

/**
 * Parses a URL that a secret will be sent to. `setting` names where the URL came from, so the error
 * says what to change; the URL never carries the secret, so quoting it is safe.
 */
export function requireSafeUrl(raw: string, setting: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Not quoted: the value may hold credentials.
    throw new UsageError(`${setting} is not a URL. Give the full https:// address.`);
  }
  if (url.username || url.password) {
    throw new UsageError(`${setting}: the URL carries a user name or password; remove it (the token travels in the Authorization header).`);
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return url;
  if (url.protocol === "http:") {
    throw new UsageError(
      `${setting}: refusing to send a token over plain http:// to ${url.hostname}. Use https:// (http:// is allowed only for a loopback host such as 127.0.0.1).`,
    );
  }
  throw new UsageError(`${setting}: unsupported scheme ${url.protocol} for ${url.host}. Use https://.`);
}
