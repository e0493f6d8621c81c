// The SCIM token as a Pulumi resource: created through the Management API with an optional lifetime,
// read back on refresh, deleted on destroy (see provider.ts). The token value and the tenant
// credentials are secret outputs; the credentials are secret inputs too.
import * as pulumi from "@pulumi/pulumi";
import { SCIM_TOKEN_KIND, type TenantCredentials } from "./contract";
import { scimTokenProvider } from "./provider";

export interface ScimTokenArgs {
  connectionId: pulumi.Input<string>;
  /** Normalised scope list. */
  scopes: string[];
  /** Absent = no expiry. */
  tokenLifetimeSeconds?: number;
  generation: string;
  credentials: pulumi.Input<TenantCredentials>;
}

/** Resource type in the engine: `pulumi-nodejs:dynamic/scimToken:ScimToken`. */
export const SCIM_TOKEN_RESOURCE_TYPE = "pulumi-nodejs:dynamic/scimToken:ScimToken";

export class ScimToken extends pulumi.dynamic.Resource {
  // `declare`: outputs are set by the base class; an initialised field would overwrite them.
  declare readonly tokenId: pulumi.Output<string>;
  /** Secret. */
  declare readonly token: pulumi.Output<string>;
  declare readonly validUntil: pulumi.Output<string | null>;
  declare readonly createdAt: pulumi.Output<string>;
  declare readonly lastUsedAt: pulumi.Output<string | null>;
  declare readonly generation: pulumi.Output<string>;

  constructor(name: string, args: ScimTokenArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      scimTokenProvider,
      name,
      {
        kind: SCIM_TOKEN_KIND,
        connectionId: args.connectionId,
        scopes: args.scopes,
        tokenLifetimeSeconds: args.tokenLifetimeSeconds,
        generation: args.generation,
        credentials: pulumi.secret(args.credentials),
        tokenId: undefined,
        token: undefined,
        validUntil: undefined,
        createdAt: undefined,
        lastUsedAt: undefined,
      },
      { ...opts, additionalSecretOutputs: ["token", "credentials"] },
      "scimToken",
      "ScimToken",
    );
  }
}
