// The `config:` block of `Pulumi.<stack>.yaml` as written. The engine hands the program decrypted
// values and marks secrecy per top-level key only, so one `secure:` leaf makes the whole
// `oktaScim:oktaOrgs` key secret even when another org's private key sits there in plain text. Only the
// file shows which leaves are `secure:`.
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

/** True for a value written as `secure: <ciphertext>`. */
export function isSecureForm(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.keys(value as object).length === 1 &&
    typeof (value as Record<string, unknown>).secure === "string"
  );
}

/**
 * The stack file's `config:` block, or undefined when there is no readable stack file (config from
 * elsewhere, for example a Pulumi ESC environment): callers then fall back to the key-level flags.
 */
export function readStackFileConfig(directory: string, stack: string): Record<string, unknown> | undefined {
  try {
    const doc = parse(fs.readFileSync(path.join(directory, `Pulumi.${stack}.yaml`), "utf8")) as { config?: Record<string, unknown> } | null;
    return doc?.config ?? undefined;
  } catch {
    return undefined;
  }
}
