// The README stays true: CI runs its test command verbatim, and every test the step table names exists.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
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
  // The command as the README gives it; CI only appends the capture of its status.
  expect(ci).toContain(`${quickStartTestCommand()} || status=$?`);
});

test(".ci/run fails when a step of the test command fails, and then runs nothing more", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ci-run-"));
  try {
    fs.mkdirSync(path.join(dir, ".ci"));
    fs.copyFileSync(path.join(REPO_ROOT, ".ci", "run"), path.join(dir, ".ci", "run"));
    fs.mkdirSync(path.join(dir, "bin"));
    // A stand-in npm that records each call and fails `npm test`, as a failing suite would.
    const log = path.join(dir, "npm.log");
    fs.writeFileSync(path.join(dir, "bin", "npm"), `#!/usr/bin/env bash\necho "$*" >> "${log}"\n[ "$1" = test ] && exit 1\nexit 0\n`, { mode: 0o755 });
    const result = spawnSync("bash", [path.join(dir, ".ci", "run")], { env: { ...process.env, PATH: `${path.join(dir, "bin")}:${process.env.PATH}` }, encoding: "utf8" });
    expect(result.status).toBe(1);
    const calls = fs.readFileSync(log, "utf8").trim().split("\n");
    expect(calls).toEqual(["ci", "ci --prefix policies", "test"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the README's test command runs the unit tests, then the token resource on the real engine, then the other languages' SDKs", () => {
  const steps = quickStartTestCommand().split("&&").map((step) => step.trim());
  const at = (step: string) => steps.indexOf(step);
  expect(at("npm test")).toBeGreaterThan(-1);
  expect(at("npm run engine:install")).toBeGreaterThan(at("npm test"));
  expect(at("npm run test:engine")).toBeGreaterThan(at("npm run engine:install"));
  expect(at("npm run test:languages")).toBeGreaterThan(at("npm run test:engine"));
  const scripts = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
  expect(Object.keys(scripts)).toEqual(expect.arrayContaining(["engine:install", "test:engine", "test:languages"]));
  // The engine test needs the engine: it stays out of the default jest run.
  expect(scripts["test:engine"]).not.toMatch(/\bjest\b/);
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
