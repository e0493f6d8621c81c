// The committed example pages (docs/examples/handoff/) are what `npm run handoff` writes for the
// example stack, like plans/ are what `npm run plan` writes: regenerate with the commands in
// docs/examples/handoff/README.md when this fails.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runHandoffCommand } from "../../scripts/handoff/main";
import { REPO_ROOT } from "../../offline/stackFile";
import { HOOLI_SCIM_URL, UMBRELLA_SCIM_URL } from "./fixtures";

const EXAMPLES: { file: string; argv: string[] }[] = [
  { file: "okta-initech-oidc-app.md", argv: ["--connection", "okta-initech"] },
  { file: "okta-umbrella-scim-app.md", argv: ["--connection", "okta-umbrella", "--scim-url", UMBRELLA_SCIM_URL] },
  { file: "okta-hooli-live.md", argv: ["--connection", "okta-hooli", "--scim-url", HOOLI_SCIM_URL] },
];

const DIR = path.join(REPO_ROOT, "docs", "examples", "handoff");

test.each(EXAMPLES)("docs/examples/handoff/$file is what the command writes", async ({ file, argv }) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-example-"));
  fs.copyFileSync(path.join(REPO_ROOT, "Pulumi.customers.yaml"), path.join(work, "Pulumi.customers.yaml"));
  const noOutputs = async () => {
    throw new Error("examples give --scim-url");
  };
  const code = await runHandoffCommand(["--stack", "customers", ...argv, "--out", file], { out: () => undefined, err: () => undefined }, { cwd: work, readOutputs: noOutputs });
  expect(code).toBe(0);
  const written = fs.readFileSync(path.join(work, file), "utf8");
  fs.rmSync(work, { recursive: true, force: true });
  expect(fs.readFileSync(path.join(DIR, file), "utf8")).toBe(written);
});

test("the README lists exactly the commands the test checks", () => {
  const readme = fs.readFileSync(path.join(DIR, "README.md"), "utf8");
  for (const { file, argv } of EXAMPLES) {
    expect(readme).toContain(`npm run handoff -- --stack customers ${argv.join(" ")} --out docs/examples/handoff/${file}`);
  }
});
