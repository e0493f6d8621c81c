// Stack outputs: the SCIM endpoint URL, the token as a secret, ids, the console checklist; no secret
// value in any plain output; two connections in one stack.
import * as pulumi from "@pulumi/pulumi";
import { runCommittedStack } from "../harness/committedStack";
import type { ProgramRun } from "../harness/runProgram";
import { SECRET_MARKER_PREFIX } from "../harness/stackFile";

let dev: ProgramRun;
beforeAll(async () => {
  dev = await runCommittedStack("dev");
});

interface ConnectionOutputs {
  connectionId: string;
  connectionName: string;
  scimEndpointUrl: string;
  oidcClientId: string;
  scimAppId: string;
  consoleChecklist: string;
}

test("two connections in one stack: one output object, the newest token and one token output per generation each", () => {
  expect(Object.keys(dev.resolved).sort()).toEqual([
    "okta-acme",
    "okta-acme-scim-token",
    "okta-acme-scim-token-2026-11",
    "okta-globex",
    "okta-globex-scim-token",
    "okta-globex-scim-token-2026-11",
  ]);
});

test.each(["okta-acme", "okta-globex"])("A5: %s exports the SCIM endpoint URL of its own connection, without a trailing slash", (name) => {
  const out = dev.resolved[name] as ConnectionOutputs;
  expect(out.scimEndpointUrl).toBe(`https://acme-dev.eu.auth0.com/scim/v2/connections/${out.connectionId}`);
  expect(out.scimEndpointUrl.endsWith("/")).toBe(false);
  expect(out.connectionId).toMatch(/^con_/);
  expect(out.connectionName).toBe(name);
  expect(out.oidcClientId).toMatch(/^0oa/);
  expect(out.scimAppId).toMatch(/^0oa/);
  expect((out as unknown as { oktaOrgUrl: string }).oktaOrgUrl).toBe(name === "okta-acme" ? "https://acme.okta.com" : "https://globex-corp.okta-emea.com");
});

test.each(["okta-acme", "okta-globex"])("A6: the %s token output is a secret holding the token", async (name) => {
  const token = dev.outputs[`${name}-scim-token`];
  expect(await pulumi.isSecret(token)).toBe(true);
  expect(dev.resolved[`${name}-scim-token`]).toBe(`MOCK-SCIM-TOKEN:${name}-scim-token-2026-11`);
});

test.each(["okta-acme", "okta-globex"])("the %s connection output is plain (readable without --show-secrets)", async (name) => {
  expect(await pulumi.isSecret(dev.outputs[name])).toBe(false);
});

test("no secret value (config credentials, client secret, token) appears in any plain output", async () => {
  for (const [key, output] of Object.entries(dev.outputs)) {
    if (await pulumi.isSecret(output)) continue;
    const text = JSON.stringify(dev.resolved[key]);
    expect(text).not.toContain(SECRET_MARKER_PREFIX);
    expect(text).not.toContain("MOCK-SCIM-TOKEN");
    expect(text).not.toContain("MOCK-OKTA-CLIENT-SECRET");
  }
});

test("the console checklist names the endpoint, userName, the token command and links to the SCIM app", () => {
  const out = dev.resolved["okta-globex"] as ConnectionOutputs;
  expect(out.consoleChecklist).toContain(`SCIM connector base URL: ${out.scimEndpointUrl}`);
  expect(out.consoleChecklist).toContain("Unique identifier field for users: userName");
  expect(out.consoleChecklist).toContain("pulumi stack output okta-globex-scim-token --show-secrets --stack dev");
  expect(out.consoleChecklist).toContain(`https://globex-corp-admin.okta-emea.com/admin/app/`);
  expect(out.consoleChecklist).toContain(`/instance/${out.scimAppId}/#tab-general`);
  expect(out.consoleChecklist).not.toContain("MOCK-SCIM-TOKEN");
});

test("preview evaluates the same resources as an update", async () => {
  const preview = await runCommittedStack("dev", { preview: true });
  const shape = (run: ProgramRun) => run.registrations.map((r) => `${r.type}::${r.name}`);
  expect(shape(preview)).toEqual(shape(dev));
});
