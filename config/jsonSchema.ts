// JSON Schema of a whole `Pulumi.<stack>.yaml`, generated from the zod schema (the single source of
// truth), for editors. zod's refinements (cross-field rules, secret checks) cannot be expressed in
// JSON Schema; the program still enforces them.
import { z } from "zod";
import { CONFIG_NAMESPACE, SECRET_FIELDS, stackConfigSchema } from "./schema";
import { TOP_LEVEL_KEYS } from "./load";

type JsonSchema = Record<string, unknown>;

const SECURE_VALUE: JsonSchema = {
  type: "object",
  description: "A credential: set it with `pulumi config set --secret --path ...`, which writes `secure: <ciphertext>`.",
  properties: { secure: { type: "string" } },
  required: ["secure"],
  additionalProperties: false,
};

/** Replaces the schema of every credential field with the `secure:` form the stack file must use. */
function requireSecureForm(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(requireSecureForm);
  if (node === null || typeof node !== "object") return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node as JsonSchema)) {
    if (key === "properties" && value !== null && typeof value === "object") {
      out.properties = Object.fromEntries(
        Object.entries(value as JsonSchema).map(([name, schema]) =>
          (SECRET_FIELDS as readonly string[]).includes(name) ? [name, SECURE_VALUE] : [name, requireSecureForm(schema)],
        ),
      );
    } else {
      out[key] = requireSecureForm(value);
    }
  }
  return out;
}

/**
 * zod renders its string checks `.includes()`, `.startsWith()` and `.endsWith()` as a `format` named
 * after the check plus a `pattern` holding the rule. Those names are no JSON Schema format: validators
 * and editors warn about them and skip them, so only the pattern is kept.
 */
const ZOD_ONLY_FORMATS = new Set(["includes", "starts_with", "ends_with"]);

function dropZodOnlyFormat({ jsonSchema }: { jsonSchema: { format?: string } }): void {
  if (jsonSchema.format !== undefined && ZOD_ONLY_FORMATS.has(jsonSchema.format)) delete jsonSchema.format;
}

export function stackFileJsonSchema(): JsonSchema {
  const config = z.toJSONSchema(stackConfigSchema, { io: "input", override: dropZodOnlyFormat }) as JsonSchema & { properties: JsonSchema; required?: string[] };
  const properties: JsonSchema = {
    "pulumi:disable-default-providers": {
      description: 'Keep ["*"]: every resource uses the explicit providers built from oktaScim config.',
      type: "array",
      items: { type: "string" },
      contains: { const: "*" },
    },
  };
  for (const key of TOP_LEVEL_KEYS) properties[`${CONFIG_NAMESPACE}:${key}`] = requireSecureForm(config.properties[key]);
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Pulumi.<stack>.yaml of the oktaScim project",
    description: "Generated from config/schema.ts by `npm run schema`; do not edit by hand.",
    type: "object",
    properties: {
      config: {
        type: "object",
        properties,
        required: [...(config.required ?? []).map((k) => `${CONFIG_NAMESPACE}:${k}`), "pulumi:disable-default-providers"],
        // Other namespaces (pulumi:tags, …) are allowed; an unknown oktaScim key is a typo.
        patternProperties: { [`^${CONFIG_NAMESPACE}:(?!(${TOP_LEVEL_KEYS.join("|")})$)`]: false },
      },
      encryptionsalt: { type: "string" },
      secretsprovider: { type: "string" },
      encryptedkey: { type: "string" },
    },
    required: ["config"],
    additionalProperties: false,
  };
}

export function renderStackFileJsonSchema(): string {
  return `${JSON.stringify(stackFileJsonSchema(), null, 2)}\n`;
}
