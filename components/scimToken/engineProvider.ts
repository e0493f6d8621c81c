// The explicit engine provider for the token resources. Dynamic resources run on the engine's
// `pulumi-nodejs` provider, and the stack files set `pulumi:disable-default-providers: ["*"]`, which
// denies the default provider of every package except `pulumi` itself (pulumi/pulumi
// pkg/resource/deploy/source_eval.go, shouldDenyRequest). So the stack declares this one provider
// explicitly and passes it to every ScimToken, like the auth0 and okta providers.
//
// It also carries the stack's tenant config: the engine passes an explicit provider's inputs to the
// provider process's `configure` (from the program on `pulumi up` and `--run-program`, from this
// provider's state on a plain refresh or destroy). The token resources read the client credentials
// from there at call time (credentials.ts), so a token's state holds none. A changed secret updates
// this provider in place (the dynamic provider implements no DiffConfig, so the engine never
// replaces it for a config change), and no token changes.
import * as pulumi from "@pulumi/pulumi";
import type { TenantCredentials } from "./contract";
import { PROVIDER_TENANT_KEY } from "./credentials";

export interface DynamicResourcesProviderArgs {
  /** The deploying client of the Auth0 tenant (oktaScim:auth0). Kept secret, as one JSON string. */
  tenant: pulumi.Input<TenantCredentials>;
}

export class DynamicResourcesProvider extends pulumi.ProviderResource {
  constructor(name: string, args: DynamicResourcesProviderArgs, opts?: pulumi.ResourceOptions) {
    const tenant = pulumi.output(args.tenant).apply((t) => JSON.stringify({ domain: t.domain, clientId: t.clientId, clientSecret: t.clientSecret }));
    super("pulumi-nodejs", name, { [PROVIDER_TENANT_KEY]: pulumi.secret(tenant) }, opts);
  }
}

/** Engine type of this provider, as tests and the policy pack see it. */
export const DYNAMIC_PROVIDER_TYPE = "pulumi:providers:pulumi-nodejs";
