// Command-line parsing for `npm run sso-ticket`. The ticket URL is a secret (whoever holds it can
// configure the connection's SSO and provisioning): it goes to a file only this user can read, or to
// stdout only when --print says so.
import { parseArgs } from "node:util";
import { DEFAULT_TICKET_TTL_SECONDS, ttlProblem } from "../../components/decisions/selfService";
import { UsageError } from "../../verify/urlSafety";

export interface SsoTicketArgs {
  stack: string;
  connection: string;
  ttl: number;
  /** Write the URL to this new file (mode 0600)... */
  out?: string;
  /** ...or print it on stdout. Exactly one of the two. */
  print: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run sso-ticket -- --stack <name> --connection <name> (--out <file> | --print) [--ttl <seconds>]

Issues an Auth0 self-service access ticket for a connection with handoff: selfService: its URL lets
the customer's Okta admin enter their OIDC app's client id and secret and generate the SCIM token in
Auth0's own assistant. Scopes and lifetime of that token are the connection's newest scim.tokens
generation's (else scim.tokenScopes).

  --stack <name>        the stack (reads Pulumi.<name>.yaml and \`pulumi stack output --json\`,
                        never --show-secrets)
  --connection <name>   the connection's name in the stack config
  --ttl <seconds>       how long the URL can be opened, 1 to 432000 (default ${DEFAULT_TICKET_TTL_SECONDS}, one day)
  --out <file>          write the URL to this new file, readable by you only (mode 0600)
  --print               print the URL on stdout instead (it is a secret: not into logs or tickets)

Management API credentials: AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET when AUTH0_DOMAIN names
the stack's tenant; otherwise the stack config's oktaScim:auth0 (its client secret through
\`pulumi config get\`). The client needs create:sso_access_tickets.
Exit codes: 0 ticket issued, 1 Auth0 refused or could not be reached, 2 usage error.`;

export function parseSsoTicketArgs(argv: readonly string[]): SsoTicketArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        stack: { type: "string" },
        connection: { type: "string" },
        ttl: { type: "string" },
        out: { type: "string" },
        print: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const str = (k: string) => values[k] as string | undefined;
  const help = values.help === true;
  const rawTtl = str("ttl");
  if (rawTtl !== undefined && !/^\d+$/.test(rawTtl)) throw new UsageError(`--ttl must be a whole number of seconds, got "${rawTtl}".`);
  const args: SsoTicketArgs = { stack: str("stack") ?? "", connection: str("connection") ?? "", ttl: rawTtl === undefined ? DEFAULT_TICKET_TTL_SECONDS : Number(rawTtl), out: str("out"), print: values.print === true, help };
  if (help) return args;
  if (!args.stack || !args.connection) throw new UsageError(`Give --stack <name> and --connection <name>.\n\n${USAGE}`);
  if ((args.out === undefined) === !args.print) throw new UsageError("Give exactly one of --out <file> (mode 0600) or --print: the ticket URL is a secret and is written nowhere else.");
  const ttl = ttlProblem(args.ttl);
  if (ttl) throw new UsageError(`${ttl}.`);
  return args;
}
