// What new-stack prints after writing the files: the exact commands, in order. No secret ever goes on
// a command line (shell history, process list): each is read from a file on stdin.
import type { NewStackArgs } from "./args";
import { secretPaths } from "./template";

export function nextSteps(args: NewStackArgs, files: { stackFile: string; policyConfig: string }): string {
  const s = args.stack;
  const pack = `--policy-pack ./policies --policy-pack-config ${files.policyConfig}`;
  const secrets = secretPaths(args);
  const lines = [
    `Wrote ${files.stackFile} and ${files.policyConfig} (validated with the program's own rules).`,
    "",
    "Next, in this order (README, Quick start, says what each step needs):",
    "",
    "1. Pick where the stack's state lives, once per machine: Pulumi Cloud (`pulumi login`), or a local or",
    "   bucket backend with a passphrase (`pulumi login file://<dir>` and PULUMI_CONFIG_PASSPHRASE_FILE).",
    "2. Create the stack:",
    `     pulumi stack init ${s}`,
    "3. Put each secret in a file only you can read, then store it encrypted in the stack (the value is",
    "   read from the file, never typed on the command line):",
    ...secrets.flatMap((x) => [`     # ${x.what}`, `     pulumi config set --stack ${s} --secret --path '${x.path}' < ${x.file}`]),
    "   and delete the files afterwards.",
    "4. Write the offline plan reviewers read (commit it with the two files), then preview against the",
    "   real tenant and org with the policy pack:",
    `     npm run plan -- --stack ${s} --write`,
    `     pulumi preview --stack ${s} ${pack}`,
    "5. Deploy phase 1:",
    `     pulumi up --stack ${s} ${pack}`,
    "6. Follow the console checklist, then set consoleStepsDone: true in a reviewed change (phase 2):",
    `     pulumi stack output --stack ${s} ${args.connection} --json`,
    "",
  ];
  return lines.join("\n");
}
