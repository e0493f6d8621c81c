// The hand-off document (issue 21 item 3): one Markdown page for a customer's Okta admin, for the step
// their connection is at, or for a token rotation or the decommission. Pure: the page is a function of
// config and stack outputs only (no date, no randomness), so committed example pages can be checked
// like plans. It never holds a secret: the types it reads have no field for one (./handoff/input.ts).
import { customerOnboardingStep } from "./customerOnboarding";
import { MAX_TOKEN_GENERATIONS } from "./tokenGenerations";
import type { HandoffInput, HandoffPageName } from "./handoff/input";
import { oidcAppPage } from "./handoff/oidcAppPage";
import { scimAppPage } from "./handoff/scimAppPage";
import { livePage } from "./handoff/livePage";
import { selfServicePage } from "./handoff/selfServicePage";
import { rotationPage } from "./handoff/rotationPage";
import { decommissionPage } from "./handoff/decommissionPage";

export type { HandoffInput, HandoffPageKind, HandoffPageName, HandoffConnection, HandoffTokenGeneration } from "./handoff/input";
export { HANDOFF_PAGE_KINDS } from "./handoff/input";

/**
 * Which page `input` asks for, or why there is none. Rotation needs two generations (the old one Okta
 * uses, the new one to paste); decommission needs step 1 applied (tokens deleted), and a decommissioned
 * connection gets no onboarding page (its tokens are gone: its setup steps would fail).
 */
export function handoffPageName(input: Pick<HandoffInput, "kind" | "connection" | "tokens">): { page: HandoffPageName } | { problem: string } {
  const { connection, kind } = input;
  const step = customerOnboardingStep(connection);
  if (kind === "decommission") {
    return connection.decommission
      ? { page: "decommission" }
      : { problem: `connection ${connection.name} is not being decommissioned: set decommission: true and run pulumi up first (that deletes its SCIM tokens), then write this page` };
  }
  if (connection.decommission) {
    return { problem: `connection ${connection.name} has decommission: true: its SCIM tokens are deleted, so only the decommission page applies (--kind decommission)` };
  }
  if (kind === "rotation") {
    if (step === "self-service") return { problem: `connection ${connection.name} uses the self-service hand-off: its admin generates the SCIM token in Auth0's assistant, there is no rotation page` };
    if (step === "oidc-app") return { problem: `connection ${connection.name} waits for its OIDC app (step oidc-app): it has no SCIM token to rotate yet` };
    if (input.tokens.length !== MAX_TOKEN_GENERATIONS) {
      return {
        problem: `connection ${connection.name} has ${input.tokens.length} scim.tokens generation(s); a rotation page needs two (the one Okta uses, then the new one): add the new generation, run pulumi up, then write this page`,
      };
    }
    return { page: "rotation" };
  }
  return { page: step };
}

/** The page as Markdown, or why none may be written. */
export function handoffDocument(input: HandoffInput): { page: HandoffPageName; markdown: string } | { problem: string } {
  const chosen = handoffPageName(input);
  if ("problem" in chosen) return chosen;
  return { page: chosen.page, markdown: renderPage(chosen.page, input) };
}

function renderPage(name: HandoffPageName, input: HandoffInput): string {
  switch (name) {
    case "oidc-app":
      return oidcAppPage(input);
    case "self-service":
      return selfServicePage(input);
    case "scim-app":
      return scimAppPage(input);
    case "live":
      return livePage(input);
    case "rotation":
      return rotationPage(input);
    case "decommission":
      return decommissionPage(input);
  }
}

/** Whether the page shows the SCIM base URL, which only the deployed stack knows. */
export function pageNeedsScimUrl(name: HandoffPageName): boolean {
  return name === "scim-app" || name === "live";
}
