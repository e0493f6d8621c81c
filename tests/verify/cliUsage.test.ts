// Usage errors and the pure parts of the CLI, in-process (runVerify with captured output): exit code 2,
// a message naming the setting, no secret echoed, nothing sent.
import { runVerify } from "../../verify/cli";
import { parseVerifyArgs } from "../../verify/args";
import { isLoopbackHost, requireSafeUrl } from "../../verify/urlSafety";
import { connectionIdFromScimUrl, oktaOrgMismatch, readStackOutputs, targetsFromStackOutputs } from "../../verify/targets";
import { redactSecrets } from "../../verify/redact";
import { retryAfterMs } from "../../verify/http";

const TOKEN = "SCIMTOKEN-usage-9e8d7c6b";

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runVerify(argv, env, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  expect(stdout + stderr).not.toContain(TOKEN);
  return { code, stdout, stderr };
}

describe("usage errors exit 2", () => {
  it("refuses http:// to a non-loopback host", async () => {
    const r = await run(["--scim-url", "http://scim.example.com/scim/v2/connections/con_1"], { SCIM_TOKEN: TOKEN });
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toContain("--scim-url: refusing to send a token over plain http:// to scim.example.com");
  });

  it("refuses a token on the command line, in both spellings, without echoing it", async () => {
    for (const argv of [["--scim-url", "https://x.example/scim", `--token=${TOKEN}`], ["--scim-token", TOKEN, "--scim-url", "https://x.example/scim"]]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("set the environment variable SCIM_TOKEN");
    }
  });

  it("needs SCIM_TOKEN, exactly one of --stack/--scim-url, and whole numbers", async () => {
    expect((await run(["--scim-url", "https://x.example/scim"])).stderr).toContain("needs the token in the environment variable SCIM_TOKEN");
    expect((await run([])).stderr).toContain("Give exactly one of --stack <name> or --scim-url <url>");
    expect((await run(["--stack", "dev", "--scim-url", "https://x.example/scim"])).code).toBe(2);
    expect((await run(["--stack", "dev", "--timeout-ms", "fast"])).stderr).toContain('--timeout-ms must be a whole number, got "fast"');
    expect((await run(["--scim-url", "https://x.example/scim", "--connection", "corp"])).code).toBe(2);
    expect((await run(["--bogus"])).stderr).toContain("--bogus");
  });

  it("a partial set of read-back credentials names the missing variable, never the secret", async () => {
    const r = await run(["--scim-url", "https://x.example/scim"], { SCIM_TOKEN: TOKEN, AUTH0_DOMAIN: "t.auth0.com", AUTH0_CLIENT_SECRET: "AUTH0SECRET-xyz-123456" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing: AUTH0_CLIENT_ID");
    expect(r.stderr).not.toContain("AUTH0SECRET-xyz-123456");
    const domain = await run(["--scim-url", "https://x.example/scim"], { SCIM_TOKEN: TOKEN, AUTH0_DOMAIN: "https://t.auth0.com/", AUTH0_CLIENT_ID: "c", AUTH0_CLIENT_SECRET: "s" });
    expect(domain.stderr).toContain("AUTH0_DOMAIN must be the bare tenant host name");
    const okta = await run(["--scim-url", "https://x.example/scim"], { SCIM_TOKEN: TOKEN, OKTA_ORG_URL: "http://acme.okta.com", OKTA_API_TOKEN: "OKTATOKEN-abcdef" });
    expect(okta.stderr).toContain("OKTA_ORG_URL: refusing to send a token over plain http://");
  });

  it("--stack without the Pulumi CLI on PATH says so", async () => {
    const r = await run(["--stack", "dev"], { PATH: "/nonexistent" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--stack needs the Pulumi CLI on PATH");
  });

  it("--help prints the usage and exits 0", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Exit codes: 0 all passed");
  });
});

describe("pure parts", () => {
  it("loopback detection", () => {
    expect(["127.0.0.1", "127.8.9.10", "localhost", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["10.0.0.1", "example.com", "127.0.0.1.example.com", "128.0.0.1"].some(isLoopbackHost)).toBe(false);
    expect(requireSafeUrl("http://127.0.0.1:8080/x", "s").port).toBe("8080");
    expect(() => requireSafeUrl("ftp://x", "s")).toThrow("unsupported scheme ftp:");
  });

  it("a URL with credentials in it is refused without quoting them", () => {
    for (const url of ["https://user:hunter2pass@t.auth0.com/scim", "ftp://user:hunter2pass@host/x"]) {
      let message = "";
      try {
        requireSafeUrl(url, "--scim-url");
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/user name or password|unsupported scheme/);
      expect(message).not.toContain("hunter2pass");
    }
    expect(() => requireSafeUrl("not a url hunter2pass", "--scim-url")).toThrow(/^--scim-url is not a URL/);
  });

  it("timeouts beyond what a timer can hold are refused (they would fire after 1 ms)", async () => {
    expect((await run(["--stack", "dev", "--timeout-ms", "3000000000"])).stderr).toContain("--timeout-ms must be at most 2147483647");
  });

  it("stack outputs become targets; the token comes from <connection>-scim-token", () => {
    const outputs = {
      corp: { scimEndpointUrl: "https://t.auth0.com/scim/v2/connections/con_1", connectionId: "con_1", scimAppId: "0oaS", oidcClientId: "0oaO" },
      "corp-scim-token": TOKEN,
      unrelated: "x",
    };
    expect(targetsFromStackOutputs(outputs, "dev")).toEqual([
      { connection: "corp", scimEndpointUrl: outputs.corp.scimEndpointUrl, token: TOKEN, connectionId: "con_1", tokenId: undefined, stackTokenIds: [], scimAppId: "0oaS", oidcAppId: "0oaO" },
    ]);
    const rotated = { ...outputs, corp: { ...outputs.corp, scimTokens: [{ generation: "2026-11", tokenId: "tok_old" }, { generation: "2027-02", tokenId: "tok_new" }] } };
    expect(targetsFromStackOutputs(rotated, "dev")[0].tokenId).toBe("tok_new");
    expect(targetsFromStackOutputs(rotated, "dev")[0].stackTokenIds).toEqual(["tok_old", "tok_new"]);
    expect(() => targetsFromStackOutputs({ corp: outputs.corp }, "dev")).toThrow("output corp-scim-token is missing");
    expect(() => targetsFromStackOutputs({}, "dev")).toThrow("no connection outputs");
  });

  it("a stack with two Okta orgs: the Okta read-back runs only for the org OKTA_ORG_URL names", () => {
    const outputs = {
      acme: { scimEndpointUrl: "https://t.auth0.com/scim/v2/connections/con_1", oktaOrgUrl: "https://acme.okta.com" },
      "acme-scim-token": TOKEN,
      globex: { scimEndpointUrl: "https://t.auth0.com/scim/v2/connections/con_2", oktaOrgUrl: "https://globex-corp.okta-emea.com" },
      "globex-scim-token": TOKEN,
    };
    const [acme, globex] = targetsFromStackOutputs(outputs, "dev");
    expect(acme.oktaOrgUrl).toBe("https://acme.okta.com");
    expect(oktaOrgMismatch(acme, "https://acme.okta.com")).toBeUndefined();
    expect(oktaOrgMismatch(globex, "https://acme.okta.com")).toContain("it federates globex-corp.okta-emea.com");
    // Older stacks without the output: the read-back runs as before.
    expect(oktaOrgMismatch({ ...acme, oktaOrgUrl: undefined }, "https://other.okta.com")).toBeUndefined();
  });

  it("connection id from Auth0's SCIM URL shape", () => {
    expect(connectionIdFromScimUrl(new URL("https://t.auth0.com/scim/v2/connections/con_AbC"))).toBe("con_AbC");
    expect(connectionIdFromScimUrl(new URL("https://t.example/scim"))).toBeUndefined();
  });

  it("redaction masks every occurrence, ignores too-short values", () => {
    expect(redactSecrets(`a ${TOKEN} b ${TOKEN}`, [TOKEN, "", "ab"])).toBe("a [redacted] b [redacted]");
  });

  it("Retry-After as seconds or HTTP date", () => {
    expect(retryAfterMs("3")).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs("soon")).toBeUndefined();
  });

  it("parses flags with defaults", () => {
    expect(parseVerifyArgs(["--stack", "dev"])).toMatchObject({ stack: "dev", json: false, write: false, timeoutMs: 10_000, retries: 2 });
  });

  it("readStackOutputs reports a failing pulumi", async () => {
    await expect(readStackOutputs("dev", { PATH: "/nonexistent" })).rejects.toThrow("Pulumi CLI on PATH");
  });
});
