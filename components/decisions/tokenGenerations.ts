// Token generations: what a connection's `scim.tokens` list turns into. One generation = one SCIM
// token resource, named from the generation, so adding or removing a generation creates or deletes
// exactly one token and never touches the other (rotation without downtime, within Auth0's limit of
// two active tokens per connection).
import { normalizeTokenScopes, type ScimTokenScope } from "./tokenScopes";

/** Auth0 allows two active SCIM tokens per connection: the one Okta uses and its successor. */
export const MAX_TOKEN_GENERATIONS = 2;

/** The generation declared when `scim.tokens` is absent (a stack that never rotated). */
export const DEFAULT_TOKEN_GENERATION = "initial";

export interface TokenGenerationConfig {
  generation: string;
  lifetimeSeconds?: number;
  scopes?: ScimTokenScope[];
}

export interface TokenGeneration {
  generation: string;
  /** Normalised: the generation's own scopes, else the connection's `scim.tokenScopes`. */
  scopes: ScimTokenScope[];
  /** Absent = no expiry. */
  lifetimeSeconds?: number;
}

/** The generations to declare, in config order; the last one is the newest (the one Okta should use). */
export function tokenGenerations(tokens: readonly TokenGenerationConfig[], connectionScopes: readonly ScimTokenScope[]): TokenGeneration[] {
  return tokens.map((t) => ({
    generation: t.generation,
    scopes: normalizeTokenScopes(t.scopes ?? connectionScopes),
    ...(t.lifetimeSeconds === undefined ? {} : { lifetimeSeconds: t.lifetimeSeconds }),
  }));
}

export function newestGeneration<T>(generations: readonly T[]): T {
  return generations[generations.length - 1];
}
