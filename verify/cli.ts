// `npm run verify`: parse arguments, gather targets and credentials, run the checks, print the report.
// Everything printed passes through redactSecrets with every secret this run knows.
import { randomBytes } from "node:crypto";
import { USAGE, parseVerifyArgs, type VerifyArgs } from "./args";
import { runAuth0Checks, type Auth0ReadBack } from "./checks/auth0";
import { describeReadBackError } from "./readBackError";
import { runOktaChecks } from "./checks/okta";
import type { CheckResult } from "./checks/result";
import { runScimChecks, type StoredUserReader } from "./checks/scim";
import { createHttpClient, DEFAULT_RETRY_POLICY } from "./http";
import { redactSecrets } from "./redact";
import { renderCapturedSchema } from "./appSchemaCapture";
import { exitCodeFor, renderJson, renderTable, type LabelledResult, type Report } from "./report";
import { connectionIdFromScimUrl, readStackOutputs, targetsFromStackOutputs, type VerifyTarget, oktaOrgMismatch, waitingConnections } from "./targets";
import { UsageError, requireSafeUrl } from "./urlSafety";

export interface VerifyIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Seams for tests; production uses the defaults. */
export interface VerifyDeps {
  readOutputs?: (stack: string, env: NodeJS.ProcessEnv) => Promise<Record<string, unknown>>;
  /** Passed to the auth0 SDK as its `fetch` (tests route it to a loopback server). */
  auth0Fetch?: typeof fetch;
  now?: () => Date;
  nonce?: string;
}

interface Auth0Credentials {
  domain: string;
  clientId: string;
  clientSecret: string;
}

interface OktaCredentials {
  orgUrl: string;
  apiToken: string;
}

/** All of a group of variables, or none; a partial set is a usage error naming what is missing. */
function credentialGroup(env: NodeJS.ProcessEnv, names: readonly string[], purpose: string): string[] | undefined {
  const present = names.filter((n) => env[n]);
  if (present.length === 0) return undefined;
  const missing = names.filter((n) => !env[n]);
  if (missing.length) throw new UsageError(`${purpose} needs ${names.join(", ")}; missing: ${missing.join(", ")}.`);
  return names.map((n) => env[n] as string);
}

function auth0Credentials(env: NodeJS.ProcessEnv): Auth0Credentials | undefined {
  const group = credentialGroup(env, ["AUTH0_DOMAIN", "AUTH0_CLIENT_ID", "AUTH0_CLIENT_SECRET"], "The Auth0 read-back");
  if (!group) return undefined;
  const [domain, clientId, clientSecret] = group;
  // The SDK always calls https://{domain}: a scheme or path here would build a broken URL.
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(domain)) {
    throw new UsageError(`AUTH0_DOMAIN must be the bare tenant host name (e.g. my-tenant.eu.auth0.com), got "${domain}".`);
  }
  return { domain, clientId, clientSecret };
}

function oktaCredentials(env: NodeJS.ProcessEnv): OktaCredentials | undefined {
  const group = credentialGroup(env, ["OKTA_ORG_URL", "OKTA_API_TOKEN"], "The Okta read-back");
  if (!group) return undefined;
  const [orgUrl, apiToken] = group;
  return { orgUrl: requireSafeUrl(orgUrl, "OKTA_ORG_URL").origin, apiToken };
}

/** The targets, and the customer connections of the stack that wait for their OIDC app (reported, not checked). */
async function gatherTargets(args: VerifyArgs, env: NodeJS.ProcessEnv, deps: VerifyDeps): Promise<VerifyTarget[] & { waiting?: string[] }> {
  if (args.stack) {
    const outputs = await (deps.readOutputs ?? readStackOutputs)(args.stack, env);
    return Object.assign(targetsFromStackOutputs(outputs, args.stack, args.connection), { waiting: args.connection ? [] : waitingConnections(outputs) });
  }
  const token = env.SCIM_TOKEN;
  if (!token) throw new UsageError("--scim-url needs the token in the environment variable SCIM_TOKEN.");
  const url = requireSafeUrl(args.scimUrl!, "--scim-url");
  return [
    {
      connection: "explicit",
      scimEndpointUrl: args.scimUrl!,
      token,
      connectionId: args.connectionId ?? connectionIdFromScimUrl(url),
      scimAppId: args.oktaScimAppId,
      oidcAppId: args.oktaOidcAppId,
    },
  ];
}

interface RunContext {
  args: VerifyArgs;
  deps: VerifyDeps;
  auth0?: Auth0Credentials;
  okta?: OktaCredentials;
  skipped: string[];
}

/** The stored-user comparison follows the connection's own SCIM mapping; without it, it is skipped. */
async function storedUserReader(readBack: Auth0ReadBack, connectionId: string, ctx: RunContext, connection: string): Promise<StoredUserReader | undefined> {
  try {
    const mapping = await readBack.scimMapping(connectionId);
    return { mapping, user: (id) => readBack.user(id) };
  } catch (error) {
    ctx.skipped.push(`What Auth0 stored of the test user, for ${connection}: ${describeReadBackError(error, "GET scim-configuration", "read:scim_config")}.`);
    return undefined;
  }
}

async function verifyTarget(target: VerifyTarget, ctx: RunContext): Promise<CheckResult[]> {
  const { args, deps } = ctx;
  const url = requireSafeUrl(target.scimEndpointUrl, `scimEndpointUrl of ${target.connection}`);
  const results: CheckResult[] = [];
  let auth0Users: StoredUserReader | undefined;
  // Read Auth0 first: the SCIM checks below use the token and would update its last_used_at.
  if (ctx.auth0 && target.connectionId) {
    // The SDKs take seconds to load: only when their read-back runs.
    const { createAuth0ReadBack } = await import("./auth0ReadBack");
    const readBack = createAuth0ReadBack({ ...ctx.auth0, timeoutMs: args.timeoutMs, maxRetries: args.retries, fetch: deps.auth0Fetch });
    results.push(...(await runAuth0Checks(readBack, target.connectionId, (deps.now ?? (() => new Date()))(), target.tokenId, target.stackTokenIds)));
    if (args.write) auth0Users = await storedUserReader(readBack, target.connectionId, ctx, target.connection);
  } else if (ctx.auth0) {
    ctx.skipped.push(`Auth0 read-back for ${target.connection}: no connection id (pass --connection-id).`);
  }
  const http = createHttpClient(url.href, target.token, {
    ...DEFAULT_RETRY_POLICY,
    timeoutMs: args.timeoutMs,
    maxRetries: args.retries,
    maxRetryAfterMs: args.maxRetryAfterMs,
  });
  results.push(
    ...(await runScimChecks(http, { write: args.write, groups: args.groups, nonce: deps.nonce ?? randomBytes(6).toString("hex"), appKind: target.scimAppKind ?? args.scimAppKind, auth0Users, appAttributes: target.scimAppAttributes })),
  );
  const otherOrg = ctx.okta ? oktaOrgMismatch(target, ctx.okta.orgUrl) : undefined;
  if (target.administeredBy === "customer") {
    // Never an Okta call for a customer's org, whatever credentials are set: they are the vendor's own org's.
    ctx.skipped.push(`Okta side of ${target.connection}: the customer's. Their Okta admin checks it with the hand-off page (npm run handoff); verify calls no Okta API for a customer's org.`);
  } else if (otherOrg) {
    ctx.skipped.push(`Okta read-back for ${target.connection}: ${otherOrg}`);
  } else if (ctx.okta && target.scimAppId && target.oidcAppId) {
    const { createOktaReadBack } = await import("./oktaReadBack");
    const readBack = createOktaReadBack({ ...ctx.okta, timeoutMs: args.timeoutMs, maxRetries: args.retries });
    results.push(...(await runOktaChecks(readBack, { scimAppId: target.scimAppId, oidcAppId: target.oidcAppId, capturedAttributes: target.scimAppAttributes })));
  } else if (ctx.okta) {
    ctx.skipped.push(`Okta read-back for ${target.connection}: no app ids (pass --okta-scim-app-id and --okta-oidc-app-id).`);
  }
  return results;
}

async function buildReport(args: VerifyArgs, env: NodeJS.ProcessEnv, deps: VerifyDeps, secrets: string[]): Promise<Report> {
  const auth0 = auth0Credentials(env);
  const okta = oktaCredentials(env);
  const targets = await gatherTargets(args, env, deps);
  secrets.push(...targets.map((t) => t.token));
  const ctx: RunContext = { args, deps, auth0, okta, skipped: [] };
  for (const name of targets.waiting ?? []) {
    ctx.skipped.push(`${name}: waits for the customer's OIDC app (onboardingStep oidc-app); nothing is deployed for it yet.`);
  }
  if (!auth0) ctx.skipped.push("Auth0 read-back: set AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET.");
  if (!okta) ctx.skipped.push("Okta read-back: set OKTA_ORG_URL, OKTA_API_TOKEN.");
  // Validate every target's URL before sending anything, so a refusal never follows partial work.
  for (const t of targets) requireSafeUrl(t.scimEndpointUrl, `scimEndpointUrl of ${t.connection}`);
  const checks: LabelledResult[] = [];
  for (const target of targets) {
    for (const r of await verifyTarget(target, ctx)) {
      checks.push({ ...r, checkId: r.name, name: targets.length > 1 ? `${target.connection}: ${r.name}` : r.name });
    }
  }
  return { checks, skipped: ctx.skipped };
}

/** --capture-app-schema: prints each target's SCIM app attributes for scimApp.attributes; no checks. */
async function captureAppSchemas(args: VerifyArgs, env: NodeJS.ProcessEnv, deps: VerifyDeps, secrets: string[], io: VerifyIo): Promise<number> {
  const okta = oktaCredentials(env);
  if (!okta) throw new UsageError("--capture-app-schema reads the SCIM app's schema from Okta: set OKTA_ORG_URL and OKTA_API_TOKEN (okta.schemas.read, or a Read-only Administrator's token).");
  const targets = await gatherTargets(args, env, deps);
  secrets.push(...targets.map((t) => t.token));
  const { createOktaReadBack } = await import("./oktaReadBack");
  const readBack = createOktaReadBack({ ...okta, timeoutMs: args.timeoutMs, maxRetries: args.retries });
  const blocks: string[] = [];
  let failed = false;
  for (const target of targets) {
    if (target.administeredBy === "customer") {
      io.stderr(`verify: ${target.connection} not captured: its Okta org is a customer's (the stack has no SCIM app attributes there, and verify calls no Okta API for it)\n`);
      failed = true;
      continue;
    }
    const otherOrg = oktaOrgMismatch(target, okta.orgUrl);
    if (!target.scimAppId || otherOrg) {
      io.stderr(`verify: ${target.connection} not captured: ${otherOrg ?? "no SCIM app id (pass --okta-scim-app-id)"}\n`);
      failed = true;
      continue;
    }
    try {
      const attributes = await readBack.appUserSchemaAttributes(target.scimAppId);
      const command = `npm run verify -- ${args.stack ? `--stack ${args.stack} --connection ${target.connection}` : `--scim-url … --okta-scim-app-id ${target.scimAppId}`} --capture-app-schema`;
      blocks.push(renderCapturedSchema({ connection: target.connection, scimAppId: target.scimAppId, orgUrl: okta.orgUrl, attributes }, (deps.now ?? (() => new Date()))(), command));
    } catch (error) {
      io.stderr(`verify: ${target.connection} not captured: ${describeReadBackError(error, `GET /api/v1/meta/schemas/apps/${target.scimAppId}/default`, "okta.schemas.read")}\n`);
      failed = true;
    }
  }
  if (blocks.length) io.stdout(blocks.join("\n\n") + "\n");
  return failed ? 1 : 0;
}

/** Runs the command; returns the exit code (0 pass, 1 a check failed, 2 usage error). */
export async function runVerify(argv: readonly string[], env: NodeJS.ProcessEnv, io: VerifyIo, deps: VerifyDeps = {}): Promise<number> {
  const secrets = [env.SCIM_TOKEN, env.AUTH0_CLIENT_SECRET, env.OKTA_API_TOKEN].filter((s): s is string => !!s);
  const safe = (text: string) => redactSecrets(text, secrets);
  try {
    const args = parseVerifyArgs(argv);
    if (args.help) {
      io.stdout(USAGE + "\n");
      return 0;
    }
    if (args.captureAppSchema) {
      // Output passes through the same redaction as the report.
      const capture = { stdout: (t: string) => io.stdout(safe(t)), stderr: (t: string) => io.stderr(safe(t)) };
      return await captureAppSchemas(args, env, deps, secrets, capture);
    }
    const report = await buildReport(args, env, deps, secrets);
    io.stdout(safe(args.json ? renderJson(report) : renderTable(report)) + "\n");
    return exitCodeFor(report);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(safe(`verify: ${error.message}`) + "\n");
      return 2;
    }
    io.stderr(safe(`verify: unexpected error: ${(error as Error)?.stack ?? String(error)}`) + "\n");
    return 1;
  }
}
