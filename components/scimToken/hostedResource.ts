// The SCIM token as this package's own custom resource (hostedProvider.ts): what the component
// declares when it runs inside the package's plugin for a program in another language (hosting.ts).
// Same inputs and outputs as the dynamic ScimToken, plus the tenant credentials as a secret input.
import * as pulumi from "@pulumi/pulumi";
import { importRefusal, type TenantCredentials } from "./contract";
import { HOSTED_SCIM_TOKEN_TYPE, HOSTED_TENANT_KEY } from "./hostedContract";
import { scimTokenProps, type ScimTokenArgs } from "./resource";

export interface HostedScimTokenArgs extends ScimTokenArgs {
  /** The deploying client of the tenant (args.auth0). */
  tenant: pulumi.Input<TenantCredentials>;
}

export class HostedScimToken extends pulumi.CustomResource {
  declare readonly tokenId: pulumi.Output<string>;
  /** Secret. */
  declare readonly token: pulumi.Output<string>;
  declare readonly validUntil: pulumi.Output<string | null>;
  declare readonly createdAt: pulumi.Output<string>;
  declare readonly lastUsedAt: pulumi.Output<string | null>;
  declare readonly expired: pulumi.Output<boolean>;
  declare readonly generation: pulumi.Output<string>;

  constructor(name: string, args: HostedScimTokenArgs, opts?: pulumi.CustomResourceOptions) {
    if (opts?.import !== undefined || opts?.id !== undefined) throw new Error(importRefusal(`ScimToken "${name}"`));
    const tenant = pulumi.output(args.tenant).apply((t) => JSON.stringify({ domain: t.domain, clientId: t.clientId, clientSecret: t.clientSecret }));
    super(
      HOSTED_SCIM_TOKEN_TYPE,
      name,
      { ...scimTokenProps(args), [HOSTED_TENANT_KEY]: pulumi.secret(tenant) },
      { ...opts, additionalSecretOutputs: ["token", HOSTED_TENANT_KEY] },
    );
  }
}
