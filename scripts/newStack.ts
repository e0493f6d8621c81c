// npm run new-stack -- --stack <name> --auth0-domain <tenant> --auth0-client-id <id> --okta-org <org>.<okta domain> …
// Writes a validated phase-1 stack file and its policy pack config, then prints the next commands.
// Refuses to overwrite either file; on any problem it writes nothing.
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../offline/stackFile";
import { USAGE, parseNewStackArgs } from "./newStack/args";
import { nextSteps } from "./newStack/nextSteps";
import { renderPolicyConfig, renderStackFile, secretPaths } from "./newStack/template";
import { policyConfigProblems, stackFileProblems } from "./newStack/validate";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The command without process globals; `projectDir` holds Pulumi.yaml. Returns the exit code. */
export function runNewStack(argv: readonly string[], io: Io, options: { projectDir?: string; now?: Date } = {}): number {
  const projectDir = options.projectDir ?? REPO_ROOT;
  const parsed = parseNewStackArgs(argv);
  if ("help" in parsed) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if ("errors" in parsed) {
    io.err(`new-stack: nothing written:\n${parsed.errors.map((e) => `  - ${e}`).join("\n")}\n\n${USAGE}\n`);
    return 2;
  }
  const args = parsed.args;
  const files = { stackFile: `Pulumi.${args.stack}.yaml`, policyConfig: `policies/config/${args.stack}.json` };
  const existing = Object.values(files).filter((f) => fs.existsSync(path.join(projectDir, f)));
  if (existing.length > 0) {
    io.err(`new-stack: nothing written: ${existing.join(" and ")} already exist${existing.length === 1 ? "s" : ""}; pick another --stack or edit the file.\n`);
    return 1;
  }
  const stackText = renderStackFile(args, options.now ?? new Date());
  const policyText = renderPolicyConfig(args);
  const problems = [...stackFileProblems(stackText, secretPaths(args).map((s) => s.path)), ...policyConfigProblems(policyText)];
  if (problems.length > 0) {
    io.err(`new-stack: nothing written, the generated files would not pass validation:\n${problems.join("\n")}\n`);
    return 1;
  }
  fs.mkdirSync(path.join(projectDir, "policies", "config"), { recursive: true });
  // "wx": fail rather than overwrite, even if a file appeared since the check above.
  fs.writeFileSync(path.join(projectDir, files.stackFile), stackText, { flag: "wx" });
  fs.writeFileSync(path.join(projectDir, files.policyConfig), policyText, { flag: "wx" });
  io.out(nextSteps(args, files));
  return 0;
}

if (require.main === module) {
  const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  process.exitCode = runNewStack(process.argv.slice(2), io);
}
