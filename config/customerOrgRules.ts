// Rules for connections to an Okta org the stack does not administer (`administeredBy: customer`,
// docs/customer-orgs.md), and for the customer-only settings on the stack's own orgs. The stack never
// calls a customer's Okta API, so whatever it would have declared there is the customer's admin's to
// do, from the hand-off: such settings are refused with that reason rather than silently ignored.
import { customerOnboardingStep } from "../components/decisions/customerOnboarding";
import type { ConfigProblem } from "./crossFieldRules";
import type { ConnectionConfig, StackConfig } from "./schema";

type At = (...rest: (string | number)[]) => (string | number)[];

const HANDOFF_DOES_IT = "is the customer's admin's to do in their Okta org (the hand-off tells them how: npm run handoff); the stack never calls that org's Okta API. Remove it";

/** Settings that declare or read something in the Okta org: refused for a customer's org. */
function oktaSideSettings(c: ConnectionConfig): { path: (string | number)[]; what: string }[] {
  const out: { path: (string | number)[]; what: string }[] = [];
  if (c.groups.length > 0) out.push({ path: ["groups"], what: "Assigning groups" });
  if (c.scim.groups.length > 0) out.push({ path: ["scim", "groups"], what: "Pushing groups" });
  if (c.users.length > 0) out.push({ path: ["users"], what: "Assigning users" });
  if (c.customAttributes.length > 0) out.push({ path: ["customAttributes"], what: "Adding custom attributes to the SCIM app" });
  if (c.omitBaseMappings.length > 0) out.push({ path: ["omitBaseMappings"], what: "The SCIM app's profile mapping" });
  if (c.scimApp.attributes !== undefined) out.push({ path: ["scimApp", "attributes"], what: "Capturing the SCIM app's attributes" });
  if (c.manageProvisioningViaApi !== false) out.push({ path: ["manageProvisioningViaApi"], what: "Switching provisioning on" });
  if (c.adopt !== undefined) out.push({ path: ["adopt"], what: "Adopting the Okta apps (an Auth0-only adoption is not supported yet)" });
  return out;
}

function customerConnectionProblems(c: ConnectionConfig, at: At): ConfigProblem[] {
  const problems: ConfigProblem[] = oktaSideSettings(c).map(({ path, what }) => ({ path: at(...path), message: `${what} ${HANDOFF_DOES_IT}` }));
  const { clientId, clientSecret } = c.oidcApp;
  if (c.handoff === "selfService") {
    // The assistant collects the client id and secret: the vendor never holds them.
    for (const key of ["clientId", "clientSecret"] as const) {
      if (c.oidcApp[key] !== undefined) {
        problems.push({ path: at("oidcApp", key), message: "is entered by the customer's admin in Auth0's self-service assistant with handoff: selfService; remove it (or use handoff: document)" });
      }
    }
    return problems;
  }
  if ((clientId === undefined) !== (clientSecret === undefined)) {
    const missing = clientId === undefined ? "clientId" : "clientSecret";
    problems.push({
      path: at("oidcApp", missing),
      message: `is needed with oidcApp.${missing === "clientId" ? "clientSecret" : "clientId"}: give both (the secret as secure: pulumi config set --secret --path 'connections[i].oidcApp.clientSecret'), or neither while the connection waits for the customer's admin`,
    });
  }
  if (customerOnboardingStep(c) === "live" && clientId === undefined) {
    problems.push({ path: at("consoleStepsDone"), message: "cannot be true before oidcApp.clientId and oidcApp.clientSecret are set: nothing is declared yet for this connection, so no admin can have finished its SCIM app" });
  }
  if (c.decommission && clientId === undefined) {
    problems.push({ path: at("decommission"), message: "has nothing to decommission: the connection waits for the customer's OIDC app and declares nothing yet; remove the connection from config instead" });
  }
  return problems;
}

function administeredConnectionProblems(c: ConnectionConfig, at: At): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const key of ["clientId", "clientSecret"] as const) {
    if (c.oidcApp[key] !== undefined) {
      problems.push({ path: at("oidcApp", key), message: "is only for an org administeredBy: customer; the stack creates this org's OIDC app itself and reads its client id and secret. Remove it" });
    }
  }
  if (c.handoff !== undefined) {
    problems.push({ path: at("handoff"), message: "is only for an org administeredBy: customer (how their admin is told what to do); the stack does this org's Okta side itself. Remove it" });
  }
  return problems;
}

/** Names of the orgs the stack does not administer. */
export function customerOrgNames(config: StackConfig): Set<string> {
  return new Set(config.oktaOrgs.filter((o) => o.administeredBy === "customer").map((o) => o.name));
}

export function customerOrgProblems(config: StackConfig): ConfigProblem[] {
  const customerOrgs = customerOrgNames(config);
  const knownOrgs = new Set(config.oktaOrgs.map((o) => o.name));
  return config.connections.flatMap((c, ci) => {
    // An unknown org is reported by crossFieldProblems already.
    if (!knownOrgs.has(c.oktaOrg)) return [];
    const at: At = (...rest) => ["connections", ci, ...rest];
    return customerOrgs.has(c.oktaOrg) ? customerConnectionProblems(c, at) : administeredConnectionProblems(c, at);
  });
}
