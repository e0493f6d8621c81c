import type { ChecklistInput } from "../../components/decisions/consoleChecklist";

/** A checklist input for a connection in phase 1 with one token; tests override what they exercise. */
export function checklistInput(overrides: Partial<ChecklistInput> = {}): ChecklistInput {
  return {
    stackName: "staging",
    connectionName: "okta-acme",
    configPath: "oktaScim:connections[1]",
    oktaOrgName: "acme",
    oktaBaseUrl: "oktapreview.com",
    scimApp: { id: "0oaSCIM", name: "acme_scim_1", label: "Auth0 provisioning" },
    scimEndpointUrl: "https://t.eu.auth0.com/scim/v2/connections/con_1",
    tokenOutputName: "okta-acme-scim-token",
    consoleStepsDone: false,
    manageProvisioningViaApi: false,
    ...overrides,
  };
}
