// Rules that span several fields of an already shape-valid config. Each returns problems with the
// path of the offending setting, so the loader can report them all at once.
import { missingOktaScopes } from "../components/decisions/tokenScopes";
import { mappingsDuplicatingDefaults } from "../components/decisions/scimMappings";
import { BASE_APP_ATTRIBUTE_NAMES, appSchemaProblems } from "../components/decisions/oktaProfileMappings";
import { MAX_TOKEN_GENERATIONS } from "../components/decisions/tokenGenerations";
import { lifetimeProblem } from "../components/scimToken/contract";
import { scimMappingProblems } from "./scimMappingRules";
import { adoptionProblems } from "./adoptionRules";
import { groupPushProblems } from "./groupPushRules";
import { scimAppProblems } from "./scimAppRules";
import { laterDuplicates } from "./laterDuplicates";
import { customerOrgNames, customerOrgProblems } from "./customerOrgRules";
import type { StackConfig } from "./schema";
import { connectionKey } from "../components/naming";

export interface ConfigProblem {
  /** Path below the namespace, as zod reports it: ["connections", 1, "groups", 0]. */
  path: (string | number)[];
  message: string;
}

/** Rotation rules for a connection's `scim.tokens` (see components/decisions/tokenGenerations.ts). */
function tokenGenerationProblems(scim: StackConfig["connections"][number]["scim"], at: (...rest: (string | number)[]) => (string | number)[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (scim.tokens.length === 0) {
    problems.push({ path: at("scim", "tokens"), message: "must list at least one token generation (omit it for one default generation)" });
  }
  if (scim.tokens.length > MAX_TOKEN_GENERATIONS) {
    problems.push({
      path: at("scim", "tokens"),
      message: `lists ${scim.tokens.length} generations; Auth0 allows two active tokens per connection. Remove the oldest generation once Okta uses the newer one, then add the next`,
    });
  }
  for (const d of laterDuplicates(scim.tokens, (t) => t.generation)) {
    problems.push({ path: at("scim", "tokens", d.index, "generation"), message: `repeats the generation of tokens[${d.firstIndex}]; give each generation its own name` });
  }
  scim.tokens.forEach((t, ti) => {
    const lifetime = lifetimeProblem(t.lifetimeSeconds);
    if (lifetime) problems.push({ path: at("scim", "tokens", ti, "lifetimeSeconds"), message: lifetime });
    if (t.scopes === undefined) return;
    const missing = missingOktaScopes(t.scopes);
    if (missing.length > 0) {
      problems.push({ path: at("scim", "tokens", ti, "scopes"), message: `lacks ${missing.join(", ")}, which Okta needs to list, create and update users; add them (or omit scopes to use scim.tokenScopes)` });
    }
    for (const d of laterDuplicates(t.scopes, (s) => s)) {
      problems.push({ path: at("scim", "tokens", ti, "scopes", d.index), message: "repeats a scope; list each scope once" });
    }
  });
  return problems;
}

/**
 * Resource-name keys (components/naming.ts): each connection's key, and every key it had before, names
 * one connection only; otherwise two connections would claim the same resources.
 */
function connectionKeyProblems(connections: StackConfig["connections"]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const owner = new Map<string, number>();
  connections.forEach((c, ci) => owner.set(connectionKey(c).toLowerCase(), ci));
  for (const d of laterDuplicates(connections, (c) => connectionKey(c).toLowerCase())) {
    // Two connections without a key and with the same name: the name rule reports it.
    if (connections[d.index].key === undefined && connections[d.firstIndex].key === undefined) continue;
    const at = connections[d.index].key === undefined ? "name" : "key";
    problems.push({ path: ["connections", d.index, at], message: `gives the same resource key as connections[${d.firstIndex}]; set key to a value of its own` });
  }
  connections.forEach((c, ci) => {
    c.previousKeys.forEach((previous, pi) => {
      const current = owner.get(previous.toLowerCase());
      if (current !== undefined) {
        problems.push({
          path: ["connections", ci, "previousKeys", pi],
          message: current === ci ? "is this connection's current key; list only keys it had before" : `is the current key of connections[${current}]; a key names one connection`,
        });
      }
    });
    for (const d of laterDuplicates(c.previousKeys, (k) => k.toLowerCase())) {
      problems.push({ path: ["connections", ci, "previousKeys", d.index], message: `repeats previousKeys[${d.firstIndex}]` });
    }
  });
  const previousOwner = new Map<string, number>();
  connections.forEach((c, ci) =>
    c.previousKeys.forEach((previous, pi) => {
      const first = previousOwner.get(previous.toLowerCase());
      if (first !== undefined && first !== ci) {
        problems.push({ path: ["connections", ci, "previousKeys", pi], message: `is also a previous key of connections[${first}]; a key names one connection` });
      } else previousOwner.set(previous.toLowerCase(), ci);
    }),
  );
  return problems;
}

/** Phase 2 maps exactly the SCIM app's captured attributes (see components/decisions/oktaProfileMappings.ts). */
function appSchemaRules(c: StackConfig["connections"][number], at: (...rest: (string | number)[]) => (string | number)[]): ConfigProblem[] {
  const attributes = c.scimApp.attributes;
  if (attributes === undefined) {
    return c.consoleStepsDone
      ? [
          {
            path: at("scimApp", "attributes"),
            message: `is required in phase 2 (consoleStepsDone: true): the profile mapping maps exactly the SCIM app's attributes. Run \`npm run verify -- --stack <stack> --connection ${c.name} --capture-app-schema\` with OKTA_ORG_URL and OKTA_API_TOKEN set, review the printed list and paste it here`,
          },
        ]
      : [];
  }
  return appSchemaProblems(attributes, c.customAttributes, c.omitBaseMappings).map((p) => ({
    path: p.list === "attributes" ? at("scimApp", "attributes", p.index) : at("omitBaseMappings", p.index),
    message: p.message,
  }));
}

/**
 * The way out of a connection's protection is the reviewed two-step decommission
 * (components/decisions/decommission.ts); `protect: false` on its own is what the mandatory policy
 * `auth0-connection-protected` refuses, so it is refused here first, with the path to take.
 */
function decommissionProblems(c: StackConfig["connections"][number], at: (...rest: (string | number)[]) => (string | number)[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (c.protect === false && !c.decommission) {
    problems.push({
      path: at("protect"),
      message:
        "is false without decommission: true; a connection is unprotected only to be removed, in two reviewed steps: 1. set decommission: true (its SCIM tokens are deleted, the connection is unprotected and marked) and `pulumi up`; 2. remove the connection from config and `pulumi up`, which deletes it and every user in it (docs/day-2-operations.md, Teardown). Remove protect: false",
    });
  }
  if (c.protect === true && c.decommission) {
    problems.push({ path: at("protect"), message: "is true while decommission is true: decommissioning unprotects the connection so that step 2 can delete it. Remove protect (or set decommission: false to keep the connection)" });
  }
  if (c.decommission && c.manageProvisioningViaApi === true) {
    problems.push({
      path: at("decommission"),
      message:
        'cannot be true while manageProvisioningViaApi is true: okta.app.Connection would keep provisioning on with a token that no longer exists. Set manageProvisioningViaApi: "deactivate" and `pulumi up` first, then decommission',
    });
  }
  return problems;
}

/**
 * Rules of the stack config as a whole that do not apply to the component's args (a library user's
 * program declares its own profile): checked by the stack's loader only (config/load.ts).
 */
export function stackOnlyProblems(config: StackConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.connections.forEach((c, ci) => {
    if (c.handoff === "selfService" && config.auth0.selfServiceProfile === undefined) {
      problems.push({
        path: ["connections", ci, "handoff"],
        message: "selfService needs oktaScim:auth0.selfServiceProfile (the profile `npm run sso-ticket` issues the ticket from); declare it, or use handoff: document",
      });
    }
  });
  return problems;
}

export function crossFieldProblems(config: StackConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];

  for (const d of laterDuplicates(config.oktaOrgs, (o) => o.name)) {
    problems.push({ path: ["oktaOrgs", d.index, "name"], message: `repeats the name of oktaOrgs[${d.firstIndex}]; give each Okta org its own name` });
  }
  for (const d of laterDuplicates(config.oktaOrgs, (o) => `${o.orgName}.${o.baseUrl}`)) {
    problems.push({
      path: ["oktaOrgs", d.index, "orgName"],
      message: `configures the same Okta org as oktaOrgs[${d.firstIndex}]; declare an org once and reference it from every connection`,
    });
  }
  for (const d of laterDuplicates(config.connections, (c) => c.name.toLowerCase())) {
    problems.push({ path: ["connections", d.index, "name"], message: `repeats the Auth0 connection name of connections[${d.firstIndex}]; connection names are unique in a tenant` });
  }

  problems.push(...connectionKeyProblems(config.connections));
  problems.push(...customerOrgProblems(config));

  const orgNames = new Set(config.oktaOrgs.map((o) => o.name));
  const customerOrgs = customerOrgNames(config);
  config.connections.forEach((c, ci) => {
    const at = (...rest: (string | number)[]) => ["connections", ci, ...rest];
    if (!orgNames.has(c.oktaOrg)) {
      problems.push({ path: at("oktaOrg"), message: `names no entry of oktaOrgs; use one of: ${[...orgNames].join(", ")}` });
    }
    for (const d of laterDuplicates(c.groups, (g) => ("id" in g ? `id:${g.id}` : `name:${g.name.toLowerCase()}`))) {
      problems.push({ path: at("groups", d.index), message: `repeats groups[${d.firstIndex}]; list each group once` });
    }
    for (const d of laterDuplicates(c.users, (u) => ("id" in u ? `id:${u.id}` : `login:${u.login.toLowerCase()}`))) {
      problems.push({ path: at("users", d.index), message: `repeats users[${d.firstIndex}]; list each user once` });
    }
    const missing = missingOktaScopes(c.scim.tokenScopes);
    if (missing.length > 0) {
      problems.push({ path: at("scim", "tokenScopes"), message: `lacks ${missing.join(", ")}, which Okta needs to list, create and update users; add them` });
    }
    for (const d of laterDuplicates(c.scim.tokenScopes, (s) => s)) {
      problems.push({ path: at("scim", "tokenScopes", d.index), message: "repeats a scope; list each scope once" });
    }
    problems.push(...tokenGenerationProblems(c.scim, at));
    c.scim.additionalMappings.forEach((m, mi) => {
      if (mappingsDuplicatingDefaults([m]).length > 0) {
        problems.push({
          path: at("scim", "additionalMappings", mi),
          message: `maps ${m.scim} or ${m.auth0}, which Auth0's default okta mappings already map (components/decisions/scimMappings.ts); remove it`,
        });
      }
    });
    problems.push(...scimMappingProblems(c, at));
    for (const d of laterDuplicates(c.scim.additionalMappings, (m) => m.scim)) {
      problems.push({ path: at("scim", "additionalMappings", d.index, "scim"), message: `maps the same SCIM attribute as additionalMappings[${d.firstIndex}]` });
    }
    for (const d of laterDuplicates(c.scim.additionalMappings, (m) => m.auth0)) {
      problems.push({ path: at("scim", "additionalMappings", d.index, "auth0"), message: `fills the same Auth0 attribute as additionalMappings[${d.firstIndex}]` });
    }
    c.customAttributes.forEach((a, ai) => {
      if (BASE_APP_ATTRIBUTE_NAMES.has(a.index)) {
        problems.push({ path: at("customAttributes", ai, "index"), message: `is a base attribute of the SCIM app (${a.index}); custom attributes need a name of their own` });
      }
    });
    // A customer's SCIM app is theirs (customerOrgRules.ts refuses its settings): no phase 2 here.
    if (!customerOrgs.has(c.oktaOrg)) problems.push(...appSchemaRules(c, at));
    problems.push(...adoptionProblems(c, at));
    problems.push(...scimAppProblems(c, at, customerOrgs.has(c.oktaOrg)));
    // A customer's org pushes no groups from here (customerOrgRules.ts refuses scim.groups there).
    if (!customerOrgs.has(c.oktaOrg)) problems.push(...groupPushProblems(c, at));
    problems.push(...decommissionProblems(c, at));
    // Until the admin has finished, the connection holds placeholder credentials: home realm discovery
    // must not send the customer's users to it (components/decisions/selfService.ts).
    if (c.handoff === "selfService" && c.domainAliases.length > 0 && !c.consoleStepsDone) {
      problems.push({
        path: at("domainAliases"),
        message: "must stay empty until the customer's admin has finished the self-service assistant (then set consoleStepsDone: true): until then the connection has no working client id, and users sent to it could not log in",
      });
    }
    for (const d of laterDuplicates(c.customAttributes, (a) => a.index)) {
      problems.push({ path: at("customAttributes", d.index, "index"), message: `repeats the name of customAttributes[${d.firstIndex}]` });
    }
    for (const d of laterDuplicates(c.customAttributes, (a) => `${a.externalNamespace}:${a.externalName}`)) {
      problems.push({
        path: at("customAttributes", d.index, "externalName"),
        message: `sends the same SCIM attribute as customAttributes[${d.firstIndex}] (same externalName and externalNamespace); Auth0 would receive one value for two attributes`,
      });
    }
  });
  return problems;
}
