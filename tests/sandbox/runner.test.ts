// The sandbox runner's pure parts: secret replacement, step planning, the summary line and the API-call
// document; and the exit code 3 when the user's install lacks the auth0/okta plugins (a fake `pulumi`).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readStackFileConfig } from "../../config/stackFile";
import type { Registration } from "../harness/runProgram";
import { runProgram } from "../harness/runProgram";
import { REPO_ROOT, secretMarker, toRawConfig } from "../harness/stackFile";
import { parseSandboxArgs } from "../../sandbox/run/args";
import { runSandbox } from "../../sandbox/run/main";
import { changeMismatches, configEdit, expectedChanges, firstDeploymentConfig, keyOfUrn, previewChanges, SANDBOX_GROUP } from "../../sandbox/run/plan";
import { apiCallSection, exitCodeFor, replaceSection, stepLine, summaryLine, type StepResult } from "../../sandbox/run/report";
import { missingSecretSettings, secretSettings, secretValues, withSecrets } from "../../sandbox/run/secrets";
import { missingPlugins } from "../../sandbox/run/tools";
import { lookupSeeds, stackCredentials } from "../../sandbox/run/standIns";

const FAKE_PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n-----END RSA PRIVATE KEY-----\n";
let counter = 0;
const gen = { rsaPrivateKeyPem: () => FAKE_PEM, random: (n: number) => `r${++counter}`.padEnd(n, "x") };
const dev = () => readStackFileConfig(REPO_ROOT, "dev")!;
const prod = () => readStackFileConfig(REPO_ROOT, "prod")!;

describe("secret replacement", () => {
  it("finds every secure: leaf of dev by the path `pulumi config set --secret --path` takes, with fitting values", () => {
    const settings = secretSettings(dev(), gen);
    expect(settings.map((s) => [s.key, s.path])).toEqual([
      ["oktaScim:auth0", "auth0.clientSecret"],
      ["oktaScim:oktaOrgs", "oktaOrgs[0].apiToken"],
      ["oktaScim:oktaOrgs", "oktaOrgs[1].privateKey"],
    ]);
    expect(settings[1].value).toMatch(/^00/);
    expect(settings[2].value).toBe(FAKE_PEM);
  });

  it("puts the generated values where the placeholders were, leaving everything else as written", () => {
    const config = dev();
    const settings = secretSettings(config, gen);
    const replaced = withSecrets(config, settings) as Record<string, any>;
    expect(replaced["oktaScim:auth0"]).toEqual({ ...(config["oktaScim:auth0"] as object), clientSecret: settings[0].value });
    expect(replaced["oktaScim:oktaOrgs"][1].privateKey).toBe(FAKE_PEM);
    expect(replaced["oktaScim:oktaOrgs"][1].clientId).toBe("0oa8x2kq4rTbN5yV1d7");
    expect((config["oktaScim:auth0"] as any).clientSecret).toHaveProperty("secure");
  });

  it("adds the credentials a fresh stack has not set yet (what new-stack leaves to pulumi config set --secret), and nothing a stack holds", () => {
    const fresh = {
      "oktaScim:auth0": { domain: "example-dev.us.auth0.com", clientId: "AbCdEfGhIjKlMnOp1234" },
      "oktaScim:oktaOrgs": [
        { name: "a", orgName: "a" },
        { name: "b", orgName: "b", clientId: "0oa8x2kq4rTbN5yV1d7", privateKeyId: "kid" },
      ],
    };
    const settings = missingSecretSettings(fresh, gen);
    expect(settings.map((s) => s.path)).toEqual(["auth0.clientSecret", "oktaOrgs[0].apiToken", "oktaOrgs[1].privateKey"]);
    expect(settings[2].value).toBe(FAKE_PEM);
    const filled = withSecrets(fresh, settings) as Record<string, any>;
    expect(filled["oktaScim:oktaOrgs"][1]).toMatchObject({ clientId: "0oa8x2kq4rTbN5yV1d7", privateKey: FAKE_PEM });
    expect(missingSecretSettings(dev(), gen)).toEqual([]);
  });

  it("watches the whole PEM and each of its long lines in the state", () => {
    const values = secretValues(secretSettings(dev(), gen));
    expect(values).toContain(FAKE_PEM);
    expect(values).toContain("MIIEowIBAAKCAQEAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    expect(values.filter((v) => v.startsWith("-----") && !v.includes("\n"))).toEqual([]);
  });
});

describe("step planning", () => {
  it("deploys every connection in phase 1 first, then adds a group and a generation and flips to phase 2", () => {
    const first = firstDeploymentConfig(dev()) as Record<string, any>;
    expect(first["oktaScim:connections"].map((c: any) => c.consoleStepsDone)).toEqual([false, false]);
    const edit = configEdit(first);
    const [acme, globex] = (edit.config as Record<string, any>)["oktaScim:connections"];
    expect(acme.groups.at(-1)).toEqual({ name: SANDBOX_GROUP });
    expect(acme.scim.tokens.map((t: any) => [t.generation, t.lifetimeSeconds])).toEqual([
      ["2026-11", 7776000],
      ["sandbox", 7776000],
    ]);
    expect([acme.consoleStepsDone, globex.consoleStepsDone]).toEqual([true, true]);
    expect(edit.toPhaseTwo).toEqual(["okta-acme", "okta-globex"]);
    expect(edit.addedGroup).toEqual({ oktaOrg: "acme", name: SANDBOX_GROUP });
  });

  it("never declares a third token generation", () => {
    const config = dev() as Record<string, any>;
    config["oktaScim:connections"][0].scim.tokens.push({ generation: "2027-02", lifetimeSeconds: 7776000 });
    const edit = configEdit(config);
    expect((edit.config as any)["oktaScim:connections"][0].scim.tokens).toHaveLength(2);
    expect(edit.changes.join()).toContain("already two token generations");
  });

  it("expects, for prod, one new token, the phase-2 profile mapping and both apps' group assignments updated", async () => {
    const config = prod();
    const settings = secretSettings(config, gen);
    const raw = (c: Record<string, unknown>) => toRawConfig(withSecrets(c, settings.map((s) => ({ ...s, value: secretMarker(s.path) }))), new Set(settings.map((s) => s.key)));
    const before = (await runProgram(raw(firstDeploymentConfig(config)), { stack: "prod" })).registrations;
    const after = (await runProgram(raw(configEdit(firstDeploymentConfig(config)).config), { stack: "prod" })).registrations;
    expect(expectedChanges(before, after)).toEqual({
      create: ["okta:profile/mapping:Mapping::okta-acme-okta-scim-profile-mapping", "pulumi-nodejs:dynamic/scimToken:ScimToken::okta-acme-scim-token-sandbox"],
      update: ["okta:index/appGroupAssignments:AppGroupAssignments::okta-acme-okta-oidc-app-groups", "okta:index/appGroupAssignments:AppGroupAssignments::okta-acme-okta-scim-app-groups"],
      delete: [],
    });
  });

  it("compares the planned steps of `pulumi preview --json` with the expectation, both ways", () => {
    const reg = (type: string, name: string, inputs: Record<string, unknown>): Registration =>
      ({ type, name, inputs, custom: true, redactedInputs: {}, secretInputs: [], protect: false, dependsOn: [], propertyDependencies: {}, retainOnDelete: false, urn: `urn:pulumi:dev::oktaScim::${type}::${name}`, aliases: [] }) as Registration;
    const expected = expectedChanges([reg("a:b:C", "x", { v: 1 }), reg("a:b:C", "y", { v: 1 })], [reg("a:b:C", "x", { v: 2 }), reg("a:b:C", "z", {})]);
    expect(expected).toEqual({ create: ["a:b:C::z"], update: ["a:b:C::x"], delete: ["a:b:C::y"] });
    const urn = (n: string) => `urn:pulumi:dev::oktaScim::parent:Comp$a:b:C::${n}`;
    expect(keyOfUrn(urn("x"))).toBe("a:b:C::x");
    const planned = previewChanges({
      steps: [
        { op: "same", urn: "urn:pulumi:dev::oktaScim::pulumi:pulumi:Stack::oktaScim-dev" },
        { op: "create", urn: urn("z") },
        { op: "update", urn: urn("x") },
        { op: "delete", urn: urn("y") },
      ],
    });
    expect(changeMismatches(expected, planned)).toEqual([]);
    expect(changeMismatches(expected, { ...planned, update: [], other: ["replace a:b:C::x"] })).toEqual(["expected update not planned: a:b:C::x", "unexpected steps: replace a:b:C::x"]);
  });
});

describe("report", () => {
  const step = (status: StepResult["status"]): StepResult => ({ name: "s", status, detail: "" });

  it("prints one line per step with its status, its time when measured, and its detail", () => {
    expect(stepLine(3, 9, { name: "preview", status: "passed", detail: "0 changes", seconds: 12.4 })).toBe("  3/9 preview: passed in 12 s (0 changes)");
    expect(stepLine(1, 9, { name: "preview", status: "skipped", detail: "" })).toBe("  1/9 preview: skipped");
  });

  it("ends with the summary line, a skipped step counted in the total but never as passed", () => {
    const steps = [step("passed"), step("skipped"), step("passed")];
    expect(summaryLine("dev", steps, { resources: 28, apiCallsUp: 97, apiCallsNoopPreview: 15 })).toBe(
      "sandbox: stack=dev steps=2/3 resources=28 api_calls_up=97 api_calls_noop_preview=15",
    );
    expect(exitCodeFor(steps)).toBe(0);
    expect(exitCodeFor([...steps, step("failed")])).toBe(1);
  });

  it("writes each stack's measured API calls between its markers, replacing the previous figures", () => {
    const phases = [
      { phase: "create (first up)", counts: new Map([["okta POST /api/v1/apps", 2], ["auth0 POST /oauth/token", 3]]), seconds: 41.6 },
      { phase: "no-op preview", counts: new Map([["okta GET /api/v1/groups", 3]]) },
    ];
    const once = replaceSection("# API calls\n", "dev", apiCallSection("dev", phases, "2026-11-29"));
    expect(once).toContain("| create (first up) | 3 | 2 | 5 | 42 |");
    expect(once).toContain("| no-op preview | 0 | 3 | 3 | - |");
    expect(once).toContain("| `okta GET /api/v1/groups` | 0 | 3 |");
    const twice = replaceSection(once, "dev", apiCallSection("dev", [phases[1]], "2026-11-30"));
    expect(twice.match(/sandbox:api-calls:dev:start/g)).toHaveLength(1);
    expect(twice).not.toContain("create (first up)");
    expect(replaceSection(twice, "prod", "P")).toContain("<!-- sandbox:api-calls:prod:start -->\nP\n<!-- sandbox:api-calls:prod:end -->");
  });
});

describe("the user's install", () => {
  let bin: string;
  beforeEach(() => {
    bin = fs.mkdtempSync(path.join(os.tmpdir(), "fake-pulumi-"));
    const script = (body: string) => `#!/bin/sh\n${body}\n`;
    fs.writeFileSync(path.join(bin, "pulumi"), script('if [ "$1 $2" = "plugin ls" ]; then echo \'[{"name":"aws","kind":"resource","version":"6.0.0"}]\'; fi'), { mode: 0o755 });
    for (const e of ["pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"]) fs.writeFileSync(path.join(bin, e), script("exit 0"), { mode: 0o755 });
  });
  afterEach(() => fs.rmSync(bin, { recursive: true, force: true }));

  it("without the auth0 and okta plugins: says what is missing and how to install it, exit 3", async () => {
    const lines: string[] = [];
    const code = await runSandbox(["--stack", "dev"], (l) => lines.push(l), { PATH: `${bin}:/usr/bin:/bin` });
    expect(code).toBe(3);
    const text = lines.join("\n");
    expect(text).toContain("pulumi plugin install resource auth0 3.49.0");
    expect(text).toContain("pulumi plugin install resource okta 7.0.0");
  });

  it("without the CLI: names it, exit 3", async () => {
    const lines: string[] = [];
    expect(await runSandbox(["--stack", "dev"], (l) => lines.push(l), { PATH: "/nonexistent" })).toBe(3);
    expect(lines.join("\n")).toContain("the Pulumi CLI");
  });

  it("recognises installed plugins by kind and name (pure)", () => {
    expect(missingPlugins([{ name: "okta", kind: "resource", version: "6.8.0" }, { name: "auth0", kind: "language", version: "1" }])).toEqual(["auth0"]);
    // Pulumi asks for the version the SDK names and the sandbox never downloads one: another version does not count.
    expect(missingPlugins([{ name: "okta", kind: "resource", version: "6.8.0" }, { name: "auth0", kind: "resource", version: "3.49.0" }], { auth0: "3.49.0", okta: "7.0.0" })).toEqual(["okta"]);
  });
});

it("refuses a missing or odd --stack with usage", () => {
  expect(parseSandboxArgs([])).toHaveProperty("error");
  expect(parseSandboxArgs(["--stack", "../x"])).toHaveProperty("error");
  expect(parseSandboxArgs(["--stack", "dev", "--keep"])).toEqual({ stack: "dev", keep: true, noDocs: false, seed: undefined });
});

it("takes --steps as step numbers and refuses anything else", () => {
  expect(parseSandboxArgs(["--stack", "dev", "--steps", "1,2,10"])).toMatchObject({ steps: [1, 2, 10] });
  expect(parseSandboxArgs(["--stack", "dev", "--steps", "2-4"])).toHaveProperty("error", expect.stringContaining("--steps needs step numbers"));
  expect(parseSandboxArgs(["--stack", "dev", "--steps"])).toHaveProperty("error");
});

describe("stand-in credentials and lookups (pure)", () => {
  it("derives each org's domain and credentials from the config the providers get, and seeds what the stack looks up", () => {
    const { generateKeyPairSync } = require("crypto") as typeof import("crypto");
    const pem = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    const config = dev();
    const settings = secretSettings(config, { ...gen, rsaPrivateKeyPem: () => pem });
    const credentials = stackCredentials(withSecrets(config, settings));
    expect(credentials.auth0).toEqual({ domain: "acme-dev.eu.auth0.com", clientId: "7hQeXw2LkP9sVb4NzR6tYc3M", clientSecret: settings[0].value });
    expect(credentials.orgs.map((o) => [o.name, o.domain])).toEqual([
      ["acme", "acme.okta.com"],
      ["globex", "globex-corp.okta-emea.com"],
    ]);
    expect(credentials.orgs[0].credentials).toEqual({ apiToken: settings[1].value });
    expect(credentials.orgs[1].credentials.publicKeyPem).toContain("BEGIN PUBLIC KEY");
    const seeds = lookupSeeds(config, credentials);
    expect(seeds.get("acme.okta.com")).toEqual({
      groups: [{ name: "Engineering" }, { name: "Customer Support" }, { name: "Group 00g1k9x2b7QpR4sT6u8V", id: "00g1k9x2b7QpR4sT6u8V" }],
      users: [{ login: "break-glass.admin@acme.example" }],
    });
    expect(seeds.get("globex-corp.okta-emea.com")!.groups!.map((g) => g.name)).toEqual(["Globex Staff", "Globex Contractors"]);
  });
});
