// npm run handoff: writes the hand-off page for a customer connection (docs/customer-orgs.md). The
// decisions are components/decisions/handoffDocument.ts; this file reads config and outputs, refuses
// what has no page, and writes the file.
import * as fs from "fs";
import * as path from "path";
import type { ConnectionConfig, StackConfig } from "../../config/schema";
import { handoffDocument, handoffPageName, pageNeedsScimUrl, type HandoffInput } from "../../components/decisions/handoffDocument";
import { tokenCommand } from "../../components/decisions/consoleChecklist";
import { generationTokenOutputName } from "../../components/naming";
import { HELP, parseHandoffArgs, type HandoffArgs } from "./args";
import { loadStackConfigOffline } from "./stackConfig";
import { connectionFromOutputs, readStackOutputsWithCli, withValidUntil, type ReadStackOutputs } from "./stackOutputs";
import { customAppUrl } from "../../components/decisions/scimAppKind";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface HandoffDeps {
  /** Where Pulumi.<stack>.yaml is read and the default page is written. */
  cwd: string;
  readOutputs: ReadStackOutputs;
}

/** The page's input from validated config (the org is known to be a customer's). */
export function handoffInput(config: StackConfig, stack: string, connection: ConnectionConfig, kind: HandoffInput["kind"]): HandoffInput {
  const org = config.oktaOrgs.find((o) => o.name === connection.oktaOrg)!;
  return {
    stackName: stack,
    tenant: { domain: config.auth0.domain, customDomain: config.auth0.customDomain },
    org: { orgName: org.orgName, baseUrl: org.baseUrl },
    // Field by field: the client secret is not copied, so not even the page's input holds it.
    connection: {
      name: connection.name,
      displayName: connection.displayName,
      handoff: connection.handoff,
      consoleStepsDone: connection.consoleStepsDone,
      decommission: connection.decommission,
      oidcApp: { label: connection.oidcApp.label, clientId: connection.oidcApp.clientId, refreshToken: connection.oidcApp.refreshToken },
      scimApp: { label: connection.scimApp.label, url: customAppUrl(connection.scimApp) },
      scim: { additionalMappings: connection.scim.additionalMappings },
    },
    kind,
    tokens: connection.scim.tokens.map((t) => ({ generation: t.generation, ...(t.lifetimeSeconds === undefined ? {} : { lifetimeSeconds: t.lifetimeSeconds }) })),
  };
}

/** The connection if it has a page, or the reason (unknown, or an org the stack administers). */
function customerConnection(config: StackConfig, args: HandoffArgs): { connection: ConnectionConfig } | { error: string } {
  const customerOrgs = new Set(config.oktaOrgs.filter((o) => o.administeredBy === "customer").map((o) => o.name));
  const connection = config.connections.find((c) => c.name === args.connection);
  const customerNames = config.connections.filter((c) => customerOrgs.has(c.oktaOrg)).map((c) => c.name);
  if (!connection) {
    return { error: `--connection ${args.connection}: no such connection in Pulumi.${args.stack}.yaml. Customer connections: ${customerNames.join(", ") || "none"}.` };
  }
  if (!customerOrgs.has(connection.oktaOrg)) {
    return {
      error: `--connection ${args.connection}: its Okta org ${connection.oktaOrg} is administered by the stack, which does its Okta side itself; its admins follow the console checklist (\`pulumi stack output ${connection.name} --stack ${args.stack} --json\`, consoleChecklist). The hand-off is for orgs with administeredBy: customer${customerNames.length ? ` (${customerNames.join(", ")})` : ""}.`,
    };
  }
  return { connection };
}

export async function runHandoffCommand(argv: readonly string[], io: Io, deps: HandoffDeps): Promise<number> {
  const args = parseHandoffArgs(argv);
  if ("help" in args) {
    io.out(`${HELP}\n`);
    return 0;
  }
  if ("error" in args) {
    io.err(`${args.error}\n`);
    return 2;
  }
  const loaded = loadStackConfigOffline(args.stack, deps.cwd);
  if ("error" in loaded) {
    io.err(`${loaded.error}\n`);
    return 1;
  }
  const found = customerConnection(loaded.config, args);
  if ("error" in found) {
    io.err(`${found.error}\n`);
    return 2;
  }
  const { connection } = found;
  const kind = args.kind ?? (connection.decommission ? "decommission" : "onboarding");
  let input = handoffInput(loaded.config, args.stack, connection, kind);
  const chosen = handoffPageName(input);
  if ("problem" in chosen) {
    io.err(`${chosen.problem}\n`);
    return 1;
  }
  if (pageNeedsScimUrl(chosen.page)) {
    if (args.scimUrl !== undefined) {
      input = { ...input, scimEndpointUrl: args.scimUrl };
    } else {
      let outputs: Record<string, unknown>;
      try {
        outputs = await deps.readOutputs(args.stack);
      } catch (error) {
        io.err(`--stack ${args.stack}: cannot read the SCIM base URL from the stack outputs: ${error instanceof Error ? error.message : String(error)}. Pass --scim-url <url> (the connection's scimEndpointUrl) instead.\n`);
        return 1;
      }
      const fromOutputs = connectionFromOutputs(outputs, connection.name);
      if ("problem" in fromOutputs) {
        io.err(`--stack ${args.stack}: ${fromOutputs.problem}. The ${chosen.page} page needs it: run \`pulumi up\` first, or pass --scim-url <url>.\n`);
        return 1;
      }
      input = { ...input, scimEndpointUrl: fromOutputs.scimEndpointUrl, tokens: withValidUntil(input.tokens, fromOutputs.validUntil) };
    }
  }
  const document = handoffDocument(input);
  if ("problem" in document) {
    io.err(`${document.problem}\n`);
    return 1;
  }
  const file = path.resolve(deps.cwd, args.out ?? `handoff-${connection.name}-${document.page}.md`);
  fs.writeFileSync(file, document.markdown);
  io.out(`wrote ${file} (${document.page} page for ${connection.name})\n`);
  for (const line of vendorReminders(args.stack, connection, loaded.config.connections.indexOf(connection), document.page)) io.out(`${line}\n`);
  return 0;
}

/** What the vendor sends beside the page; commands that print secrets to the vendor, never the secrets. */
export function vendorReminders(stack: string, connection: ConnectionConfig, index: number, page: string): string[] {
  const newest = connection.scim.tokens[connection.scim.tokens.length - 1];
  const tokenLine = newest
    ? `Send the SCIM token separately over the secure channel agreed with the customer (never by email): \`${tokenCommand(stack, generationTokenOutputName(connection.name, newest.generation))}\` prints it.`
    : undefined;
  if (page === "scim-app" || page === "rotation") return tokenLine ? [tokenLine] : [];
  if (page === "oidc-app") {
    return [`Their admin sends back the client id and secret: set oidcApp.clientId, and the secret with \`pulumi config set --secret --path 'connections[${index}].oidcApp.clientSecret' --stack ${stack}\` (it prompts; keep it out of shell history), then \`pulumi up\`.`];
  }
  return [];
}

if (require.main === module) {
  const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  runHandoffCommand(process.argv.slice(2), io, { cwd: process.cwd(), readOutputs: readStackOutputsWithCli }).then((code) => process.exit(code));
}
