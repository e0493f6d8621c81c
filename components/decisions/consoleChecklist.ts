// The console checklist: the steps of the Auth0 procedure that Okta's API cannot do for a custom app
// (Okta support: "application provisioning settings cannot be updated using the Application
// Connections API and must be updated in Okta Admin UI"). The component outputs this text per
// connection, with the exact values and direct links, so the admin copies rather than guesses.
import { oktaAdminAppUrl } from "./urls";
import { catalogAppLink, catalogRotationPaste, catalogSetupSteps, moveSteps } from "./catalogChecklist";
import type { ScimAppKind } from "./scimAppKind";
import { SCIM_AUTHENTICATION_MODE, SCIM_PROVISIONING_ACTIONS, SCIM_UNIQUE_IDENTIFIER_FIELD, TO_APP_SWITCHES_ON, andList } from "./oktaConsoleFacts";

export interface ChecklistInput {
  stackName: string;
  /** The Auth0 connection name (what `npm run verify --connection` takes). */
  connectionName: string;
  /** Path of the connection in the stack config, for the phase switch step (oktaScim:connections[0]). */
  configPath: string;
  oktaOrgName: string;
  oktaBaseUrl: string;
  /** The app that carries provisioning; `name` (the console URL's) is known for the custom app only. */
  scimApp: { id: string; name?: string; label: string; kind?: ScimAppKind };
  /** scimApp.movingTo: the custom app is moving to this catalog app. */
  movingTo?: { appId: string };
  scimEndpointUrl: string;
  /** The stack output that holds the current SCIM token (a secret). */
  tokenOutputName: string;
  consoleStepsDone: boolean;
  /** okta.app.Connection / okta.app.Features are declared instead of the SCIM-connection and To App steps. */
  manageProvisioningViaApi: boolean;
  /** The connection's token generations, oldest first, each with the stack output holding its token. */
  tokenGenerations?: readonly { generation: string; outputName: string }[];
  /** connections[].adopt is set: the setup was made by hand and is being taken over. */
  adopting?: boolean;
  /** Decommission step 1 is declared: the checklist lists what an Okta admin does now, and what step 2 deletes. */
  decommission?: boolean;
  /** The Auth0 connection's id (for the user export), when known. */
  connectionId?: string;
  /** The OIDC log-in app's label (step 2 deletes it). */
  oidcAppLabel?: string;
  /** scim.groups as the config names them (a name, or an id): Group Push is on when any is given. */
  pushedGroups?: readonly string[];
}

export interface ChecklistStep {
  /** Stable id of the manual step this covers (README step table). */
  id: string;
  title: string;
  details: string[];
  link?: string;
}

/** The command that prints the SCIM token for pasting into Okta (never the token itself). */
export function tokenCommand(stackName: string, tokenOutputName: string): string {
  return `pulumi stack output ${tokenOutputName} --show-secrets --stack ${stackName}`;
}

/**
 * While two token generations exist, the rotation is half done: Okta must be switched to the newer
 * token (console only for a custom app), and only then may the older generation be removed.
 */
export function tokenRotationSteps(input: ChecklistInput, provisioningLink: string): ChecklistStep[] {
  const generations = input.tokenGenerations ?? [];
  if (generations.length < 2) return [];
  const [old, next] = [generations[0], generations[generations.length - 1]];
  const paste: ChecklistStep = input.scimApp.kind === "catalog" ? catalogRotationPaste(input, next) : input.manageProvisioningViaApi
    ? {
        id: "ROTATE-1",
        title: `Check that Okta uses the new SCIM token (generation "${next.generation}")`,
        details: [
          "manageProvisioningViaApi is on: okta.app.Connection already received the new token in this update.",
          "Provisioning tab → Integration → Test Connector Configuration must succeed.",
        ],
        link: provisioningLink,
      }
    : {
        id: "ROTATE-1",
        title: `Paste the new SCIM token (generation "${next.generation}") into Okta's HTTP Header and Test Connection`,
        details: [
          `Provisioning tab → Integration → Edit → Authentication Mode: ${SCIM_AUTHENTICATION_MODE}.`,
          `Authorization (Bearer): the token printed by \`${tokenCommand(input.stackName, next.outputName)}\``,
          "Test Connector Configuration must succeed, then Save. The old token keeps working until the next step.",
        ],
        link: provisioningLink,
      };
  return [
    paste,
    {
      id: "ROTATE-2",
      title: `Remove the old generation "${old.generation}"`,
      details: [
        `Once \`npm run verify -- --stack ${input.stackName} --connection ${input.connectionName}\` (Auth0 read-back on) reports a last_used_at for the new token (Okta uses it), delete the entry generation: ${old.generation} from ${input.configPath}.scim.tokens in Pulumi.${input.stackName}.yaml.`,
        "Not `pulumi up --refresh` meanwhile: a refresh drops an expired old token and the same up would create a new one for the generation being removed.",
        `Open a pull request; \`pulumi up\` after the merge deletes the old token in Auth0.`,
      ],
    },
  ];
}

export function consoleChecklistSteps(input: ChecklistInput): ChecklistStep[] {
  const appName = input.scimApp.name;
  const link = (tab: Parameters<typeof oktaAdminAppUrl>[4]) =>
    appName === undefined ? catalogAppLink(input) : oktaAdminAppUrl(input.oktaOrgName, input.oktaBaseUrl, appName, input.scimApp.id, tab);
  if (input.decommission) return decommissionSteps(input, link);
  const steps = input.scimApp.kind === "catalog" ? catalogSetupSteps(input, pushesGroups(input)) : customAppSteps(input, link);
  // While moving, the MOVE steps take the rotation's place: the new token goes to the catalog app.
  steps.push(...(input.movingTo ? moveSteps(input, input.movingTo.appId, link("to-app")) : tokenRotationSteps(input, link("provisioning"))));
  if (input.adopting) steps.push(...adoptionSteps(input, link("provisioning")));
  steps.push(phaseTwoStep(input, link("provisioning")));
  if (pushesGroups(input)) steps.push(groupPushStep(input, link("push-groups")));
  // Last: only after phase 2 has removed the type mappings can the whole run pass.
  steps.push(verifyStep(input));
  return steps;
}

/** The custom SWA app's provisioning steps (Auth0's guide before 2026-06), by console or by API. */
function customAppSteps(input: ChecklistInput, link: (tab: Parameters<typeof oktaAdminAppUrl>[4]) => string): ChecklistStep[] {
  const steps: ChecklistStep[] = [
    {
      id: "O6-7",
      title: `Switch on provisioning for "${input.scimApp.label}"`,
      details: ["General tab → App Settings → Edit → Provisioning: select SCIM → Save."],
      link: link("general"),
    },
  ];
  if (input.manageProvisioningViaApi) {
    steps.push({
      id: "O9-14",
      title: input.consoleStepsDone
        ? "SCIM connection and To App settings are declared through Okta's API"
        : "SCIM connection and To App settings will be declared through Okta's API in phase 2",
      details: [
        input.consoleStepsDone
          ? "manageProvisioningViaApi is on: okta.app.Connection (base URL, token) and okta.app.Features (create, update, deactivate) are declared."
          : "manageProvisioningViaApi is on: okta.app.Connection (base URL, token) and okta.app.Features (create, update, deactivate) are declared once PHASE-2 is done; until then Okta has no SCIM connection and VERIFY cannot pass.",
        "If `pulumi up` fails on them (Okta refuses them for most custom apps), set manageProvisioningViaApi: false and follow the console steps this checklist then shows.",
      ],
      link: link("provisioning"),
    });
  } else {
    steps.push(
      {
        id: "O9-12",
        title: "Configure the SCIM connection",
        details: [
          "Provisioning tab → Integration → Edit.",
          `SCIM connector base URL: ${input.scimEndpointUrl}`,
          `Unique identifier field for users: ${SCIM_UNIQUE_IDENTIFIER_FIELD}`,
          pushesGroups(input)
            ? `Supported provisioning actions: tick ${andList([...SCIM_PROVISIONING_ACTIONS, "Push Groups"])} (leave Import off).`
            : `Supported provisioning actions: tick ${andList(SCIM_PROVISIONING_ACTIONS)} (leave Import and Push Groups off).`,
          `Authentication Mode: ${SCIM_AUTHENTICATION_MODE}.`,
          `Authorization (Bearer): the token printed by \`${tokenCommand(input.stackName, input.tokenOutputName)}\``,
          "Test Connector Configuration must succeed (it lists users), then Save.",
        ],
        link: link("provisioning"),
      },
      {
        id: "O13-14",
        title: "Enable the To App provisioning actions",
        details: [
          "Provisioning tab → To App → Edit.",
          `Enable ${andList(TO_APP_SWITCHES_ON)} → Save.`,
        ],
        link: link("to-app"),
      },
    );
  }
  return steps;
}

function phaseTwoStep(input: ChecklistInput, provisioningLink: string): ChecklistStep {
  return input.consoleStepsDone
      ? {
          id: "PHASE-2",
          title: "Phase 2 is declared",
          details: [
            `${input.configPath}.consoleStepsDone is true: the profile mapping (without the three type mappings) and the custom app attributes are managed by this stack.`,
          ],
          link: provisioningLink,
        }
      : {
          id: "PHASE-2",
          title: "Tell the stack the console steps are done",
          details: [
            `Capture the SCIM app's attributes with \`npm run verify -- --stack ${input.stackName} --connection ${input.connectionName} --capture-app-schema\` (OKTA_ORG_URL and OKTA_API_TOKEN set) and put the printed list under ${input.configPath}.scimApp.attributes; then set ${input.configPath}.consoleStepsDone: true in Pulumi.${input.stackName}.yaml, open a pull request, and run \`pulumi up\` once it is merged.`,
            "The profile mapping maps exactly the captured attributes: none the app lacks, none forgotten (docs/okta-app-schema.md).",
            "That declares the Okta → app profile mapping (removing the three type mappings that break Auth0's PUT) and the custom app attributes with their SCIM namespaces.",
          ],
        };
}

/**
 * While connections[].adopt is set: the console steps above were done by hand already; what is left
 * is switching Okta to the token this stack created and retiring the hand-made one (never imported:
 * Auth0 never returns a token's value), then removing the adopt block.
 */
export function adoptionSteps(input: ChecklistInput, provisioningLink: string): ChecklistStep[] {
  const generations = input.tokenGenerations ?? [];
  const newest = generations[generations.length - 1];
  const output = newest?.outputName ?? input.tokenOutputName;
  return [
    {
      id: "ADOPT-1",
      title: "Paste the SCIM token this stack created into Okta, replacing the hand-made one",
      details: [
        "Adopting a hand-made setup: the SCIM connection and To App settings above exist already; only the token changes.",
        `Provisioning tab → Integration → Edit → Authentication Mode: ${SCIM_AUTHENTICATION_MODE}.`,
        `Authorization (Bearer): the token printed by \`${tokenCommand(input.stackName, output)}\``,
        "Test Connector Configuration must succeed, then Save. The hand-made token keeps working until you delete it.",
      ],
      link: provisioningLink,
    },
    {
      id: "ADOPT-2",
      title: "Retire the hand-made token and end the adoption",
      details: [
        `Once \`pulumi refresh\` shows a lastUsedAt for the new token in the ${input.connectionName} output's scimTokens (or \`npm run verify -- --stack ${input.stackName} --connection ${input.connectionName}\` reports it used), delete the hand-made token in the Auth0 dashboard (connection → Provisioning → SCIM tokens): the one whose id is not in scimTokens.`,
        `Then remove ${input.configPath}.adopt from Pulumi.${input.stackName}.yaml in a reviewed change; \`pulumi preview\` must then show no change (docs/adopting-an-existing-setup.md).`,
      ],
    },
  ];
}

/**
 * Decommission step 1 is declared (components/decisions/decommission.ts): the SCIM tokens are gone, so
 * Okta's pushes fail with 401. What the Okta admin does now, what step 2 deletes, and the way back.
 */
function decommissionSteps(input: ChecklistInput, link: (tab: Parameters<typeof oktaAdminAppUrl>[4]) => string): ChecklistStep[] {
  const connection = input.connectionId ? `${input.connectionName} (${input.connectionId})` : input.connectionName;
  return [
    {
      id: "DECOMMISSION-1",
      title: `Turn provisioning off for "${input.scimApp.label}" in Okta`,
      details: [
        "Its SCIM tokens are deleted: Okta can no longer create, update or deactivate anyone in Auth0, and each push it tries fails with 401.",
        `Provisioning tab → To App → Edit: turn off ${andList(TO_APP_SWITCHES_ON)} → Save, so Okta stops queueing failed pushes.`,
        ...(input.manageProvisioningViaApi ? ['manageProvisioningViaApi is "deactivate": okta.app.Connection and okta.app.Features are switched off through the API; check the To App settings show them off.'] : []),
      ],
      link: link("to-app"),
    },
    {
      id: "DECOMMISSION-2",
      title: "Keep a copy of the Auth0 users of this connection",
      details: [
        `Step 2 deletes the Auth0 connection ${connection} and every Auth0 user in it (profiles, app_metadata, log-in history links). Okta's users are not touched.`,
        `Export them first: Management API POST /api/v2/jobs/users-exports with { "connection_id": "${input.connectionId ?? "<connection id>"}", "format": "json" } (scope read:users), then download the file the job links to.`,
      ],
    },
    {
      id: "DECOMMISSION-3",
      title: "Step 2: remove the connection, or reverse step 1",
      details: [
        input.scimApp.kind === "catalog"
          ? `Step 2 deletes, in this order: the group and user assignments of both Okta apps, then the SCIM configuration, the enabled clients and the Auth0 connection ${input.connectionName}, then the Okta app "${input.oidcAppLabel ?? "the OIDC log-in app"}". The catalog app "${input.scimApp.label}" (${input.scimApp.id}) was added by an admin and stays: delete it in Okta after step 2.`
          : `Step 2 deletes, in this order: the group and user assignments of both Okta apps, then the SCIM configuration, the enabled clients and the Auth0 connection ${input.connectionName}, then the Okta apps "${input.scimApp.label}"${input.oidcAppLabel ? ` and "${input.oidcAppLabel}"` : ""}.`,
        `To do it: remove ${input.configPath} from Pulumi.${input.stackName}.yaml in a pull request; its \`pulumi preview\` must list only deletes of this connection's resources; \`pulumi up\` after the merge. If it is the stack's last connection, run \`pulumi destroy --stack ${input.stackName}\` instead (a stack keeps at least one connection).`,
        `To reverse: set ${input.configPath}.decommission: false (pull request, \`pulumi up\`): the connection is protected again and new SCIM tokens are created; paste the new token into Okta and turn the To App settings back on (the console checklist then shows how).`,
      ],
    },
  ];
}

const pushesGroups = (input: ChecklistInput) => (input.pushedGroups ?? []).length > 0;

/** scim.groups: Group Push, declared in phase 2 (okta.PushGroup), once Push Groups is ticked. */
function groupPushStep(input: ChecklistInput, pushGroupsLink: string): ChecklistStep {
  const groups = andList((input.pushedGroups ?? []).map((g) => `"${g}"`));
  return {
    id: "GROUPS",
    title: input.consoleStepsDone ? `Group Push is declared for ${groups}` : `Group Push for ${groups} is declared with phase 2`,
    details: [
      "Push Groups must be ticked among the supported provisioning actions (O9-12) before phase 2, or Okta refuses the group pushes.",
      "Push Groups tab: each group is listed as pushed, status Active; Auth0 then holds a SCIM group of that name with the members assigned to this app.",
      `Removing a group from ${input.configPath}.scim.groups unlinks it and keeps the group in Auth0 as it was; delete it there on purpose if it must go.`,
    ],
    link: pushGroupsLink,
  };
}

/** Okta's own Test Connection only lists users: `npm run verify` proves create, update and deactivate. */
function verifyStep(input: ChecklistInput): ChecklistStep {
  return {
    id: "VERIFY",
    title: "Prove the integration works",
    details: [
      `Run \`npm run verify -- --stack ${input.stackName} --connection ${input.connectionName} --write${pushesGroups(input) ? " --groups" : ""}\` from this repository; after phase 2's \`pulumi up\` it must exit 0, and it prints the fix for every failure.`,
      "Before phase 2 the SCIM checks already pass; the Okta read-back then still reports the three type mappings that phase 2 removes.",
      `For the read-backs set AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET (a Management API client with read:scim_config, read:scim_token, and read:users for the stored-user report) and OKTA_ORG_URL=https://${input.oktaOrgName}.${input.oktaBaseUrl}, OKTA_API_TOKEN (an SSWS API token of an admin who can read apps, their groups and profile mappings, for example a Read-only Administrator).`,
      "--write creates one clearly named test user; Okta never deletes users over SCIM, so it stays blocked in Auth0: delete it as the report says.",
      "Run it again without --write after every token rotation, and on a schedule to catch console edits.",
    ],
  };
}

/** The checklist as plain text, numbered, one step per block: what the stack output shows. */
export function renderConsoleChecklist(steps: readonly ChecklistStep[]): string {
  return steps
    .map((step, i) => {
      const lines = [`${i + 1}. [${step.id}] ${step.title}`, ...step.details.map((d) => `   - ${d}`)];
      if (step.link) lines.push(`   Link: ${step.link}`);
      return lines.join("\n");
    })
    .join("\n");
}
