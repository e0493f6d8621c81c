// The SCIM token as a Pulumi resource: created through the Management API with an optional lifetime,
// read back on refresh, deleted on destroy (see provider.ts). The token value is a secret output.
// No credential is an input: the provider looks them up at call time (credentials.ts), from the
// environment or from the explicit provider that carries the stack's oktaScim:auth0 (engineProvider.ts).
import * as pulumi from "@pulumi/pulumi";
import { SCIM_TOKEN_KIND, importRefusal } from "./contract";
import { scimTokenProvider } from "./provider";

export interface ScimTokenArgs {
  connectionId: pulumi.Input<string>;
  /** Normalised scope list. */
  scopes: string[];
  /** Absent = no expiry. */
  tokenLifetimeSeconds?: number;
  generation: string;
  /** The Auth0 tenant domain (oktaScim:auth0.domain). */
  domain: string;
}

/** Resource type in the engine: `pulumi-nodejs:dynamic/scimToken:ScimToken`. */
export const SCIM_TOKEN_RESOURCE_TYPE = "pulumi-nodejs:dynamic/scimToken:ScimToken";

/** The inputs both token resources send, with their outputs as unknowns so the engine fills them in. */
export function scimTokenProps(args: ScimTokenArgs): pulumi.Inputs {
  return {
    kind: SCIM_TOKEN_KIND,
    connectionId: args.connectionId,
    scopes: args.scopes,
    tokenLifetimeSeconds: args.tokenLifetimeSeconds,
    generation: args.generation,
    domain: args.domain,
    tokenId: undefined,
    token: undefined,
    validUntil: undefined,
    createdAt: undefined,
    lastUsedAt: undefined,
    expired: undefined,
  };
}

export class ScimToken extends pulumi.dynamic.Resource {
  // `declare`: outputs are set by the base class; an initialised field would overwrite them.
  declare readonly tokenId: pulumi.Output<string>;
  /** Secret. */
  declare readonly token: pulumi.Output<string>;
  declare readonly validUntil: pulumi.Output<string | null>;
  declare readonly createdAt: pulumi.Output<string>;
  declare readonly lastUsedAt: pulumi.Output<string | null>;
  /** Set by `pulumi refresh` once validUntil passed (see contract.ts). */
  declare readonly expired: pulumi.Output<boolean>;
  declare readonly generation: pulumi.Output<string>;

  constructor(name: string, args: ScimTokenArgs, opts?: pulumi.CustomResourceOptions) {
    // Refused before anything is registered (the engine's import would reach the provider with no
    // serialized code at all, and fail with an unrelated message).
    if (opts?.import !== undefined || opts?.id !== undefined) throw new Error(importRefusal(`ScimToken "${name}"`));
    super(
      scimTokenProvider,
      name,
      scimTokenProps(args),
      { ...opts, additionalSecretOutputs: ["token"] },
      "scimToken",
      "ScimToken",
    );
  }
}
