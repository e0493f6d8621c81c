// The pack as the Pulumi CLI loads it: constructing PolicyPack starts the analyzer's gRPC server.
// Everything else lives in policies.ts, which tests import without starting a server.
import { PolicyPack } from "@pulumi/policy";
import { POLICY_PACK_NAME, policies } from "./policies";

new PolicyPack(POLICY_PACK_NAME, {
  description: "Security and correctness rules of the Okta Workforce → Auth0 inbound SCIM integration",
  policies,
});
