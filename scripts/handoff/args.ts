// npm run handoff -- --stack <s> --connection <c> [--kind onboarding|rotation|decommission] [--scim-url <url>] [--out <file>]
import { HANDOFF_PAGE_KINDS, type HandoffPageKind } from "../../components/decisions/handoffDocument";

export const USAGE =
  "usage: npm run handoff -- --stack <name> --connection <name> [--kind onboarding|rotation|decommission] [--scim-url <url>] [--out <file>]";

export const HELP = `${USAGE}

Writes the Markdown page for a customer's Okta admin (an org with administeredBy: customer), for the
onboarding step the connection is at, or for a token rotation or its decommission (docs/customer-orgs.md).
Reads Pulumi.<stack>.yaml without decrypting anything; the SCIM base URL comes from
\`pulumi stack output --json\` (never --show-secrets) unless --scim-url gives it. The page never holds a
token or the client secret.

  --stack <name>       the stack (Pulumi.<name>.yaml in the current directory)
  --connection <name>  the connection's name (connections[].name)
  --kind               onboarding (default; decommission for a connection with decommission: true),
                       rotation (needs two scim.tokens generations) or decommission
  --scim-url <url>     the connection's SCIM base URL, instead of reading the stack outputs
  --out <file>         where to write (default handoff-<connection>-<page>.md in the current directory)
  --help               this text

Exit codes: 0 written, 1 the page cannot be written for this connection, 2 usage error.`;

export interface HandoffArgs {
  stack: string;
  connection: string;
  kind?: HandoffPageKind;
  scimUrl?: string;
  out?: string;
}

const NAME = /^[A-Za-z0-9._-]+$/;

function scimUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `--scim-url ${value}: not a URL; give the connection's SCIM base URL, https://<tenant>/scim/v2/connections/<connection id>`;
  }
  if (url.protocol !== "https:" || !/\/scim\/v2\/connections\/[^/]+$/.test(url.pathname) || url.search || url.hash) {
    return `--scim-url ${value}: must be Auth0's SCIM base URL, https://<tenant>/scim/v2/connections/<connection id> (no trailing slash), as \`pulumi stack output <connection> --json\` shows in scimEndpointUrl`;
  }
  return undefined;
}

export function parseHandoffArgs(argv: readonly string[]): HandoffArgs | { error: string } | { help: true } {
  const args: Partial<HandoffArgs> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--help" || flag === "-h") return { help: true };
    const value = argv[i + 1];
    const takesValue = ["--stack", "--connection", "--kind", "--scim-url", "--out"].includes(flag);
    if (!takesValue) return { error: `unknown argument ${flag}\n${USAGE}` };
    if (value === undefined || value.startsWith("--")) return { error: `${flag} needs a value\n${USAGE}` };
    i++;
    if (flag === "--stack") args.stack = value;
    else if (flag === "--connection") args.connection = value;
    else if (flag === "--out") args.out = value;
    else if (flag === "--scim-url") {
      const problem = scimUrlProblem(value);
      if (problem) return { error: problem };
      args.scimUrl = value;
    } else {
      if (!(HANDOFF_PAGE_KINDS as readonly string[]).includes(value)) return { error: `--kind ${value}: must be one of ${HANDOFF_PAGE_KINDS.join(", ")}\n${USAGE}` };
      args.kind = value as HandoffPageKind;
    }
  }
  if (!args.stack || !NAME.test(args.stack)) return { error: `--stack <name> is required (the stack whose Pulumi.<name>.yaml holds the connection)\n${USAGE}` };
  if (!args.connection) return { error: `--connection <name> is required (a connections[].name of Pulumi.${args.stack}.yaml)\n${USAGE}` };
  return args as HandoffArgs;
}
