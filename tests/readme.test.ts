// The README stays true: CI runs its test command verbatim, and every test the step table names exists.
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "./harness/stackFile";

const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");

function quickStartTestCommand(): string {
  const quickStart = readme.slice(readme.indexOf("## Quick start"));
  const match = /```sh\n(.+)\n```/.exec(quickStart);
  if (!match) throw new Error("README Quick start has no sh block");
  return match[1].trim();
}

test(".ci/run runs the README's Quick start test command verbatim", () => {
  const ci = fs.readFileSync(path.join(REPO_ROOT, ".ci", "run"), "utf8").split("\n").map((l) => l.trim());
  expect(ci).toContain(quickStartTestCommand());
});

test("every test the step table names exists", () => {
  const table = readme.slice(readme.indexOf("## Step table"), readme.indexOf("<!-- section:config -->"));
  const references = [...table.matchAll(/`(tests\/[^`]+\.test\.ts)` "([^"]+)"/g)];
  expect(references.length).toBeGreaterThanOrEqual(17);
  for (const [, file, title] of references) {
    const source = fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
    expect({ file, title, found: source.includes(title) }).toEqual({ file, title, found: true });
  }
});
