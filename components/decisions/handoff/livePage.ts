// Step `live`: the admin said the provisioning app is done. The page is for checking it still works
// and for what a token rotation asks of them (./rotationPage.ts writes the rotation page itself).
import { newestGeneration } from "../tokenGenerations";
import { SCIM_PROVISIONING_ACTIONS, SCIM_UNIQUE_IDENTIFIER_FIELD, TO_APP_SWITCHES_OFF, TO_APP_SWITCHES_ON, andList } from "../oktaConsoleFacts";
import { PUT_BREAKING_TYPE_EXPRESSIONS } from "../oktaProfileMappings";
import { header, orgLinks, questionsBlock } from "./common";
import type { HandoffInput } from "./input";
import { code, link, numbered, page, valueBlock } from "./markdown";
import { rotationSummary } from "./rotationPage";
import { scimUrlBlock } from "./scimAppPage";
import { tokenLifeText } from "./tokenText";

export function livePage(input: HandoffInput): string {
  const links = orgLinks(input);
  const { oidcApp, scimApp } = input.connection;
  return page([
    header(
      input,
      "Sign-in and provisioning are set up: how to check them",
      `Your users sign in through ${code(oidcApp.label)} and are provisioned through ${code(scimApp.label)}. Nothing is waiting for you. Use this page when something looks wrong, after a change in your Okta org, or when we ask.`,
    ),
    "## What should be true",
    numbered([
      `Both apps are assigned exactly the same groups (Applications: ${link(links.apps)}${links.oidcAppAssignments ? `; the log-in app's assignments: ${link(links.oidcAppAssignments)}` : ""}).`,
      `${code(scimApp.label)} → **Provisioning** → **Integration**: the SCIM connector base URL is\n\n${scimUrlBlock(input.scimEndpointUrl)}\n\nthe unique identifier field is ${code(SCIM_UNIQUE_IDENTIFIER_FIELD)}, only ${andList(SCIM_PROVISIONING_ACTIONS.map((a) => `**${a}**`))} are ticked, and **Test Connector Configuration** succeeds.`,
      `**To App**: ${andList(TO_APP_SWITCHES_ON.map((s) => `**${s}**`))} on, ${andList(TO_APP_SWITCHES_OFF.map((s) => `**${s}**`))} off.`,
      `The To App attribute mappings have none of these three expressions (removed at set-up; they can come back if the app's mappings are reset):\n\n${valueBlock(PUT_BREAKING_TYPE_EXPRESSIONS)}`,
      `Dashboard → **Tasks** (${link(links.tasks)}) lists no provisioning error for ${code(scimApp.label)}.`,
    ]),
    `**The SCIM token.** ${tokenLifeText(newestGeneration(input.tokens))}`,
    "## If pushes fail",
    [
      "- **401 Unauthorized**: the token in the Authorization field is not a valid one any more (expired, or a rotation's old token was deleted before you switched). Ask us for the current token; we send it over the agreed secure channel.",
      "- An error mentioning a **type** attribute on profile updates: one of the three mappings above is back; remove it again.",
      "- Anything else: send us the text of the Tasks entry (it holds no secret).",
    ].join("\n"),
    rotationSummary(),
    questionsBlock(),
  ]);
}
