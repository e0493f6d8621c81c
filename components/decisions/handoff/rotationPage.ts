// Token rotation (scim.tokens holds two generations): the new token is created while the old one still
// works (Auth0 allows two per connection), the admin swaps it in Okta, and the vendor deletes the old
// generation only once Auth0 shows the new one used (scimTokens[].lastUsedAt), so no push fails.
import { SCIM_AUTHENTICATION_MODE } from "../oktaConsoleFacts";
import { header, questionsBlock } from "./common";
import type { HandoffInput } from "./input";
import { code, numbered, page } from "./markdown";
import { tokenDeliveryText, tokenLifeText } from "./tokenText";

/** The closing block of the setup and check pages: what a rotation will look like. */
export function rotationSummary(): string {
  return [
    "## Token rotation",
    "The SCIM token is replaced from time to time, before it expires. We then create a new token while the old one keeps working, send it to you the same way, with a short page: you paste it in place of the old one and tell us; once Okta uses the new token we delete the old one. Provisioning never stops.",
  ].join("\n\n");
}

export function rotationPage(input: HandoffInput): string {
  const [old, next] = [input.tokens[0], input.tokens[input.tokens.length - 1]];
  return page([
    header(
      input,
      "Replace the SCIM token of the provisioning app",
      `We created a new SCIM token (${code(next.generation)}) for the provisioning app ${code(input.connection.scimApp.label)}. The current token (${code(old.generation)}) keeps working until you have switched; then we delete it.`,
    ),
    "## Paste the new token",
    numbered([
      `Open the app ${code(input.connection.scimApp.label)} → **Provisioning** tab → **Integration** → **Edit**.`,
      `Authentication Mode stays **${SCIM_AUTHENTICATION_MODE}**. Replace the content of the **Authorization** field (Bearer) with the new token. ${tokenDeliveryText()}`,
      "Leave every other setting as it is.",
      "Click **Test Connector Configuration**: it must succeed. Then **Save**.",
      "Tell us you switched.",
    ]),
    tokenLifeText(next),
    "## What we do then",
    `We watch our side until the new token has been used by Okta (it records its last use), and then delete the old token ${code(old.generation)}. If you have not switched by then, pushes start to fail with 401 Unauthorized: paste the new token and they resume.`,
    "## Check it worked",
    [
      "- **Test Connector Configuration** succeeded with the new token.",
      "- Dashboard → **Tasks** shows no new provisioning error for this app after the next change to an assigned user.",
    ].join("\n"),
    questionsBlock(),
  ]);
}
