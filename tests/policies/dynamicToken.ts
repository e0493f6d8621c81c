// The SCIM token in the shape issue #5 gives it: a Pulumi dynamic resource whose inputs carry
// kind "oktaScim:ScimToken", connectionId, scopes, tokenLifetimeSeconds (absent = never expires)
// and generation. Used to prove the token policies handle it before that issue lands.
import type { Registration } from "../harness/runProgram";

export const DYNAMIC_TYPE = "pulumi-nodejs:dynamic:Resource";
export const LEGACY_TOKEN_TYPE = "auth0:index/connectionScimToken:ConnectionScimToken";

/** Replaces every legacy token registration by a dynamic one with the same connection and scopes. */
export function asDynamicTokens(registrations: Registration[], tokenLifetimeSeconds?: number): void {
  for (const r of registrations) {
    if (r.type !== LEGACY_TOKEN_TYPE) continue;
    r.type = DYNAMIC_TYPE;
    r.inputs = {
      // The serialised provider a dynamic resource carries: policies must never read it into a message.
      __provider: "exports.handler = __f0; /* serialised dynamic provider */",
      kind: "oktaScim:ScimToken",
      connectionId: r.inputs.connectionId,
      scopes: r.inputs.scopes,
      ...(tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds }),
      generation: "1",
    };
  }
}
