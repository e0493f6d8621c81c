// Child resource names derive from the connection name, which is fixed in config: renaming a child
// would replace it, so nothing here may depend on a value that changes in ordinary config edits.

/** Pulumi resource names for one connection's children. */
export function childNames(connectionName: string) {
  const n = (suffix: string) => `${connectionName}-${suffix}`;
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
    oidcUser: (key: string) => n(`okta-oidc-app-user-${key}`),
    scimUser: (key: string) => n(`okta-scim-app-user-${key}`),
    profileMapping: n("okta-scim-profile-mapping"),
    customAttribute: (index: string) => n(`okta-scim-attr-${index}`),
    appConnection: n("okta-scim-app-connection"),
    appFeatures: n("okta-scim-app-features"),
  };
}

/** The stack output that holds a connection's newest SCIM token (named in the console checklist). */
export function tokenOutputName(connectionName: string): string {
  return `${connectionName}-scim-token`;
}

/** The stack output that holds one generation's token: stable while the generation exists. */
export function generationTokenOutputName(connectionName: string, generation: string): string {
  return `${connectionName}-scim-token-${generation}`;
}
