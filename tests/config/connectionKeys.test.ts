// The resource-name keys of connections (components/naming.ts): each key and previous key names one
// connection only, or two connections would claim the same resources.
import { parseStackConfig } from "../../config/load";
import { formatConfigPath } from "../../config/paths";
import { cloneValues, readStackFile, toRawConfig, type StackConfigValues } from "../harness/stackFile";

type Json = Record<string, unknown>;
const conns = (v: StackConfigValues) => v["oktaScim:connections"] as Json[];

function problems(mutate: (v: StackConfigValues) => void): string[] {
  const { values, secretKeys } = readStackFile("dev");
  const copy = cloneValues(values);
  mutate(copy);
  const parsed = parseStackConfig(toRawConfig(copy, secretKeys));
  return "problems" in parsed ? parsed.problems.map((p) => `${formatConfigPath(p.path)}: ${p.message}`) : [];
}

test("a key and previous keys that name one connection each are accepted", () => {
  expect(
    problems((v) => {
      conns(v)[0].key = "acme";
      conns(v)[0].previousKeys = ["okta-acme"];
    }),
  ).toEqual([]);
});

test("a key equal to another connection's name (its default key) is refused at the key", () => {
  expect(problems((v) => (conns(v)[1].key = "okta-acme"))).toEqual([
    "oktaScim:connections[1].key: gives the same resource key as connections[0]; set key to a value of its own",
  ]);
});

test("a previous key that is a current key is refused", () => {
  expect(problems((v) => (conns(v)[1].previousKeys = ["okta-acme"]))).toEqual([
    "oktaScim:connections[1].previousKeys[0]: is the current key of connections[0]; a key names one connection",
  ]);
  expect(problems((v) => (conns(v)[0].previousKeys = ["okta-acme"]))).toEqual([
    "oktaScim:connections[0].previousKeys[0]: is this connection's current key; list only keys it had before",
  ]);
});

test("one previous key on two connections is refused", () => {
  expect(
    problems((v) => {
      conns(v)[0].previousKeys = ["old"];
      conns(v)[1].previousKeys = ["old"];
    }),
  ).toEqual(["oktaScim:connections[1].previousKeys[0]: is also a previous key of connections[0]; a key names one connection"]);
});

test('manageProvisioningViaApi accepts true, false and "deactivate" only', () => {
  expect(problems((v) => (conns(v)[0].manageProvisioningViaApi = "deactivate"))).toEqual([]);
  expect(problems((v) => (conns(v)[0].manageProvisioningViaApi = "off"))).toHaveLength(1);
});
