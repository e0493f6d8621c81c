// Checklist steps for the catalog app (scimApp.kind catalog) and for a custom app moving to it
// (scimApp.movingTo): the console screens of Auth0's OIDC guide since 2026-06-05. The stack only
// references that app, so the admin console links go to the app list (its console URL needs the app's
// internal name, which the stack does not know), and removing the connection leaves the app in Okta.
import {
  CATALOG_API_INTEGRATION,
  CATALOG_GENERAL_SETTINGS,
  CATALOG_TO_APP_SWITCHES_OFF,
  TO_APP_SWITCHES_ON,
  andList,
} from "./oktaConsoleFacts";
import { CATALOG_SCIM_APP_DISPLAY_NAME } from "./scimAppKind";
import { OKTA_ADMIN_APPS_PATH, oktaAdminConsoleUrl } from "./urls";
// A cycle with ./consoleChecklist, safe: neither module calls the other while loading.
import { tokenCommand, type ChecklistInput, type ChecklistStep } from "./consoleChecklist";

/** The admin console's app list: where the admin opens the catalog app by its label. */
export function catalogAppLink(input: Pick<ChecklistInput, "oktaOrgName" | "oktaBaseUrl">): string {
  return oktaAdminConsoleUrl(input.oktaOrgName, input.oktaBaseUrl, OKTA_ADMIN_APPS_PATH);
}

/** How to paste a token into the catalog app: one place, read by setup, rotation and the move. */
export function catalogTokenDetails(input: ChecklistInput, appId: string, outputName: string, pushesGroups: boolean): string[] {
  return [
    `Open the app with id ${appId} → Provisioning tab → Integration → ${CATALOG_API_INTEGRATION.open}.`,
    `${CATALOG_API_INTEGRATION.baseUrl}: ${input.scimEndpointUrl} (as printed, no trailing slash).`,
    `${CATALOG_API_INTEGRATION.token}: the token printed by \`${tokenCommand(input.stackName, outputName)}\``,
    ...(pushesGroups ? ["Import Groups: off (the stack pushes groups, it does not import them)."] : []),
    `${CATALOG_API_INTEGRATION.test} must succeed, then Save.`,
  ];
}

function toAppDetails(): string[] {
  return [`Provisioning tab → To App → Edit: enable ${andList(TO_APP_SWITCHES_ON)}; leave ${andList(CATALOG_TO_APP_SWITCHES_OFF)} off → Save.`];
}

/** Steps for a connection on the catalog app: check the app, connect it, switch on To App. */
export function catalogSetupSteps(input: ChecklistInput, pushesGroups: boolean): ChecklistStep[] {
  const link = catalogAppLink(input);
  return [
    {
      id: "O6-7",
      title: `Check the catalog app "${input.scimApp.label}" (${input.scimApp.id})`,
      details: [
        `It must be Okta's catalog app "${CATALOG_SCIM_APP_DISPLAY_NAME}" (Applications → Browse App Catalog → Add Integration). This stack assigns it and never creates or deletes it.`,
        `General tab → App Settings: ${andList(CATALOG_GENERAL_SETTINGS)}.`,
      ],
      link,
    },
    { id: "O9-12", title: "Configure the SCIM connection", details: catalogTokenDetails(input, input.scimApp.id, input.tokenOutputName, pushesGroups), link },
    { id: "O13-14", title: "Enable the To App provisioning actions", details: toAppDetails(), link },
  ];
}

/** While two generations exist on the catalog app: paste the newer token (ROTATE-1 of the rotation). */
export function catalogRotationPaste(input: ChecklistInput, next: { generation: string; outputName: string }): ChecklistStep {
  return {
    id: "ROTATE-1",
    title: `Paste the new SCIM token (generation "${next.generation}") into the catalog app and test it`,
    details: [...catalogTokenDetails(input, input.scimApp.id, next.outputName, false), "The old token keeps working until the next step."],
    link: catalogAppLink(input),
  };
}

/**
 * A custom app moving to the catalog app (scimApp.movingTo): the stack has assigned the catalog app
 * the same people and created a token generation with patch:users. The admin connects the catalog
 * app, switches the custom app's To App off, then the second reviewed change ends the move.
 */
export function moveSteps(input: ChecklistInput, catalogAppId: string, customToAppLink: string): ChecklistStep[] {
  const generations = input.tokenGenerations ?? [];
  const [old, next] = [generations[0], generations[generations.length - 1]];
  const link = catalogAppLink(input);
  return [
    {
      id: "MOVE-1",
      title: `Connect the catalog app ${catalogAppId} with the new token (generation "${next?.generation ?? "?"}")`,
      details: [
        `The stack has assigned it the same groups and users as "${input.scimApp.label}". General tab → App Settings: ${andList(CATALOG_GENERAL_SETTINGS)}.`,
        ...catalogTokenDetails(input, catalogAppId, next?.outputName ?? input.tokenOutputName, false),
        ...toAppDetails(),
        "To App → attribute mappings: remove the three type mappings (Auth0's guide); the move's second change declares this app's profile mapping in phase 2.",
        "Okta looks each assigned user up by userName before creating one, so the users Auth0 holds already are linked, not duplicated.",
      ],
      link,
    },
    {
      id: "MOVE-2",
      title: `Switch provisioning off on the custom app "${input.scimApp.label}"`,
      details: [
        `Provisioning tab → To App → Edit: turn off ${andList(TO_APP_SWITCHES_ON)} → Save. Ending the move unassigns everyone from this app; with Deactivate Users on, Okta would deactivate them in Auth0.`,
      ],
      link: customToAppLink,
    },
    {
      id: "MOVE-3",
      title: "End the move in a second reviewed change",
      details: [
        `Once \`npm run verify -- --stack ${input.stackName} --connection ${input.connectionName}\` reports the new token used, set ${input.configPath}.scimApp to { kind: catalog, appId: ${catalogAppId}, label: <the catalog app's label> } (url and movingTo removed) and delete the generation ${old?.generation ?? "<old>"} from scim.tokens.`,
        "Its `pulumi up` deletes the old token first (the custom app can no longer reach Auth0), then the custom app's assignments, then the custom app; the Auth0 connection and its users stay. In phase 2 the profile mapping and custom attributes move to the catalog app (replaced).",
      ],
    },
  ];
}
