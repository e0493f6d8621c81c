// What every hand-off page shares: who it is for, the Okta console links of the customer's org, and
// how secrets travel. The reader is the customer's Okta admin, who knows Okta but not the vendor's
// tooling: no page names Pulumi, a stack or a config file.
import { OKTA_ADMIN_APPS_PATH, OKTA_ADMIN_TASKS_PATH, oktaAdminAppUrl, oktaAdminConsoleUrl, oktaOrgDomain } from "../urls";
import type { HandoffInput } from "./input";
import { code } from "./markdown";

export function orgLinks(input: HandoffInput) {
  const { orgName, baseUrl } = input.org;
  const clientId = input.connection.oidcApp.clientId;
  return {
    orgDomain: oktaOrgDomain(orgName, baseUrl),
    apps: oktaAdminConsoleUrl(orgName, baseUrl, OKTA_ADMIN_APPS_PATH),
    tasks: oktaAdminConsoleUrl(orgName, baseUrl, OKTA_ADMIN_TASKS_PATH),
    // Okta gives an OIDC app the same id as its client id, so its page is known once they sent it.
    oidcAppAssignments: clientId === undefined ? undefined : oktaAdminAppUrl(orgName, baseUrl, "oidc_client", clientId, "assignments"),
  };
}

/** The page's title block: what it is for and which org it is about. */
export function header(input: HandoffInput, title: string, intro: string): string {
  const who = input.connection.displayName ?? input.connection.name;
  return [`# ${title}`, `For: ${who}, Okta org ${code(orgLinks(input).orgDomain)}. Connection: ${code(input.connection.name)}.`, intro].join("\n\n");
}

/** How a secret travels between the vendor and the customer's admin, in either direction. */
export const SECURE_CHANNEL =
  "the secure channel you agreed with us (for example a password manager's shared vault or a one-time secret link); never in plain-text email or chat";

/** The last block of every page. */
export function questionsBlock(): string {
  return [
    "## Questions",
    "Reply to the person who sent you this page. Never send a secret (client secret, token) in that reply: only over " + SECURE_CHANNEL + ".",
  ].join("\n\n");
}
