// Phase 2 of the Okta half, declared only once an admin has switched provisioning on in the console
// (`consoleStepsDone`): before that, Okta answers "no profile mappings found" and would create app
// attributes without their SCIM namespace.
//
// What a removal does, from the provider's source (terraform-provider-okta v6.12.0), and the path
// each resource gets instead:
// - okta.profile.Mapping: delete nulls every Okta → app mapping but `login`, while provisioning keeps
//   pushing (so Auth0 users lose their attributes). Removed from the program (phase rolled back,
//   connection removed) it is only forgotten: `retainOnDelete`. Declared again later, its create
//   finds the existing mapping and updates it.
// - okta.AppUserSchemaProperty: delete drops the attribute and its values; `externalName`,
//   `externalNamespace`, `type` force a replacement, which would create (an upsert of the same
//   attribute) and then delete that very attribute. `retainOnDelete`: a replacement is an upsert, a
//   removal leaves the attribute in Okta (delete it in the admin console on purpose).
// - okta.app.Connection / okta.app.Features: delete is a no-op with a warning, leaving provisioning on
//   with the old URL and token. While active they are `protect`ed, so removing them fails the
//   preview; `manageProvisioningViaApi: "deactivate"` switches them off (Connection action
//   `deactivate`, Features `DISABLED`) and unprotects them, after which they can be removed.
// - okta.PushGroup: delete unlinks the pushed group and, by the provider's default
//   (`deleteTargetGroupOnDestroy` true), deletes the group in Auth0 too, with every membership in it.
//   Set false: a group removed from scim.groups (or a phase rolled back) stops being pushed and stays
//   in Auth0 as it was; deleting it there is a decision made in Auth0 on purpose.
import * as pulumi from "@pulumi/pulumi";
import * as okta from "@pulumi/okta";
import type { ConnectionConfig } from "../config/schema";
import { oktaToAppMappings } from "./decisions/oktaProfileMappings";
import { child } from "./naming";
import { scimAppKind } from "./decisions/scimAppKind";
import { defaultUserTypeLookup } from "./oktaDirectory";

export interface OktaProvisioningArgs {
  connection: ConnectionConfig;
  scimAppId: pulumi.Input<string>;
  scimEndpointUrl: pulumi.Input<string>;
  scimToken: pulumi.Input<string>;
  /** The org's default user type id from config; looked up (once per org) when absent. */
  defaultUserTypeId?: string;
  /** Okta ids of the groups to push (decisions/groupPush.ts pushedGroups), in scim.groups order. */
  pushedGroupIds: readonly string[];
  /** What the pushes must stop before (the SCIM tokens): a push without a token fails at Okta. */
  pushesBefore: pulumi.Resource[];
  provider: okta.Provider;
  parent: pulumi.Resource;
}

export function declareOktaProvisioning(args: OktaProvisioningArgs) {
  const { connection: c, provider, parent } = args;
  const base = { provider, parent };
  // Phase 2 follows the app it is declared for (a custom app until a move to the catalog app ends).
  const catalog = scimAppKind(c.scimApp) === "catalog";

  // One after another: each property is a write of the app's whole user schema, and Okta's schema API
  // has dropped one of two concurrent writes. dependsOn is no input, so the chain replaces nothing.
  const customAttributes: okta.AppUserSchemaProperty[] = [];
  for (const a of c.customAttributes) {
    const previous = customAttributes[customAttributes.length - 1];
    const attribute = child(c, { ...base, retainOnDelete: true, ...(previous ? { dependsOn: [previous] } : {}) }, (n) => (catalog ? n.catalogCustomAttribute(a.index) : n.customAttribute(a.index)));
    const property = new okta.AppUserSchemaProperty(
      attribute.name,
      {
        appId: args.scimAppId,
        index: a.index,
        title: a.title,
        description: a.description,
        type: a.type,
        externalName: a.externalName,
        externalNamespace: a.externalNamespace,
        scope: "NONE",
      },
      attribute.opts,
    );
    customAttributes.push(property);
  }

  const apiProvisioning = declareProvisioningApi(args);

  const sourceId = args.defaultUserTypeId ?? defaultUserTypeLookup(provider).apply((t) => t.id as string);
  const mapping = child(c, { ...base, retainOnDelete: true, dependsOn: [...customAttributes, ...apiProvisioning] }, (n) => (catalog ? n.catalogProfileMapping : n.profileMapping));
  const profileMapping = new okta.profile.Mapping(
    mapping.name,
    {
      // The lookup itself fails when the type is missing, so a resolved result always has an id.
      sourceId,
      targetId: args.scimAppId,
      // Nulls every property not listed: removes the three PUT-breaking type mappings.
      deleteWhenAbsent: true,
      // Built from the app's captured schema (validation guarantees it is given in phase 2).
      mappings: oktaToAppMappings(c.customAttributes, c.omitBaseMappings, c.scimApp.attributes ?? []),
    },
    // The mapping refers to the custom attributes, so they must exist first.
    mapping.opts,
  );

  // After the mapping: a group's members are pushed as the users the mapping shapes.
  const pushGroups = args.pushedGroupIds.map((groupId) => {
    const push = child(c, { ...base, dependsOn: [profileMapping, ...args.pushesBefore] }, (n) => (catalog ? n.catalogPushGroup(groupId) : n.pushGroup(groupId)));
    return new okta.PushGroup(push.name, { appId: args.scimAppId, sourceGroupId: groupId, status: "ACTIVE", deleteTargetGroupOnDestroy: false }, push.opts);
  });

  return { customAttributes, profileMapping, apiProvisioning, pushGroups };
}

/** Optional: Okta's API for provisioning settings, refused by Okta for most custom apps. */
function declareProvisioningApi(args: OktaProvisioningArgs): pulumi.CustomResource[] {
  const { connection: c, provider, parent } = args;
  const mode = c.manageProvisioningViaApi;
  if (mode === false) return [];
  const active = mode === true;
  // Protected while active: their delete would leave provisioning on (see the header).
  const base = { provider, parent, protect: active };
  // While decommissioning (only with "deactivate": validation refuses `true`) no SCIM token exists: the
  // deactivated connection keeps the token it was last given instead of being sent an empty one.
  const connection = child(c, c.decommission ? { ...base, ignoreChanges: ["profile"] } : base, (n) => n.appConnection);
  const features = child(c, base, (n) => n.appFeatures);
  const status = active ? "ENABLED" : "DISABLED";
  return [
    new okta.app.Connection(
      connection.name,
      {
        idProperty: args.scimAppId,
        baseUrl: args.scimEndpointUrl,
        action: active ? "activate" : "deactivate",
        profile: { authScheme: "TOKEN", token: pulumi.secret(args.scimToken) },
      },
      connection.opts,
    ),
    new okta.app.Features(
      features.name,
      {
        appId: args.scimAppId,
        name: "USER_PROVISIONING",
        status,
        capabilities: {
          create: { lifecycleCreate: { status } },
          update: { profile: { status }, lifecycleDeactivate: { status } },
        },
      },
      features.opts,
    ),
  ];
}
