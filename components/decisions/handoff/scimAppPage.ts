// Onboarding step `scim-app`: the log-in app exists and the vendor's connection with it; the admin
// creates the provisioning app as the module does in its own orgs (a Secure Web Authentication app,
// icon hidden: components/oktaApps.ts) and sets the console-only provisioning settings
// (../oktaConsoleFacts.ts), the same the console checklist gives the stack's own admins.
import { newestGeneration } from "../tokenGenerations";
import {
  SCIM_AUTHENTICATION_MODE,
  SCIM_PROVISIONING_ACTIONS,
  SCIM_UNIQUE_IDENTIFIER_FIELD,
  TO_APP_SWITCHES_OFF,
  TO_APP_SWITCHES_ON,
  andList,
} from "../oktaConsoleFacts";
import { header, orgLinks, questionsBlock } from "./common";
import type { HandoffInput } from "./input";
import { customAttributesText, removeTypeMappingsText } from "./mappingText";
import { code, link, numbered, page, valueBlock } from "./markdown";
import { tokenDeliveryText, tokenLifeText } from "./tokenText";
import { rotationSummary } from "./rotationPage";

/** Shown instead of the URL by the pure function; the CLI refuses to write the page without it. */
export const SCIM_URL_UNKNOWN = "Not known yet: the vendor fills this in after creating your connection.";

export function scimUrlBlock(url: string | undefined): string {
  return url === undefined ? `**${SCIM_URL_UNKNOWN}**` : valueBlock([url]);
}

export function scimAppPage(input: HandoffInput): string {
  const links = orgLinks(input);
  const { oidcApp, scimApp } = input.connection;
  const oidcRef = links.oidcAppAssignments ? `${code(oidcApp.label)} (${link(links.oidcAppAssignments)})` : code(oidcApp.label);
  return page([
    header(
      input,
      "Step 2 of 2: provision your users to us (SCIM)",
      `The log-in app ${code(oidcApp.label)} you created in step 1 is connected. Now a second app lets Okta create, update and deactivate your users in our application as you assign and change them in Okta (SCIM 2.0 provisioning). Without it, users could sign in but their profile would not follow changes in Okta, and nobody would be deactivated when they leave.`,
    ),
    "## 1. Create the provisioning app",
    numbered([
      `Open Applications → Applications: ${link(links.apps)}`,
      "Click **Create App Integration**, choose **SWA - Secure Web Authentication**, and click Next.",
      `App name:\n\n${valueBlock([scimApp.label])}`,
      `App's login page URL:\n\n${valueBlock([scimApp.url])}`,
      "App visibility: tick **Do not display application icon to users** (your users sign in through the log-in app; this app only provisions). After Finish, on the **General** tab → App Settings → Edit, also tick the option that hides it in the Okta mobile app.",
      "Leave the other settings as they are and click **Finish**.",
    ]),
    "## 2. Switch on provisioning",
    "On the new app's **General** tab → App Settings → **Edit** → Provisioning: select **SCIM** → **Save**. A **Provisioning** tab appears.",
    "## 3. Connect it to our SCIM service",
    numbered([
      "**Provisioning** tab → **Integration** → **Edit**.",
      `SCIM connector base URL:\n\n${scimUrlBlock(input.scimEndpointUrl)}`,
      `Unique identifier field for users:\n\n${valueBlock([SCIM_UNIQUE_IDENTIFIER_FIELD])}`,
      `Supported provisioning actions: tick ${andList(SCIM_PROVISIONING_ACTIONS.map((a) => `**${a}**`))}; leave every other action (Import, Push Groups) unticked.`,
      `Authentication Mode: **${SCIM_AUTHENTICATION_MODE}**. In its **Authorization** field (Bearer), paste the SCIM token we sent you. ${tokenDeliveryText()}`,
      "Click **Test Connector Configuration**: it must say the connection succeeded (it lists users, possibly none). Then **Save**.",
    ]),
    tokenLifeText(newestGeneration(input.tokens)),
    "## 4. Choose what Okta does (To App)",
    numbered([
      "**Provisioning** tab → **To App** → **Edit**.",
      `Enable ${andList(TO_APP_SWITCHES_ON.map((s) => `**${s}**`))}.`,
      `Leave ${andList(TO_APP_SWITCHES_OFF.map((s) => `**${s}**`))} off: we do not take passwords; your users sign in through Okta.`,
      "Click **Save**.",
    ]),
    "## 5. Remove the three type mappings",
    removeTypeMappingsText(),
    "## 6. Custom attributes",
    customAttributesText(input.connection.scim.additionalMappings),
    "## 7. Assign the same groups as the log-in app",
    `On the **Assignments** tab → **Assign** → **Assign to Groups**: assign exactly the groups assigned to ${oidcRef}. Both apps must always see the same people: someone assigned only to the log-in app can sign in but is never updated or deactivated by Okta; someone assigned only here is created but cannot sign in.`,
    "## 8. Tell us it is done",
    "Reply to us that the provisioning app is set up. We then confirm that your users arrived.",
    "## Check it worked",
    [
      "- **Test Connector Configuration** succeeded (step 3).",
      "- Assign one test user (or add them to an assigned group): within a minute or two Okta pushes them. We confirm they arrived on our side; ask us.",
      `- Okta lists failed pushes under Dashboard → **Tasks**: ${link(links.tasks)}. An entry for this app names the user and the error; send us its text (no token is in it).`,
      "- The app's **Provisioning** tab → **To App** shows the switches of step 4, and the mappings list no longer has the three expressions of step 5.",
    ].join("\n"),
    rotationSummary(),
    questionsBlock(),
  ]);
}
