// The transport under the token resource's Auth0 SDK, honouring the proxy settings other tools honour.
// Node's global fetch ignores HTTPS_PROXY, so behind a corporate proxy the token resource could not
// reach Auth0 at all. When a proxy is configured, each request picks its proxy the way curl does
// (https_proxy/HTTPS_PROXY for https, http_proxy/HTTP_PROXY as fallback, NO_PROXY/no_proxy exempt) and
// goes through undici's ProxyAgent; exempt requests use the global fetch. Extra CAs (a TLS-inspecting
// proxy's) come from NODE_EXTRA_CA_CERTS, which Node applies to every TLS connection.
//
// This module is serialized into the dynamic provider with managementClient.ts: undici is `require`d
// only when a proxy is configured, never imported at module level, so the closure stays small.
type Env = Record<string, string | undefined>;

function first(env: Env, names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** The proxy an https request would use, or undefined when none is configured. Pure. */
export function configuredProxy(env: Env): string | undefined {
  return first(env, ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"]);
}

/** True when NO_PROXY exempts `host` (and `port`): "*", exact names, domain suffixes (".corp" or "corp"), "name:port". Pure. */
export function exemptFromProxy(host: string, port: string, noProxy: string | undefined): boolean {
  const name = host.replace(/^\[|\]$/g, "").toLowerCase();
  return (noProxy ?? "")
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((raw) => {
      if (raw === "*") return true;
      const m = /^(.*?)(?::(\d+))?$/.exec(raw.toLowerCase().replace(/^\[|\](?=:|$)/g, ""))!;
      const entry = m[1].replace(/^\*?\./, "");
      if (m[2] && m[2] !== port) return false;
      return name === entry || name.endsWith(`.${entry}`);
    });
}

/** The proxy for `url` under `env`, or undefined to connect directly. Pure. */
export function proxyFor(url: URL, env: Env): string | undefined {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  if (exemptFromProxy(url.hostname, port, first(env, ["no_proxy", "NO_PROXY"]))) return undefined;
  return url.protocol === "https:" ? configuredProxy(env) : first(env, ["http_proxy", "HTTP_PROXY"]);
}

/** Global fetch without a proxy; with one, a fetch that sends each request through the proxy `env` names for it. */
export function fetchForEnvironment(env: Env = process.env): typeof fetch {
  if (configuredProxy(env) === undefined) return fetch;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const undici = require("undici") as typeof import("undici");
  const agents = new Map<string, InstanceType<typeof undici.ProxyAgent>>();
  return ((input: string | URL | Request, init?: RequestInit) => {
    const target = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const proxy = proxyFor(new URL(target), env);
    if (proxy === undefined) return fetch(input, init);
    let agent = agents.get(proxy);
    if (!agent) agents.set(proxy, (agent = new undici.ProxyAgent(proxy)));
    return undici.fetch(target, { ...(init as Parameters<typeof undici.fetch>[1]), dispatcher: agent });
  }) as typeof fetch;
}
