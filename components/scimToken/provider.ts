// The dynamic provider of the SCIM token resource. Pulumi serializes this object (its methods and
// everything they reference) into the state and runs it in a separate process, so:
// - `scimTokenProvider` is one module-level instance: Pulumi caches a provider's serialization by
//   object identity, so every token resource reuses one serialization.
// - nothing here imports a package at module level; managementClient.ts `require`s the SDK when a
//   method runs, so the closure holds only this project's small functions and constants.
// - no credential is captured: they arrive as (secret) inputs with each call.
import type * as pulumi from "@pulumi/pulumi";
import { redactSecrets } from "./apiErrors";
import { SCIM_TOKEN_KIND, lifetimeProblem, type ScimTokenInputs, type ScimTokenOutputs, type TenantCredentials } from "./contract";
import { createScimToken, deleteScimToken, readScimToken, type LifecycleDeps, type TokenTarget } from "./lifecycle";
import { createTokenApi, type TokenApi } from "./managementClient";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";

export interface ProviderDeps {
  tokenApi: (credentials: TenantCredentials) => TokenApi;
  retry: RetryPolicy;
  now: () => Date;
}

const sameScopes = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  [...(a ?? [])].sort().join(" ") === [...(b ?? [])].sort().join(" ");

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

/** Input problems, and the refusal of an in-place scope or lifetime change. Pure. */
export function checkScimTokenInputs(olds: Partial<ScimTokenInputs>, news: Partial<ScimTokenInputs>): pulumi.dynamic.CheckFailure[] {
  const failures: pulumi.dynamic.CheckFailure[] = [];
  if (news.kind !== SCIM_TOKEN_KIND) failures.push({ property: "kind", reason: `must be ${SCIM_TOKEN_KIND}` });
  if (typeof news.generation !== "string" || news.generation === "") failures.push({ property: "generation", reason: "is required" });
  if (typeof news.connectionId !== "string" || news.connectionId === "") failures.push({ property: "connectionId", reason: "is required" });
  if (!isStringList(news.scopes) || news.scopes.length === 0) failures.push({ property: "scopes", reason: "must list at least one SCIM scope" });
  const lifetime = lifetimeProblem(news.tokenLifetimeSeconds);
  if (lifetime) failures.push({ property: "tokenLifetimeSeconds", reason: lifetime });
  const c = news.credentials as Partial<TenantCredentials> | undefined;
  for (const key of ["domain", "clientId", "clientSecret"] as const) {
    if (typeof c?.[key] !== "string" || c[key] === "") failures.push({ property: "credentials", reason: `lacks ${key} (from oktaScim:auth0)` });
  }

  // An existing generation keeps its scopes and lifetime for life: Auth0 cannot change a token, and a
  // replacement would need a third token while the old one is still in use.
  if (olds.generation !== undefined) {
    const how = `A token's scopes and lifetime cannot change in place (a replacement would need a third token, and Okta still uses this one). Add a new generation with the new settings to oktaScim:connections[…].scim.tokens, paste its token into Okta, then remove generation "${olds.generation}".`;
    if (!sameScopes(olds.scopes, news.scopes)) {
      failures.push({ property: "scopes", reason: `generation "${olds.generation}" was created with scopes ${(olds.scopes ?? []).join(" ")}. ${how}` });
    }
    if (olds.tokenLifetimeSeconds !== news.tokenLifetimeSeconds) {
      const was = olds.tokenLifetimeSeconds === undefined ? "no expiry" : `a lifetime of ${olds.tokenLifetimeSeconds} s`;
      failures.push({ property: "tokenLifetimeSeconds", reason: `generation "${olds.generation}" was created with ${was}. ${how}` });
    }
  }
  return failures;
}

/**
 * Where the engine keeps a dynamic resource's serialized provider, in its inputs and its outputs
 * (@pulumi/pulumi dynamic/index.js, cmd/dynamic-provider/index.js). Refresh and delete load the code
 * from the resource's outputs, so an unchanged resource would keep running the code it was created with.
 */
export const SERIALIZED_PROVIDER_KEY = "__provider";

/** Olds/news as the engine hands them to `diff`: with the serialized provider. */
type WithSerializedProvider = { [SERIALIZED_PROVIDER_KEY]?: unknown };

/**
 * Replacements are delete-before-create: Auth0 allows two tokens per connection, never a third.
 * A changed serialized provider is a change (an update, no API call): `update` returns the outputs
 * and the engine stores the new code with them, so later refreshes and deletes run the fixed code.
 */
export function diffScimToken(olds: Partial<ScimTokenOutputs> & WithSerializedProvider, news: Partial<ScimTokenInputs> & WithSerializedProvider): pulumi.dynamic.DiffResult {
  const replaces: string[] = [];
  if (olds.connectionId !== news.connectionId) replaces.push("connectionId");
  if (!sameScopes(olds.scopes, news.scopes)) replaces.push("scopes");
  if (olds.tokenLifetimeSeconds !== news.tokenLifetimeSeconds) replaces.push("tokenLifetimeSeconds");
  if (olds.generation !== news.generation) replaces.push("generation");
  const credentialsChanged = JSON.stringify(olds.credentials ?? null) !== JSON.stringify(news.credentials ?? null);
  const codeChanged = olds[SERIALIZED_PROVIDER_KEY] !== news[SERIALIZED_PROVIDER_KEY];
  return { changes: replaces.length > 0 || credentialsChanged || codeChanged || olds.kind !== news.kind, replaces, deleteBeforeReplace: true };
}

function target(p: Partial<ScimTokenInputs>): TokenTarget {
  return { domain: p.credentials?.domain ?? "(no domain)", connectionId: p.connectionId ?? "", generation: p.generation };
}

/** Runs `op`; an error leaves with every credential and token value replaced by [redacted]. */
async function guarded<T>(p: Partial<ScimTokenOutputs>, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(redactSecrets(message, [p.credentials?.clientSecret, p.token]));
  }
}

export function makeScimTokenProvider(deps: ProviderDeps): pulumi.dynamic.ResourceProvider<ScimTokenInputs, ScimTokenOutputs> {
  const lifecycle = (credentials: TenantCredentials): LifecycleDeps => ({ api: deps.tokenApi(credentials), retry: deps.retry, now: deps.now });
  return {
    check: async (olds, news) => ({ inputs: news, failures: checkScimTokenInputs(olds ?? {}, news) }),
    diff: async (_id, olds, news) => diffScimToken(olds, news),
    create: async (inputs) =>
      guarded(inputs, async () => {
        const created = await createScimToken(lifecycle(inputs.credentials), target(inputs), {
          scopes: inputs.scopes,
          tokenLifetimeSeconds: inputs.tokenLifetimeSeconds,
        });
        const outs: ScimTokenOutputs = {
          ...inputs,
          tokenId: created.tokenId,
          token: created.token,
          validUntil: created.validUntil,
          createdAt: created.createdAt,
          lastUsedAt: null,
        };
        return { id: created.tokenId, outs };
      }),
    read: async (id, props) =>
      guarded(props ?? {}, async () => {
        if (!props?.credentials) return { id, props };
        const listed = await readScimToken(lifecycle(props.credentials), target(props), id);
        // An empty id tells the engine the resource is gone.
        if (!listed) return { id: "", props: {} as ScimTokenOutputs };
        return { id, props: { ...props, validUntil: listed.validUntil, lastUsedAt: listed.lastUsedAt, createdAt: listed.createdAt || props.createdAt } };
      }),
    // Only the credentials or the provider's own code (or nothing observable) change in place: no API
    // call. The engine adds the new serialized provider to these outputs (resultIncludingProvider).
    update: async (_id, olds, news) => ({ outs: { ...olds, kind: news.kind, generation: news.generation, credentials: news.credentials } }),
    delete: async (id, props) => guarded(props, () => deleteScimToken(lifecycle(props.credentials), target(props), id)),
  };
}

/** The one provider instance every ScimToken resource uses (see the note at the top). */
export const scimTokenProvider = makeScimTokenProvider({
  tokenApi: (credentials) => createTokenApi(credentials),
  retry: DEFAULT_RETRY_POLICY,
  now: () => new Date(),
});
