// `npm run test:engine`: the project's SCIM token resource on the REAL Pulumi engine (CLI, language host
// and dynamic-provider launcher from `npm run engine:install`), against the Auth0 stand-in, reached by
// the tenant's name through the CONNECT proxy with the run's CA: routing from the environment only.
// Steps build on each other (one stack, one stand-in), so they run in order.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startAuth0StandIn, type Auth0StandIn } from "../../sandbox/auth0/server";
import type { Auth0Tenant } from "../../sandbox/auth0/tenant";
import { RequestLog } from "../../sandbox/log/requestLog";
import { startConnectProxy, type ConnectProxy } from "../../sandbox/net/connectProxy";
import { routingEnvironment } from "../../sandbox/net/routingEnv";
import { createTestCa } from "../../sandbox/net/testCa";
import { REPO_ROOT, engineEnvironment, installedEngineBin, pulumiCli, type Cli, type CliResult } from "./engine";

// A name under .invalid never resolves: if routing broke, requests fail instead of leaving the machine.
const DOMAIN = "scim-engine-test.auth0.invalid";
const CLIENT_ID = "engineTestClient0001";
const CLIENT_SECRET = "ENGINE-TEST-CLIENT-SECRET-must-never-appear-in-state";
const STACK = "engine-test";
const NINETY_DAYS = 90 * 24 * 60 * 60;
const OKTA_SCOPES = ["get:users", "post:users", "put:users"];
const TOKENS = "/api/v2/connections/{id}/scim-configuration/tokens";
const TOKEN = `${TOKENS}/{tokenId}`;

interface Generation {
  generation: string;
  scopes: string[];
  tokenLifetimeSeconds?: number;
}

let workDir: string;
let standIn: Auth0StandIn;
let proxy: ConnectProxy;
let tenant: Auth0Tenant;
let connectionId: string;
let run: Cli;
/** The stack's config file: next to the program (git-ignored), removed before and after the run. */
const stackFile = path.join(REPO_ROOT, "tests", "engine", "program", `Pulumi.${STACK}.yaml`);
const log = new RequestLog();
/** Every token value the stand-in ever issued, to look for in the state. */
const issued = new Set<string>();

function remember() {
  for (const t of tenant.tokensOf(connectionId)) issued.add(t.token);
}

function tokenIds(): string[] {
  return tenant.tokensOf(connectionId).map((t) => t.token_id);
}

/** Runs a CLI command that must succeed; the failure message carries its output. */
async function ok(args: string[], stdin?: string): Promise<CliResult> {
  const result = await run(args, stdin);
  assert.equal(result.code, 0, `pulumi ${args.join(" ")} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  remember();
  return result;
}

const withConfig = (args: string[]) => [...args, "--stack", STACK];

async function setGenerations(generations: Generation[]) {
  await ok(withConfig(["config", "set", "generations", JSON.stringify(generations)]));
}

async function up() {
  return ok(withConfig(["up", "--yes", "--skip-preview", "--suppress-progress"]));
}

async function exportedState(): Promise<string> {
  return (await ok(["stack", "export", "--stack", STACK])).stdout;
}

function tokenResources(state: string): Array<{ urn: string; id: string; outputs: Record<string, unknown> }> {
  const deployment = JSON.parse(state).deployment as { resources?: Array<{ type: string; urn: string; id: string; outputs: Record<string, unknown> }> };
  return (deployment.resources ?? []).filter((r) => r.type === "pulumi-nodejs:dynamic/scimToken:ScimToken");
}

const g1: Generation = { generation: "g1", scopes: OKTA_SCOPES, tokenLifetimeSeconds: NINETY_DAYS };
const g2: Generation = { generation: "g2", scopes: OKTA_SCOPES, tokenLifetimeSeconds: NINETY_DAYS };

describe("SCIM token resource on the real Pulumi engine", () => {
  before(async () => {
    const bin = installedEngineBin();
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "scim-engine-test-"));
    const ca = await createTestCa([DOMAIN], path.join(workDir, "ca"));
    standIn = await startAuth0StandIn({
      tenants: [{ domain: DOMAIN, clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] }],
      tls: { key: ca.serverKey, cert: ca.serverCert },
      log,
    });
    tenant = standIn.tenant(DOMAIN);
    // A connection with SCIM switched on, made "by hand": the token resource only manages tokens.
    connectionId = tenant.seed({ name: "okta-workforce", strategy: "okta", scim: {} });
    proxy = await startConnectProxy((host, port) => (host === DOMAIN && port === 443 ? { host: "127.0.0.1", port: standIn.port } : undefined));
    const env = engineEnvironment({ bin, workDir, passphrase: "engine-test-passphrase", extra: routingEnvironment({ proxyUrl: proxy.url, caFile: ca.caFile }) }, process.env);
    fs.mkdirSync(path.join(workDir, "backend"), { recursive: true });
    run = pulumiCli(bin, path.join(REPO_ROOT, "tests", "engine", "program"), env);
    fs.rmSync(stackFile, { force: true });
    await ok(["stack", "init", STACK, "--secrets-provider", "passphrase"]);
    await ok(withConfig(["config", "set", "auth0Domain", DOMAIN]));
    await ok(withConfig(["config", "set", "clientId", CLIENT_ID]));
    await ok(withConfig(["config", "set", "--secret", "clientSecret"]), CLIENT_SECRET);
    await ok(withConfig(["config", "set", "connectionId", connectionId]));
  });

  after(async () => {
    if (run) await run(["stack", "rm", "--yes", "--force", "--stack", STACK]).catch(() => undefined);
    fs.rmSync(stackFile, { force: true });
    await proxy?.close();
    await standIn?.close();
    process.stdout.write(`Auth0 stand-in, calls per endpoint over the whole run:\n${log.report().join("\n")}\n`);
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("creates a token with its lifetime", async () => {
    await setGenerations([g1]);
    const mark = log.mark();
    await up();
    const [token] = tenant.tokensOf(connectionId);
    assert.equal(tenant.tokensOf(connectionId).length, 1);
    assert.deepEqual(token.scopes, OKTA_SCOPES);
    const lifetime = (Date.parse(token.valid_until!) - Date.parse(token.created_at)) / 1000;
    assert.equal(lifetime, NINETY_DAYS);
    assert.equal(log.count("auth0", "POST", TOKENS, mark), 1);
    assert.equal(log.count("auth0", "POST", "/oauth/token", mark) >= 1, true);
    const [resource] = tokenResources(await exportedState());
    assert.equal(resource.id, token.token_id);
  });

  it("previews no change and calls nothing", async () => {
    const mark = log.mark();
    await ok(withConfig(["preview", "--expect-no-changes"]));
    assert.equal(log.total(mark), 0, log.report(mark).join("\n"));
  });

  it("rotates: the second generation is created while the first stays, removing the first deletes only it", async () => {
    const first = tokenIds()[0];
    const mark = log.mark();
    await setGenerations([g1, g2]);
    await up();
    assert.equal(tenant.tokensOf(connectionId).length, 2);
    assert.equal(tokenIds()[0], first, "the first generation's token is untouched");
    const second = tokenIds()[1];

    await setGenerations([g2]);
    await up();
    assert.deepEqual(tokenIds(), [second]);
    // Exactly one create and one delete over the whole rotation: never a third token.
    assert.equal(log.count("auth0", "POST", TOKENS, mark), 1);
    assert.equal(log.count("auth0", "DELETE", TOKEN, mark), 1);
    assert.equal(log.since(mark).filter((c) => c.status === 409).length, 0);
  });

  it("refuses a scope change at preview, before any API call", async () => {
    await setGenerations([{ ...g2, scopes: [...OKTA_SCOPES, "patch:users"] }]);
    const mark = log.mark();
    const preview = await run(withConfig(["preview"]));
    assert.notEqual(preview.code, 0, "preview must fail");
    assert.match(preview.stdout + preview.stderr, /cannot change in place/);
    assert.equal(log.total(mark), 0);
    await setGenerations([g2]);
  });

  it("sees a token deleted behind Pulumi's back on refresh, and the next up recreates it", async () => {
    const before = tokenIds();
    tenant.tokensOf(connectionId).splice(0);
    const refresh = await ok(withConfig(["refresh", "--yes", "--suppress-progress"]));
    assert.match(refresh.stdout, /deleted/);
    assert.equal(tokenResources(await exportedState()).length, 0);
    await up();
    assert.equal(tenant.tokensOf(connectionId).length, 1);
    assert.notDeepEqual(tokenIds(), before);
  });

  it("keeps every token value and the client secret encrypted in the state", async () => {
    const state = await exportedState();
    const stateFile = path.join(workDir, "backend", ".pulumi", "stacks", "scim-token-engine-test", `${STACK}.json`);
    const raw = fs.readFileSync(stateFile, "utf8");
    assert.ok(issued.size >= 3);
    for (const text of [state, raw]) {
      assert.equal(text.includes(CLIENT_SECRET), false, "client secret in plain text");
      for (const value of issued) assert.equal(text.includes(value), false, "token value in plain text");
    }
    const [resource] = tokenResources(state);
    assert.ok(JSON.stringify(resource.outputs.token).includes("ciphertext"), "token output is a secret");
    // The client credentials live only on the explicit provider, encrypted; a token's state names its domain alone.
    const resources = JSON.parse(state).deployment.resources as Array<{ type: string; inputs?: Record<string, unknown> }>;
    const provider = resources.find((r) => r.type === "pulumi:providers:pulumi-nodejs");
    assert.ok(JSON.stringify(provider?.inputs ?? {}).includes("ciphertext"), "the provider's tenant credentials are a secret");
    assert.equal(JSON.stringify(resource.outputs).includes(CLIENT_ID), false, "no client id in a token's state");
  });

  it("destroy leaves the stand-in without tokens, and nothing was unknown to it", async () => {
    await ok(withConfig(["destroy", "--yes", "--suppress-progress"]));
    assert.equal(tenant.census().tokens, 0);
    assert.deepEqual(log.unknown(), []);
    assert.deepEqual(proxy.refused, []);
  });
});
