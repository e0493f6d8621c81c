// npm run schema: regenerates schema/pulumi-stack.schema.json from the zod schema.
import * as fs from "fs";
import * as path from "path";
import { renderStackFileJsonSchema } from "../config/jsonSchema";
import { REPO_ROOT } from "../offline/stackFile";

export const SCHEMA_FILE = path.join(REPO_ROOT, "schema", "pulumi-stack.schema.json");

if (require.main === module) {
  fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(SCHEMA_FILE, renderStackFileJsonSchema());
  process.stdout.write(`wrote ${path.relative(REPO_ROOT, SCHEMA_FILE)}\n`);
}
