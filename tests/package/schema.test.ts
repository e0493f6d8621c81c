// The package schema other languages get, derived exactly as `pulumi package add` derives it: the
// repository started as a plugin by the language host's launcher (./plugin.ts), whose entry
// (pulumiPlugin.ts) runs the Node SDK's component provider host and its TypeScript analyzer
// (@pulumi/pulumi/provider/experimental), queried over gRPC. Checked
// against the input and output tables of docs/using-the-component.md in both directions, and the
// outputs documented as secret against what the component returns under mocks (the inferred schema
// has no secret marker).
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { launchedAsPlugin, PULUMI_PACKAGE_NAME } from "../../pulumiPlugin";
import { COMPONENT_TYPE } from "../../api";
import { schemaFromPlugin } from "./plugin";

const REPO = path.resolve(__dirname, "..", "..");
const DOC = fs.readFileSync(path.join(REPO, "docs", "using-the-component.md"), "utf8");

interface Property {
  type?: string;
  $ref?: string;
  items?: Property;
  additionalProperties?: Property;
  plain?: boolean;
  secret?: boolean;
}
interface ObjectType {
  type: string;
  properties?: Record<string, Property>;
  required?: string[];
  enum?: unknown[];
}
interface PackageSchema {
  name: string;
  resources: Record<string, { isComponent: boolean; inputProperties: Record<string, Property>; requiredInputs: string[]; properties: Record<string, Property>; required: string[] }>;
  types: Record<string, ObjectType>;
}

/** One documented or derived row: path → type, required, accepts outputs (inputs) / secret (outputs). */
type Rows = Map<string, { type: string; required?: boolean; input?: boolean; secret?: boolean }>;

let schema: PackageSchema;

beforeAll(async () => {
  schema = (await schemaFromPlugin()) as PackageSchema;
}, 900_000);

function typeOf(p: Property, types: PackageSchema["types"]): { type: string; object?: ObjectType } {
  if (p.$ref) {
    const target = types[p.$ref.replace("#/types/", "")];
    if (!target) throw new Error(`dangling reference ${p.$ref}`);
    return target.enum ? { type: "enum" } : { type: "object", object: target };
  }
  if (p.type === "array") {
    const item = typeOf(p.items!, types);
    return { type: `${item.type}[]`, object: item.object };
  }
  if (p.type === "object" && p.additionalProperties) return { type: `map of ${typeOf(p.additionalProperties, types).type}` };
  return { type: p.type! };
}

/** Flattens properties into dotted rows, descending into object types (arrays as `[]`). */
function flatten(props: Record<string, Property>, required: readonly string[], prefix: string, rows: Rows, kind: "input" | "output"): Rows {
  for (const [name, p] of Object.entries(props)) {
    const { type, object } = typeOf(p, schema.types);
    const key = `${prefix}${name}`;
    rows.set(key, kind === "input" ? { type, required: required.includes(name), input: p.plain !== true } : { type });
    if (object?.properties && kind === "input") flatten(object.properties, object.required ?? [], `${key}${type.endsWith("[]") ? "[]" : ""}.`, rows, kind);
  }
  return rows;
}

function documented(section: "inputs" | "outputs"): Rows {
  const block = DOC.split(`<!-- schema:${section} -->`)[1]?.split(`<!-- /schema:${section} -->`)[0];
  if (!block) throw new Error(`docs/using-the-component.md has no schema:${section} table`);
  const rows: Rows = new Map();
  for (const line of block.split("\n").filter((l) => l.startsWith("| `"))) {
    const cells = line.split("|").map((c) => c.trim());
    const key = cells[1].replace(/`/g, "");
    if (section === "inputs") rows.set(key, { type: cells[2], required: cells[3] === "yes", input: cells[4] === "yes" });
    else rows.set(key, { type: cells[2], secret: cells[3] === "yes" });
  }
  return rows;
}

const component = () => schema.resources[COMPONENT_TYPE];

test("the plugin hosts the component under the package name of its type token, only when run as a plugin", () => {
  expect(PULUMI_PACKAGE_NAME).toBe("oktaScim");
  expect(schema.name).toBe(PULUMI_PACKAGE_NAME);
  expect(Object.keys(schema.resources)).toEqual([COMPONENT_TYPE]);
  expect(component().isComponent).toBe(true);
  expect(launchedAsPlugin(["node", "/x/node_modules/@pulumi/pulumi/cmd/run-plugin/index.js", "/repo"])).toBe(true);
  expect(launchedAsPlugin(["node", "/x/node_modules/.bin/jest"])).toBe(false);
});

test("every documented input is in the schema with its type, requiredness and whether it accepts outputs, and nothing else is", () => {
  const derived = flatten(component().inputProperties, component().requiredInputs, "", new Map(), "input");
  expect(Object.fromEntries(derived)).toEqual(Object.fromEntries(documented("inputs")));
});

test("every documented output is in the schema with its type, and nothing else is", () => {
  const derived = flatten(component().properties, component().required, "", new Map(), "output");
  const docs = documented("outputs");
  expect(Object.fromEntries(derived)).toEqual(Object.fromEntries([...docs].map(([k, v]) => [k, { type: v.type }])));
  // The analyzer infers no secretness; the docs say so, and the next test checks the runtime.
  expect(JSON.stringify(schema)).not.toContain('"secret"');
});

test("exactly the outputs documented as secret are secret at runtime", async () => {
  const { runStackProgram } = await import("../harness/runProgram");
  const auth0 = await import("@pulumi/auth0");
  const okta = await import("@pulumi/okta");
  const { OktaAuth0ScimIntegration } = await import("../../api");
  let integration: InstanceType<typeof OktaAuth0ScimIntegration> | undefined;
  await runStackProgram({ values: {}, secretKeys: new Set() }, { stack: "schema" }, () => {
    const providers = {
      auth0: new auth0.Provider("tenant", { domain: "acme.eu.auth0.com" }),
      okta: new okta.Provider("org", { orgName: "acme" }),
    };
    integration = new OktaAuth0ScimIntegration(
      "acme",
      {
        auth0: { domain: "acme.eu.auth0.com", clientId: "7hQeXw2LkP9sVb4NzR6tYc3M", clientSecret: pulumi.secret("s") },
        okta: { orgName: "acme" },
        name: "acme",
        oidcApp: { label: "a" },
        scimApp: { label: "b", url: "https://acme.eu.auth0.com" },
      },
      { providers },
    );
    return {};
  });
  const outputs = integration as unknown as Record<string, pulumi.Output<unknown>>;
  for (const [name, row] of documented("outputs")) {
    expect([name, await pulumi.isSecret(outputs[name])]).toEqual([name, row.secret]);
  }
}, 120_000);
