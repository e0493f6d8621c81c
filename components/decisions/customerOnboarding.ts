// Where a connection to a customer's Okta org stands in its onboarding (docs/customer-orgs.md), and
// what the stack declares at each step. Pure.
//
// The order a customer really goes through (Auth0's "Inbound SCIM for Okta Workforce connections",
// split between two parties):
// 1. oidc-app: the customer's admin creates the OIDC log-in app (the vendor's callback URLs are known
//    before anything exists) and sends back its client id and secret. The stack declares nothing yet.
// 2. scim-app: with client id + secret in config, `pulumi up` creates the connection, its SCIM
//    configuration and token; the vendor sends the SCIM base URL and the token; the customer's admin
//    creates the SCIM app, assigns the same groups, removes the three type mappings.
// 3. live: the admin said it is done (`consoleStepsDone: true`): the hand-off becomes "check and rotate".
// With the self-service hand-off, step 1 and 2 happen inside Auth0's assistant (self-service), on a
// connection the stack created with placeholders (./selfService.ts).

/** The onboarding steps, in order. */
export const ONBOARDING_STEPS = ["oidc-app", "self-service", "scim-app", "live"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** Metadata key on the Auth0 connection of a customer's org: the policy pack reads it (no Okta resources to judge). */
export const ORG_ADMIN_METADATA_KEY = "oktascim-okta-admin";
export const CUSTOMER_ORG_ADMIN = "customer";

/** The slice of a connection's config the step depends on. */
export interface OnboardingConnection {
  handoff?: "document" | "selfService";
  oidcApp: { clientId?: string };
  consoleStepsDone: boolean;
}

export function customerOnboardingStep(c: OnboardingConnection): OnboardingStep {
  if (c.consoleStepsDone) return "live";
  if (c.handoff === "selfService") return "self-service";
  return c.oidcApp.clientId === undefined ? "oidc-app" : "scim-app";
}

/** Whether the stack declares the Auth0 half at this step: not before the customer's OIDC app exists. */
export function declaresAuth0Half(step: OnboardingStep): boolean {
  return step !== "oidc-app";
}

/** One sentence for the plan and the stack output: who does what next. */
export function nextActionText(step: OnboardingStep): string {
  switch (step) {
    case "oidc-app":
      return "the customer's Okta admin creates the OIDC app (npm run handoff) and sends back its client id and secret; set oidcApp.clientId and oidcApp.clientSecret (secure), then pulumi up";
    case "self-service":
      return "the customer's Okta admin finishes Auth0's self-service assistant (npm run sso-ticket issues the link); then set consoleStepsDone: true";
    case "scim-app":
      return "send the customer's Okta admin the SCIM base URL and token over a secure channel with the hand-off (npm run handoff); once they say the SCIM app is done, set consoleStepsDone: true";
    case "live":
      return "nothing: provisioning runs in the customer's org; rotate the token with a new scim.tokens generation and the rotation hand-off";
  }
}

/** The Auth0 connection's metadata for an org the stack does or does not administer (administered: unchanged). */
export function orgAdminMetadata(administeredByCustomer: boolean): Record<string, string> {
  return administeredByCustomer ? { [ORG_ADMIN_METADATA_KEY]: CUSTOMER_ORG_ADMIN } : {};
}

/** The consoleChecklist output of a customer connection: the Okta steps are in the customer's hand-off. */
export function customerChecklistText(input: { stackName: string; connectionName: string; step: OnboardingStep; decommission: boolean }): string {
  const handoff = `npm run handoff -- --stack ${input.stackName} --connection ${input.connectionName}`;
  if (input.decommission) {
    return `Okta side: the customer's admin's. Decommission step 1 deleted the SCIM tokens; send them the decommission page (${handoff}) so they deactivate provisioning and remove the apps, then remove the connection from config.`;
  }
  return `Okta side: the customer's admin's (onboarding step ${input.step}). Next: ${nextActionText(input.step)}. Their page: ${handoff}.`;
}
