// The Okta half that exists from phase 1: the OIDC log-in app, the SWA-wizard app that will carry
// SCIM provisioning, and ONE assignment list feeding both apps, so the people who can log in and the
// people who are provisioned can never differ.
import * as pulumi from "@pulumi/pulumi";
import * as okta from "@pulumi/okta";
import type { ConnectionConfig, GroupRef, UserRef } from "../config/schema";
import { auth0LoginCallbackUrls } from "./decisions/urls";
import { childNames } from "./naming";

export interface OktaAppsArgs {
  connection: ConnectionConfig;
  /** The Auth0 tenant domain, and the custom domain users log in through, if any. */
  auth0Domain: string;
  auth0CustomDomain?: string;
  provider: okta.Provider;
  parent: pulumi.Resource;
}

/** Stable key of a user reference, for resource names (ids and logins do not change on reorder). */
function userKey(ref: UserRef): string {
  return "id" in ref ? ref.id : ref.login.toLowerCase();
}

function resolveGroupId(ref: GroupRef, opts: pulumi.InvokeOutputOptions): pulumi.Output<string> {
  if ("id" in ref) return pulumi.output(ref.id);
  return okta.group.getGroupOutput({ name: ref.name, type: "OKTA_GROUP" }, opts).id;
}

function resolveUserId(ref: UserRef, opts: pulumi.InvokeOutputOptions): pulumi.Output<string> {
  if ("id" in ref) return pulumi.output(ref.id);
  return okta.user.getUserOutput({ searches: [{ name: "profile.login", value: ref.login }] }, opts).id;
}

export function declareOktaApps(args: OktaAppsArgs) {
  const { connection: c, provider, parent } = args;
  const names = childNames(c.name);
  const opts = { provider, parent };

  const oidcApp = new okta.app.OAuth(
    names.oidcApp,
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
    opts,
  );

  // What the "Secure Web Authentication" wizard creates: an AUTO_LOGIN app, its tile hidden.
  const scimApp = new okta.app.AutoLogin(
    names.scimApp,
    { label: c.scimApp.label, signOnUrl: c.scimApp.url, hideWeb: true, hideIos: true },
    opts,
  );

  // Lookups happen once; both apps receive the very same list.
  const groupIds = c.groups.map((g) => resolveGroupId(g, opts));
  const groups = groupIds.map((id, priority) => ({ id, priority, profile: "{}" }));
  const oidcGroupAssignments = new okta.AppGroupAssignments(names.oidcGroupAssignments, { appId: oidcApp.id, groups }, opts);
  const scimGroupAssignments = new okta.AppGroupAssignments(names.scimGroupAssignments, { appId: scimApp.id, groups }, opts);

  const userAssignments = c.users.flatMap((ref) => {
    const userId = resolveUserId(ref, opts);
    return [
      new okta.app.User(names.oidcUser(userKey(ref)), { appId: oidcApp.id, userId }, opts),
      new okta.app.User(names.scimUser(userKey(ref)), { appId: scimApp.id, userId }, opts),
    ];
  });

  return {
    oidcApp,
    scimApp,
    oidcGroupAssignments,
    scimGroupAssignments,
    userAssignments,
    // The provider marks clientSecret secret; wrap it so it stays secret on its way to Auth0.
    oidcClientSecret: pulumi.secret(oidcApp.clientSecret),
  };
}
