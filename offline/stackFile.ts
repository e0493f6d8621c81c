// Turns a committed `Pulumi.<stack>.yaml` into the raw config the Pulumi engine would hand the
// program: one string per top-level key (objects as JSON), secret keys listed. Every `secure:` value
// becomes a marker naming its path, so tests can prove that no secret reaches a plain output or a
// message without knowing any real ciphertext.
import * as path from "path";
import type { RawConfig } from "../config/load";
import { isSecureForm, readStackFileDocument } from "../config/stackFile";

export const REPO_ROOT = path.resolve(__dirname, "..");

export const SECRET_MARKER_PREFIX = "SECRET-MARKER:";

export function secretMarker(pathText: string): string {
  return `${SECRET_MARKER_PREFIX}${pathText}`;
}

export type StackConfigValues = Record<string, unknown>;

/**
 * Credentials a stack that imports Pulumi ESC environments leaves out of its file: they come from the
 * environment at deploy time, so offline they stand as markers (shown as [secret]), never guessed.
 */
function credentialsFromEnvironment(values: StackConfigValues): string[] {
  const auth0 = values["oktaScim:auth0"] as Record<string, unknown> | undefined;
  const paths: string[] = [];
  if (auth0 && typeof auth0 === "object" && auth0.clientSecret === undefined) {
    auth0.clientSecret = secretMarker("oktaScim:auth0.clientSecret");
    paths.push("oktaScim:auth0.clientSecret");
  }
  const orgs = values["oktaScim:oktaOrgs"];
  if (Array.isArray(orgs)) {
    orgs.forEach((org: Record<string, unknown>, i) => {
      if (org === null || typeof org !== "object" || org.apiToken !== undefined || org.privateKey !== undefined) return;
      const field = org.clientId !== undefined ? "privateKey" : "apiToken";
      org[field] = secretMarker(`oktaScim:oktaOrgs[${i}].${field}`);
      paths.push(`oktaScim:oktaOrgs[${i}].${field}`);
    });
  }
  return paths;
}

/** The `config:` block of a stack file, secure leaves replaced by markers. */
export function readStackFile(stack: string, directory: string = REPO_ROOT): { values: StackConfigValues; secretKeys: Set<string>; environments: string[] } {
  const { config, environments } = readStackFileDocument(directory, stack);
  const values: StackConfigValues = {};
  const secretKeys = new Set<string>();
  for (const [key, value] of Object.entries(config)) {
    let sawSecret = false;
    const replace = (v: unknown, at: string): unknown => {
      if (isSecureForm(v)) {
        sawSecret = true;
        return secretMarker(at);
      }
      if (Array.isArray(v)) return v.map((x, i) => replace(x, `${at}[${i}]`));
      if (v !== null && typeof v === "object") {
        return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, replace(x, `${at}.${k}`)]));
      }
      return v;
    };
    values[key] = replace(value, key);
    if (sawSecret) secretKeys.add(key);
  }
  if (environments.length > 0) {
    for (const p of credentialsFromEnvironment(values)) secretKeys.add(p.slice(0, p.search(/[.[]/)));
  }
  return { values, secretKeys, environments };
}

/** The stack file these values stand for: every secret marker written back as a `secure:` value. */
export function asWrittenStackFile(values: StackConfigValues): Record<string, unknown> {
  const restore = (v: unknown): unknown => {
    if (typeof v === "string" && v.startsWith(SECRET_MARKER_PREFIX)) return { secure: v };
    if (Array.isArray(v)) return v.map(restore);
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, restore(x)]));
    return v;
  };
  return restore(values) as Record<string, unknown>;
}

/** What Pulumi passes to a program (strings as they are, everything else JSON-encoded), plus the stack file. */
export function toRawConfig(values: StackConfigValues, secretKeys: Iterable<string>): RawConfig {
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) raw[k] = typeof v === "string" ? v : JSON.stringify(v);
  return { values: raw, secretKeys: new Set(secretKeys), stackFile: asWrittenStackFile(values) };
}

/** A deep copy of a stack file's config, for tests that mutate one setting. */
export function cloneValues(values: StackConfigValues): StackConfigValues {
  return JSON.parse(JSON.stringify(values)) as StackConfigValues;
}
