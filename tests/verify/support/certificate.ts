// A throw-away self-signed certificate for 127.0.0.1, made in the test with the `selfsigned` package
// (pure JavaScript: no openssl binary needed on the machine).
import { generate } from "selfsigned";

export async function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    keyType: "ec",
    curve: "P-256",
    notAfterDate: new Date(Date.now() + 86_400_000),
    extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] }],
  });
  return { key: pems.private, cert: pems.cert };
}
