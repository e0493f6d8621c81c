// The OIDC app's client secret the Auth0 connection is given. Okta's API hands the secret to the okta
// provider only on create and update, never on read (terraform-provider-okta, resourceAppOAuthRead:
// "Not setting client_secret, it is only provided on create and update"). So an app taken over with
// `adopt.oidcAppId` has no secret in the state, now or after the adopt block is removed; giving the
// connection that empty value would update it and break every log-in. The connection, adopted with
// the app (config/adoptionRules.ts requires both), already holds the secret: it is read back from it.
import * as pulumi from "@pulumi/pulumi";
import * as auth0 from "@pulumi/auth0";

/** Pure: whether the app's own secret is missing (an app read by an import) and the connection's is used. */
export function secretMissing(appSecret: string | undefined | null): boolean {
  return appSecret === undefined || appSecret === null || appSecret === "";
}

/**
 * The secret for the connection: the app's own; when it is missing (an app read by an import, now or
 * after the adopt block was removed), the one the connection holds. Only while `adopting` is it an
 * error that neither has one; otherwise the app's value passes through unchanged (a program's unit
 * tests with mocks that return no secret see no lookup failure of a setup they never adopted).
 */
export function oidcClientSecretForConnection(
  appSecret: pulumi.Output<string>,
  connectionName: string,
  provider: auth0.Provider,
  adopting: boolean,
): pulumi.Output<string> {
  return pulumi.secret(
    appSecret.apply(async (secret) => {
      if (!secretMissing(secret)) return secret;
      const existing = await auth0.getConnection({ name: connectionName }, { provider });
      const held = existing.options?.[0]?.clientSecret;
      if (!secretMissing(held)) return held as string;
      if (!adopting) return secret;
      throw new pulumi.RunError(
        `The Okta OIDC app of connection ${connectionName} was adopted, but neither Okta (which never returns a client secret on read) nor the Auth0 connection has its client secret. ` +
          "Set the secret on the connection in the Auth0 dashboard (Authentication → Enterprise → Okta Workforce → the connection → Client Secret), then preview again.",
      );
    }),
  );
}
