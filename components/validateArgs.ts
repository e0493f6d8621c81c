// Validates a component's args with the stack program's own validation (config/validate.ts: the zod
// schema, then the cross-field rules), so a library user gets exactly the checks and messages a
// stack-file user gets, with paths named after the args (`args.scim.tokens[1].lifetimeSeconds`).
//
// How: the args are placed into a one-connection, one-org stack config and validated as such; problem
// paths are mapped back. The credentials may be Outputs (secrets): only plain strings are checked,
// Outputs are replaced by placeholders that pass, and no value is ever part of a message.
import * as pulumi from "@pulumi/pulumi";
import type { ConnectionConfig } from "../config/schema";
import type { ConfigProblem } from "../config/crossFieldRules";
import { validateStackConfigInput } from "../config/validate";
import { customerOnboardingStep } from "./decisions/customerOnboarding";
import type { OktaAuth0ScimIntegrationArgs, ProvisioningViaApi } from "./integrationArgs";

/** What the component needs once the args are valid. */
export interface ValidatedArgs {
  connection: ConnectionConfig;
  auth0: { domain: string; customDomain?: string };
  okta: { orgName: string; baseUrl: string; defaultUserTypeId?: string; administeredBy: "stack" | "customer" };
}

/** The public enum's value → the stack config's `manageProvisioningViaApi`. */
export const PROVISIONING_VIA_API_CONFIG = { off: false, on: true, deactivate: "deactivate" } as const satisfies Record<ProvisioningViaApi, unknown>;

/** The stack config's value → the public enum (the stack program builds the component's args with it). */
export function provisioningViaApiArg(value: ConnectionConfig["manageProvisioningViaApi"]): ProvisioningViaApi {
  return value === "deactivate" ? "deactivate" : value ? "on" : "off";
}

export class IntegrationArgsError extends pulumi.RunError {
  constructor(
    readonly componentName: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    super(renderArgsProblems(componentName, problems));
    this.name = "IntegrationArgsError";
  }
}

export function renderArgsProblems(componentName: string, problems: readonly ConfigProblem[]): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  const lines = problems.map((p) => `  - ${formatArgsPath(p.path)}: ${p.message}`);
  return `Invalid args of OktaAuth0ScimIntegration "${componentName}" (${count}); nothing was created:\n${lines.join("\n")}`;
}

/** ["scim", "tokens", 1] → "args.scim.tokens[1]". */
export function formatArgsPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, s) => (typeof s === "number" ? `${out}[${s}]` : `${out}.${s}`), "args");
}

// Placeholders for credentials that are Outputs: shaped to pass the schema, never sent anywhere.
const ORG_KEY = "org";
const PLACEHOLDER_CLIENT_ID = "output-value-not-checked";
const PLACEHOLDER_SECRET = "output-value-not-checked";
const OKTA_ARG_KEYS = ["orgName", "baseUrl", "defaultUserTypeId", "administeredBy"];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !pulumi.Output.isInstance(v);
}

/** Where a stack-config path lands in the args; undefined for the synthetic parts. */
function toArgsPath(path: (string | number)[]): (string | number)[] | undefined {
  const [head, index, ...rest] = path;
  if (head === "connections" && index === 0) return rest;
  if (head === "oktaOrgs" && index === 0) return ["okta", ...rest];
  if (head === "auth0") return path;
  return undefined;
}

/** Pure: args in, the validated settings or every problem out. */
export function validateIntegrationArgs(args: unknown): { value: ValidatedArgs } | { problems: ConfigProblem[] } {
  if (!isPlainObject(args)) return { problems: [{ path: [], message: "must be an object with auth0, okta, name, oidcApp and scimApp" }] };
  const { auth0, okta, ...settings } = args as Partial<OktaAuth0ScimIntegrationArgs> & Record<string, unknown>;
  // A copy: the public enum is mapped to the config's value below, never in the caller's object.
  const connection: Record<string, unknown> = { ...settings };
  const problems: ConfigProblem[] = [];
  for (const [key, value] of [["auth0", auth0], ["okta", okta]] as const) {
    if (value === undefined) problems.push({ path: [key], message: "is required" });
    else if (!isPlainObject(value)) problems.push({ path: [key], message: "must be a plain object (only auth0.clientId and auth0.clientSecret may be outputs or secrets)" });
  }
  if (problems.length > 0) return { problems };
  const a = auth0 as unknown as Record<string, unknown>;
  const o = okta as unknown as Record<string, unknown>;
  for (const key of Object.keys(o).filter((k) => !OKTA_ARG_KEYS.includes(k))) {
    problems.push({ path: ["okta", key], message: `is not a known argument here (a typo?); the org is given by ${OKTA_ARG_KEYS.join(" and ")}, its credentials belong to the okta provider` });
  }
  const viaApi = connection.manageProvisioningViaApi;
  if (viaApi !== undefined) {
    // Not Object.hasOwn (ES2022 lib): as a plugin this file is compiled with run-plugin's ES2020 defaults.
    if (typeof viaApi === "string" && Object.prototype.hasOwnProperty.call(PROVISIONING_VIA_API_CONFIG, viaApi)) {
      connection.manageProvisioningViaApi = PROVISIONING_VIA_API_CONFIG[viaApi as ProvisioningViaApi];
    } else {
      problems.push({ path: ["manageProvisioningViaApi"], message: `must be one of ${Object.keys(PROVISIONING_VIA_API_CONFIG).map((k) => `"${k}"`).join(", ")} (the stack config's false, true, "deactivate")` });
      delete connection.manageProvisioningViaApi;
    }
  }
  // A customer's OIDC app secret may be an Output (a secret) too: checked for presence only.
  if (isPlainObject(connection.oidcApp) && pulumi.Output.isInstance(connection.oidcApp.clientSecret)) {
    connection.oidcApp = { ...connection.oidcApp, clientSecret: PLACEHOLDER_SECRET };
  }
  // The org's credentials belong to the okta provider; a customer's org has none at all.
  const orgCredentials = o.administeredBy === "customer" ? {} : { apiToken: PLACEHOLDER_SECRET };
  const stackConfig = {
    auth0: {
      ...a,
      clientId: pulumi.Output.isInstance(a.clientId) ? PLACEHOLDER_CLIENT_ID : a.clientId,
      clientSecret: pulumi.Output.isInstance(a.clientSecret) ? PLACEHOLDER_SECRET : a.clientSecret,
    },
    oktaOrgs: [{ ...o, name: ORG_KEY, ...orgCredentials }],
    connections: [{ ...connection, oktaOrg: ORG_KEY }],
  };
  const validated = validateStackConfigInput(stackConfig);
  if ("problems" in validated) {
    for (const p of validated.problems) {
      const path = toArgsPath(p.path);
      // Synthetic parts cannot be wrong; should a rule ever name one, say so rather than hide it.
      problems.push(path ? { path, message: p.message } : { path: [], message: `internal check failed (${p.message})` });
    }
  }
  if (problems.length > 0 || "problems" in validated) return { problems };
  const { config } = validated;
  const waiting = customerOnboardingStep(config.connections[0]) === "oidc-app";
  if (config.oktaOrgs[0].administeredBy === "customer" && waiting) {
    // The stack program declares nothing for such a connection; a component cannot be half there.
    return {
      problems: [
        {
          path: ["oidcApp", "clientId"],
          message: "is needed for a customer's org (with oidcApp.clientSecret): the connection is created with the OIDC app their admin made. Construct the component once they sent both (or use handoff: selfService)",
        },
      ],
    };
  }
  return {
    value: {
      connection: config.connections[0],
      auth0: { domain: config.auth0.domain, customDomain: config.auth0.customDomain },
      okta: {
        orgName: config.oktaOrgs[0].orgName,
        baseUrl: config.oktaOrgs[0].baseUrl,
        defaultUserTypeId: config.oktaOrgs[0].defaultUserTypeId,
        administeredBy: config.oktaOrgs[0].administeredBy,
      },
    },
  };
}
