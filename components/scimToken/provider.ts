// The dynamic provider of the SCIM token resource. Pulumi serializes this object (its methods and
// everything they reference) into the state and runs it in a separate process, so:
// - `scimTokenProvider` is one module-level instance: Pulumi caches a provider's serialization by
//   object identity, so every token resource reuses one serialization.
// - nothing here imports a package at module level; managementClient.ts `require`s the SDK when a
//   method runs, so the closure holds only this project's small functions and constants.
// - no credential is captured, and none is in a token's inputs or outputs: each call looks them up
//   (credentials.ts) in the environment and in what `configure` received.
import type * as pulumi from "@pulumi/pulumi";
import { messageOf, redactSecrets } from "./apiErrors";
import { SCIM_TOKEN_KIND, importRefusal, isExpired, lifetimeProblem, type LegacyTokenState, type ScimTokenInputs, type ScimTokenOutputs, type TenantCredentials } from "./contract";
import { AUTH0_ENV, PROVIDER_TENANT_KEY, resolveCredentials, tenantFromProviderConfig, type ResolvedCredentials } from "./credentials";
import { createScimToken, deleteScimToken, readScimToken, type LifecycleDeps, type TokenTarget } from "./lifecycle";
import { createTokenApi, type TokenApi } from "./managementClient";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";

export interface ProviderDeps {
  tokenApi: (credentials: TenantCredentials) => TokenApi;
  retry: RetryPolicy;
  now: () => Date;
  /** The process environment, read at every call. */
  env: () => Readonly<Record<string, string | undefined>>;
}

/** A token's state as new code may meet it: current, or written by an earlier release. */
type StoredToken = Partial<ScimTokenOutputs> & LegacyTokenState;

/** The token's tenant: its own input, or the legacy credentials' domain. */
function domainOf(p: StoredToken): string | undefined {
  return p.domain ?? p.credentials?.domain;
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
  if (typeof news.domain !== "string" || news.domain === "") failures.push({ property: "domain", reason: "is required (the tenant domain, oktaScim:auth0.domain)" });

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
export function diffScimToken(olds: StoredToken & WithSerializedProvider, news: Partial<ScimTokenInputs> & WithSerializedProvider): pulumi.dynamic.DiffResult {
  const replaces: string[] = [];
  if (olds.connectionId !== news.connectionId) replaces.push("connectionId");
  if (domainOf(olds) !== news.domain) replaces.push("domain");
  if (!sameScopes(olds.scopes, news.scopes)) replaces.push("scopes");
  if (olds.tokenLifetimeSeconds !== news.tokenLifetimeSeconds) replaces.push("tokenLifetimeSeconds");
  if (olds.generation !== news.generation) replaces.push("generation");
  // A state from an earlier release still holds the client secret: the update drops it.
  const legacyCredentials = olds.credentials !== undefined;
  const codeChanged = olds[SERIALIZED_PROVIDER_KEY] !== news[SERIALIZED_PROVIDER_KEY];
  return { changes: replaces.length > 0 || legacyCredentials || codeChanged || olds.kind !== news.kind, replaces, deleteBeforeReplace: true };
}

/**
 * Why this token can no longer stay as it is, or undefined. An expired token authenticates nothing;
 * replacing it under the same generation would hand out a value Okta does not have, so the only way
 * forward is the rotation the message spells out. Pure: `expired` comes from the last refresh,
 * validUntil is compared with `now` so a preview sees the expiry without a refresh.
 */
export function expiredTokenProblem(olds: StoredToken, now: Date): string | undefined {
  const validUntil = olds.validUntil ?? null;
  if (olds.expired !== true && !isExpired(validUntil, now)) return undefined;
  const g = olds.generation ?? "?";
  return [
    `SCIM token generation "${g}" of connection ${olds.connectionId ?? "?"} expired${validUntil ? ` at ${validUntil}` : ""}: Auth0 no longer accepts it, so Okta cannot provision with it, and it still holds one of the connection's two token slots.`,
    `Rotate in one change: in oktaScim:connections[…].scim.tokens remove generation "${g}" and add a new generation (a new name, with lifetimeSeconds), then run \`pulumi up\`: it creates the new token and deletes the expired one.`,
    `Then paste the new token into Okta (\`pulumi stack output <connection>-scim-token-<new generation> --show-secrets\`) and run Test Connection.`,
    `Until generation "${g}" is removed, every preview and update of this stack stops here.`,
  ].join(" ");
}

/** The outputs an in-place update keeps: everything Auth0 told us, minus any legacy credentials. */
export function updatedOutputs(olds: StoredToken, news: ScimTokenInputs): ScimTokenOutputs {
  const { credentials: _dropped, ...kept } = olds;
  return { ...(kept as ScimTokenOutputs), kind: news.kind, generation: news.generation, domain: news.domain };
}

/** Runs `op`; an error leaves with every credential and token value replaced by [redacted]. */
async function guarded<T>(secrets: () => (string | undefined)[], op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (error) {
    throw new Error(redactSecrets(messageOf(error), secrets()));
  }
}

export function makeScimTokenProvider(deps: ProviderDeps): pulumi.dynamic.ResourceProvider<ScimTokenInputs, ScimTokenOutputs> {
  // What `configure` received: the stack's tenant config, as the explicit provider carries it. One
  // object shared by the methods (closure serialization keeps shared captures shared); empty when
  // serialized, filled in the provider process.
  const configured: { tenant?: TenantCredentials } = {};
  /** Looks the credentials up now. */
  const connect = (p: StoredToken): { lifecycle: LifecycleDeps; target: TokenTarget } => {
    const domain = domainOf(p);
    if (!domain) throw new Error(`The SCIM token state of generation "${p.generation ?? "?"}" names no tenant domain.`);
    const credentials: ResolvedCredentials = resolveCredentials(domain, deps.env(), configured.tenant);
    return {
      lifecycle: { api: deps.tokenApi(credentials), retry: deps.retry, now: deps.now },
      target: { domain, connectionId: p.connectionId ?? "", generation: p.generation, credentialsFrom: credentials.source },
    };
  };
  // Every secret a message could echo: whichever source the credentials came from, and the token.
  const secretsOf = (p: StoredToken) => () => [deps.env()[AUTH0_ENV.clientSecret], configured.tenant?.clientSecret, p.credentials?.clientSecret, p.token];
  return {
    configure: async (req) => {
      let value: unknown;
      try {
        value = req.config.get(PROVIDER_TENANT_KEY);
      } catch {
        value = undefined;
      }
      configured.tenant = tenantFromProviderConfig(value);
    },
    check: async (olds, news) => ({ inputs: news, failures: checkScimTokenInputs(olds ?? {}, news) }),
    diff: async (_id, olds, news) => {
      // The engine calls diff for every declared resource on every preview and update: the place to
      // stop a stack that still declares an expired token (check only sees the old inputs).
      const expired = expiredTokenProblem(olds, deps.now());
      if (expired) throw new Error(expired);
      return diffScimToken(olds, news);
    },
    create: async (inputs) =>
      guarded(secretsOf(inputs), async () => {
        const { lifecycle, target } = connect(inputs);
        const created = await createScimToken(lifecycle, target, {
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
          expired: false,
        };
        return { id: created.tokenId, outs };
      }),
    read: async (id, props) => {
      const stored: StoredToken = props ?? {};
      return guarded(secretsOf(stored), async () => {
        // Only a token this stack created has its value; a read by id (`get`, import) has none.
        if (typeof stored.token !== "string" || stored.token === "") throw new Error(importRefusal(`SCIM token ${id}`));
        const { lifecycle, target } = connect(stored);
        const listed = await readScimToken(lifecycle, target, id);
        // An empty id tells the engine the resource is gone.
        if (!listed) return { id: "", props: {} as ScimTokenOutputs };
        const refreshed = {
          ...stored,
          validUntil: listed.validUntil,
          lastUsedAt: listed.lastUsedAt,
          createdAt: listed.createdAt || stored.createdAt,
          expired: isExpired(listed.validUntil, deps.now()),
        };
        return { id, props: refreshed as ScimTokenOutputs };
      });
    },
    // Only the provider's own code, the legacy credentials (dropped) or nothing observable change in
    // place: no API call. The engine adds the new serialized provider to these outputs.
    update: async (_id, olds, news) => ({ outs: updatedOutputs(olds, news) }),
    delete: async (id, props) =>
      guarded(secretsOf(props), async () => {
        const { lifecycle, target } = connect(props);
        await deleteScimToken(lifecycle, target, id);
      }),
  };
}

/** The one provider instance every ScimToken resource uses (see the note at the top). */
export const scimTokenProvider = makeScimTokenProvider({
  tokenApi: (credentials) => createTokenApi(credentials),
  retry: DEFAULT_RETRY_POLICY,
  now: () => new Date(),
  env: () => process.env,
});
