// The stack's self-service profile (Auth0 Self-Service Enterprise Configuration), declared when
// oktaScim:auth0.selfServiceProfile is set. `npm run sso-ticket` issues tickets from it for the
// connections with `handoff: selfService`; it reads the profile's id from the stack output below.
import * as pulumi from "@pulumi/pulumi";
import * as auth0 from "@pulumi/auth0";
import type { StackConfig } from "../config/schema";

/** Resource name of the profile: one per stack. */
export const SELF_SERVICE_PROFILE_RESOURCE = "self-service-profile";

/**
 * Stack output holding {id, name} of the profile. An underscore cannot occur in a connection name
 * (config/schema.ts), so no connection's output can take this name.
 */
export const SELF_SERVICE_PROFILE_OUTPUT = "self_service_profile";

/** The profile, or undefined when the stack config declares none (nothing is registered then). */
export function declareSelfServiceProfile(config: StackConfig, provider: auth0.Provider): auth0.SelfServiceProfile | undefined {
  const profile = config.auth0.selfServiceProfile;
  if (profile === undefined) return undefined;
  return new auth0.SelfServiceProfile(
    SELF_SERVICE_PROFILE_RESOURCE,
    {
      name: profile.name,
      description: profile.description,
      // Only Okta Workforce: the connections this stack declares for the assistant use the okta strategy.
      allowedStrategies: [...profile.allowedStrategies],
      userAttributes: profile.userAttributes?.map((a) => ({ name: a.name, description: a.description, isOptional: a.isOptional })),
    },
    { provider },
  );
}

/** The output `npm run sso-ticket` reads (no secret in it: a plain `pulumi stack output --json` shows it). */
export function selfServiceProfileOutput(profile: auth0.SelfServiceProfile): pulumi.Output<{ id: string; name: string }> {
  return pulumi.output({ id: profile.id, name: profile.name.apply((n) => n ?? "") });
}
