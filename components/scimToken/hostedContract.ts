// The names of the token type this package's plugin serves (hostedProvider.ts), which the policy pack
// and the engine's state see: rename nothing here without changing policies/ too.

/** The hosted token's type token: this package's own resource, served by its plugin. */
export const HOSTED_SCIM_TOKEN_TYPE = "oktaScim:index:ScimToken";

/** The input (and output) holding the tenant credentials as one secret JSON string. */
export const HOSTED_TENANT_KEY = "tenant";
