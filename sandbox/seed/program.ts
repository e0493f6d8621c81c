// The stack program with one seeded policy violation (sandbox/seed/violations.ts), for the sandbox's
// policy-pack step only: the throwaway project's Pulumi.yaml names this program (through a root entry
// point) for the seeded previews, never the repository's. The transform is registered before the
// program declares anything.
import * as pulumi from "@pulumi/pulumi";
import type { TenantCredentials } from "../../components/scimToken/contract";
import { DynamicResourcesProvider } from "../../components/scimToken/engineProvider";
import { ScimToken } from "../../components/scimToken/resource";
import { OKTA_REQUIRED_SCIM_TOKEN_SCOPES } from "../../components/decisions/tokenScopes";
import { SEED_ENV, SEEDED_FOREIGN_CONNECTION_ID, seededTransform, seededViolation } from "./violations";
import program = require("../../index");

const policy = process.env[SEED_ENV];
if (!policy) throw new Error(`${SEED_ENV} is not set: this entry point only runs seeded previews of the sandbox`);
const violation = seededViolation(policy);
pulumi.runtime.registerResourceTransform(seededTransform(violation));

export = async () => {
  const outputs = await program();
  if (violation.foreignToken) {
    // The stack disables default providers: the token gets its own, from the same oktaScim:auth0.
    const config = new pulumi.Config("oktaScim");
    const { domain } = config.requireObject<{ domain: string }>("auth0");
    const provider = new DynamicResourcesProvider("seeded-token-provider", { tenant: config.requireSecretObject<TenantCredentials>("auth0") });
    const args = { connectionId: SEEDED_FOREIGN_CONNECTION_ID, scopes: [...OKTA_REQUIRED_SCIM_TOKEN_SCOPES], tokenLifetimeSeconds: 86400, generation: "seeded", domain };
    new ScimToken("seeded-foreign-token", args, { provider });
  }
  return outputs;
};
