// A loopback HTTP proxy that answers CONNECT for any host by tunnelling to a local stand-in: clients
// configured with HTTPS_PROXY=http://127.0.0.1:<port> reach "https://<tenant>.auth0.com" at the
// stand-in, which presents a certificate for that name signed by the run's CA. No client needs a
// test-only setting and no hosts entry is touched. Which local port serves which host is the
// caller's choice (`route`); a host nobody serves is refused with 502 and listed.
import * as http from "http";
import * as net from "net";
import type { AddressInfo } from "net";

export interface ConnectTarget {
  host: string;
  port: number;
}

export interface ConnectProxy {
  /** http://127.0.0.1:<port>, the value for HTTPS_PROXY / HTTP_PROXY. */
  url: string;
  /** Every CONNECT seen, "host:port", in order. */
  readonly tunnels: string[];
  /** CONNECTs refused because `route` had no target for them. */
  readonly refused: string[];
  close(): Promise<void>;
}

/** Splits "host:port" (IPv6 in brackets allowed). Pure. */
export function parseAuthority(authority: string): { host: string; port: number } | undefined {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(authority);
  return m ? { host: m[1].toLowerCase(), port: Number(m[2]) } : undefined;
}

/** Starts the proxy on 127.0.0.1. `route` maps a requested host and port to a local target. */
export async function startConnectProxy(route: (host: string, port: number) => ConnectTarget | undefined): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const refused: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    // Plain-HTTP proxying (absolute-form requests) is not offered: every client here speaks TLS.
    res.writeHead(501, { "content-type": "text/plain" });
    res.end("this proxy only tunnels CONNECT\n");
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const authority = req.url ?? "";
    tunnels.push(authority);
    const parsed = parseAuthority(authority);
    const target = parsed && route(parsed.host, parsed.port);
    if (!target) {
      refused.push(authority);
      client.end(`HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\n\r\nno stand-in serves ${authority}\n`);
      return;
    }
    const upstream = net.connect(target.port, target.host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on("error", drop);
    client.on("error", drop);
    client.on("close", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
