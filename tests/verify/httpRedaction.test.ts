// A server that echoes the Authorization header into an error body must not leak the token, not even
// the prefix a cut-off excerpt would show.
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpClient } from "../../verify/http";
import { describeOutcome } from "../../verify/checks/describeOutcome";

const TOKEN = "tok_SECRETSECRETSECRET_9f8e7d";

let server: http.Server;
let baseUrl: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.writeHead(500, { "content-type": "text/plain" });
    // 150 characters of noise, so an excerpt cut at its limit ends inside the echoed token.
    res.end(`${"x".repeat(150)} Authorization: ${req.headers.authorization}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2/connections/con_1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("response bodies are masked on arrival, before any excerpt is cut", async () => {
  const client = createHttpClient(baseUrl, TOKEN, { timeoutMs: 20_000, maxRetries: 0, maxRetryAfterMs: 0, backoffMs: 0 });
  const outcome = await client.send({ method: "GET", path: "/Users?startIndex=1&count=2" });
  if (outcome.kind !== "response") throw new Error(`expected a response, got ${outcome.kind}`);
  expect(outcome.text).toContain("Bearer [redacted]");
  const detail = describeOutcome(outcome, "get:users", "200");
  for (let n = 6; n <= TOKEN.length; n++) expect(detail).not.toContain(TOKEN.slice(0, n));
});
