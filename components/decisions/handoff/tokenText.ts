// What a page says about a SCIM token: how it reaches the admin and how long it lives. Never its value
// (HandoffTokenGeneration has none).
import { SECURE_CHANNEL } from "./common";
import type { HandoffTokenGeneration } from "./input";

const DAY_SECONDS = 86_400;

/** "It expires on …" from the stack output's validUntil, else from the configured lifetime, else none. */
export function tokenLifeText(token: HandoffTokenGeneration | undefined): string {
  if (token?.validUntil) return `It expires on ${token.validUntil}: we send a new one before then (see "Token rotation").`;
  if (token?.lifetimeSeconds !== undefined) {
    const days = token.lifetimeSeconds / DAY_SECONDS;
    const span = Number.isInteger(days) ? `${days} days` : `${token.lifetimeSeconds} seconds`;
    return `It expires ${span} after we created it: we send a new one before then (see "Token rotation").`;
  }
  return "It does not expire; we replace it when needed (see \"Token rotation\").";
}

/** How the token travels: never on a page, always on its own. */
export function tokenDeliveryText(): string {
  return `The token is not on this page. We send it to you separately, over ${SECURE_CHANNEL}. Paste it straight into Okta and do not keep another copy: Okta stores it encrypted.`;
}
