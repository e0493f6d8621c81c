// The committed stack files are valid, and a bad one stops the program before any registration.
import { parseStackConfig } from "../../config/load";
import { readStackFile, toRawConfig, SECRET_MARKER_PREFIX, REPO_ROOT } from "../harness/stackFile";
import { isSecureForm, readStackFileConfig } from "../../config/stackFile";
import { runCommittedStack } from "../harness/committedStack";
import { ProgramFailure } from "../harness/runProgram";

test.each(["dev", "prod"])("Pulumi.%s.yaml validates", (stack) => {
  const { values, secretKeys } = readStackFile(stack);
  const parsed = parseStackConfig(toRawConfig(values, secretKeys));
  expect("problems" in parsed ? parsed.problems : []).toEqual([]);
});

test("dev is phase 2 with two connections, custom attributes and additional mappings; prod is phase 1", () => {
  const dev = parseStackConfig(toRawConfig(readStackFile("dev").values, readStackFile("dev").secretKeys));
  const prod = parseStackConfig(toRawConfig(readStackFile("prod").values, readStackFile("prod").secretKeys));
  if (!("config" in dev) || !("config" in prod)) throw new Error("committed stacks must validate");
  expect(dev.config.connections).toHaveLength(2);
  expect(dev.config.connections.every((c) => c.consoleStepsDone)).toBe(true);
  expect(dev.config.connections[0].groups.length).toBeGreaterThanOrEqual(2);
  expect(dev.config.connections[0].customAttributes.length).toBeGreaterThanOrEqual(1);
  expect(dev.config.connections[0].scim.additionalMappings.length).toBeGreaterThanOrEqual(1);
  expect(prod.config.connections.every((c) => !c.consoleStepsDone)).toBe(true);
});

test("a bad setting stops the program before anything is registered, naming the setting and never a secret", async () => {
  const failure = await runCommittedStack("dev", {
    mutate: (v) => {
      (v["oktaScim:connections"] as { groups: unknown[] }[])[1].groups[0] = { name: "" };
    },
  }).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(ProgramFailure);
  const { cause, registrations } = failure as ProgramFailure;
  expect(registrations).toEqual([]);
  expect((cause as Error).name).toBe("ConfigValidationError");
  expect((cause as Error).message).toContain("oktaScim:connections[1].groups[0]");
  expect((cause as Error).message).not.toContain(SECRET_MARKER_PREFIX);
});

test("a credential written in plain text is refused, even beside secure: values in the same key", () => {
  const { values, secretKeys } = readStackFile("dev");
  // The engine marks oktaScim:oktaOrgs secret as a whole (org 0's apiToken is secure:); org 1's
  // private key is written in plain text. Only the stack file tells them apart.
  (values["oktaScim:oktaOrgs"] as Record<string, unknown>[])[1].privateKey = "-----BEGIN PRIVATE KEY----- plain";
  expect(secretKeys.has("oktaScim:oktaOrgs")).toBe(true);
  const parsed = parseStackConfig(toRawConfig(values, secretKeys));
  if (!("problems" in parsed)) throw new Error("expected problems");
  expect(parsed.problems.map((p) => `${p.path.join(".")}: ${p.message}`)).toEqual([
    "oktaOrgs.1.privateKey: is a credential stored in plain text; set it with `pulumi config set --secret --path 'oktaOrgs[1].privateKey' <value>`",
  ]);
  expect(JSON.stringify(parsed.problems)).not.toContain("BEGIN PRIVATE KEY");
});

test("a customer's OIDC client secret written in plain text is refused, and never printed", () => {
  const { values, secretKeys } = readStackFile("customers");
  const umbrella = (values["oktaScim:connections"] as { name: string; oidcApp: Record<string, unknown> }[]).find((c) => c.name === "okta-umbrella")!;
  umbrella.oidcApp.clientSecret = "umbrella-plain-client-secret";
  const parsed = parseStackConfig(toRawConfig(values, secretKeys));
  if (!("problems" in parsed)) throw new Error("expected problems");
  expect(parsed.problems.map((p) => `${p.path.join(".")}: ${p.message}`)).toEqual([
    "connections.2.oidcApp.clientSecret: is a credential stored in plain text; set it with `pulumi config set --secret --path 'connections[2].oidcApp.clientSecret' <value>`",
  ]);
  expect(JSON.stringify(parsed.problems)).not.toContain("umbrella-plain");
});

test("without a stack file (config from elsewhere) the engine's per-key secret flag decides", () => {
  const { values, secretKeys } = readStackFile("prod");
  const withoutFile = (keys: Iterable<string>) => ({ ...toRawConfig(values, keys), stackFile: undefined });
  const plain = parseStackConfig(withoutFile([]));
  if (!("problems" in plain)) throw new Error("expected problems");
  const messages = plain.problems.map((p) => `${p.path.join(".")}: ${p.message}`);
  expect(messages).toContain("auth0.clientSecret: is a credential stored in plain text; set it with `pulumi config set --secret --path 'auth0.clientSecret' <value>`");
  expect(messages.some((m) => m.startsWith("oktaOrgs.0.apiToken: is a credential stored in plain text"))).toBe(true);
  expect(JSON.stringify(plain.problems)).not.toContain(SECRET_MARKER_PREFIX);
  expect("config" in parseStackConfig(withoutFile(secretKeys))).toBe(true);
});

test("the program reads the stack file from the project directory", () => {
  const file = readStackFileConfig(REPO_ROOT, "dev");
  expect(isSecureForm((file?.["oktaScim:auth0"] as Record<string, unknown>).clientSecret)).toBe(true);
  expect(readStackFileConfig(REPO_ROOT, "no-such-stack")).toBeUndefined();
});
