// Where the component runs, which decides the kind of its token resources. In a TypeScript program
// (the stack program, a library user) they are dynamic resources (resource.ts), as every deployed
// stack holds them. Inside this package's plugin, for a program in another language, a dynamic
// resource cannot start (hostedProvider.ts), so the plugin serves them as its own type. pulumiPlugin.ts
// switches this before it serves; nothing else does.
//
// Inside the plugin it also keeps the tenant credentials the program gave the component in this run:
// the engine sends construct and the tokens' create, update and delete to the same plugin process (the
// package's one default provider), so a token removed or replaced in the very `up` that rotates the
// client secret is deleted with the new secret, not with the revoked one its state holds.
import type { TenantCredentials } from "./contract";
import { normalizeDomain } from "./credentials";

let plugin: { version: string } | undefined;
const programTenants = new Map<string, TenantCredentials>();

/** Called once by the plugin entry point, before it serves the engine, with the package's version. */
export function hostTokensInPlugin(version: string): void {
  plugin = { version };
}

/** The plugin's version when the component runs inside the package's plugin, else undefined. */
export function tokenHostingPlugin(): { version: string } | undefined {
  return plugin;
}

/** Records the credentials a component constructed in this process was given. */
export function rememberProgramTenant(tenant: TenantCredentials): void {
  programTenants.set(normalizeDomain(tenant.domain), tenant);
}

/** The credentials this run's program gave for `domain`, if a component was constructed in this process. */
export function programTenant(domain: string): TenantCredentials | undefined {
  return programTenants.get(normalizeDomain(domain));
}
