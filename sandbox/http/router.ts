// A tiny router shared by the stand-ins: routes are "METHOD /path/{param}" templates, every request is
// recorded in the run's RequestLog under its template, and a request no route matches gets 501 (and is
// logged as unknown) so a missing endpoint shows up instead of passing silently.
import type * as http from "http";
import { UNKNOWN_ROUTE, type RequestLog } from "../log/requestLog";
import { refusal, type FaultInjector } from "./faults";

export interface StandInRequest {
  method: string;
  /** Path without the query string, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** Template parameters, percent-decoded. */
  params: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Host header without the port, lower-case. */
  host: string;
  /** Parsed JSON or form body; undefined when empty; the raw text when it does not parse. */
  body: unknown;
}

export interface StandInReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Defaults to application/json when there is a body. */
  contentType?: string;
}

export interface Route {
  method: string;
  /** e.g. "/api/v2/connections/{id}/scim-configuration/tokens/{tokenId}" */
  template: string;
  handle(request: StandInRequest): StandInReply | Promise<StandInReply>;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
}

/** Turns a template into a regular expression; `{name}` matches one path segment. Pure. */
export function compileRoute(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.template
    .split("/")
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(param[1]);
      return "([^/]+)";
    })
    .join("/");
  return { ...route, pattern: new RegExp(`^${source}/?$`), names };
}

/** The route for `method path` and its decoded parameters, or undefined. Pure. */
export function matchRoute(routes: readonly CompiledRoute[], method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
    return { route, params };
  }
  return undefined;
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === "") return undefined;
  try {
    if (contentType?.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(raw));
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function send(res: http.ServerResponse, reply: StandInReply): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  if (reply.body !== undefined) headers["content-type"] = reply.contentType ?? "application/json; charset=utf-8";
  res.writeHead(reply.status, headers);
  res.end(reply.body === undefined ? undefined : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
}

/**
 * A request listener serving `routes` for `service`, recording every request in `log`; `faults` (npm
 * run faults) may refuse a write, reset its connection, or apply it and lose the answer.
 */
export function routeRequests(service: string, routes: readonly Route[], log: RequestLog, faults?: FaultInjector): http.RequestListener {
  const compiled = routes.map(compileRoute);
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      const method = req.method ?? "GET";
      const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
      const found = matchRoute(compiled, method, url.pathname);
      const entry = { service, method, route: found?.route.template ?? UNKNOWN_ROUTE, path: url.pathname, host, status: 501 };
      if (!found) {
        log.record(entry);
        send(res, { status: 501, body: { statusCode: 501, error: "Not Implemented", message: `The ${service} stand-in has no route for ${method} ${url.pathname}` } });
        return;
      }
      const fault = faults?.decide({ service, method, route: found.route.template });
      const refused = fault ? refusal(fault, service, Math.floor(Date.now() / 1000)) : undefined;
      if (refused) {
        log.record({ ...entry, status: refused.status });
        send(res, refused);
        return;
      }
      if (fault === "reset") {
        // Status 0 in the log: no answer was sent.
        log.record({ ...entry, status: 0 });
        res.socket?.destroy();
        return;
      }
      const request: StandInRequest = {
        method,
        path: url.pathname,
        query: url.searchParams,
        params: found.params,
        headers: req.headers,
        host,
        body: parseBody(Buffer.concat(chunks).toString("utf8"), req.headers["content-type"]),
      };
      Promise.resolve()
        .then(() => found.route.handle(request))
        .catch((error: unknown) => ({ status: 500, body: { statusCode: 500, error: "Internal Server Error", message: `stand-in bug: ${String(error)}` } }))
        .then((reply) => {
          log.record({ ...entry, status: fault === "lost-response" ? 0 : reply.status });
          // Applied, but the client never hears of it.
          if (fault === "lost-response") res.socket?.destroy();
          else send(res, reply);
        });
    });
  };
}
