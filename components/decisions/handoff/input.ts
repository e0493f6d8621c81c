// What a hand-off page is made from: the slice of the stack config and stack outputs it needs. The
// types carry no secret on purpose: the OIDC app's client secret and the SCIM tokens are not fields
// here, so no page can print them (a caller that passes the whole connection config still only has
// these fields read).
import type { ScimMapping } from "../../../config/schema";
import type { OnboardingStep } from "../customerOnboarding";

/** Why a page is written: the onboarding step the connection is at, a token rotation, or the end. */
export const HANDOFF_PAGE_KINDS = ["onboarding", "rotation", "decommission"] as const;
export type HandoffPageKind = (typeof HANDOFF_PAGE_KINDS)[number];

/** A token generation as the page tells of it: never its value. */
export interface HandoffTokenGeneration {
  generation: string;
  /** ISO time the token expires, from the stack output (scimTokens[].validUntil), when known. */
  validUntil?: string;
  /** From config: how long the token lives after it is created. */
  lifetimeSeconds?: number;
}

export interface HandoffConnection {
  name: string;
  displayName?: string;
  handoff?: "document" | "selfService";
  consoleStepsDone: boolean;
  decommission: boolean;
  oidcApp: { label: string; clientId?: string; refreshToken?: boolean };
  scimApp: { label: string; url: string };
  scim: { additionalMappings: readonly ScimMapping[] };
}

export interface HandoffInput {
  stackName: string;
  tenant: { domain: string; customDomain?: string };
  org: { orgName: string; baseUrl: string };
  connection: HandoffConnection;
  kind: HandoffPageKind;
  /** Auth0's SCIM base URL of the connection, known once `pulumi up` created it (stack output). */
  scimEndpointUrl?: string;
  /** The connection's token generations, oldest first (scim.tokens, with the stack output's validUntil). */
  tokens: readonly HandoffTokenGeneration[];
}

/** Which page a connection gets: its onboarding step, or a rotation or decommission page. */
export type HandoffPageName = OnboardingStep | "rotation" | "decommission";
