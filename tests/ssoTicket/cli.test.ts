// `npm run sso-ticket` against the Auth0 stand-in (real auth0 SDK, through the CONNECT proxy): the body
// it sends, where the URL goes (a new 0600 file, or stdout with --print only), what it refuses, and
// that no secret is printed.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { stringify } from "yaml";
import { runSsoTicket } from "../../scripts/ssoTicket/cli";
import { SELF_SERVICE_PROFILE_OUTPUT } from "../../components/selfServiceProfile";
import { finishSelfServiceFlow, ticketIdOf } from "../../sandbox/auth0/selfServiceFlow";
import { CLIENT_ID, CLIENT_SECRET, DOMAIN, startHarness, type Harness } from "../sandbox/standInHarness";

let h: Harness;
let dir: string;
let connectionId: string;
let profileId: string;
beforeAll(async () => {
  h = await startHarness();
  const t = h.standIn.tenant(DOMAIN);
  connectionId = t.seed({ name: "initech-okta", scim: {} });
  profileId = "ssp_" + "a".repeat(22);
  t.selfServiceProfiles.set(profileId, { id: profileId, name: "customers-okta", allowed_strategies: ["okta"], created_at: "", updated_at: "" });
});
afterAll(() => h.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sso-ticket-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, unknown>;
const connection = (over: Json = {}): Json => ({
  name: "initech-okta",
  oktaOrg: "initech",
  handoff: "selfService",
  enabledClients: ["appClientId000000001"],
  scim: { tokenScopes: ["get:users", "post:users", "put:users"], tokens: [{ generation: "g1", lifetimeSeconds: 7776000 }] },
  ...over,
});

function writeStack(conn: Json, administeredBy = "customer") {
  const config = {
    "oktaScim:auth0": { domain: DOMAIN, clientId: CLIENT_ID, clientSecret: { secure: "AAABAL-ciphertext" } },
    "oktaScim:oktaOrgs": [{ name: "initech", orgName: "initech", administeredBy }],
    "oktaScim:connections": [conn],
  };
  fs.writeFileSync(path.join(dir, "Pulumi.s.yaml"), stringify({ config }));
}

async function run(argv: string[], conn: Json = connection(), outputs?: Json, administeredBy = "customer") {
  writeStack(conn, administeredBy);
  const out: string[] = [];
  const err: string[] = [];
  const calls: string[] = [];
  const code = await runSsoTicket(argv, {}, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, {
    projectDir: dir,
    readOutputs: async () => {
      calls.push("outputs");
      return outputs ?? { "initech-okta": { connectionId }, [SELF_SERVICE_PROFILE_OUTPUT]: { id: profileId, name: "customers-okta" } };
    },
    readClientSecret: async () => {
      calls.push("secret");
      return CLIENT_SECRET;
    },
    auth0Fetch: h.fetch,
    now: () => new Date("2026-12-06T00:00:00.000Z"),
  });
  return { code, stdout: out.join(""), stderr: err.join(""), calls };
}

const lastTicket = () => [...h.standIn.tenant(DOMAIN).ssoTickets.values()].pop()!;

test("--out: the URL goes to a new file with mode 0600, nowhere else; the body has the least scopes, the lifetime, the clients, domain verification off", async () => {
  const file = path.join(dir, "ticket.url");
  const r = await run(["--stack", "s", "--connection", "initech-okta", "--out", file, "--ttl", "3600"]);
  expect(r.code).toBe(0);
  const url = fs.readFileSync(file, "utf8").trim();
  expect(url).toMatch(/^https:\/\/.+\/self-service\/connections-flow\?ticket=/);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toContain(url);
  expect(r.stderr).not.toContain(ticketIdOf(url));
  expect(r.stderr).not.toContain(CLIENT_SECRET);
  expect(r.stderr).toContain("until 2026-12-06T01:00:00.000Z (3600 s)");
  expect(lastTicket().body).toEqual({
    connection_id: connectionId,
    enabled_clients: ["appClientId000000001"],
    ttl_sec: 3600,
    enabled_features: { sso: true, provisioning: true, domain_verification: false },
    provisioning_config: { scopes: ["get:users", "post:users", "put:users"], token_lifetime: 7776000 },
  });
  // The ticket works: the simulated admin finishes and gets a token with those scopes.
  const flow = finishSelfServiceFlow(h.standIn.tenant(DOMAIN), ticketIdOf(url), { domain: "initech.okta.com", clientId: "0oaX", clientSecret: "Y" });
  expect(flow.scimToken?.scopes).toEqual(["get:users", "post:users", "put:users"]);
});

test("--print: the URL alone on stdout, the rest on stderr", async () => {
  const r = await run(["--stack", "s", "--connection", "initech-okta", "--print"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^https:\/\/\S+\n$/);
  expect(r.stderr).not.toContain(r.stdout.trim());
  expect(lastTicket().body.ttl_sec).toBe(86400);
});

test.each([
  [["--stack", "s", "--connection", "initech-okta"], "exactly one of --out"],
  [["--stack", "s", "--connection", "initech-okta", "--print", "--out", "x"], "exactly one of --out"],
  [["--stack", "s", "--connection", "initech-okta", "--print", "--ttl", "432001"], "1 to 432000"],
  [["--stack", "s", "--connection", "initech-okta", "--print", "--ttl", "0"], "1 to 432000"],
  [["--stack", "s", "--connection", "nope", "--print"], "not in Pulumi.s.yaml"],
])("usage error for %p", async (argv, says) => {
  const before = h.standIn.tenant(DOMAIN).ssoTickets.size;
  const r = await run(argv as string[]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(says);
  expect(h.standIn.tenant(DOMAIN).ssoTickets.size).toBe(before);
});

test("refuses a token lifetime of 900 and the Markdown hand-off, before reading any secret", async () => {
  const short = await run(["--stack", "s", "--connection", "initech-okta", "--print"], connection({ scim: { tokens: [{ generation: "g", lifetimeSeconds: 900 }] } }));
  expect(short.code).toBe(2);
  expect(short.stderr).toContain("more than 900");
  expect(short.calls).not.toContain("secret");
  const doc = await run(["--stack", "s", "--connection", "initech-okta", "--print"], connection({ handoff: undefined }));
  expect(doc.code).toBe(2);
  expect(doc.stderr).toContain("handoff: document");
});

test("refuses a connection of an org the stack administers, before reading any secret or output", async () => {
  const r = await run(["--stack", "s", "--connection", "initech-okta", "--print"], connection(), undefined, "stack");
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("is not administeredBy: customer");
  expect(r.calls).toEqual([]);
});

test("refuses an existing --out file, and a stack without the profile output", async () => {
  const file = path.join(dir, "exists");
  fs.writeFileSync(file, "keep");
  const r = await run(["--stack", "s", "--connection", "initech-okta", "--out", file]);
  expect(r.code).toBe(2);
  expect(fs.readFileSync(file, "utf8")).toBe("keep");
  const noProfile = await run(["--stack", "s", "--connection", "initech-okta", "--print"], connection(), { "initech-okta": { connectionId } });
  expect(noProfile.code).toBe(2);
  expect(noProfile.stderr).toContain(SELF_SERVICE_PROFILE_OUTPUT);
});

test("Auth0's refusal is exit 1 with its message, never the secret", async () => {
  const r = await run(["--stack", "s", "--connection", "initech-okta", "--print"], connection(), { "initech-okta": { connectionId: "con_GONEGONEGONEGONE" }, [SELF_SERVICE_PROFILE_OUTPUT]: { id: profileId } });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("(404)");
  expect(r.stdout).toBe("");
  expect(r.stderr).not.toContain(CLIENT_SECRET);
});
