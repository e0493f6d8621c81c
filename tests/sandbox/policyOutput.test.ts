// Reading `pulumi preview --policy-pack` output (sandbox/run/policyOutput.ts), on lines the real CLI
// 3.248 printed in the sandbox's seeded previews.
import { policiesWithoutVerdict, reportedViolations } from "../../sandbox/run/policyOutput";

const MANDATORY = `Policies:
    ❌ okta-auth0-inbound-scim@v0.1.0 (local: /work/main/policies)
        - [mandatory] [severity: critical]  auth0-connection-protected  (auth0:index/connection:Connection: okta-acme-auth0-connection)
          Auth0 connections are protected (deleting or replacing one deletes all its users), unless marked in their metadata as being decommissioned.
          the connection is not protected and not marked as being decommissioned (metadata "oktascim-decommission"): deleting or replacing it deletes every user in it.`;
const CANT_RUN = `Policies:
    ⚠️ okta-auth0-inbound-scim@v0.1.0 (local: /work/main/policies)
        - [advisory] [severity: high]  auth0-okta-connection-sync-on-first-login  (auth0:index/connection:Connection: okta-acme-auth0-connection)
          can't run policy 'auth0-okta-connection-sync-on-first-login' from policy pack 'okta-auth0-inbound-scim@v0.1.0' during preview: string value at .options can't be known during preview`;
const CLEAN = `Policies:
    ✅ okta-auth0-inbound-scim@v0.1.0 (local: /work/main/policies)`;

test("a mandatory violation is read with its policy, past the severity", () => {
  expect(reportedViolations(MANDATORY)).toEqual([{ level: "mandatory", policy: "auth0-connection-protected" }]);
  expect(policiesWithoutVerdict(MANDATORY)).toEqual([]);
});

test("a policy that could not run during preview is an advisory report and a policy without verdict", () => {
  expect(reportedViolations(CANT_RUN)).toEqual([{ level: "advisory", policy: "auth0-okta-connection-sync-on-first-login" }]);
  expect(policiesWithoutVerdict(CANT_RUN)).toHaveLength(1);
  expect(policiesWithoutVerdict(CANT_RUN)[0]).toMatch(/^can't run policy 'auth0-okta-connection-sync-on-first-login'/);
});

test("a clean pack reports nothing; the older `level: [policy]` form is read too", () => {
  expect(reportedViolations(CLEAN)).toEqual([]);
  expect(reportedViolations("    mandatory: [okta-scim-app-hidden] The SCIM provisioning app is hidden")).toEqual([{ level: "mandatory", policy: "okta-scim-app-hidden" }]);
});
