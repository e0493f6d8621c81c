// Customers' Okta orgs in the stack program, under mocks (Pulumi.customers.yaml: the vendor's own org
// and three customers' orgs at the three onboarding steps): for a customer's org no okta provider is
// built, no Okta resource is declared and no Okta function is invoked; the waiting connection
// declares nothing and says what it waits for; the others get the Auth0 half with the client id and
// secret their admin sent, marked as a customer's in the connection's metadata.
import * as pulumi from "@pulumi/pulumi";
import { runCommittedStack, ofType, single, T } from "../harness/committedStack";
import type { ProgramRun } from "../harness/runProgram";
import { SECRET_MARKER_PREFIX } from "../harness/stackFile";
import { ORG_ADMIN_METADATA_KEY } from "../../components/decisions/customerOnboarding";

type Json = Record<string, unknown>;
const CUSTOMER_CONNECTIONS = ["okta-initech", "okta-umbrella", "okta-hooli"];

let run: ProgramRun;
let preview: ProgramRun;
beforeAll(async () => {
  run = await runCommittedStack("customers");
  preview = await runCommittedStack("customers", { preview: true });
}, 120_000);

test("an okta provider exists for the vendor's own org only, and no Okta resource hangs under a customer's connection", () => {
  expect(ofType(run, T.oktaProvider).map((r) => r.name)).toEqual(["okta-saasco"]);
  for (const name of CUSTOMER_CONNECTIONS) {
    const okta = run.registrations.filter((r) => r.type.startsWith("okta:") && r.parent === `${T.component}::${name}`);
    expect(okta).toEqual([]);
  }
  // The administered connection still has both apps and the shared assignments.
  expect(ofType(run, T.oidcApp, "okta-saasco")).toHaveLength(1);
  expect(ofType(run, T.groupAssignments, "okta-saasco")).toHaveLength(2);
});

test("no Okta function is invoked for a customer's org, at preview or up", () => {
  for (const r of [run, preview]) {
    const oktaInvokes = r.invokes.filter((i) => i.token.startsWith("okta:"));
    expect(oktaInvokes.length).toBeGreaterThan(0); // the vendor's org looks up its group by name
    expect(oktaInvokes.every((i) => i.provider?.includes("pulumi:providers:okta::okta-saasco::"))).toBe(true);
  }
});

test("the connection that waits for its OIDC app declares nothing, and its output says what it waits for", () => {
  expect(run.registrations.filter((r) => r.name.startsWith("okta-initech"))).toEqual([]);
  expect(run.resolved["okta-initech"]).toEqual({
    administeredBy: "customer",
    onboardingStep: "oidc-app",
    next: expect.stringContaining("oidcApp.clientId and oidcApp.clientSecret"),
    waitingFor: "oidcApp.clientId and oidcApp.clientSecret from the customer's Okta admin",
    callbackUrls: ["https://login.saasco.example/login/callback", "https://saasco.us.auth0.com/login/callback"],
    oktaOrgUrl: "https://initech.okta.com",
  });
  expect(run.resolved["okta-initech-scim-token"]).toBeUndefined();
});

test("a declared customer connection carries the admin's client id, the secret as a secret, and the customer marker", () => {
  for (const name of ["okta-umbrella", "okta-hooli"]) {
    const c = single(run, T.connection, name);
    const options = c.inputs.options as Json;
    expect(options.clientId).toMatch(/^0oa/);
    expect(c.secretInputs).toContain("options");
    // The secret reaches the engine as the stack file's (decrypted) value, and as a secret only.
    expect(String(options.clientSecret)).toContain(SECRET_MARKER_PREFIX);
    expect(JSON.stringify(c.redactedInputs)).not.toContain(SECRET_MARKER_PREFIX);
    expect(c.inputs.metadata).toEqual({ [ORG_ADMIN_METADATA_KEY]: "customer" });
    expect(c.protect).toBe(true);
    expect(ofType(run, T.scimConfiguration, name)).toHaveLength(1);
    expect(ofType(run, T.scimToken, name)).toHaveLength(1);
  }
  // The administered connection's metadata is as it always was.
  expect(single(run, T.connection, "okta-saasco").inputs.metadata).toEqual({});
  expect(JSON.stringify(run.registrations.map((r) => r.redactedInputs))).not.toContain(SECRET_MARKER_PREFIX);
});

test("a declared customer connection's outputs: SCIM endpoint, the given client id, no SCIM app id, the onboarding step", () => {
  const umbrella = run.resolved["okta-umbrella"] as Json;
  expect(umbrella).toMatchObject({ administeredBy: "customer", onboardingStep: "scim-app", oidcClientId: "0oa9umbR3lLaC0rp4x7z", scimAppId: "", oktaOrgUrl: "https://umbrella-corp.okta-emea.com" });
  expect(umbrella.scimEndpointUrl).toMatch(/^https:\/\/saasco\.us\.auth0\.com\/scim\/v2\/connections\//);
  expect(umbrella.consoleChecklist).toContain("npm run handoff -- --stack customers --connection okta-umbrella");
  expect((run.resolved["okta-hooli"] as Json).onboardingStep).toBe("live");
  // The administered connection's output has no onboarding fields.
  expect(Object.keys(run.resolved["okta-saasco"] as Json)).not.toContain("onboardingStep");
});

test("the token outputs of customer connections are secrets", async () => {
  for (const name of ["okta-umbrella-scim-token", "okta-hooli-scim-token"]) {
    const output = run.outputs[name] as pulumi.Output<string>;
    expect(output).toBeDefined();
    expect(await (output as unknown as { isSecret: Promise<boolean> }).isSecret).toBe(true);
  }
});
