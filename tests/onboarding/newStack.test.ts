// `npm run new-stack`: the files it writes pass the program and the policy pack for the user's own
// tenant, bad flags write nothing, existing files are never overwritten, and the printed commands
// come in the order a first deployment needs.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { runNewStack } from "../../scripts/newStack";
import { parseNewStackArgs } from "../../scripts/newStack/args";
import { runProgram } from "../harness/runProgram";
import { toRawConfig } from "../harness/stackFile";
import { configWithSecretsSet } from "../../scripts/newStack/validate";
import { policies } from "../../policies/policies";
import { toPolicyInputs } from "../policies/policyArgs";
import { runPack, type PackConfig } from "../policies/runPack";

const NOW = new Date("2026-11-29T12:00:00Z");
const BASE = ["--stack", "staging", "--auth0-domain", "acme-staging.eu.auth0.com", "--auth0-client-id", "AbCdEfGhIjKlMnOpQr12", "--okta-org", "acme.oktapreview.com"];

function run(argv: string[], projectDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runNewStack(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, { projectDir, now: NOW });
  return { code, out: out.join(""), err: err.join("") };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "new-stack-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const filesIn = (d: string) => fs.readdirSync(d, { recursive: true }).map(String).filter((f) => f.includes("."));

describe("npm run new-stack", () => {
  it("writes a phase-1 stack that the program deploys and the mandatory policies accept for the user's own tenant", async () => {
    const result = run([...BASE, "--group", "Engineering", "--group", "Customer Support"], dir);
    expect(result).toMatchObject({ code: 0, err: "" });
    const stackText = fs.readFileSync(path.join(dir, "Pulumi.staging.yaml"), "utf8");
    expect(stackText.split("\n")[0]).toBe("# yaml-language-server: $schema=./schema/pulumi-stack.schema.json");
    expect(stackText).not.toMatch(/secure:/);

    const { values, secretKeys } = configWithSecretsSet(stackText, ["oktaScim:auth0.clientSecret", "oktaScim:oktaOrgs[0].apiToken"]);
    const conn = (values["oktaScim:connections"] as any[])[0];
    expect(conn).toMatchObject({ name: "okta-acme", consoleStepsDone: false, groups: [{ name: "Engineering" }, { name: "Customer Support" }] });
    expect(conn.scim.tokens).toEqual([{ generation: "2026-11", lifetimeSeconds: 90 * 86400 }]);
    // Phase 2 removes Okta's address type mapping: the address is read from the primary element, as
    // the example stacks do (the sandbox's verify --write of a new stack reported it DROPPED without).
    expect(conn.scim.mappingOverrides).toEqual(
      ["street_address", "city", "state", "postal_code", "postal_address", "country"].map((a) => ({ auth0: `app_metadata.${a}`, scim: expect.stringMatching(/^addresses\[primary eq true\]\./) })),
    );

    const programRun = await runProgram(toRawConfig(values, secretKeys), { stack: "staging" });
    const types = programRun.registrations.map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(["auth0:index/connection:Connection", "okta:app/oAuth:OAuth", "okta:app/autoLogin:AutoLogin"]));
    // Phase 1: nothing that needs the console steps.
    expect(types).not.toContain("okta:profile/mapping:Mapping");

    const packConfig = JSON.parse(fs.readFileSync(path.join(dir, "policies/config/staging.json"), "utf8")) as PackConfig;
    const pack = await runPack(policies, toPolicyInputs(programRun, "staging"), packConfig);
    expect(pack.diagnostics).toEqual([]);
    // The pin is real: the same stack under another tenant's pack config is refused.
    const foreign = await runPack(policies, toPolicyInputs(programRun, "staging"), { "okta-oidc-app-auth0-login": { auth0Domains: ["acme-dev.eu.auth0.com"] } });
    expect(foreign.diagnostics.map((d) => d.policyName)).toContain("okta-oidc-app-auth0-login");
  });

  it("--catalog-app-id writes a catalog-app stack: no SWA app, the catalog app assigned, patch:users allowed by its pack config", async () => {
    const result = run([...BASE, "--group", "Engineering", "--catalog-app-id", "0oaCatalog1234567890"], dir);
    expect(result).toMatchObject({ code: 0, err: "" });
    const stackText = fs.readFileSync(path.join(dir, "Pulumi.staging.yaml"), "utf8");
    const { values, secretKeys } = configWithSecretsSet(stackText, ["oktaScim:auth0.clientSecret", "oktaScim:oktaOrgs[0].apiToken"]);
    const conn = (values["oktaScim:connections"] as any[])[0];
    expect(conn.scimApp).toEqual({ kind: "catalog", appId: "0oaCatalog1234567890", label: "Auth0 staging - provisioning" });
    expect(conn.scim.tokens).toEqual([{ generation: "2026-11", lifetimeSeconds: 90 * 86400, scopes: ["get:users", "post:users", "put:users", "patch:users"] }]);
    const programRun = await runProgram(toRawConfig(values, secretKeys), { stack: "staging" });
    const types = programRun.registrations.map((r) => r.type);
    expect(types).not.toContain("okta:app/autoLogin:AutoLogin");
    expect(programRun.registrations.filter((r) => r.type === "okta:index/appGroupAssignments:AppGroupAssignments").map((r) => r.inputs.appId)).toContain("0oaCatalog1234567890");
    const packConfig = JSON.parse(fs.readFileSync(path.join(dir, "policies/config/staging.json"), "utf8")) as PackConfig;
    expect((await runPack(policies, toPolicyInputs(programRun, "staging"), packConfig)).diagnostics).toEqual([]);
    // Without the pack config's allowance the catalog token's patch:users is refused.
    const strict = await runPack(policies, toPolicyInputs(programRun, "staging"), { "okta-oidc-app-auth0-login": packConfig["okta-oidc-app-auth0-login"] });
    expect(strict.diagnostics.map((d) => d.policyName)).toEqual(["auth0-scim-token-scopes"]);
  });

  it("prints stack init, each secret from a file, preview and up, in that order, with no secret on a command line", () => {
    const { code, out } = run([...BASE, "--okta-client-id", "0oa8x2kq4rTbN5yV1d7", "--okta-private-key-id", "kid-1"], dir);
    expect(code).toBe(0);
    const commands = out.split("\n").map((l) => l.trim()).filter((l) => /^(pulumi|npm) /.test(l));
    expect(commands).toEqual([
      "pulumi stack init staging",
      "pulumi config set --stack staging --secret --path 'oktaScim:auth0.clientSecret' < auth0-client-secret.txt",
      "pulumi config set --stack staging --secret --path 'oktaScim:oktaOrgs[0].privateKey' < okta-acme-service-app.pem",
      "npm run plan -- --stack staging --write",
      "pulumi preview --stack staging --policy-pack ./policies --policy-pack-config policies/config/staging.json",
      "pulumi up --stack staging --policy-pack ./policies --policy-pack-config policies/config/staging.json",
      "pulumi stack output --stack staging okta-acme --json",
    ]);
    const org = (parse(fs.readFileSync(path.join(dir, "Pulumi.staging.yaml"), "utf8")) as any).config["oktaScim:oktaOrgs"][0];
    expect(org).toEqual({ name: "acme", orgName: "acme", baseUrl: "oktapreview.com", clientId: "0oa8x2kq4rTbN5yV1d7", privateKeyId: "kid-1" });
  });

  it("pins a custom domain too, and points the SCIM app at it", () => {
    expect(run([...BASE, "--auth0-custom-domain", "login.acme.example"], dir).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "policies/config/staging.json"), "utf8"))).toEqual({
      "okta-oidc-app-auth0-login": { auth0Domains: ["acme-staging.eu.auth0.com"], auth0CustomDomains: ["login.acme.example"] },
    });
    const conn = (parse(fs.readFileSync(path.join(dir, "Pulumi.staging.yaml"), "utf8")) as any).config["oktaScim:connections"][0];
    expect(conn.scimApp.url).toBe("https://login.acme.example");
  });

  it("refuses to overwrite an existing stack file or pack config, and writes nothing then", () => {
    fs.mkdirSync(path.join(dir, "policies/config"), { recursive: true });
    fs.writeFileSync(path.join(dir, "policies/config/staging.json"), "{}\n");
    const result = run(BASE, dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain("policies/config/staging.json already exists");
    expect(filesIn(dir)).toEqual(["policies/config/staging.json"]);
    expect(fs.readFileSync(path.join(dir, "policies/config/staging.json"), "utf8")).toBe("{}\n");
  });

  it.each([
    [["--stack", "s", "--auth0-domain", "acme.eu.auth0.com", "--okta-org", "acme.okta.com"], "--auth0-client-id is required"],
    [["--stack", "s", "--auth0-domain", "https://acme.eu.auth0.com", "--auth0-client-id", "AbCdEfGhIjKlMnOpQr12", "--okta-org", "acme.okta.com"], "--auth0-domain must be a lower-case host name"],
    [["--stack", "s", "--auth0-domain", "login.acme.example", "--auth0-client-id", "AbCdEfGhIjKlMnOpQr12", "--okta-org", "acme.okta.com"], "--auth0-domain must be the tenant's own domain ending in .auth0.com"],
    [["--stack", "s", "--auth0-domain", "acme.eu.auth0.com", "--auth0-client-id", "AbCdEfGhIjKlMnOpQr12", "--okta-org", "acme"], "--okta-org must be <org>.<okta domain>"],
    [["--stack", "s", "--auth0-domain", "acme.eu.auth0.com", "--auth0-client-id", "AbCdEfGhIjKlMnOpQr12", "--okta-org", "acme-admin.okta.com"], "not its admin console (acme.okta.com)"],
    [[...BASE, "--okta-client-id", "0oa1"], "--okta-client-id and --okta-private-key-id go together"],
    [[...BASE, "--connection", "okta acme"], "--connection must be letters and digits"],
    [[...BASE, "--token-lifetime-days", "400"], "--token-lifetime-days must be a whole number of days from 1 to 365"],
    [[...BASE, "--group", "Eng", "--group", "Eng"], '--group "Eng" is given twice'],
    [[...BASE, "--stack", "other"], "--stack is given twice"],
    [[...BASE, "--frobnicate", "1"], "unknown flag --frobnicate"],
    [[...BASE, "--catalog-app-id", "0oa-short"], "--catalog-app-id must be an Okta app id"],
    [["--stack"], "--stack needs a value"],
  ])("bad flags %j: %s, and nothing is written", (argv, message) => {
    const result = run(argv, dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err).toContain("usage: npm run new-stack");
    expect(filesIn(dir)).toEqual([]);
  });

  it("--help prints the usage and writes nothing", () => {
    const result = run(["--help"], dir);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toContain("--okta-org");
    expect(filesIn(dir)).toEqual([]);
  });

  it("accepts exactly the values the stack config accepts (the flag checks are the schema's)", () => {
    expect(parseNewStackArgs([...BASE, "--okta-org", "x"])).toHaveProperty("errors");
    const ok = parseNewStackArgs(BASE);
    expect(ok).toEqual({
      args: expect.objectContaining({ oktaOrgName: "acme", oktaBaseUrl: "oktapreview.com", connection: "okta-acme", groups: [], tokenLifetimeDays: 90 }),
    });
  });
});
