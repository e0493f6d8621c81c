// Command-line parsing. Secrets are never taken as arguments: SCIM_TOKEN, AUTH0_CLIENT_SECRET and
// OKTA_API_TOKEN come from the environment only, so they stay out of shell history and `ps`.
import { parseArgs } from "node:util";
import { UsageError } from "./urlSafety";

export interface VerifyArgs {
  stack?: string;
  connection?: string;
  scimUrl?: string;
  /** Explicit mode only: ids for the read-backs (stack mode reads them from the outputs). */
  connectionId?: string;
  oktaScimAppId?: string;
  oktaOidcAppId?: string;
  json: boolean;
  write: boolean;
  /** With --write: also Group Push's requests to /Groups (the token needs get, post, patch and delete:groups). */
  groups: boolean;
  /** How Okta talks to the endpoint: the stack's SWA app is custom; catalog apps (de)activate with PATCH. */
  scimAppKind: "custom" | "catalog";
  /** Print the Okta SCIM app's attribute names for `scimApp.attributes` instead of running checks. */
  captureAppSchema: boolean;
  timeoutMs: number;
  retries: number;
  maxRetryAfterMs: number;
  help: boolean;
}

export const USAGE = `Usage: npm run verify -- (--stack <name> [--connection <name>] | --scim-url <url>) [options]

  --stack <name>            read the stack's outputs with \`pulumi stack output --json --show-secrets\`
  --connection <name>       only this connection of the stack (default: all)
  --scim-url <url>          verify this SCIM endpoint; the token is read from the env var SCIM_TOKEN
  --connection-id <id>      with --scim-url: Auth0 connection id (default: taken from the URL)
  --okta-scim-app-id <id>   with --scim-url: Okta SCIM app id, for the Okta read-back
  --okta-oidc-app-id <id>   with --scim-url: Okta OIDC app id (= its client id), for the Okta read-back
  --write                   also create, update, deactivate and re-activate a test user with Okta's
                            bodies, and read back what Auth0 stored (it stays, blocked)
  --groups                  with --write: also Group Push's requests: look a group up by displayName,
                            create it, refuse a duplicate, PATCH a member in and out, delete it (the
                            token needs get:groups, post:groups, patch:groups, delete:groups)
  --scim-app-kind <kind>    custom (default: the stack's SWA app; GET then PUT) or catalog (an app
                            from Okta's catalog: PATCH for (de)activation; the token needs patch:users).
                            With --stack, a connection on scimApp.kind catalog is checked as catalog
  --capture-app-schema      print the Okta SCIM app's attribute names as the scimApp.attributes block
                            phase 2 builds its profile mapping from (needs OKTA_ORG_URL, OKTA_API_TOKEN)
  --json                    print {"checks":[{"name","status","detail"}]} instead of a table
  --timeout-ms <n>          per-request timeout (default 10000)
  --retries <n>             retries after 429/5xx (default 2)
  --max-retry-after-ms <n>  longest Retry-After honoured (default 30000)

Read-backs run when their credentials are set: AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET
(Management API) and OKTA_ORG_URL, OKTA_API_TOKEN (okta.apps.read is enough).
Exit codes: 0 all passed (warnings allowed), 1 a check failed, 2 usage error.`;

const MAX_TIMER_MS = 2 ** 31 - 1;

function nonNegativeInt(raw: string | undefined, flag: string, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new UsageError(`${flag} must be a whole number, got "${raw}".`);
  // setTimeout fires after 1 ms for delays above 2^31 - 1: refuse them rather than time out at once.
  if (Number(raw) > MAX_TIMER_MS) throw new UsageError(`${flag} must be at most ${MAX_TIMER_MS} (about 24 days).`);
  return Number(raw);
}

function scimAppKind(raw: string | undefined): "custom" | "catalog" {
  if (raw === undefined || raw === "custom" || raw === "catalog") return raw ?? "custom";
  throw new UsageError(`--scim-app-kind must be custom or catalog, got "${raw}".`);
}

export function parseVerifyArgs(argv: readonly string[]): VerifyArgs {
  // A token on the command line would end up in shell history: refuse it before anything quotes it.
  if (argv.some((a) => /^--(scim-)?token(=|$)/.test(a))) {
    throw new UsageError("The SCIM token is never taken on the command line: set the environment variable SCIM_TOKEN.");
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        stack: { type: "string" },
        connection: { type: "string" },
        "scim-url": { type: "string" },
        "connection-id": { type: "string" },
        "okta-scim-app-id": { type: "string" },
        "okta-oidc-app-id": { type: "string" },
        json: { type: "boolean" },
        write: { type: "boolean" },
        groups: { type: "boolean" },
        "scim-app-kind": { type: "string" },
        "capture-app-schema": { type: "boolean" },
        "timeout-ms": { type: "string" },
        retries: { type: "string" },
        "max-retry-after-ms": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    // parseArgs names the offending option; its message never includes option values.
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const str = (k: string) => values[k] as string | undefined;
  const args: VerifyArgs = {
    stack: str("stack"),
    connection: str("connection"),
    scimUrl: str("scim-url"),
    connectionId: str("connection-id"),
    oktaScimAppId: str("okta-scim-app-id"),
    oktaOidcAppId: str("okta-oidc-app-id"),
    json: values.json === true,
    write: values.write === true,
    groups: values.groups === true,
    scimAppKind: scimAppKind(str("scim-app-kind")),
    captureAppSchema: values["capture-app-schema"] === true,
    timeoutMs: nonNegativeInt(str("timeout-ms"), "--timeout-ms", 10_000),
    retries: nonNegativeInt(str("retries"), "--retries", 2),
    maxRetryAfterMs: nonNegativeInt(str("max-retry-after-ms"), "--max-retry-after-ms", 30_000),
    help: values.help === true,
  };
  if (args.help) return args;
  if (!args.stack === !args.scimUrl) throw new UsageError(`Give exactly one of --stack <name> or --scim-url <url>.\n\n${USAGE}`);
  if (args.connection && !args.stack) throw new UsageError("--connection selects a connection of --stack; with --scim-url it has no meaning.");
  if (args.stack && (args.connectionId || args.oktaScimAppId || args.oktaOidcAppId)) {
    throw new UsageError("--connection-id, --okta-scim-app-id and --okta-oidc-app-id are for --scim-url; --stack reads them from the outputs.");
  }
  if (args.captureAppSchema && (args.write || args.json)) throw new UsageError("--capture-app-schema prints the attribute list only: drop --write and --json.");
  if (args.groups && !args.write) throw new UsageError("--groups adds to --write (the test group's member is the test user): add --write.");
  if (args.timeoutMs === 0) throw new UsageError("--timeout-ms must be above 0.");
  return args;
}
