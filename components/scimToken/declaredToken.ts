// One seam for the two kinds of token resource (hosting.ts): the component asks for "a SCIM token"
// and gets the dynamic one in a TypeScript program, or the plugin's own type inside the plugin.
// Both have the same outputs, so everything downstream (outputs, checklist, Group Push order) is
// the same code.
import type * as pulumi from "@pulumi/pulumi";
import type { TenantCredentials } from "./contract";
import { HostedScimToken } from "./hostedResource";
import { ScimToken, type ScimTokenArgs } from "./resource";

/** Either token resource, by what both expose. */
export type ScimTokenResource = ScimToken | HostedScimToken;

/** How the tokens are served: by the explicit `pulumi-nodejs` provider, or by this package's plugin. */
export type TokenResources =
  | { servedBy: "dynamic provider"; provider: pulumi.ProviderResource }
  | { servedBy: "plugin"; tenant: pulumi.Input<TenantCredentials>; version: string };

export function declareScimToken(name: string, args: ScimTokenArgs, resources: TokenResources, opts: pulumi.CustomResourceOptions): ScimTokenResource {
  // A string discriminant: the plugin is compiled by ts-node without strict checks, where a boolean one does not narrow.
  if (resources.servedBy === "dynamic provider") return new ScimToken(name, args, { ...opts, provider: resources.provider });
  // The version (the plugin's package.json, which the SDK generated from it also carries) selects
  // the package's default provider of that version: the plugin process that constructs the
  // component, so the token is served by the same code and sees this run's credentials (hosting.ts).
  return new HostedScimToken(name, { ...args, tenant: resources.tenant }, { ...opts, version: resources.version });
}
