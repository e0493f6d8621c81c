// The pure parts of sandbox/languages/program.ts (the Go consumer program through the real CLI):
// the throwaway project's Pulumi.yaml and config, the tool decisions, the checks on the stand-ins'
// state, the printed lines; and the skip (exit 0) on a machine without the tools, as CI is.
// Also the `--language yaml` parts: names, steps, the YAML project file, the tool check.
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { runLanguageProgram } from "../../sandbox/languages/program";
import { STEPS } from "../../sandbox/languages/steps";
import { redact } from "../../sandbox/run/commands";
import {
  assignmentProblems,
  configSetArgs,
  goFlags,
  goModuleVersion,
  hostProblem,
  knownCause,
  packPreviewProblems,
  reportedOnTypes,
  nextPatch,
  upgradeProblems,
  isDefaultProviderOf,
  YAML_ONLY_STEPS,
  GO_ONLY_STEPS,
  SEEDED_POLICY,
  plaintextInStateProblems,
  leftoverProblems,
  outputTail,
  parseLanguage,
  programConfig,
  programNames,
  pulumiYaml,
  secrecyProblems,
  skipReason,
  stepLine,
  stepsForLanguage,
  summaryLine,
  tokenProblems,
  tokenScopesConfigArgs,
  versionAtLeast,
  yamlProjectFile,
  type ToolFacts,
} from "../../sandbox/languages/plan";

const YAML_TEMPLATE = path.join(__dirname, "..", "..", "languages", "yaml", "Pulumi.yaml.template");

const values = {
  auth0Domain: "go-sandbox.eu.auth0.com",
  auth0ClientId: "client-id",
  auth0ClientSecret: "client-secret-value",
  oktaOrgName: "go-sandbox",
  oktaBaseUrl: "okta.com",
  oktaApiToken: "00token-value-xyz",
  groupName: "Engineering",
  directUserLogin: "ada@example.com",
};

describe("the throwaway Go project", () => {
  it("has runtime go and the package as `pulumi package add <dir>` records a directory: name → absolute path", () => {
    const doc = parse(pulumiYaml("/work/main")) as Record<string, unknown>;
    expect(doc).toMatchObject({ name: "oktascim-go-program", runtime: "go", packages: { oktaScim: "/work/main" } });
  });

  it("sets every key main.go reads, the two it reads with RequireSecret as secrets, values on stdin only", () => {
    const entries = programConfig(values);
    expect(entries.map((e) => e.key)).toEqual(["auth0Domain", "auth0ClientId", "auth0ClientSecret", "oktaOrgName", "oktaBaseUrl", "oktaApiToken", "groupName", "directUserLogin"]);
    expect(entries.filter((e) => e.secret).map((e) => e.key)).toEqual(["auth0ClientSecret", "oktaApiToken"]);
    for (const e of entries) expect(configSetArgs(e).join(" ")).not.toContain(e.value);
    expect(configSetArgs(entries[2])).toEqual(["config", "set", "--secret", "auth0ClientSecret"]);
    expect(configSetArgs(entries[0])).toEqual(["config", "set", "--plaintext", "auth0Domain"]);
  });

  it("adds -mod=readonly to the environment's GOFLAGS, keeping a -mod already there", () => {
    expect(goFlags(undefined)).toBe("-mod=readonly");
    expect(goFlags("-buildvcs=false")).toBe("-buildvcs=false -mod=readonly");
    expect(goFlags("-mod=mod -buildvcs=false")).toBe("-mod=mod -buildvcs=false");
  });
});

describe("the tool check", () => {
  const all: ToolFacts = { pulumi: "/bin/pulumi", pulumiVersion: "v3.248.0", languageGo: "/bin/pulumi-language-go", go: "/bin/go", nodeHost: "/bin/pulumi-language-nodejs", nodeHostVersion: "v3.248.0" };

  it("compares versions by number, not text", () => {
    expect(versionAtLeast("v3.248.0", "3.159.0")).toBe(true);
    expect(versionAtLeast("v3.68.0", "3.159.0")).toBe(false);
    expect(versionAtLeast("3.159.0", "3.159.0")).toBe(true);
    expect(versionAtLeast("", "3.159.0")).toBe(false);
  });

  it("runs with everything, and names what is missing otherwise", () => {
    expect(skipReason(all)).toBeUndefined();
    expect(skipReason({})).toMatch(/no `pulumi` on PATH/);
    expect(skipReason({ ...all, languageGo: undefined })).toMatch(/pulumi-language-go/);
    expect(skipReason({ ...all, nodeHostVersion: "v3.68.0" })).toMatch(/v3\.68\.0: it cannot run a component plugin/);
    expect(skipReason({ ...all, nodeHostVersion: "" })).toMatch(/unknown version/);
    expect(skipReason({ ...all, sandboxMessage: "sandbox: cannot run, missing:\n  - the okta resource plugin: `pulumi plugin install resource okta 7.0.0`" })).toMatch(/^missing: the okta resource plugin/);
  });

  it("skips with exit 0 where there is no pulumi (CI)", async () => {
    const lines: string[] = [];
    expect(await runLanguageProgram([], (l) => lines.push(l), { PATH: "/nonexistent" })).toBe(0);
    expect(lines).toEqual(["go program: skipped (no `pulumi` on PATH)"]);
  });
});

describe("the checks on the stand-ins", () => {
  it("wants both apps assigned exactly the seeded group and user", () => {
    const good = [
      { label: "log-in", groupIds: ["00gA"], userIds: ["00uA"] },
      { label: "provisioning", groupIds: ["00gA"], userIds: ["00uA"] },
    ];
    expect(assignmentProblems(good, "00gA", "00uA")).toEqual([]);
    expect(assignmentProblems([good[0]], "00gA", "00uA")).toEqual(["expected 2 Okta apps, found 1 (log-in)"]);
    expect(assignmentProblems([good[0], { ...good[1], groupIds: ["00gOther"] }], "00gA", "00uA")[0]).toMatch(/provisioning.*00gOther.*expected \[00gA\]/);
  });

  it("wants one connection with one token equal to the output, and says which part is wrong without the values", () => {
    expect(tokenProblems([{ name: "c", tokens: ["tok-123456"] }], "tok-123456")).toEqual([]);
    expect(tokenProblems([], "x")).toEqual(["expected 1 Auth0 connection, found 0"]);
    expect(tokenProblems([{ name: "c", tokens: ["a", "b"] }], "a")).toEqual(["connection c: expected 1 SCIM token, found 2"]);
    expect(tokenProblems([{ name: "c", tokens: ["tok-123456"] }], undefined)[0]).toMatch(/missing/);
    const differs = tokenProblems([{ name: "c", tokens: ["tok-123456"] }], "tok-999999")[0];
    expect(differs).toMatch(/differs/);
    expect(differs).not.toMatch(/tok-/);
  });

  it("wants the token output secret without --show-secrets", () => {
    expect(secrecyProblems({ "go-workforce-scim-token": "[secret]" })).toEqual([]);
    expect(secrecyProblems({ "go-workforce-scim-token": "plain" })[0]).toMatch(/not a secret/);
    expect(secrecyProblems({})[0]).toMatch(/no go-workforce-scim-token/);
  });

  it("wants nothing left after destroy", () => {
    expect(leftoverProblems({ connections: 0, tokens: 0 })).toEqual([]);
    expect(leftoverProblems({ connections: 1, tokens: 1 })).toEqual(["left in the Auth0 stand-in after destroy: 1 connection(s), 1 SCIM token(s)"]);
  });
});

describe("what is printed", () => {
  it("formats step and summary lines", () => {
    expect(stepLine({ name: "up", status: "ok", seconds: 41.4 })).toBe("go program: up: ok (41 s)");
    expect(stepLine({ name: "stack output", status: "not run", seconds: 0 })).toBe("go program: stack output: not run");
    expect(stepLine({ name: "up", status: "FAILED", seconds: 3, detail: "exited 1" })).toBe("go program: up: FAILED (3 s) - exited 1");
    expect(summaryLine([{ name: "a", status: "ok", seconds: 1 }], 1)).toBe("go program: passed: 1/1 steps ok (1 s in all)");
    expect(summaryLine([{ name: "a", status: "ok", seconds: 1 }, { name: "up", status: "FAILED", seconds: 1 }, { name: "c", status: "not run", seconds: 0 }], 9)).toBe(
      "go program: FAILED: 1/3 steps ok; failed: up; 1 not run (9 s in all)",
    );
  });

  it("redacts secrets (longest first, short strings left alone) and keeps error lines in the tail", () => {
    expect(redact("a=secret-value-long b=secret-value", ["secret-value", "secret-value-long", "short"])).toBe("a=[secret] b=[secret]");
    const stdout = ["error: first reason", ...Array.from({ length: 30 }, (_, i) => `line ${i}`)].join("\n");
    const tail = outputTail(stdout, "", 5);
    expect(tail).toEqual(["error: first reason", "line 25", "line 26", "line 27", "line 28", "line 29"]);
  });

  it("names the cause when a dynamic token was declared inside the plugin", () => {
    expect(knownCause("Error: Cannot find module '@pulumi/pulumi/cmd/dynamic-provider'\n code: 'MODULE_NOT_FOUND'")).toMatch(/Node.js dynamic resource.*plugin.s own token type/);
    expect(knownCause("error: resource cannot be deleted because it is protected")).toBeUndefined();
  });

  it("finds the client secret or the token in plain text in an exported state, and nothing in ciphertext", () => {
    const encrypted = JSON.stringify({ tenant: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" } });
    expect(plaintextInStateProblems(encrypted, { clientSecret: "the-client-secret", token: "the-token-value" })).toEqual([]);
    expect(plaintextInStateProblems(`{"tenant":"{\\"clientSecret\\":\\"the-client-secret\\"}"}`, { clientSecret: "the-client-secret" })).toEqual(["the exported state holds the Auth0 client secret in plain text"]);
    expect(plaintextInStateProblems('{"token":"the-token-value"}', { clientSecret: "x-secret", token: "the-token-value" })).toEqual(["the exported state holds the SCIM token in plain text"]);
  });

  it("judges the policy-pack previews: clean means no report and a verdict from every policy; seeded means exactly the seed, mandatory", () => {
    const seededLine = `    - [mandatory] [severity: high]  ${SEEDED_POLICY}  (pulumi:pulumi:Stack: oktascim-go-program-go)`;
    expect(packPreviewProblems("Policies:\n    okta-auth0-inbound-scim@v0.1.0 (local: policies)\n", 0, undefined)).toEqual([]);
    expect(packPreviewProblems("    - [advisory] [severity: low]  okta-provider-rate-limit-share  (pulumi:pulumi:Stack: x)", 0, undefined)).toEqual(["reported on the clean stack: advisory okta-provider-rate-limit-share"]);
    expect(packPreviewProblems("warning: can't run policy 'auth0-scim-token-scopes' during preview: unknown value", 0, undefined)[0]).toMatch(/1 polic\(ies\) gave no verdict/);
    expect(packPreviewProblems(seededLine, 255, SEEDED_POLICY)).toEqual([]);
    expect(packPreviewProblems("", 0, SEEDED_POLICY)).toEqual([`the preview succeeded with ${SEEDED_POLICY}'s violation seeded`, `${SEEDED_POLICY} was not reported as mandatory`]);
    expect(packPreviewProblems(`${seededLine}\n    - [mandatory]  auth0-connection-protected  (x)`, 255, SEEDED_POLICY)).toEqual(["also reported: mandatory auth0-connection-protected"]);
  });
});

describe("--language yaml", () => {
  it("reads --language in both spellings, defaults to go, and refuses an unknown or missing name", () => {
    expect(parseLanguage([])).toEqual({ language: "go" });
    expect(parseLanguage(["--keep"])).toEqual({ language: "go" });
    expect(parseLanguage(["--language", "yaml", "--keep"])).toEqual({ language: "yaml" });
    expect(parseLanguage(["--language=yaml"])).toEqual({ language: "yaml" });
    expect(parseLanguage(["--language", "python"])).toEqual({ error: '--language takes one of go, yaml, not "python"' });
    expect(parseLanguage(["--language"])).toEqual({ error: "--language takes one of go, yaml, not nothing" });
  });

  it("derives the names from the language, Go's as they were", () => {
    expect(programNames("go")).toEqual({ language: "go", project: "oktascim-go-program", resource: "go-workforce", tokenOutput: "go-workforce-scim-token", stack: "go", prefix: "go program" });
    expect(programNames("yaml")).toEqual({ language: "yaml", project: "oktascim-yaml-program", resource: "yaml-workforce", tokenOutput: "yaml-workforce-scim-token", stack: "yaml", prefix: "yaml program" });
  });

  it("points the template's packages: at the checkout by absolute path and keeps the rest of the program", () => {
    const template = fs.readFileSync(YAML_TEMPLATE, "utf8");
    const written = yamlProjectFile(template, "/work/main");
    const doc = parse(written) as Record<string, any>;
    expect(doc.packages).toEqual({ oktaScim: "/work/main" });
    expect(doc).toMatchObject({ name: programNames("yaml").project, runtime: "yaml" });
    expect(written).toContain("# By name and by login");
    expect({ ...doc, packages: undefined }).toEqual({ ...(parse(template) as Record<string, unknown>), packages: undefined });
    expect(() => yamlProjectFile("name: x\nruntime: yaml\n", "/work/main")).toThrow(/no packages.oktaScim entry/);
  });

  it("has a YAML program that agrees with main.go: config, providers, the component's properties and options, the outputs", () => {
    const doc = parse(fs.readFileSync(YAML_TEMPLATE, "utf8")) as Record<string, any>;
    const names = programNames("yaml");
    // Every key the runner sets; the two secrets declared secret (the CLI then insists they are encrypted).
    expect(Object.keys(doc.config)).toEqual([...programConfig(values).map((e) => e.key), "tokenScopes"]);
    expect(Object.keys(doc.config).filter((k) => doc.config[k].secret)).toEqual(["auth0ClientSecret", "oktaApiToken"]);
    expect(doc.config.tokenScopes).toMatchObject({ type: "array", items: { type: "string" }, default: ["get:users", "post:users", "put:users"] });
    expect(doc.resources.tenant.type).toBe("pulumi:providers:auth0");
    expect(doc.resources["okta-org"]).toMatchObject({ type: "pulumi:providers:okta", properties: { maxApiCapacity: 50, backoff: true, maxRetries: 5 } });
    const component = doc.resources[names.resource];
    expect(component.type).toBe("oktaScim:index:OktaAuth0ScimIntegration");
    expect(component.properties).toMatchObject({
      name: names.resource,
      groups: [{ name: "${groupName}" }],
      users: [{ login: "${directUserLogin}" }],
      scim: { tokenScopes: "${tokenScopes}", tokens: [{ generation: "2026-12", lifetimeSeconds: 7776000 }] },
    });
    // pulumi-yaml takes a list here; a map keyed by package fails at run time.
    expect(component.options.providers).toEqual(["${tenant}", "${okta-org}"]);
    expect(Object.keys(doc.outputs)).toEqual(["scimEndpointUrl", "connectionId", "consoleChecklist", names.tokenOutput]);
    expect(doc.outputs[names.tokenOutput]).toBe(`\${${names.resource}.scimToken}`);
  });

  it("sets tokenScopes as Go reads it (one JSON string) and as YAML's typed list (one --path per element)", () => {
    expect(tokenScopesConfigArgs("go", ["get:users", "delete:users"])).toEqual([["config", "set", "--plaintext", "tokenScopes", '["get:users","delete:users"]']]);
    expect(tokenScopesConfigArgs("yaml", ["get:users", "delete:users"])).toEqual([
      ["config", "set", "--plaintext", "--path", "tokenScopes[0]", "get:users"],
      ["config", "set", "--plaintext", "--path", "tokenScopes[1]", "delete:users"],
    ]);
  });

  it("drops the Go-only steps for YAML and rewires what waited for them; Go keeps every step", () => {
    const steps = [
      { name: "Go SDK", needsOk: [] },
      { name: "stand-ins and project", needsOk: ["Go SDK"] },
      { name: "go modules", needsOk: ["stand-ins and project"] },
      { name: "stack init and config", needsOk: ["go modules"] },
      { name: "up", needsOk: ["stack init and config"] },
      { name: "check", needsOk: [], needsRun: ["go modules", "up"] },
    ];
    expect(stepsForLanguage(steps, "go")).toEqual(steps);
    expect(stepsForLanguage(steps, "yaml")).toEqual([
      { name: "stand-ins and project", needsOk: [] },
      { name: "stack init and config", needsOk: ["stand-ins and project"] },
      { name: "up", needsOk: ["stack init and config"] },
      { name: "check", needsOk: [], needsRun: ["stand-ins and project", "up"] },
    ]);
  });

  it("needs the YAML host, not Go or the Go host, and still the Node.js host", () => {
    const yaml: ToolFacts = { pulumi: "/bin/pulumi", pulumiVersion: "v3.248.0", languageYaml: "/bin/pulumi-language-yaml", nodeHost: "/bin/pulumi-language-nodejs", nodeHostVersion: "v3.248.0" };
    expect(skipReason(yaml, "yaml")).toBeUndefined();
    expect(skipReason({ ...yaml, languageYaml: undefined }, "yaml")).toBe("no pulumi-language-yaml on PATH or beside pulumi");
    expect(skipReason({ ...yaml, nodeHost: undefined }, "yaml")).toMatch(/pulumi-language-nodejs/);
    expect(skipReason(yaml, "go")).toMatch(/pulumi-language-go/);
  });

  it("prefixes every line with the language and uses the YAML token output in its checks", () => {
    expect(stepLine({ name: "up", status: "ok", seconds: 2 }, "yaml program")).toBe("yaml program: up: ok (2 s)");
    expect(summaryLine([{ name: "a", status: "ok", seconds: 1 }], 1, "yaml program")).toBe("yaml program: passed: 1/1 steps ok (1 s in all)");
    expect(secrecyProblems({ "yaml-workforce-scim-token": "[secret]" }, "yaml-workforce-scim-token")).toEqual([]);
    expect(secrecyProblems({ "go-workforce-scim-token": "[secret]" }, "yaml-workforce-scim-token")).toEqual(["no yaml-workforce-scim-token output"]);
    expect(tokenProblems([{ name: "c", tokens: ["tok-1"] }], undefined, "yaml-workforce-scim-token")).toEqual(["stack output yaml-workforce-scim-token is missing"]);
  });

  it("reads the Pulumi Go SDK version from a Go binary's build info, a replacement winning", () => {
    const info = "\0path\tgithub.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml\ndep\tgithub.com/pulumi/pulumi/pkg/v3\tv3.209.0\th1:x=\ndep\tgithub.com/pulumi/pulumi/sdk/v3\tv3.206.0\th1:y=\ndep\tgolang.org/x/mod\tv0.1.0\n";
    expect(goModuleVersion(info, "github.com/pulumi/pulumi/sdk/v3")).toBe("v3.206.0");
    expect(goModuleVersion(info, "github.com/pulumi/pulumi/pkg/v3")).toBe("v3.209.0");
    expect(goModuleVersion("dep\tgithub.com/pulumi/pulumi/sdk/v3\tv3.206.0\th1:y=\n=>\t/work/pulumi/sdk\tv3.248.0\n", "github.com/pulumi/pulumi/sdk/v3")).toBe("v3.248.0");
    expect(goModuleVersion(info, "github.com/pulumi/pulumi/sdk")).toBeUndefined();
  });

  it("refuses a YAML host built with a Pulumi Go SDK older than 3.209 (it passes -root to the Node.js host), and only that", () => {
    const yaml: ToolFacts = { languageYaml: "/bin/pulumi-language-yaml", languageYamlSdk: "v3.206.0" };
    expect(hostProblem(yaml, "yaml")).toMatch(/built with github.com\/pulumi\/pulumi\/sdk\/v3 v3.206.0.*-root=<dir>.*3\.209\.0 or later/);
    expect(hostProblem({ ...yaml, languageYamlSdk: "v3.209.0" }, "yaml")).toBeUndefined();
    expect(hostProblem({ ...yaml, languageYamlSdk: undefined }, "yaml")).toBeUndefined();
    expect(hostProblem(yaml, "go")).toBeUndefined();
  });

  it("names the YAML host's known failures", () => {
    expect(knownCause("flag provided but not defined: -root\nUsage of /bin/pulumi-language-nodejs:", "yaml")).toMatch(/older than 3\.209\.0.*-root/);
    expect(knownCause("Cannot find module '@pulumi/pulumi/cmd/dynamic-provider'", "yaml")).toMatch(/in the YAML program's directory/);
    expect(knownCause("error: resource option providers value must be a list of resources", "yaml")).toMatch(/takes a list of provider resources/);
    expect(knownCause("error: resource option providers value must be a list of resources", "go")).toBeUndefined();
  });

  it("skips with exit 0 and says so in its own prefix where there is no pulumi; an unknown language exits 2", async () => {
    const lines: string[] = [];
    expect(await runLanguageProgram(["--language", "yaml"], (l) => lines.push(l), { PATH: "/nonexistent" })).toBe(0);
    expect(lines).toEqual(["yaml program: skipped (no `pulumi` on PATH)"]);
    const bad: string[] = [];
    expect(await runLanguageProgram(["--language", "cobol"], (l) => bad.push(l), { PATH: "/nonexistent" })).toBe(2);
    expect(bad).toEqual(['program: --language takes one of go, yaml, not "cobol"']);
  });

  it("reads the resource type a policy's report names", () => {
    const output = ["Policies:", "    - [mandatory] [severity: high]  auth0-scim-token-scopes  (oktaScim:index:ScimToken: go-workforce-scim-token-2026-12)", "    - [advisory]  other-policy  (okta:index/app:App: x)"].join("\n");
    expect(reportedOnTypes(output, "auth0-scim-token-scopes")).toEqual(["oktaScim:index:ScimToken"]);
    expect(reportedOnTypes(output, "other-policy")).toEqual(["okta:index/app:App"]);
    expect(reportedOnTypes(output, "absent")).toEqual([]);
  });

  it("judges a package upgrade's preview: only the package's default providers change and tokens may update; anything else fails", () => {
    const urn = (op: string, name: string, type = "oktaScim:index:OktaAuth0ScimIntegration$oktaScim:index:ScimToken") => ({ op, urn: `urn:pulumi:yaml::p::${type}::${name}` });
    const judge = (steps: ReturnType<typeof urn>[]) => upgradeProblems(steps, "oktaScim:index:ScimToken", "oktaScim");
    expect(judge([])).toEqual({ ops: [], problems: [] });
    expect(judge([urn("update", "t1"), urn("create", "default_0_1_1", "pulumi:providers:oktaScim"), urn("delete", "default_0_1_0", "pulumi:providers:oktaScim")])).toEqual({ ops: ["update t1"], problems: [] });
    expect(judge([urn("replace", "t1"), urn("same", "t2")]).problems).toEqual(["a package upgrade would replace t1"]);
    expect(judge([urn("delete", "t1")]).problems).toEqual(["a package upgrade would delete t1"]);
    expect(judge([urn("replace", "c-auth0-connection", "oktaScim:index:OktaAuth0ScimIntegration$auth0:index/connection:Connection")]).problems).toEqual(["a package upgrade would replace c-auth0-connection"]);
    expect(judge([urn("update", "c-okta-scim-app", "okta:app/autoLogin:AutoLogin")]).problems).toEqual(["a package upgrade would update c-okta-scim-app"]);
    expect(judge([urn("create", "default_7_0_0", "pulumi:providers:okta")]).problems).toEqual(["a package upgrade would create default_7_0_0"]);
  });

  it("names the next patch release and recognises the package's default provider of a version", () => {
    expect(nextPatch("0.1.0")).toBe("0.1.1");
    expect(nextPatch("2.10.9")).toBe("2.10.10");
    expect(() => nextPatch("1.0")).toThrow(/not major.minor.patch/);
    const ref = "urn:pulumi:yaml::p::pulumi:providers:oktaScim::default_0_1_1::9f2c";
    expect(isDefaultProviderOf(ref, "oktaScim", "0.1.1")).toBe(true);
    expect(isDefaultProviderOf(ref, "oktaScim", "0.1.0")).toBe(false);
    expect(isDefaultProviderOf(undefined, "oktaScim", "0.1.1")).toBe(false);
  });

  it("names only steps that exist as one language's own steps", () => {
    const names = STEPS.map((s) => s.name);
    for (const only of [...GO_ONLY_STEPS, ...YAML_ONLY_STEPS]) expect(names).toContain(only);
  });

  it("runs the package upgrade for YAML only (a Go upgrade also regenerates its SDK)", () => {
    const steps = [{ name: "up", needsOk: [] }, ...YAML_ONLY_STEPS.map((name) => ({ name, needsOk: ["up"] }))];
    expect(stepsForLanguage(steps, "go").map((s) => s.name)).toEqual(["up"]);
    expect(stepsForLanguage(steps, "yaml").map((s) => s.name)).toEqual(["up", ...YAML_ONLY_STEPS]);
  });
});
