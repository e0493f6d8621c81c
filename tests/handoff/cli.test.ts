import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";
import { runHandoffCommand, type HandoffDeps } from "../../scripts/handoff/main";
import { stackOutputArgs } from "../../scripts/handoff/stackOutputs";
import { REPO_ROOT } from "../../offline/stackFile";
import { UMBRELLA_SCIM_URL, tokenLookingValues } from "./fixtures";

const STACK_FILE = fs.readFileSync(path.join(REPO_ROOT, "Pulumi.customers.yaml"), "utf8");
/** Every `secure:` ciphertext of the example stack: none may reach a page or the terminal. */
const CIPHERTEXTS = [...STACK_FILE.matchAll(/secure: (\S+)/g)].map((m) => m[1]);

interface Run {
  code: number;
  out: string;
  err: string;
  dir: string;
  outputCalls: string[];
  files: () => string[];
  read: (name: string) => string;
}

type Edit = (config: Record<string, any>) => void;

/** Runs the command in a fresh directory holding Pulumi.customers.yaml (optionally edited). */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], options: { edit?: Edit; outputs?: Record<string, unknown> | Error } = {}): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-"));
  made.push(dir);
  const doc = parse(STACK_FILE);
  options.edit?.(doc.config);
  fs.writeFileSync(path.join(dir, "Pulumi.customers.yaml"), stringify(doc));
  const outputCalls: string[] = [];
  const deps: HandoffDeps = {
    cwd: dir,
    readOutputs: async (stack) => {
      outputCalls.push(stack);
      if (options.outputs instanceof Error) throw options.outputs;
      if (options.outputs === undefined) throw new Error("the test gave no stack outputs");
      return options.outputs;
    },
  };
  let out = "";
  let err = "";
  const code = await runHandoffCommand(argv, { out: (t) => (out += t), err: (t) => (err += t) }, deps);
  const files = () => fs.readdirSync(dir).filter((f) => f.endsWith(".md"));
  return { code, out, err, dir, outputCalls, files, read: (name) => fs.readFileSync(path.join(dir, name), "utf8") };
}

const connection = (config: Record<string, any>, name: string) => config["oktaScim:connections"].find((c: { name: string }) => c.name === name);

const deployedUmbrella = {
  "okta-umbrella": { scimEndpointUrl: UMBRELLA_SCIM_URL, scimTokens: [{ generation: "2026-12", tokenId: "tok_1", validUntil: "2027-03-06T12:00:00.000Z", tokenOutput: "okta-umbrella-scim-token-2026-12" }] },
  "okta-umbrella-scim-token": "[secret]",
  "okta-umbrella-scim-token-2026-12": "[secret]",
};

function expectNoSecret(r: Run, text: string) {
  for (const c of CIPHERTEXTS) expect(text).not.toContain(c);
  expect(tokenLookingValues(text)).toEqual([]);
  for (const c of CIPHERTEXTS) expect(r.out + r.err).not.toContain(c);
  expect(r.out + r.err).not.toContain("SECRET-MARKER");
}

describe("refusals", () => {
  test("a connection of an org the stack administers: usage error naming its consoleChecklist, nothing written", async () => {
    const r = await run(["--stack", "customers", "--connection", "okta-saasco"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("administered by the stack");
    expect(r.err).toContain("pulumi stack output okta-saasco --stack customers --json");
    expect(r.err).toContain("consoleChecklist");
    expect(r.files()).toEqual([]);
    expect(r.outputCalls).toEqual([]);
  });

  test("an unknown connection: usage error listing the customer connections", async () => {
    const r = await run(["--stack", "customers", "--connection", "okta-nope"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--connection okta-nope");
    expect(r.err).toContain("okta-initech, okta-umbrella, okta-hooli");
    expect(r.files()).toEqual([]);
  });

  test("a scim-app page without a URL: outputs unreadable → exit 1 naming --scim-url, nothing written", async () => {
    const r = await run(["--stack", "customers", "--connection", "okta-umbrella"], { outputs: new Error("no backend") });
    expect(r.code).toBe(1);
    expect(r.err).toContain("--scim-url");
    expect(r.files()).toEqual([]);
  });

  test("a scim-app page when the outputs hold no SCIM URL yet (not deployed, or a plan placeholder): exit 1", async () => {
    for (const outputs of [{}, { "okta-umbrella": { scimEndpointUrl: "https://saasco.us.auth0.com/scim/v2/connections/<id of okta-umbrella-auth0-connection>" } }]) {
      const r = await run(["--stack", "customers", "--connection", "okta-umbrella"], { outputs });
      expect(r.code).toBe(1);
      expect(r.err).toContain("pulumi up");
      expect(r.err).toContain("--scim-url");
      expect(r.files()).toEqual([]);
    }
  });

  test("a rotation page with one token generation: exit 1, says to add the new generation", async () => {
    const r = await run(["--stack", "customers", "--connection", "okta-hooli", "--kind", "rotation"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("needs two");
    expect(r.files()).toEqual([]);
  });

  test.each([
    [["--connection", "okta-hooli"], "--stack <name> is required"],
    [["--stack", "customers"], "--connection <name> is required"],
    [["--stack", "customers", "--connection", "okta-hooli", "--kind", "later"], "--kind later: must be one of onboarding, rotation, decommission"],
    [["--stack", "customers", "--connection", "okta-umbrella", "--scim-url", "http://x.example/scim"], "--scim-url http://x.example/scim: must be Auth0's SCIM base URL"],
    [["--stack", "customers", "--connection", "okta-umbrella", "--scim-url"], "--scim-url needs a value"],
    [["--stack", "customers", "--connection", "okta-umbrella", "--show-secrets"], "unknown argument --show-secrets"],
  ])("usage error %j names the flag", async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.files()).toEqual([]);
  });

  test("a missing stack file and an invalid config: exit 1 with the file and the setting's path", async () => {
    const missing = await run(["--stack", "nosuch", "--connection", "okta-hooli"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("Pulumi.nosuch.yaml");
    const invalid = await run(["--stack", "customers", "--connection", "okta-hooli"], { edit: (c) => (connection(c, "okta-hooli").groups = [{ name: "Everyone" }]) });
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain("oktaScim:connections[3].groups");
    expect(invalid.files()).toEqual([]);
  });
});

describe("pages written", () => {
  test("oidc-app: default file name in the working directory, no stack output read, no secret", async () => {
    const r = await run(["--stack", "customers", "--connection", "okta-initech"]);
    expect(r.code).toBe(0);
    expect(r.files()).toEqual(["handoff-okta-initech-oidc-app.md"]);
    expect(r.out).toContain(path.join(r.dir, "handoff-okta-initech-oidc-app.md"));
    expect(r.outputCalls).toEqual([]);
    const page = r.read("handoff-okta-initech-oidc-app.md");
    expect(page).toContain("https://login.saasco.example/login/callback");
    expectNoSecret(r, page);
  });

  test("scim-app: the SCIM URL and token expiry from the stack outputs; the client secret's ciphertext nowhere", async () => {
    const r = await run(["--stack", "customers", "--connection", "okta-umbrella"], { outputs: deployedUmbrella });
    expect(r.code).toBe(0);
    expect(r.outputCalls).toEqual(["customers"]);
    const page = r.read("handoff-okta-umbrella-scim-app.md");
    expect(page).toContain(UMBRELLA_SCIM_URL);
    expect(page).toContain("It expires on 2027-03-06T12:00:00.000Z");
    // The vendor is told how to fetch the token to send separately; the token itself never is read.
    expect(r.out).toContain("pulumi stack output okta-umbrella-scim-token-2026-12 --show-secrets --stack customers");
    expectNoSecret(r, page);
  });

  test("--scim-url replaces the outputs (none read) and --out names the file", async () => {
    const r = await run(["--stack", "customers", "--connection", "okta-umbrella", "--scim-url", UMBRELLA_SCIM_URL, "--out", "umbrella.md"]);
    expect(r.code).toBe(0);
    expect(r.outputCalls).toEqual([]);
    expect(r.files()).toEqual(["umbrella.md"]);
    expect(r.read("umbrella.md")).toContain(UMBRELLA_SCIM_URL);
  });

  test("rotation with two generations, and decommission by default once decommission: true", async () => {
    const addGeneration: Edit = (c) => connection(c, "okta-hooli").scim.tokens.push({ generation: "2026-12", lifetimeSeconds: 7776000 });
    const rotation = await run(["--stack", "customers", "--connection", "okta-hooli", "--kind", "rotation"], { edit: addGeneration });
    expect(rotation.code).toBe(0);
    expect(rotation.files()).toEqual(["handoff-okta-hooli-rotation.md"]);
    expect(rotation.read("handoff-okta-hooli-rotation.md")).toContain("`2026-12`");
    expect(rotation.out).toContain("okta-hooli-scim-token-2026-12 --show-secrets");
    expectNoSecret(rotation, rotation.read("handoff-okta-hooli-rotation.md"));

    const decommission = await run(["--stack", "customers", "--connection", "okta-hooli"], { edit: (c) => (connection(c, "okta-hooli").decommission = true) });
    expect(decommission.code).toBe(0);
    expect(decommission.files()).toEqual(["handoff-okta-hooli-decommission.md"]);
  });
});

test("the stack outputs are read without --show-secrets", () => {
  expect(stackOutputArgs("customers")).toEqual(["stack", "output", "--json", "--stack", "customers"]);
  expect(stackOutputArgs("customers")).not.toContain("--show-secrets");
});
