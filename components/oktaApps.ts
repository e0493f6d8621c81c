// The Okta half that exists from phase 1: the OIDC log-in app, the app that carries SCIM provisioning
// (the SWA-wizard app this stack creates, or a catalog app an admin added: decisions/scimAppKind.ts),
// and ONE assignment list feeding them all, so the people who can log in and the people who are
// provisioned can never differ.
import * as pulumi from "@pulumi/pulumi";
import * as okta from "@pulumi/okta";
import type { ConnectionConfig } from "../config/schema";
import { auth0LoginCallbackUrls } from "./decisions/urls";
import { customAppUrl, provisioningApps, type ScimAppKind } from "./decisions/scimAppKind";
import { adopted, child, type ChildNames } from "./naming";
import type { OktaReferences, ResolvedUser } from "./oktaDirectory";

export interface OktaAppsArgs {
  connection: ConnectionConfig;
  /** The Auth0 tenant domain, and the custom domain users log in through, if any. */
  auth0Domain: string;
  auth0CustomDomain?: string;
  provider: okta.Provider;
  parent: pulumi.Resource;
  /** Child name → id of the existing object to import (decisions/adoptionImports.ts). */
  imports: ReadonlyMap<string, string>;
}

/**
 * Provider-side settings of okta.app.OAuth this stack never sets (the provider's schema defaults:
 * omitSecret false, refreshTokenRotation STATIC, refreshTokenLeeway 0, skipAuthenticationPolicy
 * false). Okta's API does not return them, so an app read by an import lacks them and every preview
 * would plan an update (a PUT of the whole app, and its authentication policy set) to "restore" the
 * defaults. Ignored so an adopted app stays as it is, now and after the adopt block is removed; an
 * app this stack creates has them from its create and is unaffected.
 */
export const OIDC_APP_UNSET_PROVIDER_SETTINGS = ["omitSecret", "refreshTokenRotation", "refreshTokenLeeway", "skipAuthenticationPolicy"] as const;

export function declareOktaApps(args: OktaAppsArgs) {
  const { connection: c, provider, parent } = args;
  const oidc = adopted(child(c, { provider, parent, ignoreChanges: [...OIDC_APP_UNSET_PROVIDER_SETTINGS] }, (n) => n.oidcApp), args.imports);
  const oidcApp = new okta.app.OAuth(
    oidc.name,
    {
      label: c.oidcApp.label,
      type: "web",
      grantTypes: c.oidcApp.refreshToken ? ["authorization_code", "refresh_token"] : ["authorization_code"],
      responseTypes: ["code"],
      redirectUris: auth0LoginCallbackUrls(args.auth0Domain, args.auth0CustomDomain),
      // Auth0's okta strategy trusts the org authorization server, whose issuer is the org URL.
      issuerMode: "ORG_URL",
      // Federation Broker Mode off: users must be assigned (the same groups as the SCIM app).
      implicitAssignment: false,
    },
    oidc.opts,
  );

  const customScimApp = provisioningApps(c.scimApp).some((a) => a.kind === "custom") ? declareCustomScimApp(args) : undefined;
  const provisioning: DeclaredProvisioningApp[] = provisioningApps(c.scimApp).map((a) =>
    a.kind === "custom" ? { kind: a.kind, id: customScimApp!.id } : { kind: a.kind, id: pulumi.output(a.appId) },
  );

  return {
    oidcApp,
    /** The SWA app (kind custom, or moving from it); a catalog app is an admin's, never declared here. */
    customScimApp,
    /** The apps that carry provisioning: one, or both while moving to the catalog app. */
    provisioning,
    // The provider marks clientSecret secret; wrap it so it stays secret on its way to Auth0.
    oidcClientSecret: pulumi.secret(oidcApp.clientSecret),
  };
}

/** An Okta app that carries provisioning, by kind (its assignments' names follow the kind). */
export interface DeclaredProvisioningApp {
  kind: ScimAppKind;
  id: pulumi.Output<string>;
}

/** What the "Secure Web Authentication" wizard creates: an AUTO_LOGIN app, its tile hidden. */
function declareCustomScimApp(args: OktaAppsArgs): okta.app.AutoLogin {
  const { connection: c, provider, parent } = args;
  const scim = adopted(child(c, { provider, parent }, (n) => n.scimApp), args.imports);
  return new okta.app.AutoLogin(scim.name, { label: c.scimApp.label, signOnUrl: customAppUrl(c.scimApp), hideWeb: true, hideIos: true }, scim.opts);
}

export interface OktaAssignmentsArgs {
  connection: ConnectionConfig;
  references: OktaReferences;
  oidcApp: okta.app.OAuth;
  provisioning: readonly DeclaredProvisioningApp[];
  /**
   * What must outlive the assignments (the Auth0 connection): removing an assignment makes Okta
   * deprovision its users, which must happen while the connection still exists, never after it.
   */
  after: pulumi.Resource[];
  provider: okta.Provider;
  parent: pulumi.Resource;
  /** Child name → id of the existing object to import (decisions/adoptionImports.ts). */
  imports: ReadonlyMap<string, string>;
}

/** Assignment names of each app kind: the custom app's are the names stacks had before kinds existed. */
const ASSIGNMENT_NAMES: Record<ScimAppKind, { groups: (n: ChildNames) => string; user: (n: ChildNames) => (key: string) => string }> = {
  custom: { groups: (n) => n.scimGroupAssignments, user: (n) => n.scimUser },
  catalog: { groups: (n) => n.catalogGroupAssignments, user: (n) => n.catalogUser },
};

/** The user's assignment names: by Okta user id now; by login (lower case) in earlier versions (the catalog app's never were). */
function userNames(user: ResolvedUser) {
  const oldKeys = "login" in user.ref ? [user.ref.login.toLowerCase()] : [];
  oldKeys.push(user.login.toLowerCase());
  return {
    oidc: (n: ChildNames) => n.oidcUser(user.id),
    oldOidc: (n: ChildNames) => oldKeys.map(n.oidcUser),
    provisioning: (kind: ScimAppKind) => (n: ChildNames) => ASSIGNMENT_NAMES[kind].user(n)(user.id),
    oldProvisioning: (kind: ScimAppKind) => (n: ChildNames) => (kind === "custom" ? oldKeys.map(n.scimUser) : []),
  };
}

/**
 * Groups and users, the same on the log-in app and on every app that carries provisioning.
 *
 * Groups: one authoritative `okta.AppGroupAssignments` per app. The stack owns each app's group list:
 * that is what keeps the apps assigned the same people (a group added in the console to one app
 * only would provision people who cannot log in, or the reverse). The provider reads every assigned
 * group back on refresh, so a group added in the console shows up, after `pulumi refresh` or with
 * `pulumi preview --refresh`, as a diff of `groups` that the next `up` would remove: a reviewer sees
 * it before anyone is deprovisioned (docs/day-2-operations.md). Switching to one `okta.app.GroupAssignment`
 * per group would delete these resources, and their delete unassigns every group they hold.
 * `priority` is not sent: Okta assigns one to a new group and the provider ignores an unset priority,
 * so adding a group changes no other group's assignment (with explicit priorities by list position,
 * every later group's priority changed).
 *
 * Users: one `okta.app.User` per user and app, named by the Okta user id, with `username` = the login.
 */
export function declareOktaAssignments(args: OktaAssignmentsArgs) {
  const { connection: c, provider, parent } = args;
  const base = { provider, parent, dependsOn: args.after };

  const groups = args.references.groups.map((g) => ({ id: g.id, profile: "{}" }));
  const oidcGroups = adopted(child(c, base, (n) => n.oidcGroupAssignments), args.imports);
  const oidcGroupAssignments = new okta.AppGroupAssignments(oidcGroups.name, { appId: args.oidcApp.id, groups }, oidcGroups.opts);
  const provisioningGroupAssignments = args.provisioning.map((app) => {
    const declared = adopted(child(c, base, ASSIGNMENT_NAMES[app.kind].groups), args.imports);
    return new okta.AppGroupAssignments(declared.name, { appId: app.id, groups }, declared.opts);
  });

  const userAssignments = args.references.users.flatMap((user) => {
    const names = userNames(user);
    // Okta's default username template for both apps is ${source.login}; the provider refuses an
    // assignment without a username (the apps do not use SHARED_USERNAME_AND_PASSWORD).
    const inputs = (appId: pulumi.Input<string>) => ({ appId, userId: user.id, username: user.login });
    const oidcUser = adopted(child(c, base, names.oidc, names.oldOidc), args.imports);
    return [
      new okta.app.User(oidcUser.name, inputs(args.oidcApp.id), oidcUser.opts),
      ...args.provisioning.map((app) => {
        const declared = adopted(child(c, base, names.provisioning(app.kind), names.oldProvisioning(app.kind)), args.imports);
        return new okta.app.User(declared.name, inputs(app.id), declared.opts);
      }),
    ];
  });

  return { oidcGroupAssignments, provisioningGroupAssignments, userAssignments };
}
