// Step `self-service`: the customer's admin configures the connection in Auth0's own guided assistant
// (a ticket link the vendor issues, ../selfService.ts). The page only prepares them: what the link is,
// what it asks, how long it lasts. The SCIM token is generated inside the assistant: it never passes
// through the vendor, and this page has nothing to say about its value.
import { ASSISTANT_SESSION_HOURS, DEFAULT_TICKET_TTL_SECONDS, MAX_TICKET_OPENS } from "../selfService";
import { SECURE_CHANNEL, header, orgLinks, questionsBlock } from "./common";
import type { HandoffInput } from "./input";
import { link, page } from "./markdown";

export function selfServicePage(input: HandoffInput): string {
  const hours = DEFAULT_TICKET_TTL_SECONDS / 3600;
  return page([
    header(
      input,
      "Connect your Okta org through the guided set-up",
      "Your users will sign in to our application with their Okta account, and Okta will provision them to us (SCIM). You set this up yourself in a guided assistant hosted by Auth0, our sign-in service: it shows every value to enter and checks the connection as you go.",
    ),
    "## The link",
    [
      `- We send you a personal link to the assistant over ${SECURE_CHANNEL}. Treat it like a password: whoever opens it can configure the connection.`,
      `- It is valid for ${hours} hours unless we tell you otherwise, and can be opened at most ${MAX_TICKET_OPENS} times. Once opened, the assistant session lasts ${ASSISTANT_SESSION_HOURS} hours.`,
      "- If it has expired, ask us for a new one; an old link cannot be renewed.",
    ].join("\n"),
    "## What the assistant asks of you",
    [
      `- To create an OIDC app in your Okta org (Applications: ${link(orgLinks(input).apps)}) with the redirect URI the assistant shows, and to enter your Okta domain, the app's client id and client secret. The secret goes straight into the assistant; do not send it to us.`,
      "- To set up provisioning: the assistant generates a SCIM token and shows it to you once, with the SCIM base URL, for a provisioning app in Okta. Paste it there; nobody else sees it.",
      "- Assign the same groups to both apps, so the same people can sign in and are provisioned.",
    ].join("\n"),
    "## When you are done",
    "Tell us. We check the connection on our side and confirm.",
    questionsBlock(),
  ]);
}
