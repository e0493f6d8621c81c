// The explicit engine provider for the token resources. Dynamic resources run on the engine's
// `pulumi-nodejs` provider, and the stack files set `pulumi:disable-default-providers: ["*"]`, which
// denies the default provider of every package except `pulumi` itself (pulumi/pulumi
// pkg/resource/deploy/source_eval.go, shouldDenyRequest). So the stack declares this one provider
// explicitly and passes it to every ScimToken, like the auth0 and okta providers.
import * as pulumi from "@pulumi/pulumi";

export class DynamicResourcesProvider extends pulumi.ProviderResource {
  constructor(name: string, opts?: pulumi.ResourceOptions) {
    super("pulumi-nodejs", name, {}, opts);
  }
}

/** Engine type of this provider, as tests and the policy pack see it. */
export const DYNAMIC_PROVIDER_TYPE = "pulumi:providers:pulumi-nodejs";
