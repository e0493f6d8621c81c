// Phase 2 of the Okta half, declared only once an admin has switched provisioning on in the console
// (`consoleStepsDone`): before that, Okta answers "no profile mappings found" and would create app
// attributes without their SCIM namespace.
import * as pulumi from "@pulumi/pulumi";
import * as okta from "@pulumi/okta";
import type { ConnectionConfig } from "../config/schema";
import { oktaToAppMappings } from "./decisions/oktaProfileMappings";
import { childNames } from "./naming";

export interface OktaProvisioningArgs {
  connection: ConnectionConfig;
  scimAppId: pulumi.Input<string>;
  scimEndpointUrl: pulumi.Input<string>;
  scimToken: pulumi.Input<string>;
  provider: okta.Provider;
  parent: pulumi.Resource;
}

export function declareOktaProvisioning(args: OktaProvisioningArgs) {
  const { connection: c, provider, parent } = args;
  const names = childNames(c.name);
  const opts = { provider, parent };

  const customAttributes = c.customAttributes.map(
    (a) =>
      new okta.AppUserSchemaProperty(
        names.customAttribute(a.index),
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
        opts,
      ),
  );

  // Optional: Okta's API for provisioning settings, refused by Okta for most custom apps.
  const apiProvisioning = c.manageProvisioningViaApi
    ? [
        new okta.app.Connection(
          names.appConnection,
          {
            idProperty: args.scimAppId,
            baseUrl: args.scimEndpointUrl,
            action: "activate",
            profile: { authScheme: "TOKEN", token: pulumi.secret(args.scimToken) },
          },
          opts,
        ),
        new okta.app.Features(
          names.appFeatures,
          {
            appId: args.scimAppId,
            name: "USER_PROVISIONING",
            status: "ENABLED",
            capabilities: {
              create: { lifecycleCreate: { status: "ENABLED" } },
              update: { profile: { status: "ENABLED" }, lifecycleDeactivate: { status: "ENABLED" } },
            },
          },
          opts,
        ),
      ]
    : [];

  const defaultUserType = okta.user.getUserTypeOutput({ name: "user" }, opts);
  const profileMapping = new okta.profile.Mapping(
    names.profileMapping,
    {
      // The lookup itself fails when the type is missing, so a resolved result always has an id.
      sourceId: defaultUserType.apply((t) => t.id as string),
      targetId: args.scimAppId,
      // Nulls every property not listed: removes the three PUT-breaking type mappings.
      deleteWhenAbsent: true,
      // Built from the app's captured schema (validation guarantees it is given in phase 2).
      mappings: oktaToAppMappings(c.customAttributes, c.omitBaseMappings, c.scimApp.attributes ?? []),
    },
    // The mapping refers to the custom attributes, so they must exist first.
    { ...opts, dependsOn: [...customAttributes, ...apiProvisioning] },
  );

  return { customAttributes, profileMapping, apiProvisioning };
}
