// The example pull-request workflow works as copied: the full history for the plan diff, the README's
// test command, and a preview per stack with that stack's policy pack config (a mandatory policy
// pins each stack's tenant, so a preview without it fails).
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { REPO_ROOT } from "../harness/stackFile";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
const workflow = parse(fs.readFileSync(path.join(REPO_ROOT, "examples/github-workflows/pull-request.yml"), "utf8")) as {
  jobs: Record<string, { steps: Step[]; strategy?: { matrix: { stack: string[] } } }>;
};

test("the offline job checks out the whole history and runs the README's test command", () => {
  const steps = workflow.jobs.offline.steps;
  expect(steps.find((s) => s.uses?.startsWith("actions/checkout"))?.with).toMatchObject({ "fetch-depth": 0 });
  const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const testCommand = /```sh\n(.+)\n```/.exec(readme.slice(readme.indexOf("## Quick start")))![1].trim();
  expect(steps.map((s) => s.run)).toContain(testCommand);
});

test("each stack's preview passes its own policy pack config, and every matrix stack has one", () => {
  const preview = workflow.jobs.preview;
  const step = preview.steps.find((s) => s.uses?.startsWith("pulumi/actions"))!;
  expect(step.with).toMatchObject({ policyPacks: "./policies", policyPackConfigs: "policies/config/${{ matrix.stack }}.json" });
  for (const stack of preview.strategy!.matrix.stack) {
    expect(fs.existsSync(path.join(REPO_ROOT, "policies", "config", `${stack}.json`))).toBe(true);
  }
});
