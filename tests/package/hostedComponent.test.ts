// The component as the package's plugin constructs it for a Go or Python program (pulumiPlugin.ts
// switches the token hosting before it serves): its tokens are the plugin's own type, carrying the
// tenant credentials only as a secret, with no `pulumi-nodejs` provider declared, and the run's
// credentials are kept for the tokens' deletes in this process; everything else is declared as in a
// TypeScript program. (Pulumi's mocks do not see the `version` option; `npm run sandbox:go` runs it.)
import * as pulumi from "@pulumi/pulumi";
import * as auth0 from "@pulumi/auth0";
import * as okta from "@pulumi/okta";
import { runStackProgram, type ProgramRun } from "../harness/runProgram";
import { T } from "../harness/committedStack";
import { OktaAuth0ScimIntegration, type OktaAuth0ScimIntegrationArgs } from "../../api";
import { hostTokensInPlugin, programTenant } from "../../components/scimToken/hosting";
import { HOSTED_SCIM_TOKEN_TYPE } from "../../components/scimToken/hostedContract";
import { SCIM_TOKEN_KIND } from "../../components/scimToken/contract";

const CLIENT_SECRET = "go-program-client-secret-value";
const args: OktaAuth0ScimIntegrationArgs = {
  auth0: { domain: "acme.eu.auth0.com", clientId: "7hQeXw2LkP9sVb4NzR6tYc3M", clientSecret: pulumi.secret(CLIENT_SECRET) },
  okta: { orgName: "acme" },
  name: "acme-workforce",
  oidcApp: { label: "Auth0 login" },
  scimApp: { label: "Auth0 provisioning", url: "https://acme.eu.auth0.com" },
  groups: [{ id: "00g1a2b3c4d5e6f7g8h9" }],
  scim: { tokens: [{ generation: "2026-11", lifetimeSeconds: 7776000 }, { generation: "2027-02", lifetimeSeconds: 7776000 }] },
};

let result: ProgramRun;
beforeAll(async () => {
  hostTokensInPlugin("0.1.0");
  result = await runStackProgram({ values: {}, secretKeys: new Set<string>() }, { stack: "go" }, () => {
    const providers = {
      auth0: new auth0.Provider("tenant", { domain: "acme.eu.auth0.com", clientId: "7hQeXw2LkP9sVb4NzR6tYc3M", clientSecret: pulumi.secret(CLIENT_SECRET) }),
      okta: new okta.Provider("org", { orgName: "acme", baseUrl: "okta.com", apiToken: pulumi.secret("okta-api-token-value") }),
    };
    const integration = new OktaAuth0ScimIntegration("acme", args, { providers });
    return { token: integration.scimToken };
  });
}, 120_000);

it("declares the plugin's token type per generation, with the tenant as a secret input and no dynamic provider", () => {
  const tokens = result.registrations.filter((r) => r.type === HOSTED_SCIM_TOKEN_TYPE);
  expect(tokens.map((t) => t.name)).toEqual(["acme-workforce-scim-token-2026-11", "acme-workforce-scim-token-2027-02"]);
  for (const t of tokens) {
    expect(t.inputs).toMatchObject({ kind: SCIM_TOKEN_KIND, domain: "acme.eu.auth0.com", scopes: ["get:users", "post:users", "put:users"] });
    expect(JSON.parse(t.inputs.tenant as string)).toEqual({ domain: "acme.eu.auth0.com", clientId: "7hQeXw2LkP9sVb4NzR6tYc3M", clientSecret: CLIENT_SECRET });
    expect(t.secretInputs).toContain("tenant");
    expect(JSON.stringify(t.redactedInputs)).not.toContain(CLIENT_SECRET);
  }
  expect(result.registrations.filter((r) => r.type === T.scimToken || r.type === "pulumi:providers:pulumi-nodejs")).toEqual([]);
  // Each generation still waits for the one before it.
  expect(tokens[1].dependsOn).toContain(`${HOSTED_SCIM_TOKEN_TYPE}::acme-workforce-scim-token-2026-11`);
});

it("keeps this run's credentials for the tokens of its tenant (a delete in a rotating run uses them)", () => {
  expect(programTenant("ACME.eu.auth0.com")).toEqual({ domain: "acme.eu.auth0.com", clientId: "7hQeXw2LkP9sVb4NzR6tYc3M", clientSecret: CLIENT_SECRET });
  expect(programTenant("other.eu.auth0.com")).toBeUndefined();
});

it("the rest of the integration is declared as in a TypeScript program", () => {
  expect(result.registrations.filter((r) => r.type === T.connection)).toHaveLength(1);
  expect(result.registrations.filter((r) => r.type === T.scimConfiguration)).toHaveLength(1);
  expect(result.registrations.filter((r) => r.type === T.groupAssignments)).toHaveLength(2);
});
