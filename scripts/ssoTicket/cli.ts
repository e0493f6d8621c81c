// `npm run sso-ticket`: gather the stack's inputs, decide the ticket body (decisions/selfService.ts),
// issue it, and put the URL where only its owner reads it. Every line printed passes through
// redactSecrets with the client secret and the URL; only --print writes the URL, alone on stdout.
import * as fs from "node:fs";
import { readStackFileDocument, StackFileError } from "../../config/stackFile";
import { ssoTicketRequest, ticketLifeText } from "../../components/decisions/selfService";
import { normalizeDomain } from "../../components/scimToken/credentials";
import { redactSecrets } from "../../verify/redact";
import { UsageError } from "../../verify/urlSafety";
import { USAGE, parseSsoTicketArgs } from "./args";
import { TicketApiError, createSsoTicket } from "./client";
import { idsFromStackOutputs, readClientSecretFromConfig, readPlainStackOutputs, ticketInputsFromStackConfig } from "./stackInputs";

export interface TicketIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Seams for tests; production uses the defaults. */
export interface TicketDeps {
  projectDir?: string;
  readOutputs?: (stack: string, env: NodeJS.ProcessEnv) => Promise<Record<string, unknown>>;
  readClientSecret?: (stack: string, env: NodeJS.ProcessEnv) => Promise<string>;
  auth0Fetch?: typeof fetch;
  now?: () => Date;
}

/** Environment credentials only when AUTH0_DOMAIN names the stack's tenant (as the token resource does). */
async function clientSecret(domain: string, stack: string, env: NodeJS.ProcessEnv, deps: TicketDeps): Promise<{ clientId?: string; secret: string }> {
  const envDomain = env.AUTH0_DOMAIN?.trim();
  if (envDomain && normalizeDomain(envDomain) === normalizeDomain(domain) && env.AUTH0_CLIENT_ID && env.AUTH0_CLIENT_SECRET) {
    return { clientId: env.AUTH0_CLIENT_ID, secret: env.AUTH0_CLIENT_SECRET };
  }
  return { secret: await (deps.readClientSecret ?? readClientSecretFromConfig)(stack, env) };
}

export async function runSsoTicket(argv: readonly string[], env: NodeJS.ProcessEnv, io: TicketIo, deps: TicketDeps = {}): Promise<number> {
  const secrets: string[] = [env.AUTH0_CLIENT_SECRET ?? ""];
  const say = (text: string) => io.stderr(redactSecrets(text, secrets) + "\n");
  try {
    const args = parseSsoTicketArgs(argv);
    if (args.help) {
      io.stdout(USAGE + "\n");
      return 0;
    }
    const { config } = readStackFileDocument(deps.projectDir ?? process.cwd(), args.stack);
    const inputs = ticketInputsFromStackConfig(config, args.stack, args.connection);
    const ids = idsFromStackOutputs(await (deps.readOutputs ?? readPlainStackOutputs)(args.stack, env), args.stack, args.connection);
    const request = ssoTicketRequest(inputs.connection, ids.connectionId, args.ttl);
    if ("problem" in request) throw new UsageError(request.problem);
    // Refuse an existing --out before anything is issued: an issued ticket nobody can read is a leak.
    if (args.out !== undefined && fs.existsSync(args.out)) throw new UsageError(`--out ${args.out} exists; give a new file (the URL is never written over another file).`);
    const credentials = await clientSecret(inputs.tenant.domain, args.stack, env, deps);
    secrets.push(credentials.secret);
    const issuedAt = (deps.now ?? (() => new Date()))();
    const url = await createSsoTicket(
      { domain: inputs.tenant.domain, clientId: credentials.clientId ?? inputs.tenant.clientId, clientSecret: credentials.secret, timeoutMs: 20_000, fetch: deps.auth0Fetch },
      ids.profileId,
      request.body,
    );
    secrets.push(url);
    if (args.out !== undefined) {
      // wx: never follows or replaces an existing file; 0600: readable by this user only.
      fs.writeFileSync(args.out, url + "\n", { mode: 0o600, flag: "wx" });
      say(`Ticket for ${args.connection} (${ids.connectionId}) written to ${args.out} (mode 0600).`);
    } else {
      io.stdout(url + "\n");
      say(`Ticket for ${args.connection} (${ids.connectionId}) printed on stdout.`);
    }
    say(ticketLifeText(args.ttl, issuedAt));
    say(
      `The SCIM token the admin generates in the assistant: scopes ${request.body.provisioning_config.scopes.join(" ")}, ${request.body.provisioning_config.token_lifetime === undefined ? "no expiry" : `lifetime ${request.body.provisioning_config.token_lifetime} s`}.`,
    );
    say("Send the URL over a channel only the customer's admin reads. Once they have finished: `pulumi up --refresh` (the refresh puts what they entered into the state; see docs/customer-self-service.md).");
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof StackFileError) {
      say(`sso-ticket: ${error.message}`);
      return 2;
    }
    if (error instanceof TicketApiError) {
      say(`sso-ticket: Auth0 did not issue the ticket${error.status ? ` (${error.status})` : ""}: ${error.message}`);
      return 1;
    }
    say(`sso-ticket: unexpected error: ${(error as Error)?.message ?? String(error)}`);
    return 1;
  }
}
