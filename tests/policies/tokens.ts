// The SCIM tokens of a recorded program, for mutations: the real program's token registrations (the
// project's dynamic resource, one per generation), and the legacy auth0.ConnectionScimToken shape that
// stacks built before that resource, or by hand, still declare. The pack must keep reading both.
import type { Registration } from "../harness/runProgram";
import { T } from "../harness/committedStack";
import { HOSTED_SCIM_TOKEN_TYPE as HOSTED_TOKEN_TYPE } from "../../components/scimToken/hostedContract";

export const TOKEN_TYPE = T.scimToken;
export const LEGACY_TOKEN_TYPE = "auth0:index/connectionScimToken:ConnectionScimToken";

/** The program's token registrations (optionally of one connection). */
export function tokensOf(registrations: Registration[], connection?: string): Registration[] {
  return registrations.filter((r) => r.type === TOKEN_TYPE && (connection === undefined || r.name.startsWith(`${connection}-`)));
}

/**
 * An auth0.ConnectionScimToken for the same connection as `token`, as the provider's resource is
 * registered: connectionId and scopes only, on the auth0 provider of the token's SCIM configuration,
 * linked to the connection by the same property dependency.
 */
export function legacyTokenLike(token: Registration, registrations: Registration[], name: string): Registration {
  const configuration = registrations.find((r) => token.dependsOn.includes(`${r.type}::${r.name}`));
  if (!configuration?.provider) throw new Error(`token ${token.name} depends on no SCIM configuration with a provider`);
  const inputs = { connectionId: token.inputs.connectionId, scopes: [...(token.inputs.scopes as string[])] };
  return {
    ...token,
    type: LEGACY_TOKEN_TYPE,
    name,
    inputs,
    redactedInputs: inputs,
    secretInputs: [],
    provider: configuration.provider,
    propertyDependencies: { connectionId: [...token.propertyDependencies.connectionId] },
    dependsOn: [...token.dependsOn],
  };
}

/** Replaces every token of the program by the legacy shape (the pre-issue-5 program's name: `<connection>-scim-token`). */
export function asLegacyTokens(registrations: Registration[]): void {
  for (const token of tokensOf(registrations)) {
    const name = token.name.replace(/-scim-token-.*$/, "-scim-token");
    registrations[registrations.indexOf(token)] = legacyTokenLike(token, registrations, name);
  }
}


/**
 * Replaces every token of the program by the type the package's plugin serves, as a Go or Python
 * program's stack holds them (components/scimToken/hostedResource.ts): same inputs plus the tenant
 * credentials as a secret, on the package's default provider.
 */
export function asHostedTokens(registrations: Registration[]): void {
  for (const token of tokensOf(registrations)) {
    const tenant = JSON.stringify({ domain: token.inputs.domain, clientId: "client-of-the-tenant", clientSecret: "secret-of-the-tenant" });
    registrations[registrations.indexOf(token)] = {
      ...token,
      type: HOSTED_TOKEN_TYPE,
      urn: token.urn.replace(`$${TOKEN_TYPE}::`, `$${HOSTED_TOKEN_TYPE}::`),
      inputs: { ...token.inputs, tenant },
      redactedInputs: { ...token.redactedInputs, tenant: "[secret]" },
      secretInputs: [...token.secretInputs, "tenant"],
      provider: undefined,
    };
  }
}
