// The transport under the token resource's Auth0 SDK, honouring the proxy settings every other tool
// honours. Node's global fetch ignores HTTPS_PROXY, so behind a corporate proxy the token resource
// could not reach Auth0 at all; when a proxy is configured, requests go through undici's
// EnvHttpProxyAgent, which reads HTTPS_PROXY/https_proxy (falling back to HTTP_PROXY/http_proxy) and
// skips hosts listed in NO_PROXY/no_proxy. Extra CAs (a TLS-inspecting proxy's) come from
// NODE_EXTRA_CA_CERTS, which Node applies to every TLS connection.
//
// This module is serialized into the dynamic provider with managementClient.ts: undici is `require`d
// when a request is about to be made, never imported at module level, so the closure stays small.

/** The proxy variables, lower-case first as curl and undici read them. */
const PROXY_VARIABLES = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"];

/** The proxy URL HTTPS requests would use, or undefined when none is configured. Pure. */
export function configuredProxy(env: Record<string, string | undefined>): string | undefined {
  for (const name of PROXY_VARIABLES) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Global fetch without a proxy; with one, undici's fetch through a proxy agent built from `env`. */
export function fetchForEnvironment(env: Record<string, string | undefined> = process.env): typeof fetch {
  if (configuredProxy(env) === undefined) return fetch;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const undici = require("undici") as typeof import("undici");
  const dispatcher = new undici.EnvHttpProxyAgent({
    httpProxy: env.http_proxy ?? env.HTTP_PROXY,
    httpsProxy: env.https_proxy ?? env.HTTPS_PROXY,
    noProxy: env.no_proxy ?? env.NO_PROXY,
  });
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undici.fetch(input as Parameters<typeof undici.fetch>[0], { ...(init as Parameters<typeof undici.fetch>[1]), dispatcher })) as unknown as typeof fetch;
}
