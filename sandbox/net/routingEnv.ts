// The environment that sends a process's HTTPS traffic to the stand-ins: the CONNECT proxy for every
// host (HTTPS_PROXY, both spellings, as Go, curl, undici and grpc-js each read one of them), loopback
// excluded (NO_PROXY: the engine talks to its plugins over gRPC on 127.0.0.1 and must not be proxied),
// and the run's CA trusted by Node (NODE_EXTRA_CA_CERTS, added to the built-in roots) and by Go
// programs such as the Pulumi plugins (SSL_CERT_FILE). No product setting is involved. Pure.
export interface RoutingInputs {
  /** http://127.0.0.1:<port> of sandbox/net/connectProxy.ts. */
  proxyUrl: string;
  /** PEM file of the run's CA (sandbox/net/testCa.ts). */
  caFile: string;
}

export const LOOPBACK_NO_PROXY = "127.0.0.1,localhost,::1";

export function routingEnvironment({ proxyUrl, caFile }: RoutingInputs): Record<string, string> {
  return {
    HTTPS_PROXY: proxyUrl,
    https_proxy: proxyUrl,
    NO_PROXY: LOOPBACK_NO_PROXY,
    no_proxy: LOOPBACK_NO_PROXY,
    NODE_EXTRA_CA_CERTS: caFile,
    SSL_CERT_FILE: caFile,
  };
}
