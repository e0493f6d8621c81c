// The committed JSON Schema is current, accepts the committed stack files and refuses typos and
// plain-text credentials, as an editor using it would show.
import * as fs from "fs";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { renderStackFileJsonSchema, stackFileJsonSchema } from "../../config/jsonSchema";
import { REPO_ROOT } from "../../offline/stackFile";

// Strict: a keyword or format the validator does not know is an error, not a warning it skips.
const validate = addFormats(new Ajv2020({ allErrors: true, strict: true })).compile(stackFileJsonSchema());
const stackDoc = (stack: string) => parse(fs.readFileSync(path.join(REPO_ROOT, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };

test("schema/pulumi-stack.schema.json is current (run `npm run schema`)", () => {
  expect(fs.readFileSync(path.join(REPO_ROOT, "schema", "pulumi-stack.schema.json"), "utf8")).toBe(renderStackFileJsonSchema());
});

test.each(["dev", "prod"])("Pulumi.%s.yaml validates against it", (stack) => {
  expect(validate(stackDoc(stack)) ? [] : validate.errors).toEqual([]);
});

test.each(["dev", "prod"])("Pulumi.%s.yaml points editors at the schema", (stack) => {
  expect(fs.readFileSync(path.join(REPO_ROOT, `Pulumi.${stack}.yaml`), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=./schema/pulumi-stack.schema.json");
});

test("an unknown key inside a connection is refused", () => {
  const doc = stackDoc("prod");
  (doc.config["oktaScim:connections"] as Record<string, unknown>[])[0].consoleStepDone = true;
  expect(validate(doc)).toBe(false);
  expect(validate.errors?.some((e) => e.keyword === "additionalProperties" && e.params.additionalProperty === "consoleStepDone")).toBe(true);
});

test("an unknown oktaScim key is refused, other namespaces are allowed", () => {
  const doc = stackDoc("prod");
  doc.config["pulumi:tags"] = { team: "platform" };
  expect(validate(doc)).toBe(true);
  doc.config["oktaScim:connection"] = [];
  expect(validate(doc)).toBe(false);
});

test("a credential in plain text is refused: it must be a secure: value", () => {
  const doc = stackDoc("prod");
  (doc.config["oktaScim:auth0"] as Record<string, unknown>).clientSecret = "plain";
  expect(validate(doc)).toBe(false);
});

test("formats are checked as an editor would: a sign-on URL that is no URI is refused", () => {
  const doc = stackDoc("prod");
  (doc.config["oktaScim:connections"] as { scimApp: { url: string } }[])[0].scimApp.url = "login.acme.example without scheme";
  expect(validate(doc)).toBe(false);
  expect(validate.errors?.some((e) => e.keyword === "format" && e.params.format === "uri")).toBe(true);
});
