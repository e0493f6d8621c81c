// `npm run verify`'s Okta read-back (the official Okta Node SDK) reaches the Okta stand-in the way the
// sandbox routes it: https://<org>.okta.com through HTTPS_PROXY (the CONNECT proxy) with the run's CA in
// NODE_EXTRA_CA_CERTS, which Node reads only at start: hence a child process.
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startStandIns, type StandIns } from "../../sandbox/run/standIns";

const REPO = path.resolve(__dirname, "..", "..");
let dir: string;
let standIns: StandIns;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-readback-"));
  const credentials = { auth0: { domain: "acme-dev.eu.auth0.com", clientId: "cid", clientSecret: "client-secret-xxxxxxxx" }, orgs: [{ name: "acme", domain: "acme.okta.com", credentials: { apiToken: "00sandbox-token" } }] };
  standIns = await startStandIns(
    credentials,
    dir,
    new Map([
      [
        "acme.okta.com",
        {
          groups: [{ name: "Engineering" }],
          apps: [
            { kind: "autoLogin" as const, label: "scim", groups: ["Engineering"], provisioningOn: true },
            { kind: "oidc" as const, label: "oidc", groups: ["Engineering"] },
          ],
        },
      ],
    ]),
  );
});

afterAll(async () => {
  await standIns.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function runReadBack(scimAppId: string, oidcAppId: string): Promise<string> {
  const script = [
    `const { createOktaReadBack } = require(${JSON.stringify(path.join(REPO, "verify", "oktaReadBack.ts"))});`,
    `const { runOktaChecks } = require(${JSON.stringify(path.join(REPO, "verify", "checks", "okta.ts"))});`,
    `const rb = createOktaReadBack({ orgUrl: "https://acme.okta.com", apiToken: "00sandbox-token", timeoutMs: 60000, maxRetries: 0 });`,
    `runOktaChecks(rb, { scimAppId: ${JSON.stringify(scimAppId)}, oidcAppId: ${JSON.stringify(oidcAppId)} }).then((r) => console.log(JSON.stringify(r)));`,
  ].join("\n");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", require.resolve("tsx/cjs"), "-e", script], { cwd: REPO, env: { ...process.env, ...standIns.env } });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c));
    child.stderr.on("data", (c: Buffer) => (err += c));
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
  });
}

it("reads features, assignments and the profile mapping back over HTTPS through the CONNECT proxy", async () => {
  const [scim, oidc] = [...standIns.okta.org("acme.okta.com").apps.values()];
  const results = JSON.parse(await runReadBack(scim.id, oidc.id)) as Array<{ name: string; status: string }>;
  expect(Object.fromEntries(results.map((r) => [r.name, r.status]))).toEqual({
    "okta.scim-app-provisioning-features": "pass",
    // The console steps leave Okta's three type mappings in place until phase 2 removes them.
    "okta.profile-mapping-no-type-mappings": "fail",
    "okta.same-groups-on-both-apps": "pass",
    "okta.federation-broker-mode-off": "pass",
    "okta.one-app-per-label": "pass",
  });
  expect(standIns.proxy.tunnels.every((t) => t === "acme.okta.com:443")).toBe(true);
  expect(standIns.log.unknown()).toEqual([]);
});

it("names a second app with the SCIM app's label, as a create sent twice leaves it", async () => {
  const org = standIns.okta.org("acme.okta.com");
  const [scim, oidc] = [...org.apps.values()];
  const stray = org.createApp({ signOnMode: "AUTO_LOGIN", label: scim.label }, true);
  try {
    const results = JSON.parse(await runReadBack(scim.id, oidc.id)) as Array<{ name: string; status: string; detail: string }>;
    const label = results.find((r) => r.name === "okta.one-app-per-label");
    expect(label).toMatchObject({ status: "fail" });
    expect(label!.detail).toContain(`${stray.id} (ACTIVE, created `);
    expect(label!.detail).toContain(`like the stack's ${scim.id}`);
  } finally {
    org.deleteApp(stray.id);
  }
});
