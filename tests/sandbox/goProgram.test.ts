// The pure parts of sandbox/languages/goProgram.ts (the Go consumer program through the real CLI):
// the throwaway project's Pulumi.yaml and config, the tool decisions, the checks on the stand-ins'
// state, the printed lines; and the skip (exit 0) on a machine without the tools, as CI is.
import { parse } from "yaml";
import { runGoProgram } from "../../sandbox/languages/goProgram";
import {
  assignmentProblems,
  configSetArgs,
  goFlags,
  knownCause,
  packPreviewProblems,
  SEEDED_POLICY,
  plaintextInStateProblems,
  leftoverProblems,
  outputTail,
  programConfig,
  pulumiYaml,
  redactAll,
  secrecyProblems,
  skipReason,
  stepLine,
  summaryLine,
  tokenProblems,
  versionAtLeast,
  type ToolFacts,
} from "../../sandbox/languages/goProgramPlan";

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
    expect(await runGoProgram([], (l) => lines.push(l), { PATH: "/nonexistent" })).toBe(0);
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
    expect(redactAll("a=secret-value-long b=secret-value", ["secret-value", "secret-value-long", "short"])).toBe("a=[secret] b=[secret]");
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
