// The two files new-stack writes: a phase-1 stack file with comments saying what to fill in, and the
// policy pack config pinned to the stack's tenant. Pure: text in, text out.
import { stringify } from "yaml";
import type { NewStackArgs } from "./args";
import { primaryAddressOverrides } from "../../components/decisions/scimMappings";
import { CATALOG_SCIM_APP_DISPLAY_NAME, REQUIRED_SCOPES_BY_KIND } from "../../components/decisions/scimAppKind";

/** A YAML scalar, quoted only where YAML needs it. */
const scalar = (value: string | number | boolean): string => stringify(value).trimEnd();

/** `2026-11` for a date in November 2026: the first token generation is named after its month. */
export function generationName(now: Date): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Where each secret of the new stack goes, as `pulumi config set --path` takes it. */
export function secretPaths(args: NewStackArgs): { path: string; what: string; file: string }[] {
  const okta = args.oktaServiceApp
    ? { path: "oktaScim:oktaOrgs[0].privateKey", what: "the Okta service app's private key (PEM)", file: `okta-${args.oktaOrgName}-service-app.pem` }
    : { path: "oktaScim:oktaOrgs[0].apiToken", what: "an Okta API token (SSWS) of an admin allowed to manage apps", file: `okta-${args.oktaOrgName}-api-token.txt` };
  return [{ path: "oktaScim:auth0.clientSecret", what: "the Auth0 machine-to-machine app's client secret", file: "auth0-client-secret.txt" }, okta];
}

export function renderStackFile(args: NewStackArgs, now: Date): string {
  const loginDomain = args.auth0CustomDomain ?? args.auth0Domain;
  const lifetimeSeconds = args.tokenLifetimeDays * 86_400;
  // The org key connections refer to; the org name itself where it fits the key format.
  const orgKey = /^[a-z][a-z0-9-]{0,30}$/.test(args.oktaOrgName) ? args.oktaOrgName : "okta";
  const lines = [
    "# yaml-language-server: $schema=./schema/pulumi-stack.schema.json",
    `# Stack ${args.stack}, written by \`npm run new-stack\`: one Okta org, one connection, phase 1.`,
    "# Secrets are not in this file yet: set them with the `pulumi config set --secret` commands new-stack",
    "# printed (they read each value from a file, never from the command line). Review offline with",
    `# \`npm run plan -- --stack ${args.stack}\`; every setting is described in the README's config reference.`,
    "config:",
    "  pulumi:disable-default-providers:",
    '    - "*"',
    "  oktaScim:auth0:",
    `    domain: ${scalar(args.auth0Domain)}`,
    ...(args.auth0CustomDomain ? [`    customDomain: ${scalar(args.auth0CustomDomain)}`] : []),
    `    clientId: ${scalar(args.auth0ClientId)}`,
    "    # clientSecret: set with pulumi config set --secret (see the commands new-stack printed)",
    "  oktaScim:oktaOrgs:",
    `    - name: ${scalar(orgKey)}`,
    `      orgName: ${scalar(args.oktaOrgName)}`,
    `      baseUrl: ${scalar(args.oktaBaseUrl)}`,
    ...(args.oktaServiceApp
      ? [
          `      clientId: ${scalar(args.oktaServiceApp.clientId)}`,
          `      privateKeyId: ${scalar(args.oktaServiceApp.privateKeyId)}`,
          "      # privateKey: set with pulumi config set --secret (see the commands new-stack printed)",
        ]
      : ["      # apiToken: set with pulumi config set --secret (see the commands new-stack printed)"]),
    "  oktaScim:connections:",
    `    - name: ${scalar(args.connection)}`,
    "      # Fixed once created: renaming an Auth0 connection replaces it, which deletes its users.",
    `      oktaOrg: ${scalar(orgKey)}`,
    "      # Client ids of the Auth0 applications that log in through this connection (this list is",
    "      # owned by the stack: ids missing here are disabled on the next up).",
    "      enabledClients: []",
    "      oidcApp:",
    `        label: ${scalar(`Auth0 ${args.stack} - log in`)}`,
    "      scimApp:",
    ...(args.catalogAppId
      ? [
          `        # Okta's catalog app "${CATALOG_SCIM_APP_DISPLAY_NAME}", added by an Okta admin: the stack`,
          "        # assigns it and never creates or deletes it. Label: as the admin named it.",
          "        kind: catalog",
          `        appId: ${scalar(args.catalogAppId)}`,
          `        label: ${scalar(`Auth0 ${args.stack} - provisioning`)}`,
        ]
      : [`        label: ${scalar(`Auth0 ${args.stack} - provisioning`)}`, `        url: ${scalar(`https://${loginDomain}`)}`]),
    "      # Okta groups assigned to BOTH apps, by exact name (or { id: 00g… }).",
    ...(args.groups.length > 0 ? ["      groups:", ...args.groups.map((g) => `        - name: ${scalar(g)}`)] : ["      groups: []"]),
    "      scim:",
    "        # Phase 2 removes Okta's address type mapping (it breaks Auth0's PUT); Okta then sends the",
    "        # address as primary without a type, which Auth0's default addresses[type eq \"work\"] paths",
    "        # would not match. Check with `npm run verify -- --write` (docs/scim-mappings.md).",
    "        mappingOverrides:",
    ...primaryAddressOverrides().flatMap((o) => [`          - auth0: ${scalar(o.auth0)}`, `            scim: ${scalar(o.scim)}`]),
    `        # The first SCIM token, valid ${args.tokenLifetimeDays} days. Rotate by adding a second generation, pasting`,
    "        # its token into Okta, then removing this one.",
    "        tokens:",
    `          - generation: ${JSON.stringify(generationName(now))}`,
    `            lifetimeSeconds: ${lifetimeSeconds}`,
    ...(args.catalogAppId ? ["            # The catalog app updates and deactivates users with PATCH.", `            scopes: [${REQUIRED_SCOPES_BY_KIND.catalog.join(", ")}]`] : []),
    "      # Phase switch: set to true in a reviewed change once an Okta admin has done the console",
    "      # checklist (pulumi stack output <connection> --json, consoleChecklist).",
    "      consoleStepsDone: false",
    "",
  ];
  return lines.join("\n");
}

/** The pack config that pins the OIDC redirect policy to this stack's tenant (and custom domain). */
export function renderPolicyConfig(args: NewStackArgs): string {
  const oidcApp: Record<string, string[]> = { auth0Domains: [args.auth0Domain] };
  if (args.auth0CustomDomain) oidcApp.auth0CustomDomains = [args.auth0CustomDomain];
  // The catalog app's token holds patch:users, which the pack refuses unless allowed.
  const scopes = args.catalogAppId ? { "auth0-scim-token-scopes": { allowedScopes: [...REQUIRED_SCOPES_BY_KIND.catalog] } } : {};
  return `${JSON.stringify({ "okta-oidc-app-auth0-login": oidcApp, ...scopes }, null, 2)}\n`;
}
