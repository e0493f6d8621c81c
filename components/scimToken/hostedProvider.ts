// The SCIM token served by this package's own plugin, for programs in other languages (Go, Python,
// .NET, YAML) that use the component through `pulumi package add`. There the component runs inside
// the plugin, and a dynamic resource cannot work: the engine starts the `pulumi-nodejs` provider in the
// *program's* directory, where `@pulumi/pulumi/cmd/dynamic-provider` is not installed. So the plugin
// serves the token type itself (pulumiPlugin.ts) with the same decisions and the same lifecycle as the
// dynamic provider (provider.ts: check, diff, expiry, create with its ambiguity handling, refresh,
// delete).
//
// One difference, forced by the SDK: @pulumi/pulumi's provider server answers Configure without
// handing the provider its inputs (provider/server.js `configure`), so no provider config can carry
// the tenant credentials as the explicit `pulumi-nodejs` provider does for the dynamic tokens. Each
// hosted token therefore carries them as its own secret input `tenant`, and keeps them, secret, in its
// outputs, because refresh and delete receive only the outputs. A rotated client secret is an in-place
// update of each token (no API call); nothing is replaced. Within a run, the credentials the program
// gave this run win over the stored ones (hosting.ts), so a token deleted in the rotating `up` uses
// the new secret.
import type * as pulumi from "@pulumi/pulumi";
import { messageOf, redactSecrets } from "./apiErrors";
import type { ScimTokenInputs, ScimTokenOutputs, TenantCredentials } from "./contract";
import { importRefusal, isExpired } from "./contract";
import { AUTH0_ENV, resolveCredentials, tenantFromProviderConfig } from "./credentials";
import { HOSTED_TENANT_KEY } from "./hostedContract";
import { programTenant } from "./hosting";
import { createScimToken, deleteScimToken, readScimToken, type LifecycleDeps, type TokenTarget } from "./lifecycle";
import { createTokenApi } from "./managementClient";
import { checkScimTokenInputs, diffScimToken, expiredTokenProblem, updatedOutputs, type ProviderDeps } from "./provider";
import { DEFAULT_RETRY_POLICY } from "./retry";
import { asSecret, isUnknown, plainOf, type WireValue } from "./wireValues";

export { HOSTED_SCIM_TOKEN_TYPE, HOSTED_TENANT_KEY } from "./hostedContract";

export interface HostedProviderDeps extends ProviderDeps {
  /** The credentials this run's program gave for a tenant (hosting.ts), if any. */
  programTenant: (domain: string) => TenantCredentials | undefined;
}

export interface HostedScimTokenInputs extends ScimTokenInputs {
  /** JSON of TenantCredentials. Secret. */
  tenant: string;
}
export type HostedScimTokenOutputs = ScimTokenOutputs & { tenant: string };

type Provider = Required<Pick<pulumi.provider.Provider, "check" | "diff" | "create" | "read" | "update" | "delete">>;

/** The credentials a hosted token carries, or undefined when absent or malformed. */
export function hostedTenant(props: { tenant?: unknown }): TenantCredentials | undefined {
  return tenantFromProviderConfig(props.tenant);
}

/** check failures of a hosted token: the dynamic token's, plus its credentials. Pure; unknowns pass. */
export function checkHostedScimTokenInputs(olds: WireValue, news: WireValue): pulumi.provider.CheckFailure[] {
  const wire = (news ?? {}) as Record<string, WireValue>;
  const plain = plainOf<Partial<HostedScimTokenInputs>>(news ?? {});
  const failures = checkScimTokenInputs(plainOf(olds ?? {}), plain).filter((f) => !isUnknown(wire[f.property]));
  if (!isUnknown(wire[HOSTED_TENANT_KEY]) && hostedTenant(plain) === undefined) {
    // No property named: the engine prints a named property's value with its failure, and this one
    // holds the client secret.
    failures.push({ property: "", reason: `${HOSTED_TENANT_KEY} must hold the tenant's domain, clientId and clientSecret (args.auth0): one of them is empty` });
  }
  return failures;
}

/** The dynamic token's diff, plus: changed credentials are an in-place update (no API call). Pure. */
export function diffHostedScimToken(olds: Partial<HostedScimTokenOutputs>, news: Partial<HostedScimTokenInputs>): pulumi.provider.DiffResult {
  const base = diffScimToken(olds, news);
  const tenantChanged = olds.tenant !== news.tenant;
  return { ...base, changes: base.changes || tenantChanged };
}

export function makeHostedScimTokenProvider(deps: HostedProviderDeps): Provider {
  /** This run's credentials first (a rotated secret), else the ones stored with the token (refresh, destroy). */
  const tenantFor = (p: Partial<HostedScimTokenOutputs>) => (p.domain ? deps.programTenant(p.domain) : undefined) ?? hostedTenant(p);
  const connect = (p: Partial<HostedScimTokenOutputs>): { lifecycle: LifecycleDeps; target: TokenTarget } => {
    if (!p.domain) throw new Error(`The SCIM token state of generation "${p.generation ?? "?"}" names no tenant domain.`);
    const credentials = resolveCredentials(p.domain, deps.env(), tenantFor(p));
    return {
      lifecycle: { api: deps.tokenApi(credentials), retry: deps.retry, now: deps.now },
      target: { domain: p.domain, connectionId: p.connectionId ?? "", generation: p.generation, credentialsFrom: credentials.source },
    };
  };
  /** Runs `op`; an error leaves with every credential and token value replaced by [redacted]. */
  const guarded = async <T>(p: Partial<HostedScimTokenOutputs>, op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (error) {
      throw new Error(redactSecrets(messageOf(error), [deps.env()[AUTH0_ENV.clientSecret], tenantFor(p)?.clientSecret, hostedTenant(p)?.clientSecret, p.token]));
    }
  };
  /** Outputs as the engine must store them: the token and the credentials stay secret. */
  const stored = (outs: HostedScimTokenOutputs) => ({ ...outs, token: asSecret(outs.token), [HOSTED_TENANT_KEY]: asSecret(outs.tenant) });

  return {
    // The news go back as they came (secrets and unknowns intact); only the verdict uses plain values.
    check: async (_urn, olds, news) => ({ inputs: news, failures: checkHostedScimTokenInputs(olds, news) }),
    diff: async (_id, _urn, olds, news) => {
      const old = plainOf<Partial<HostedScimTokenOutputs>>(olds ?? {});
      const expired = expiredTokenProblem(old, deps.now());
      if (expired) throw new Error(expired);
      return diffHostedScimToken(old, plainOf(news ?? {}));
    },
    create: async (_urn, inputs) => {
      const p = plainOf<HostedScimTokenInputs>(inputs);
      return guarded(p, async () => {
        const { lifecycle, target } = connect(p);
        const created = await createScimToken(lifecycle, target, { scopes: p.scopes, tokenLifetimeSeconds: p.tokenLifetimeSeconds });
        const outs: HostedScimTokenOutputs = {
          ...p,
          tokenId: created.tokenId,
          token: created.token,
          validUntil: created.validUntil,
          createdAt: created.createdAt,
          lastUsedAt: null,
          expired: false,
        };
        return { id: created.tokenId, outs: stored(outs) };
      });
    },
    read: async (id, _urn, props) => {
      const p = plainOf<Partial<HostedScimTokenOutputs>>(props ?? {});
      return guarded(p, async () => {
        if (typeof p.token !== "string" || p.token === "") throw new Error(importRefusal(`SCIM token ${id}`));
        const { lifecycle, target } = connect(p);
        const listed = await readScimToken(lifecycle, target, id);
        if (!listed) return { id: "", props: {} };
        const refreshed = {
          ...(p as HostedScimTokenOutputs),
          validUntil: listed.validUntil,
          lastUsedAt: listed.lastUsedAt,
          createdAt: listed.createdAt || p.createdAt || "",
          expired: isExpired(listed.validUntil, deps.now()),
        };
        return { id, props: stored(refreshed) };
      });
    },
    // Only the credentials or nothing observable change in place (diffScimToken replaces the rest).
    update: async (_id, _urn, olds, news) => {
      const n = plainOf<HostedScimTokenInputs>(news);
      return { outs: stored({ ...updatedOutputs(plainOf(olds), n), tenant: n.tenant }) };
    },
    delete: async (id, _urn, props) => {
      const p = plainOf<Partial<HostedScimTokenOutputs>>(props);
      await guarded(p, async () => {
        const { lifecycle, target } = connect(p);
        await deleteScimToken(lifecycle, target, id);
      });
    },
  };
}

/** The one provider the plugin serves the tokens with (pulumiPlugin.ts). */
export const hostedScimTokenProvider = makeHostedScimTokenProvider({
  tokenApi: (credentials) => createTokenApi(credentials),
  retry: DEFAULT_RETRY_POLICY,
  now: () => new Date(),
  env: () => process.env,
  programTenant,
});
