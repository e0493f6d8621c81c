// The stack config as the hand-off reads it: the committed stack file, validated by the program's own
// parser, with every `secure:` value standing as a marker (offline/stackFile.ts). Nothing is decrypted
// and no credential is needed: the page needs no secret, and must not be able to print one.
import { parseStackConfig, renderProblems } from "../../config/load";
import type { StackConfig } from "../../config/schema";
import { StackFileError } from "../../config/stackFile";
import { readStackFile, toRawConfig } from "../../offline/stackFile";

export function loadStackConfigOffline(stack: string, directory: string): { config: StackConfig } | { error: string } {
  let file;
  try {
    file = readStackFile(stack, directory);
  } catch (error) {
    if (error instanceof StackFileError) return { error: `--stack ${stack}: ${error.message}` };
    throw error;
  }
  const parsed = parseStackConfig(toRawConfig(file.values, file.secretKeys));
  return "problems" in parsed ? { error: `Pulumi.${stack}.yaml: ${renderProblems(parsed.problems)}` } : parsed;
}
