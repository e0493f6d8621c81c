// A certificate authority made for one run, and a server certificate it signs for the tenant domains
// the stand-ins answer for. Clients trust it through the environment only: NODE_EXTRA_CA_CERTS (Node:
// added to the built-in roots) and SSL_CERT_FILE (Go programs such as the Pulumi plugins: replaces the
// system roots, which is fine because a sandboxed run talks to nothing else). Nothing is written
// anywhere but the directory the caller gives.
import * as fs from "fs";
import * as path from "path";
import { generate } from "selfsigned";

export interface TestCa {
  /** PEM of the CA certificate: what clients trust. */
  caCert: string;
  /** Server key and certificate (leaf first, then the CA) for the TLS stand-in. */
  serverKey: string;
  serverCert: string;
  /** The CA certificate written to disk, for NODE_EXTRA_CA_CERTS / SSL_CERT_FILE. */
  caFile: string;
  /** Names the server certificate covers. */
  names: string[];
}

/** Creates the CA and a server certificate for `domains` (and 127.0.0.1/localhost), valid for two days. */
export async function createTestCa(domains: readonly string[], dir: string): Promise<TestCa> {
  const notBeforeDate = new Date(Date.now() - 60 * 60 * 1000);
  const notAfterDate = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
  const ca = await generate([{ name: "commonName", value: "okta-auth0-inbound-scim sandbox CA (one run only)" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const names = [...new Set([...domains.map((d) => d.toLowerCase()), "localhost"])];
  const server = await generate([{ name: "commonName", value: names[0] }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [...names.map((value) => ({ type: 2 as const, value })), { type: 7, ip: "127.0.0.1" }] },
    ],
  });
  fs.mkdirSync(dir, { recursive: true });
  const caFile = path.join(dir, "sandbox-ca.pem");
  fs.writeFileSync(caFile, ca.cert, { mode: 0o600 });
  return { caCert: ca.cert, serverKey: server.private, serverCert: `${server.cert.trim()}\n${ca.cert.trim()}\n`, caFile, names };
}
