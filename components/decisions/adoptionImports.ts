// Which child resource takes over which existing object (connections[].adopt): a map from the child's
// Pulumi resource name to the id Pulumi's `import` option needs. Pure; the component only looks names
// up in it. Import id formats, as the providers' importers parse them:
// - auth0.Connection, auth0.ConnectionClients, auth0.ConnectionScimConfiguration: the connection id
//   (terraform-provider-auth0: ImportStatePassthroughContext, and each sets its id to the connection id);
// - okta.app.OAuth, okta.app.AutoLogin, okta.AppGroupAssignments: the app id (appImporter; the group
//   assignments importer sets app_id from it);
// - okta.app.User: `<app id>/<user id>` (its importer splits on "/"; the resource's own id is the user id).
// SCIM tokens are never imported: Auth0 never returns a token's value, so an imported token could not be
// handed to Okta; the generations in config are created new.
import { childNames } from "../naming";
import { adoptsScimConfiguration } from "../../config/adoptionRules";
import type { ConnectionConfig } from "../../config/schema";

/** The users the connection assigns, resolved to Okta ids (components/oktaDirectory.ts). */
export interface AdoptedUserRef {
  id: string;
}

/** Child resource name → import id. Empty when the connection adopts nothing. */
export function adoptionImportIds(c: Pick<ConnectionConfig, "name" | "key" | "adopt">, users: readonly AdoptedUserRef[]): Map<string, string> {
  const imports = new Map<string, string>();
  const adopt = c.adopt;
  if (!adopt) return imports;
  const n = childNames(c.key ?? c.name);
  if (adopt.auth0ConnectionId !== undefined) {
    imports.set(n.auth0Connection, adopt.auth0ConnectionId);
    imports.set(n.auth0ConnectionClients, adopt.auth0ConnectionId);
    if (adoptsScimConfiguration(c)) imports.set(n.scimConfiguration, adopt.auth0ConnectionId);
  }
  const apps = [
    { appId: adopt.oidcAppId, app: n.oidcApp, groups: n.oidcGroupAssignments, user: n.oidcUser },
    { appId: adopt.scimAppId, app: n.scimApp, groups: n.scimGroupAssignments, user: n.scimUser },
  ];
  for (const { appId, app, groups, user } of apps) {
    if (appId === undefined) continue;
    imports.set(app, appId);
    imports.set(groups, appId);
    for (const u of users) imports.set(user(u.id), `${appId}/${u.id}`);
  }
  return imports;
}
