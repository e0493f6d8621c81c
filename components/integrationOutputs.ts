// What either half of the component hands back to it: the values of its public outputs. One shape for
// an org the stack administers (./administeredIntegration.ts) and a customer's (./customerIntegration.ts).
import * as pulumi from "@pulumi/pulumi";
import type { ConnectionConfig } from "../config/schema";
import type { DeclaredScimToken } from "./auth0Side";
import { generationTokenOutputName } from "./naming";

/** One token generation with its outputs, as the stack program exports them. */
export interface ScimTokenGenerationOutputs {
  generation: string;
  /** The stack output that holds this generation's token. */
  tokenOutputName: string;
  /** Secret. */
  token: pulumi.Output<string>;
  tokenId: pulumi.Output<string>;
  validUntil: pulumi.Output<string | null>;
  /** When Auth0 last saw the token used (refreshed by `pulumi refresh`): shows that Okta switched. */
  lastUsedAt: pulumi.Output<string | null>;
  /** True once a refresh saw the token expire; every preview then asks for the rotation. */
  expired: pulumi.Output<boolean>;
}

export interface IntegrationOutputs {
  connectionId: pulumi.Output<string>;
  connectionName: pulumi.Output<string>;
  scimEndpointUrl: pulumi.Output<string>;
  oidcClientId: pulumi.Output<string>;
  scimAppId: pulumi.Output<string>;
  consoleChecklist: pulumi.Output<string>;
  generations: ScimTokenGenerationOutputs[];
}

/** The declared token resources as outputs, the token wrapped secret. */
export function generationOutputs(c: ConnectionConfig, scimTokens: DeclaredScimToken[]): ScimTokenGenerationOutputs[] {
  return scimTokens.map(({ generation, resource }) => ({
    generation,
    tokenOutputName: generationTokenOutputName(c.name, generation),
    token: pulumi.secret(resource.token),
    tokenId: resource.tokenId,
    validUntil: resource.validUntil,
    lastUsedAt: resource.lastUsedAt,
    // An older state (before the output existed) has none: not known to be expired.
    expired: resource.expired.apply((e) => e === true),
  }));
}
