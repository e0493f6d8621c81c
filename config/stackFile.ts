// The `config:` block of `Pulumi.<stack>.yaml` as written. The engine hands the program decrypted
// values and marks secrecy per top-level key only, so one `secure:` leaf makes the whole
// `oktaScim:oktaOrgs` key secret even when another org's private key sits there in plain text. Only the
// file shows which leaves are `secure:`.
import * as fs from "fs";
import * as path from "path";
import { parse, YAMLParseError } from "yaml";

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

/** A stack file that is not valid YAML, or has no usable `config:` block: the message names file, line and column. */
export class StackFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StackFileError";
  }
}

export interface StackFileDocument {
  /** The `config:` block as written; {} when the file has none. */
  config: Record<string, unknown>;
  /** Pulumi ESC environments the stack imports (`environment:`), in order. */
  environments: string[];
}

/** The stack file as written, for tools that must say why they cannot read it (the offline plan). */
export function readStackFileDocument(directory: string, stack: string): StackFileDocument {
  const name = `Pulumi.${stack}.yaml`;
  const file = path.join(directory, name);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new StackFileError(`${name}: cannot be read (is --stack right?)`);
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    if (error instanceof YAMLParseError && error.linePos) {
      const [{ line, col }] = error.linePos;
      // The parser's first line is the reason; the rest is a source excerpt the location already gives.
      throw new StackFileError(`${name}:${line}:${col}: ${error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`);
    }
    throw new StackFileError(`${name}: is not valid YAML (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  }
  if (doc !== null && (typeof doc !== "object" || Array.isArray(doc))) throw new StackFileError(`${name}: must be a YAML mapping with a config: block`);
  const { config, environment } = (doc ?? {}) as { config?: unknown; environment?: unknown };
  if (config !== undefined && config !== null && (typeof config !== "object" || Array.isArray(config))) {
    throw new StackFileError(`${name}: config: must be a mapping of settings`);
  }
  const environments = Array.isArray(environment) ? environment.map(String) : typeof environment === "string" ? [environment] : [];
  return { config: (config ?? {}) as Record<string, unknown>, environments };
}
