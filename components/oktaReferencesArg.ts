// The component's Okta groups and users as resolved references (./oktaDirectory.ts), looked up before
// the component is built: the stack program does so for all connections first, and a TypeScript user
// may call `resolveOktaReferences`; both attach the answer to the args (./stackContext.ts). Then a bad
// name fails the program before even the component is registered. Without it the component looks them
// up itself (./lookedUpIntegration.ts), as it must from another language.
import type * as okta from "@pulumi/okta";
import type { ConnectionConfig } from "../config/schema";
import { lookUpOktaReferences, type OktaReferences } from "./oktaDirectory";
import type { OktaAuth0ScimIntegrationArgs } from "./integrationArgs";
import { IntegrationArgsError, validateIntegrationArgs } from "./validateArgs";
import { withStackContext } from "./stackContext";

/** Pure: the references when none needs a lookup (groups by id, no users), else undefined. */
export function referencesWithoutLookup(connection: ConnectionConfig): OktaReferences | undefined {
  if (connection.users.length > 0 || connection.groups.some((ref) => !("id" in ref))) return undefined;
  return { groups: connection.groups.flatMap((ref) => ("id" in ref ? [{ ref, id: ref.id }] : [])), users: [] };
}

/**
 * Looks up the args' Okta groups and users with the given okta provider (the one the component gets)
 * and returns the same args with the answer attached. Bad args or an unresolvable name throw
 * IntegrationArgsError before anything is registered.
 */
export async function resolveOktaReferences<T extends OktaAuth0ScimIntegrationArgs>(args: T, oktaProvider: okta.Provider, componentName = args.key ?? args.name): Promise<T> {
  const validated = validateIntegrationArgs(args);
  if ("problems" in validated) throw new IntegrationArgsError(componentName, validated.problems);
  const looked = await lookUpOktaReferences(validated.value.connection, [], oktaProvider);
  if ("problems" in looked) throw new IntegrationArgsError(componentName, looked.problems);
  return withStackContext(args, { oktaReferences: looked.references });
}
