// Rules for `connections[].adopt` (taking over a setup made by hand), checked before anything is
// registered. Adoption imports what exists; whatever the program would create next to it must not
// conflict with what the admin made by hand (docs/adopting-an-existing-setup.md).
import type { ConfigProblem } from "./crossFieldRules";
import type { ConnectionConfig } from "./schema";

type At = (...rest: (string | number)[]) => (string | number)[];

/** Whether the connection's existing SCIM configuration is imported (default: when the connection is). */
export function adoptsScimConfiguration(c: Pick<ConnectionConfig, "adopt">): boolean {
  return c.adopt?.auth0ConnectionId !== undefined && c.adopt.scimConfiguration !== false;
}

export function adoptionProblems(c: ConnectionConfig, at: At): ConfigProblem[] {
  const adopt = c.adopt;
  if (adopt === undefined) return [];
  const problems: ConfigProblem[] = [];
  const ids = [adopt.auth0ConnectionId, adopt.oidcAppId, adopt.scimAppId].filter((id) => id !== undefined);
  if (ids.length === 0) {
    problems.push({
      path: at("adopt"),
      message: "names nothing to adopt; give auth0ConnectionId, oidcAppId and/or scimAppId of the existing setup, or remove the adopt block",
    });
  }
  if (adopt.scimConfiguration !== undefined && adopt.auth0ConnectionId === undefined) {
    problems.push({
      path: at("adopt", "scimConfiguration"),
      message: "applies to an adopted Auth0 connection only; set adopt.auth0ConnectionId (the con_… id of the existing connection) or remove scimConfiguration",
    });
  }
  // The connection holds the OIDC app's client id and secret, and Okta never returns the secret on
  // read: an adopted app cannot feed a new connection, and a new app would update the adopted one.
  if (adopt.oidcAppId !== undefined && adopt.auth0ConnectionId === undefined) {
    problems.push({
      path: at("adopt", "oidcAppId"),
      message:
        "needs adopt.auth0ConnectionId too: Okta never returns an app's client secret when it is read, so only the existing Auth0 connection (which holds it) can keep using the adopted app. Add the connection's con_… id, or remove oidcAppId to create a new app",
    });
  }
  if (adopt.auth0ConnectionId !== undefined && adopt.oidcAppId === undefined) {
    problems.push({
      path: at("adopt", "auth0ConnectionId"),
      message:
        "needs adopt.oidcAppId too: the connection logs users in through the existing Okta OIDC app (its client id and secret); a new app would change the adopted connection. Add the OIDC app's 0oa… id",
    });
  }
  if (adopt.oidcAppId !== undefined && adopt.oidcAppId === adopt.scimAppId) {
    problems.push({
      path: at("adopt", "scimAppId"),
      message: "is the same app as adopt.oidcAppId; the OIDC log-in app and the SWA provisioning app are two apps, give each its own id",
    });
  }
  if (c.consoleStepsDone) {
    problems.push({
      path: at("adopt"),
      message:
        "cannot be combined with consoleStepsDone: true: phase 2's profile mapping and app attributes would be created over the hand-made ones, not imported. " +
        "Adopt in phase 1 (consoleStepsDone: false), apply it, remove the adopt block, then set consoleStepsDone: true in a later reviewed change",
    });
  }
  if (c.manageProvisioningViaApi !== false) {
    problems.push({
      path: at("adopt"),
      message:
        "cannot be combined with manageProvisioningViaApi: the SCIM connection and features would be created over the hand-made console settings. " +
        "Adopt with manageProvisioningViaApi: false, remove the adopt block, then switch it in a later reviewed change",
    });
  }
  if (c.decommission) {
    problems.push({
      path: at("adopt"),
      message:
        "cannot be combined with decommission: true: an adoption takes the setup over, a decommission removes it. " +
        "Finish the adoption first (apply it, remove the adopt block), then set decommission: true in a later reviewed change",
    });
  }
  if (adoptsScimConfiguration(c) && c.scim.tokens.length > 1) {
    problems.push({
      path: at("scim", "tokens"),
      message:
        "lists more than one generation while adopting an existing SCIM configuration: the hand-made token still counts against Auth0's two active tokens per connection. " +
        "List one generation; retire the hand-made token (docs/adopting-an-existing-setup.md) before adding a second",
    });
  }
  return problems;
}
