// The offline plan: current for each committed stack, byte-stable, secrets hidden, invalid config fails.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { parse } from "yaml";
import { planStack, renderPlanJson, renderPlanMarkdown, providerLabel } from "../../offline/plan";
import { REPO_ROOT, SECRET_MARKER_PREFIX } from "../../offline/stackFile";
import { parsePlanArgs, runPlanCommand } from "../../scripts/plan";
import { compactJson } from "../../offline/compactJson";
import { differenceFrom, referenceFor } from "../../offline/planReferences";

async function command(argv: string[], plansDir?: string) {
  let out = "";
  let err = "";
  const code = await runPlanCommand(argv, { out: (t) => (out += t), err: (t) => (err += t) }, plansDir);
  return { code, out, err };
}

/** Every `secure:` ciphertext of a stack file. */
function ciphertexts(stack: string): string[] {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (k === "secure" && typeof x === "string") found.push(x);
        else walk(x);
      }
    }
  };
  walk(parse(fs.readFileSync(path.join(REPO_ROOT, `Pulumi.${stack}.yaml`), "utf8")));
  return found;
}

describe.each(["dev", "prod"])("stack %s", (stack) => {
  test("the committed plans/<stack>.md is current (run `npm run plan -- --stack <stack> --write`)", async () => {
    const committed = fs.readFileSync(path.join(REPO_ROOT, "plans", `${stack}.md`), "utf8");
    expect(renderPlanMarkdown(await planStack(stack))).toBe(committed);
  });

  test("two evaluations give byte-identical JSON", async () => {
    const first = renderPlanJson(await planStack(stack));
    const second = renderPlanJson(await planStack(stack));
    expect(second).toBe(first);
  });

  test("no secret reaches the plan: no ciphertext, no config secret, no computed secret", async () => {
    const plan = await planStack(stack);
    const text = renderPlanJson(plan) + renderPlanMarkdown(plan);
    const secure = ciphertexts(stack);
    expect(secure.length).toBeGreaterThanOrEqual(2);
    for (const c of secure) expect(text).not.toContain(c);
    expect(text).not.toContain(SECRET_MARKER_PREFIX);
    expect(text).not.toContain("<secret ");
    expect(text).toContain('"clientSecret": "[secret]"');
    expect(text).toContain('"apiToken": "[secret]"');
  });
});

test("the JSON form has the documented shape, with providers and parents named", async () => {
  const plan = JSON.parse(renderPlanJson(await planStack("prod"))) as {
    stack: string;
    resources: { type: string; name: string; parent: string | null; provider: string | null; protect: boolean; inputs: Record<string, unknown> }[];
    outputs: Record<string, unknown>;
  };
  expect(plan.stack).toBe("prod");
  expect(Object.keys(plan.resources[0]).sort()).toEqual(["inputs", "name", "parent", "protect", "provider", "type"]);
  const connection = plan.resources.find((r) => r.type === "auth0:index/connection:Connection")!;
  expect(connection).toMatchObject({
    name: "okta-acme-auth0-connection",
    parent: "oktaScim:index:OktaAuth0ScimIntegration::okta-acme",
    provider: "pulumi:providers:auth0::auth0-tenant",
    protect: true,
  });
  // A secret-holding object is shown with only the secret hidden, so reviewers see the options.
  expect(connection.inputs.options).toMatchObject({ setUserRootAttributes: "on_first_login", clientSecret: "[secret]" });
  expect(plan.outputs["okta-acme-scim-token"]).toBe("[secret]");
  expect((plan.outputs["okta-acme"] as { scimEndpointUrl: string }).scimEndpointUrl).toBe(
    "https://acme.us.auth0.com/scim/v2/connections/<id of okta-acme-auth0-connection>",
  );
});

test("provider references are shown without URN prefix or id", () => {
  expect(providerLabel("urn:pulumi:dev::oktaScim::pulumi:pulumi:Stack$pulumi:providers:okta::okta-acme::abc")).toBe("pulumi:providers:okta::okta-acme");
  expect(providerLabel(undefined)).toBeNull();
});

test("arguments: --stack is required, --format is markdown or json", () => {
  expect(parsePlanArgs(["--stack", "dev"])).toEqual({ stacks: ["dev"], format: "markdown", check: false, write: false });
  expect(parsePlanArgs(["--stack", "prod", "--format", "json", "--check"])).toEqual({ stacks: ["prod"], format: "json", check: true, write: false });
  expect(parsePlanArgs(["--all", "--check"])).toEqual({ stacks: expect.arrayContaining(["dev", "prod"]), format: "markdown", check: true, write: false });
  expect(parsePlanArgs(["--all"])).toEqual({ error: expect.stringContaining("--all goes with --check or --write") });
  expect(parsePlanArgs(["--all", "--stack", "dev", "--check"])).toEqual({ error: expect.stringContaining("--stack and --all exclude each other") });
  expect(parsePlanArgs(["--stack", "dev", "--help"])).toEqual({ help: true });
  expect(parsePlanArgs(["--stack", "prod", "--check", "--write"])).toEqual({ error: expect.stringContaining("exclude each other") });
  expect(parsePlanArgs([])).toEqual({ error: expect.stringContaining("--stack <name> is required") });
  expect(parsePlanArgs(["--stack", "dev", "--format", "yaml"])).toEqual({ error: expect.stringContaining("--format must be markdown or json") });
  expect(parsePlanArgs(["--stack", "nosuchstack"])).toEqual({ error: expect.stringContaining("no Pulumi.nosuchstack.yaml") });
});

describe("the npm script on an invalid stack file", () => {
  const file = path.join(REPO_ROOT, "Pulumi.plantestbroken.yaml");
  beforeAll(() => {
    const dev = fs.readFileSync(path.join(REPO_ROOT, "Pulumi.prod.yaml"), "utf8");
    fs.writeFileSync(file, dev.replace("orgName: acme", "orgName: Not An Org").replace("consoleStepsDone: false", "consoleStepsDone: false\n      typoSetting: true"));
  });
  afterAll(() => fs.rmSync(file, { force: true }));

  test("exits 1 with every problem by path, and prints no plan and no secret", () => {
    const tsx = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");
    const result = spawnSync(tsx, ["scripts/plan.ts", "--stack", "plantestbroken"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Invalid stack configuration (2 problems); nothing was created:");
    expect(result.stderr).toContain("oktaScim:oktaOrgs[0].orgName:");
    expect(result.stderr).toContain("oktaScim:connections[0].typoSetting: is not a known setting here");
    for (const c of ciphertexts("prod")) expect(result.stderr).not.toContain(c);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

test("--check passes on a current plan and fails, naming the fix, on a stale one", async () => {
  expect(await command(["--stack", "prod", "--check"])).toEqual({ code: 0, out: "plans/prod.md is current\n", err: "" });
  const committed = fs.readFileSync(path.join(REPO_ROOT, "plans", "prod.md"), "utf8");
  const staleDir = fs.mkdtempSync(path.join(os.tmpdir(), "plans-"));
  try {
    fs.writeFileSync(path.join(staleDir, "prod.md"), committed.replace("Auth0 - log in", "Auth0 - old label"));
    const stale = await command(["--stack", "prod", "--check"], staleDir);
    expect(stale.code).toBe(1);
    expect(stale.err).toBe("plans/prod.md is stale: run `npm run plan -- --stack prod --write` and commit it\n");
  } finally {
    fs.rmSync(staleDir, { recursive: true, force: true });
  }
});

test("--write stores exactly the markdown plan, which --check then accepts", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plans-"));
  try {
    expect(await command(["--stack", "prod", "--write"], dir)).toEqual({ code: 0, out: "wrote plans/prod.md\n", err: "" });
    expect(fs.readFileSync(path.join(dir, "prod.md"), "utf8")).toBe(fs.readFileSync(path.join(REPO_ROOT, "plans", "prod.md"), "utf8"));
    expect((await command(["--stack", "prod", "--check"], dir)).code).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("usage errors exit 2", async () => {
  const result = await command(["--stack"]);
  expect(result.code).toBe(2);
  expect(result.err).toContain("usage: npm run plan");
});

test("--help explains every option and exits 0", async () => {
  const result = await command(["--help"]);
  expect(result.code).toBe(0);
  for (const option of ["--stack", "--all", "--format", "--write", "--check"]) expect(result.out).toContain(option);
});

describe("stack files the plan cannot simply read", () => {
  let dir: string;
  const prodConfig = () => fs.readFileSync(path.join(REPO_ROOT, "Pulumi.prod.yaml"), "utf8");
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-stackfile-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("a YAML syntax error names the file, line and column", async () => {
    const broken = prodConfig().replace("    domain: acme.us.auth0.com", "   domain: acme.us.auth0.com");
    fs.writeFileSync(path.join(dir, "Pulumi.broken.yaml"), broken);
    const line = broken.split("\n").findIndex((l) => l === "   domain: acme.us.auth0.com") + 1;
    await expect(planStack("broken", dir)).rejects.toThrow(new RegExp(`^Pulumi\\.broken\\.yaml:${line}:\\d+: `));
  });

  test("with a Pulumi ESC environment, credentials kept there show as [secret] and the plan says so", async () => {
    const withoutSecrets = prodConfig()
      .replace(/\n    clientSecret:\n      secure: \S+/, "")
      .replace(/\n      apiToken:\n        secure: \S+/, "")
      .replace("config:\n", "environment:\n  - acme/prod\nconfig:\n");
    expect(withoutSecrets).not.toMatch(/secure: v1/);
    fs.writeFileSync(path.join(dir, "Pulumi.esc.yaml"), withoutSecrets);
    const plan = await planStack("esc", dir);
    expect(plan.environments).toEqual(["acme/prod"]);
    const markdown = renderPlanMarkdown(plan);
    expect(markdown).toContain("Pulumi ESC environment(s) `acme/prod`");
    expect(markdown).toContain('"clientSecret": "[secret]"');
    expect(markdown).toContain('"apiToken": "[secret]"');
    expect(markdown).not.toContain(SECRET_MARKER_PREFIX);
  });

  test("with a Pulumi ESC environment, a missing non-secret setting fails and the message says the plan cannot read the environment", async () => {
    const noConnections = prodConfig().replace(/  oktaScim:connections:[\s\S]*$/, "").replace("config:\n", "environment:\n  - acme/prod\nconfig:\n");
    fs.writeFileSync(path.join(dir, "Pulumi.esc.yaml"), noConnections);
    await expect(planStack("esc", dir)).rejects.toThrow(/oktaScim:connections: is required[\s\S]*imports the Pulumi ESC environment\(s\) acme\/prod; the offline plan cannot read them/);
  });
});

describe("the markdown plan, shorter with nothing hidden", () => {
  test("the dev plan is at most half the 1,125 lines it had when every shared list was repeated", async () => {
    expect(renderPlanMarkdown(await planStack("dev")).split("\n").length).toBeLessThanOrEqual(562);
  });

  test.each(["dev", "prod"])("%s: every referenced list is exactly its reference plus the differences shown", async (stack) => {
    const plan = await planStack(stack);
    let checked = 0;
    for (const r of plan.resources) {
      for (const [property, value] of Object.entries(r.inputs as Record<string, unknown>)) {
        const reference = referenceFor(r.type, property);
        if (!reference || !Array.isArray(value)) continue;
        const diff = differenceFrom(reference, value as Record<string, unknown>[]);
        // A list not built on the reference is printed whole (its compact JSON is checked below).
        if (!diff) continue;
        const key = reference.key;
        const rebuilt = new Map(reference.entries.map((e) => [key(e), e]));
        for (const e of diff.removed) rebuilt.delete(key(e));
        for (const c of diff.changed) rebuilt.set(key(c.to), c.to);
        for (const e of diff.added) rebuilt.set(key(e), e);
        const sortJson = (l: readonly Record<string, unknown>[]) => l.map((e) => compactJson(e)).sort();
        expect(sortJson([...rebuilt.values()])).toEqual(sortJson(value as Record<string, unknown>[]));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(stack === "dev" ? 3 : 1);
  });

  test("differences are spelled out: an added, a changed and a removed entry each get a line", () => {
    const reference = referenceFor("auth0:index/connectionScimConfiguration:ConnectionScimConfiguration", "mappings")!;
    const list = reference.entries.slice(1).map((e) => (e.auth0 === "email" ? { ...e, scim: "emails[type eq \"work\"].value" } : e));
    list.push({ auth0: "app_metadata.badge_number", scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.badgeNumber" });
    const diff = differenceFrom(reference, list)!;
    expect(diff.removed).toEqual([reference.entries[0]]);
    expect(diff.changed.map((c) => c.to.scim)).toEqual(['emails[type eq "work"].value']);
    expect(diff.added.map((e) => e.auth0)).toEqual(["app_metadata.badge_number"]);
    // A list not built on the reference is shown whole.
    expect(differenceFrom(reference, list.slice(0, 3))).toBeUndefined();
  });

  test("the console checklist is a Markdown list, not an escaped JSON string", async () => {
    const markdown = renderPlanMarkdown(await planStack("prod"));
    expect(markdown).toContain("## Console checklist: okta-acme\n\n1. [O6-7] ");
    expect(markdown).toContain('"consoleChecklist": "<see Console checklist: okta-acme>"');
    expect(markdown).not.toContain("\\n");
  });

  test("the compact JSON is the same value as the full JSON", async () => {
    const plan = await planStack("dev");
    for (const r of plan.resources) expect(JSON.parse(compactJson(r.inputs))).toEqual(r.inputs);
    expect(JSON.parse(compactJson(plan.outputs))).toEqual(plan.outputs);
  });
});
