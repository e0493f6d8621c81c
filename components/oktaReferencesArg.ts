// The component's Okta groups and users as resolved references (./oktaDirectory.ts). They are looked
// up, awaited, before anything is registered, which a component constructor (synchronous) cannot do:
// the stack program looks them up for all connections first; a TypeScript library user calls
// `resolveOktaReferences`; both attach the answer to the args (./stackContext.ts). Without it, only
// what needs no lookup works: groups given by id, no users.
import type * as okta from "@pulumi/okta";
import type { ConnectionConfig } from "../config/schema";
import type { ConfigProblem } from "../config/crossFieldRules";
import { lookUpOktaReferences, type OktaReferences } from "./oktaDirectory";
import type { OktaAuth0ScimIntegrationArgs } from "./integrationArgs";
import { IntegrationArgsError, validateIntegrationArgs } from "./validateArgs";
import { withStackContext } from "./stackContext";

const NEEDS_LOOKUP =
  "needs an Okta lookup before the component is registered: in TypeScript pass `await resolveOktaReferences(args, oktaProvider)` as the args; " +
  "from another language give groups by id (direct user assignments need the TypeScript API for now)";

/** Pure: the references when none needs a lookup, else a problem per group or user that does. */
export function referencesWithoutLookup(connection: ConnectionConfig): { references: OktaReferences } | { problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  connection.groups.forEach((ref, i) => "id" in ref || problems.push({ path: ["groups", i], message: NEEDS_LOOKUP }));
  connection.users.forEach((_, i) => problems.push({ path: ["users", i], message: NEEDS_LOOKUP }));
  if (problems.length > 0) return { problems };
  return { references: { groups: connection.groups.flatMap((ref) => ("id" in ref ? [{ ref, id: ref.id }] : [])), users: [] } };
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
