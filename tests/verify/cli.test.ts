// `npm run verify` end to end, as a child process: stack outputs through a fake `pulumi` on PATH, the
// explicit mode, the read-backs over real HTTPS (a CA made in the test, trusted with NODE_EXTRA_CA_CERTS),
// exit codes, and that no secret ever reaches stdout or stderr.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startScimServer, type ScimTestServer } from "./support/scimServer";
import { startAuth0Server, type Auth0TestServer } from "./support/auth0Server";
import { startOktaServer, type OktaTestServer } from "./support/oktaServer";
import { selfSignedCertificate } from "./support/certificate";
import { runCli, type CliRun } from "./support/runCli";
import { projectToAuth0User } from "./support/auth0Projection";
import { AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS, scimMappings } from "../../components/decisions/scimMappings";

const ADDRESS_BY_PRIMARY = AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.filter((m) => m.scim.startsWith("addresses[")).map((m) => ({
  auth0: m.auth0,
  scim: m.scim.replace('type eq "work"', "primary eq true"),
}));

// Distinctive values: if any of them shows up in the output, a secret leaked.
const TOKEN = "SCIMTOKEN-d1st1nct1ve-4f9b2e7a";
const OTHER_TOKEN = "SCIMTOKEN-second-conn-8c1d3f";
const AUTH0_SECRET = "AUTH0SECRET-d1st1nct1ve-77aa";
const OKTA_TOKEN = "OKTATOKEN-d1st1nct1ve-55bb";
const SECRETS = [TOKEN, OTHER_TOKEN, AUTH0_SECRET, OKTA_TOKEN];

function expectNoSecrets(run: CliRun): void {
  for (const secret of SECRETS) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

const servers: { close(): Promise<void> }[] = [];
let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verify-cli-"));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function scim(token: string, faults = {}): Promise<ScimTestServer> {
  const s = await startScimServer({ token, faults });
  servers.push(s);
  return s;
}

/** A `pulumi` that prints the given outputs and records its arguments. */
function fakePulumi(outputs: Record<string, unknown>): string {
  const bin = path.join(tmp, "bin");
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(tmp, "outputs.json"), JSON.stringify(outputs));
  const script = `#!/bin/sh\nprintf '%s\\n' "$*" > "${tmp}/args.txt"\ncat "${tmp}/outputs.json"\n`;
  fs.writeFileSync(path.join(bin, "pulumi"), script, { mode: 0o755 });
  return bin;
}

const baseEnv = (extra: Record<string, string> = {}) => ({ PATH: "/usr/bin:/bin", ...extra });
// A generous per-request timeout (it never fires against these servers, however slow the machine) and
// one retry, so the failing-endpoint test waits one backoff only.
const patient = ["--timeout-ms", "20000", "--retries", "1"];
const connectionOutput = (server: ScimTestServer) => ({
  connectionId: server.connectionId,
  connectionName: "okta-workforce",
  scimEndpointUrl: server.baseUrl,
  oidcClientId: "0oaOidcApp1",
  scimAppId: "0oaScimApp1",
  consoleChecklist: "1. [O6-7] ...",
});

describe("--stack (outputs through the Pulumi CLI)", () => {
  it("verifies every connection of the stack, prints JSON, exits 0, and never prints a token", async () => {
    const a = await scim(TOKEN);
    const b = await scim(OTHER_TOKEN);
    const bin = fakePulumi({
      corp: connectionOutput(a),
      "corp-scim-token": TOKEN,
      partners: connectionOutput(b),
      "partners-scim-token": OTHER_TOKEN,
    });
    const run = await runCli(["--stack", "dev", "--json", ...patient], baseEnv({ PATH: `${bin}:/usr/bin:/bin` }));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(tmp, "args.txt"), "utf8").trim()).toBe("stack output --json --show-secrets --stack dev");
    const report = JSON.parse(run.stdout) as { checks: { name: string; status: string }[] };
    expect(report.checks.map((c) => c.name)).toEqual([
      "corp: scim.list-users",
      "corp: scim.filter-unknown-user",
      "corp: scim.unknown-user-404",
      "corp: scim.list-items-per-page",
      "corp: scim.wrong-token-rejected",
      "corp: scim.unauthorized-error-body",
      "partners: scim.list-users",
      "partners: scim.filter-unknown-user",
      "partners: scim.unknown-user-404",
      "partners: scim.list-items-per-page",
      "partners: scim.wrong-token-rejected",
      "partners: scim.unauthorized-error-body",
    ]);
    expect(report.checks.every((c) => c.status === "pass")).toBe(true);
    expect(a.requests.length).toBeGreaterThan(0);
    expect(b.requests.length).toBeGreaterThan(0);
    expectNoSecrets(run);
  });

  it("--connection picks one; an unknown one is a usage error listing the connections", async () => {
    const a = await scim(TOKEN);
    const bin = fakePulumi({ corp: connectionOutput(a), "corp-scim-token": TOKEN, partners: connectionOutput(a), "partners-scim-token": TOKEN });
    const env = baseEnv({ PATH: `${bin}:/usr/bin:/bin` });
    const one = await runCli(["--stack", "dev", "--connection", "corp", "--json", ...patient], env);
    expect(one.code).toBe(0);
    expect((JSON.parse(one.stdout) as { checks: { name: string }[] }).checks.map((c) => c.name)).toEqual([
      "scim.list-users",
      "scim.filter-unknown-user",
      "scim.unknown-user-404",
      "scim.list-items-per-page",
      "scim.wrong-token-rejected",
      "scim.unauthorized-error-body",
    ]);
    const unknown = await runCli(["--stack", "dev", "--connection", "nope"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--connection nope: not an output of stack dev. Connections: corp, partners.");
    expectNoSecrets(one);
    expectNoSecrets(unknown);
  });
});

describe("--scim-url with SCIM_TOKEN", () => {
  it("a failing endpoint exits 1 with the fix, and a server echoing the token cannot leak it", async () => {
    const s = await scim(TOKEN, { serverErrors: Infinity, echoAuthorizationIn500: true });
    const run = await runCli(["--scim-url", s.baseUrl, ...patient], baseEnv({ SCIM_TOKEN: TOKEN }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("FAIL    scim.list-users");
    expect(run.stdout).toContain("internal error for Bearer [redacted]");
    expect(run.stdout).toContain("How to fix:");
    expectNoSecrets(run);
  });

  it("--write plus both read-backs over HTTPS: everything passes, exit 0", async () => {
    const s = await scim(TOKEN);
    const { key, cert } = await selfSignedCertificate();
    fs.writeFileSync(path.join(tmp, "ca.pem"), cert);
    const now = Date.now();
    // The stand-in stores what the SCIM server received, mapped as Auth0 maps it (addresses by primary).
    const mapping = scimMappings([], ADDRESS_BY_PRIMARY);
    const auth0: Auth0TestServer = await startAuth0Server(
      {
        mapping,
        user: (id) => {
          const raw = s.store.rawBodies.get(id);
          return raw && projectToAuth0User(id, raw, mapping);
        },
        userIdAttribute: "externalId",
        tokens: [{ token_id: "tok_1", created_at: new Date(now - 86_400_000).toISOString(), valid_until: new Date(now + 200 * 86_400_000).toISOString(), last_used_at: new Date(now - 3_600_000).toISOString() }],
      },
      { key, cert },
    );
    servers.push(auth0);
    const okta: OktaTestServer = await startOktaServer({
      scimAppId: "0oaScimApp1",
      oidcAppId: "0oaOidcApp1",
      features: ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION"],
      implicitAssignment: false,
      scimGroups: ["00gA"],
      oidcGroups: ["00gA"],
      mappingProperties: { givenName: "user.firstName" },
    });
    servers.push(okta);
    const run = await runCli(
      ["--scim-url", s.baseUrl, "--write", "--okta-scim-app-id", "0oaScimApp1", "--okta-oidc-app-id", "0oaOidcApp1", ...patient],
      baseEnv({
        SCIM_TOKEN: TOKEN,
        AUTH0_DOMAIN: `127.0.0.1:${auth0.port}`,
        AUTH0_CLIENT_ID: "client-id",
        AUTH0_CLIENT_SECRET: AUTH0_SECRET,
        OKTA_ORG_URL: okta.orgUrl,
        OKTA_API_TOKEN: OKTA_TOKEN,
        NODE_EXTRA_CA_CERTS: path.join(tmp, "ca.pem"),
      }),
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("27 passed, 0 warnings, 0 failed");
    expect(run.stdout).toMatch(/PASS {4}auth0\.user-attributes-after-update +after the PUT of the updated profile: 29 arrived/);
    expect(auth0.requests.filter((r) => r.startsWith("GET /api/v2/users/"))).toHaveLength(2);
    // The connection id for the Auth0 read-back comes from the SCIM URL.
    expect(auth0.requests).toContain(`GET /api/v2/connections/${s.connectionId}/scim-configuration`);
    expect(run.stdout).not.toContain("Not checked");
    expectNoSecrets(run);
  });
});
