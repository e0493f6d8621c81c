import { consoleChecklistSteps, renderConsoleChecklist, tokenCommand } from "../../components/decisions/consoleChecklist";
import { checklistInput } from "./checklistFixture";

const base = checklistInput();

test("phase 1: the console steps in the procedure's order, then the phase switch", () => {
  expect(consoleChecklistSteps(base).map((s) => s.id)).toEqual(["O6-7", "O9-12", "O13-14", "PHASE-2", "VERIFY"]);
});

test("the SCIM connection step has the exact values to type", () => {
  const step = consoleChecklistSteps(base).find((s) => s.id === "O9-12")!;
  const text = step.details.join("\n");
  expect(text).toContain("SCIM connector base URL: https://t.eu.auth0.com/scim/v2/connections/con_1");
  expect(text).toContain("Unique identifier field for users: userName");
  expect(text).toContain("Push New Users and Push Profile Updates");
  expect(text).toContain("HTTP Header");
  expect(text).toContain("`pulumi stack output okta-acme-scim-token --show-secrets --stack staging`");
  expect(step.link).toBe("https://acme-admin.oktapreview.com/admin/app/acme_scim_1/instance/0oaSCIM/#tab-user-management");
});

test("the To App step ticks create, update and deactivate", () => {
  const step = consoleChecklistSteps(base).find((s) => s.id === "O13-14")!;
  expect(step.details.join(" ")).toMatch(/Create Users, Update User Attributes and Deactivate Users/);
});

test("the phase switch names the setting path and the stack file", () => {
  const step = consoleChecklistSteps(base).find((s) => s.id === "PHASE-2")!;
  expect(step.details[0]).toContain("oktaScim:connections[1].consoleStepsDone: true in Pulumi.staging.yaml");
});

test("phase 2: the switch step reports phase 2 as declared", () => {
  const step = consoleChecklistSteps({ ...base, consoleStepsDone: true }).find((s) => s.id === "PHASE-2")!;
  expect(step.title).toBe("Phase 2 is declared");
});

test("with manageProvisioningViaApi the SCIM-connection and To App console steps give way to the API note", () => {
  const ids = consoleChecklistSteps({ ...base, manageProvisioningViaApi: true }).map((s) => s.id);
  expect(ids).toEqual(["O6-7", "O9-14", "PHASE-2", "VERIFY"]);
  // In phase 1 the API resources do not exist yet: the step must say so, not claim them declared.
  const phase1 = consoleChecklistSteps({ ...base, manageProvisioningViaApi: true }).find((s) => s.id === "O9-14")!;
  expect(phase1.title).toContain("will be declared");
  expect(phase1.details[0]).toContain("VERIFY cannot pass");
  const phase2 = consoleChecklistSteps({ ...base, manageProvisioningViaApi: true, consoleStepsDone: true }).find((s) => s.id === "O9-14")!;
  expect(phase2.title).toBe("SCIM connection and To App settings are declared through Okta's API");
});

test("rendered text is numbered with links", () => {
  const text = renderConsoleChecklist(consoleChecklistSteps(base));
  expect(text.split("\n")[0]).toBe('1. [O6-7] Switch on provisioning for "Auth0 provisioning"');
  expect(text).toContain("\n4. [PHASE-2] ");
  expect(text).toContain("\n5. [VERIFY] ");
  expect(text).toContain("   Link: https://acme-admin.oktapreview.com/");
});

test("the token command never contains a token, only the output name", () => {
  expect(tokenCommand("prod", "x-scim-token")).toBe("pulumi stack output x-scim-token --show-secrets --stack prod");
});

test("the verify step names the exact command for this stack and connection, and the org URL for the read-back", () => {
  const step = consoleChecklistSteps(base).find((s) => s.id === "VERIFY")!;
  expect(step.details[0]).toContain("`npm run verify -- --stack staging --connection okta-acme --write`");
  expect(step.details[0]).toContain("after phase 2's `pulumi up` it must exit 0");
  expect(step.details.join(" ")).toContain("OKTA_ORG_URL=https://acme.oktapreview.com");
  expect(step.details.join(" ")).toContain("stays blocked in Auth0");
  // Phase 1 cannot pass the type-mapping read-back: the step says so instead of demanding exit 0.
  expect(step.details.join(" ")).toContain("still reports the three type mappings that phase 2 removes");
});

describe("decommission step 1 declared", () => {
  const steps = consoleChecklistSteps(checklistInput({ decommission: true, connectionId: "con_1", oidcAppLabel: "Acme log-in", consoleStepsDone: true }));
  const text = renderConsoleChecklist(steps);

  test("replaces the set-up steps with what the Okta admin does now, what step 2 deletes, and the way back", () => {
    expect(steps.map((s) => s.id)).toEqual(["DECOMMISSION-1", "DECOMMISSION-2", "DECOMMISSION-3"]);
  });

  test("the Okta admin turns provisioning off in the SCIM app (the To App tab)", () => {
    const step = steps[0];
    expect(step.title).toBe('Turn provisioning off for "Auth0 provisioning" in Okta');
    expect(step.details.join(" ")).toContain("turn off Create Users, Update User Attributes and Deactivate Users");
    expect(step.details.join(" ")).toContain("fails with 401");
    expect(step.link).toBe("https://acme-admin.oktapreview.com/admin/app/acme_scim_1/instance/0oaSCIM/#tab-user-management/create-n-update");
  });

  test("says the Auth0 users of the connection will be deleted, and how to export them first", () => {
    expect(text).toContain("deletes the Auth0 connection okta-acme (con_1) and every Auth0 user in it");
    expect(text).toContain('POST /api/v2/jobs/users-exports with { "connection_id": "con_1", "format": "json" }');
  });

  test("names what step 2 deletes and how to take it, or to reverse step 1", () => {
    expect(text).toContain('then the Okta apps "Auth0 provisioning" and "Acme log-in"');
    expect(text).toContain("remove oktaScim:connections[1] from Pulumi.staging.yaml");
    expect(text).toContain("`pulumi destroy --stack staging`");
    expect(text).toContain("oktaScim:connections[1].decommission: false");
    expect(text).not.toContain("pulumi stack output okta-acme-scim-token");
  });
});
