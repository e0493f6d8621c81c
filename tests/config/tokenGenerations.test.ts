// Validation of scim.tokens: at most two generations, unique names, lifetime bounds, scope rules.
import { parseStackConfig } from "../../config/load";
import { readStackFile, toRawConfig, cloneValues, SECRET_MARKER_PREFIX } from "../harness/stackFile";
import { DEFAULT_TOKEN_GENERATION } from "../../components/decisions/tokenGenerations";

type Conn = { scim?: { tokens?: unknown[]; tokenScopes?: string[] } };

function problemsWith(tokens: unknown[] | undefined, stack = "dev"): string[] {
  const { values, secretKeys } = readStackFile(stack);
  const copy = cloneValues(values);
  const first = (copy["oktaScim:connections"] as Conn[])[0];
  first.scim = { ...(first.scim ?? {}), tokens };
  if (tokens === undefined) delete first.scim.tokens;
  const parsed = parseStackConfig(toRawConfig(copy, secretKeys));
  return "problems" in parsed ? parsed.problems.map((p) => `${p.path.join(".")}: ${p.message}`) : [];
}

test("the dev stack declares one generation with a 90-day lifetime on each connection", () => {
  const { values, secretKeys } = readStackFile("dev");
  const parsed = parseStackConfig(toRawConfig(values, secretKeys));
  if (!("config" in parsed)) throw new Error("dev must validate");
  for (const c of parsed.config.connections) expect(c.scim.tokens).toEqual([{ generation: "2026-11", lifetimeSeconds: 90 * 24 * 3600 }]);
});

test("without scim.tokens a connection has one default generation without expiry", () => {
  const { values, secretKeys } = readStackFile("prod");
  const copy = cloneValues(values);
  delete (copy["oktaScim:connections"] as Conn[])[0].scim?.tokens;
  const parsed = parseStackConfig(toRawConfig(copy, secretKeys));
  if (!("config" in parsed)) throw new Error("prod must validate");
  expect(parsed.config.connections[0].scim.tokens).toEqual([{ generation: DEFAULT_TOKEN_GENERATION }]);
});

test("two generations (a rotation) are valid", () => {
  expect(problemsWith([{ generation: "2026-11", lifetimeSeconds: 7776000 }, { generation: "2027-02", lifetimeSeconds: 7776000 }])).toEqual([]);
});

test("a third generation is refused: Auth0 allows two active tokens", () => {
  const problems = problemsWith([{ generation: "a" }, { generation: "b" }, { generation: "c" }]);
  expect(problems).toEqual([expect.stringMatching(/^connections\.0\.scim\.tokens: lists 3 generations; Auth0 allows two active tokens per connection/)]);
});

test("generation names are unique and well-formed; the list is not empty", () => {
  expect(problemsWith([{ generation: "a" }, { generation: "a" }])).toEqual([expect.stringMatching(/^connections\.0\.scim\.tokens\.1\.generation: repeats/)]);
  expect(problemsWith([{ generation: "Q1 2027" }])[0]).toMatch(/^connections\.0\.scim\.tokens\.0\.generation: must be a short lower-case name/);
  expect(problemsWith([])[0]).toMatch(/^connections\.0\.scim\.tokens: must list at least one token generation/);
});

test("lifetime: more than 900 s and at most a year", () => {
  expect(problemsWith([{ generation: "a", lifetimeSeconds: 900 }])).toEqual([expect.stringMatching(/lifetimeSeconds: must be more than 900 seconds/)]);
  expect(problemsWith([{ generation: "a", lifetimeSeconds: 901 }])).toEqual([]);
  expect(problemsWith([{ generation: "a", lifetimeSeconds: 366 * 86400 }])).toEqual([expect.stringMatching(/lifetimeSeconds: must be at most 31536000 seconds/)]);
});

test("a generation's own scopes must still include what Okta needs, once each", () => {
  const problems = problemsWith([{ generation: "a", scopes: ["get:users", "post:users", "get:users"] }]);
  expect(problems).toEqual([
    expect.stringMatching(/^connections\.0\.scim\.tokens\.0\.scopes: lacks put:users/),
    expect.stringMatching(/^connections\.0\.scim\.tokens\.0\.scopes\.2: repeats a scope/),
  ]);
  expect(problems.join("\n")).not.toContain(SECRET_MARKER_PREFIX);
});
