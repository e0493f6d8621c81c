import { CONFIG_NAMESPACE } from "./schema";

/** ["connections", 1, "groups", 0] → "oktaScim:connections[1].groups[0]", the way users write paths. */
export function formatConfigPath(path: readonly (string | number)[]): string {
  let out = `${CONFIG_NAMESPACE}:`;
  path.forEach((segment, i) => {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += i === 0 ? segment : `.${segment}`;
  });
  return out;
}
