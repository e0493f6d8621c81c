// The problems config validation reports for a committed stack file with one connection edited, as
// "path: message" lines (what a user reads). For rule tests that change one setting.
import { parseStackConfig } from "../../config/load";
import { cloneValues, readStackFile, toRawConfig } from "./stackFile";

export function problemsWithEdit<C>(edit: (connection: C) => void, stack = "dev", index = 0): string[] {
  const { values, secretKeys } = readStackFile(stack);
  const copy = cloneValues(values);
  edit((copy["oktaScim:connections"] as C[])[index]);
  const parsed = parseStackConfig(toRawConfig(copy, secretKeys));
  return "problems" in parsed ? parsed.problems.map((p) => `${p.path.join(".")}: ${p.message}`) : [];
}
