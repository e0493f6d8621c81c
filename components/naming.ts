// Child resource names derive from the connection's stable `key` (default: its Auth0 name), never from
// a value that changes in ordinary config edits: a new name is a new resource to Pulumi, so the old one
// would be deleted (an Okta app replaced, a user unassigned). A key that does change lists the old one
// in `previousKeys`, and every child is found under its old name through Pulumi `aliases`.
import type * as pulumi from "@pulumi/pulumi";
import type { ConnectionConfig } from "../config/schema";

/** The key the connection's resource names derive from. */
export function connectionKey(c: { name: string; key?: string }): string {
  return c.key ?? c.name;
}

/** Pulumi resource names for one connection's children. */
export function childNames(key: string) {
  const n = (suffix: string) => `${key}-${suffix}`;
  return {
    auth0Connection: n("auth0-connection"),
    auth0ConnectionClients: n("auth0-connection-clients"),
    scimConfiguration: n("scim-configuration"),
    /** One token per generation: adding or removing a generation creates or deletes exactly that token. */
    scimToken: (generation: string) => n(`scim-token-${generation}`),
    oidcApp: n("okta-oidc-app"),
    scimApp: n("okta-scim-app"),
    oidcGroupAssignments: n("okta-oidc-app-groups"),
    scimGroupAssignments: n("okta-scim-app-groups"),
    /** `userKey` is the Okta user id (see userAssignmentNameKeys): stable across login changes and reference forms. */
    oidcUser: (userKey: string) => n(`okta-oidc-app-user-${userKey}`),
    scimUser: (userKey: string) => n(`okta-scim-app-user-${userKey}`),
    /**
     * The catalog app's assignments (scimApp.kind catalog, or movingTo): names of their own, so a
     * custom app moving to the catalog app has both apps' assignments at once, and the move's end
     * deletes only the custom app's.
     */
    catalogGroupAssignments: n("okta-catalog-app-groups"),
    catalogUser: (userKey: string) => n(`okta-catalog-app-user-${userKey}`),
    /**
     * Phase 2 on the catalog app: names of their own too. The okta provider updates a profile
     * mapping's targetId in place but keeps the old mapping's id, which the next refresh no longer
     * finds (seen in the sandbox's move); a new name makes the move's end a create and a delete.
     */
    catalogProfileMapping: n("okta-catalog-profile-mapping"),
    catalogCustomAttribute: (index: string) => n(`okta-catalog-attr-${index}`),
    catalogPushGroup: (groupId: string) => n(`okta-catalog-push-group-${groupId}`),
    profileMapping: n("okta-scim-profile-mapping"),
    customAttribute: (index: string) => n(`okta-scim-attr-${index}`),
    /** One Group Push per pushed group, named by its Okta group id (stable across renames and reference forms). */
    pushGroup: (groupId: string) => n(`okta-scim-push-group-${groupId}`),
    appConnection: n("okta-scim-app-connection"),
    appFeatures: n("okta-scim-app-features"),
  };
}

export type ChildNames = ReturnType<typeof childNames>;

/**
 * Aliases for one child: every name it may have had, under the current key and each previous key
 * (`namesUnder` lists them for one key's names; a user, say, was once named by login). The engine
 * finds the resource under any of them, so a key change is a no-op instead of a replacement.
 */
export function childAliases(
  keys: { current: string; previous: readonly string[] },
  namesUnder: (names: ChildNames) => readonly string[],
  currentName: string,
): pulumi.Alias[] {
  const all = [keys.current, ...keys.previous].flatMap((k) => namesUnder(childNames(k)));
  return [...new Set(all)].filter((n) => n !== currentName).map((name) => ({ name }));
}

/** Name and resource options of one child: provider, parent, and its older names as aliases. */
export function child(
  c: ConnectionConfig,
  base: pulumi.CustomResourceOptions,
  name: (names: ChildNames) => string,
  olderNames: (names: ChildNames) => readonly string[] = () => [],
): { name: string; opts: pulumi.CustomResourceOptions } {
  const key = connectionKey(c);
  const current = name(childNames(key));
  const aliases = childAliases({ current: key, previous: c.previousKeys }, (n) => [name(n), ...olderNames(n)], current);
  return { name: current, opts: aliases.length > 0 ? { ...base, aliases } : base };
}

/**
 * The child's options with Pulumi's `import` option when `imports` (decisions/adoptionImports.ts) names
 * it: the engine then reads the existing object instead of creating one.
 */
export function adopted(
  declared: { name: string; opts: pulumi.CustomResourceOptions },
  imports: ReadonlyMap<string, string>,
): { name: string; opts: pulumi.CustomResourceOptions } {
  const id = imports.get(declared.name);
  return id === undefined ? declared : { name: declared.name, opts: { ...declared.opts, import: id } };
}

/** The stack output that holds a connection's newest SCIM token (named in the console checklist). */
export function tokenOutputName(connectionName: string): string {
  return `${connectionName}-scim-token`;
}

/** The stack output that holds one generation's token: stable while the generation exists. */
export function generationTokenOutputName(connectionName: string, generation: string): string {
  return `${connectionName}-scim-token-${generation}`;
}
