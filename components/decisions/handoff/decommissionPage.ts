// Decommission (connections[].decommission: true, step 1 applied): the vendor has deleted the SCIM
// tokens, so Okta can no longer change anyone on the vendor's side. The admin switches provisioning off
// (or Okta keeps queueing failing pushes), unassigns and deletes both apps.
import { TO_APP_SWITCHES_ON, andList } from "../oktaConsoleFacts";
import { header, orgLinks, questionsBlock } from "./common";
import type { HandoffInput } from "./input";
import { code, link, numbered, page } from "./markdown";

export function decommissionPage(input: HandoffInput): string {
  const links = orgLinks(input);
  const { oidcApp, scimApp } = input.connection;
  return page([
    header(
      input,
      "Removing the connection: clean up your Okta org",
      `We are ending this connection. We have already deleted its SCIM tokens: Okta can no longer create, update or deactivate anyone on our side, and your users can no longer be provisioned. What is left in your Okta org are the two apps ${code(oidcApp.label)} and ${code(scimApp.label)}.`,
    ),
    "## Steps",
    numbered([
      `Open ${code(scimApp.label)} (Applications: ${link(links.apps)}) → **Provisioning** → **To App** → **Edit**: turn off ${andList(TO_APP_SWITCHES_ON.map((s) => `**${s}**`))} → **Save**. Otherwise Okta keeps trying and lists a failed push (401 Unauthorized) for every change.`,
      `On the same app: **General** → App Settings → **Edit** → Provisioning: **None** → **Save**. Then **Assignments**: remove every group and person. Then deactivate the app (the app's status menu → **Deactivate**) and delete it.`,
      `Open ${code(oidcApp.label)}${links.oidcAppAssignments ? ` (${link(links.oidcAppAssignments)})` : ""} → **Assignments**: remove every group and person, then deactivate and delete the app. From then on nobody can sign in to our application with your Okta accounts.`,
      "Tell us it is done.",
    ]),
    "## Check it worked",
    [
      `- Neither app is listed under Applications any more (${link(links.apps)}, also under the **Inactive** filter).`,
      `- Dashboard → **Tasks** (${link(links.tasks)}) lists no pending provisioning task for ${code(scimApp.label)}.`,
    ].join("\n"),
    questionsBlock(),
  ]);
}
