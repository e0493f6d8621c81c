// Pure rule helpers for the stack policies: the stack's resources in (as the engine passes them to
// validateStack), problems out, each with the URN it is about.
import type { PolicyResource } from "@pulumi/policy";
import { AUTH0_MAX_SCIM_TOKENS_PER_CONNECTION, CUSTOMER_ORG_ADMIN, GROUP_PUSH_SCOPES, ORG_ADMIN_METADATA_KEY, TYPES } from "./facts";
import { readKnown } from "./previewValues";
import { numberOrUndefined, scimTokenView } from "./resources";

export interface StackProblem {
  urn: string;
  message: string;
}

const setOf = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * What an input refers to: the resource its value came from (engine property dependencies; known
 * during preview too, when ids are not), else the literal value (an id of something outside the stack).
 * A value derived from other resources of the stack (none of the wanted type) is keyed by those
 * resources. Never reads a value that came from a resource: during preview it is unknown, and reading
 * it would stop the policy without a verdict. Undefined: neither a resource nor a known literal.
 */
function referenceKey(resource: PolicyResource, input: string, targetType: string): string | undefined {
  const sources = resource.propertyDependencies[input] ?? [];
  const target = sources.find((r) => r.type === targetType);
  if (target) return target.urn;
  if (sources.length > 0) return `derived:${setOf(sources.map((r) => r.urn)).join(",")}`;
  const literal = readKnown(() => resource.props[input]);
  return literal.known && typeof literal.value === "string" && literal.value !== "" ? `literal:${literal.value}` : undefined;
}

/** One assigned group or user: an id when known, else where its value will come from. */
interface Assignee {
  key: string;
  label: string;
}

/**
 * A group or user id not known before the update (a group created by this same stack, say): it is
 * identified by the resources its value comes from, which the engine knows during preview. The n-th
 * such id from the same sources gets its own key, so two unknown groups never count as one.
 */
function unknownAssignee(resource: PolicyResource, input: string, nth: number): Assignee {
  const sources = resource.propertyDependencies[input] ?? [];
  const from = sources.length > 0 ? setOf(sources.map((r) => r.urn)).join(",") : `${resource.urn}.${input}`;
  const names = sources.length > 0 ? setOf(sources.map((r) => r.name)).join(", ") : `${resource.name}.${input}`;
  return { key: `unknown:${from}#${nth}`, label: `an id known only after the update (from ${names})` };
}

interface AppAssignments {
  app: PolicyResource;
  groups: Assignee[];
  users: Assignee[];
}

/** Counts unknown ids per (resource, input), so the n-th one from the same place gets key #n. */
function assigneeReader() {
  const seen = new Map<string, number>();
  return (resource: PolicyResource, input: string, read: () => unknown): Assignee => {
    const value = readKnown(read);
    if (value.known && value.value !== undefined && value.value !== null) return { key: String(value.value), label: String(value.value) };
    const counter = `${resource.urn}|${input}`;
    const nth = (seen.get(counter) ?? 0) + 1;
    seen.set(counter, nth);
    return unknownAssignee(resource, input, nth);
  };
}

function assignmentsOf(app: PolicyResource, resources: readonly PolicyResource[]): AppAssignments {
  return assignmentsLinked(app, (r) => referenceKey(r, "appId", app.type) === app.urn, resources);
}

const ASSIGNMENT_TYPES: readonly string[] = [TYPES.oktaAppGroupAssignments, TYPES.oktaAppGroupAssignment, TYPES.oktaAppUser];

/**
 * Apps the stack assigns without declaring them, by their literal id, per integration: Okta's catalog
 * SCIM app, which an admin adds and the component only references (scimApp.kind catalog). The first
 * assignment stands for the app in reports.
 */
function referencedApps(resources: readonly PolicyResource[]): Map<string, Map<string, PolicyResource>> {
  const byIntegration = new Map<string, Map<string, PolicyResource>>();
  for (const r of resources) {
    if (!ASSIGNMENT_TYPES.includes(r.type)) continue;
    const key = referenceKey(r, "appId", TYPES.oktaOidcApp);
    if (!key?.startsWith("literal:")) continue;
    const apps = byIntegration.get(integrationKey(r)) ?? new Map<string, PolicyResource>();
    if (!apps.has(key)) apps.set(key, r);
    byIntegration.set(integrationKey(r), apps);
  }
  return byIntegration;
}

function referencedAssignments(key: string, anchor: PolicyResource, resources: readonly PolicyResource[]): AppAssignments {
  const integration = integrationKey(anchor);
  return assignmentsLinked(anchor, (r) => integrationKey(r) === integration && referenceKey(r, "appId", TYPES.oktaOidcApp) === key, resources);
}

function assignmentsLinked(app: PolicyResource, linked: (r: PolicyResource) => boolean, resources: readonly PolicyResource[]): AppAssignments {
  const assignee = assigneeReader();
  const groups: Assignee[] = [];
  const users: Assignee[] = [];
  for (const r of resources) {
    if (r.type === TYPES.oktaAppGroupAssignments && linked(r)) {
      const list = readKnown(() => r.props.groups as unknown);
      if (!list.known) {
        groups.push(assignee(r, "groups", () => r.props.groups));
        continue;
      }
      const entries = Array.isArray(list.value) ? (list.value as Record<string, unknown>[]) : [];
      for (let i = 0; i < entries.length; i++) groups.push(assignee(r, "groups", () => entries[i].id));
    } else if (r.type === TYPES.oktaAppGroupAssignment && linked(r)) {
      groups.push(assignee(r, "groupId", () => r.props.groupId));
    } else if (r.type === TYPES.oktaAppUser && linked(r)) {
      users.push(assignee(r, "userId", () => r.props.userId));
    }
  }
  return { app, groups: uniqueAssignees(groups), users: uniqueAssignees(users) };
}

function uniqueAssignees(list: readonly Assignee[]): Assignee[] {
  const byKey = new Map(list.map((a) => [a.key, a]));
  return setOf(byKey.keys()).map((k) => byKey.get(k)!);
}

function difference(a: readonly Assignee[], b: readonly Assignee[]): Assignee[] {
  const keys = new Set(b.map((x) => x.key));
  return a.filter((x) => !keys.has(x.key));
}

const integrationKey = (r: PolicyResource) => r.parent?.urn ?? "(stack)";

/**
 * What an okta-strategy connection says about its org: "customer" (marked: no Okta app to judge),
 * "stack", or undefined when its strategy or metadata is not known yet (preview): no verdict on it then.
 */
function orgAdministrator(connection: PolicyResource): "customer" | "stack" | undefined {
  const strategy = readKnown(() => connection.props.strategy);
  if (!strategy.known || strategy.value !== "okta") return undefined;
  const marker = readKnown(() => {
    const metadata = connection.props.metadata;
    return metadata !== null && typeof metadata === "object" ? (metadata as Record<string, unknown>)[ORG_ADMIN_METADATA_KEY] : undefined;
  });
  if (!marker.known) return undefined;
  return marker.value === CUSTOMER_ORG_ADMIN ? "customer" : "stack";
}

/**
 * 10, per connection: an okta connection of an org the stack administers has both Okta apps beside
 * it (otherwise there is nothing to compare, which must not read as a pass); a connection marked as a
 * customer's org has none (the stack must not write to a customer's org), and nothing to compare.
 */
function integrationShapeProblems(resources: readonly PolicyResource[]): StackProblem[] {
  const apps = new Map<string, PolicyResource[]>();
  for (const r of resources) {
    if (r.type === TYPES.oktaOidcApp || r.type === TYPES.oktaAutoLoginApp) apps.set(integrationKey(r), [...(apps.get(integrationKey(r)) ?? []), r]);
  }
  const referenced = referencedApps(resources);
  const problems: StackProblem[] = [];
  for (const c of resources.filter((r) => r.type === TYPES.auth0Connection)) {
    const admin = orgAdministrator(c);
    const beside = apps.get(integrationKey(c)) ?? [];
    if (admin === "customer" && beside.length > 0) {
      problems.push({
        urn: c.urn,
        message: `connection ${c.name} is marked as a customer's Okta org (metadata "${ORG_ADMIN_METADATA_KEY}": "${CUSTOMER_ORG_ADMIN}"), but the stack declares Okta apps beside it (${beside.map((a) => a.name).join(", ")}): a customer's org is theirs to configure. Remove the apps, or declare the org administeredBy: stack.`,
      });
    }
    if (admin === "stack") {
      const missing = [
        ...(beside.some((a) => a.type === TYPES.oktaOidcApp) ? [] : ["the OIDC log-in app"]),
        ...(beside.some((a) => a.type === TYPES.oktaAutoLoginApp) || (referenced.get(integrationKey(c))?.size ?? 0) > 0 ? [] : ["the SCIM provisioning app"]),
      ];
      if (missing.length > 0) {
        problems.push({
          urn: c.urn,
          message: `okta connection ${c.name} has no ${missing.join(" and no ")} beside it, so nobody can tell who logs in and who is provisioned. Declare both apps with one assignment list (the component does), or, for a customer's org the stack does not administer, mark it (oktaOrgs[].administeredBy: customer, which writes metadata "${ORG_ADMIN_METADATA_KEY}").`,
        });
      }
    }
  }
  return problems;
}

/** 10. Per integration (the apps' common parent), the OIDC app and the SCIM app are assigned the same people. */
export function sameAssignmentProblems(resources: readonly PolicyResource[]): StackProblem[] {
  return [...integrationShapeProblems(resources), ...assignmentDifferences(resources)];
}

function assignmentDifferences(resources: readonly PolicyResource[]): StackProblem[] {
  const integrations = new Map<string, PolicyResource[]>();
  for (const r of resources) {
    if (r.type !== TYPES.oktaOidcApp && r.type !== TYPES.oktaAutoLoginApp) continue;
    const key = integrationKey(r);
    integrations.set(key, [...(integrations.get(key) ?? []), r]);
  }
  const problems: StackProblem[] = [];
  const referenced = referencedApps(resources);
  for (const [integration, apps] of integrations) {
    const oidc = apps.filter((a) => a.type === TYPES.oktaOidcApp).map((a) => assignmentsOf(a, resources));
    const scim = [
      ...apps.filter((a) => a.type === TYPES.oktaAutoLoginApp).map((a) => assignmentsOf(a, resources)),
      ...[...(referenced.get(integration) ?? new Map<string, PolicyResource>())].map(([key, anchor]) => referencedAssignments(key, anchor, resources)),
    ];
    for (const o of oidc) {
      for (const s of scim) {
        const parts: string[] = [];
        const describe = (what: string, only: Assignee[], side: string) => {
          if (only.length > 0) parts.push(`${what} only on the ${side} app: ${only.map((a) => a.label).join(", ")}`);
        };
        describe("groups", difference(o.groups, s.groups), "OIDC");
        describe("groups", difference(s.groups, o.groups), "SCIM");
        describe("users", difference(o.users, s.users), "OIDC");
        describe("users", difference(s.users, o.users), "SCIM");
        if (parts.length > 0) {
          problems.push({
            urn: s.app.urn,
            message:
              `OIDC app ${o.app.name} and SCIM app ${s.app.type === TYPES.oktaAutoLoginApp ? s.app.name : `${String(s.app.props.appId)} (assigned by ${s.app.name})`} are assigned different people (${parts.join("; ")}): ` +
              "some could log in without being provisioned, or be provisioned without logging in. Assign both apps the same groups and users (connections[].groups / users feed both).",
          });
        }
      }
    }
  }
  return problems;
}

/** 11. Tokens belong to connections with a SCIM configuration, at most Auth0's two per connection. */
export function tokenOwnershipProblems(resources: readonly PolicyResource[]): StackProblem[] {
  const configured = new Set<string>();
  for (const r of resources) {
    if (r.type !== TYPES.scimConfiguration) continue;
    const key = referenceKey(r, "connectionId", TYPES.auth0Connection);
    if (key) configured.add(key);
  }
  const tokensByConnection = new Map<string, PolicyResource[]>();
  const problems: StackProblem[] = [];
  for (const r of resources) {
    if (!scimTokenView(r.type, r.props)) continue;
    const key = referenceKey(r, "connectionId", TYPES.auth0Connection);
    if (key === undefined || !configured.has(key)) {
      problems.push({
        urn: r.urn,
        message: `SCIM token ${r.name} belongs to no connection with a SCIM configuration in this stack: Okta could not use it. Create it for a connection that has an auth0.ConnectionScimConfiguration (and depend on that configuration).`,
      });
      continue;
    }
    tokensByConnection.set(key, [...(tokensByConnection.get(key) ?? []), r]);
  }
  for (const tokens of tokensByConnection.values()) {
    if (tokens.length > AUTH0_MAX_SCIM_TOKENS_PER_CONNECTION) {
      problems.push({
        urn: tokens[tokens.length - 1].urn,
        message:
          `${tokens.length} SCIM tokens (${tokens.map((t) => t.name).join(", ")}) belong to one connection; Auth0 keeps at most ` +
          `${AUTH0_MAX_SCIM_TOKENS_PER_CONNECTION} (the second exists only while rotating). Remove the extra tokens.`,
      });
    }
  }
  return problems;
}

/**
 * Per integration (the common parent): its Group Pushes and its SCIM tokens. A token's scopes are
 * config literals, known at preview; should one not be known, `scopes` is undefined: no verdict then.
 */
function groupPushIntegrations(resources: readonly PolicyResource[]) {
  const byKey = new Map<string, { pushes: PolicyResource[]; tokens: { resource: PolicyResource; scopes: readonly string[] | undefined }[] }>();
  const entry = (r: PolicyResource) => {
    const key = integrationKey(r);
    if (!byKey.has(key)) byKey.set(key, { pushes: [], tokens: [] });
    return byKey.get(key)!;
  };
  for (const r of resources) {
    if (r.type === TYPES.oktaPushGroup) {
      entry(r).pushes.push(r);
      continue;
    }
    const view = readKnown(() => scimTokenView(r.type, r.props));
    if (view.known && view.value === undefined) continue;
    entry(r).tokens.push({ resource: r, scopes: view.known ? view.value!.scopes : undefined });
  }
  return [...byKey.values()];
}

/** 13. An integration that pushes groups has a SCIM token holding every group scope Group Push uses. */
export function groupScopesNeededProblems(resources: readonly PolicyResource[]): StackProblem[] {
  const problems: StackProblem[] = [];
  for (const { pushes, tokens } of groupPushIntegrations(resources)) {
    if (pushes.length === 0 || tokens.some((t) => t.scopes === undefined)) continue;
    const lacking = (scopes: readonly string[]) => GROUP_PUSH_SCOPES.filter((s) => !scopes.includes(s));
    if (tokens.some((t) => lacking(t.scopes!).length === 0)) continue;
    const missing = tokens.length > 0 ? lacking(tokens[tokens.length - 1].scopes!) : [...GROUP_PUSH_SCOPES];
    problems.push({
      urn: pushes[0].urn,
      message:
        `${pushes.length} Group Push resource(s) (${pushes.map((p) => p.name).join(", ")}) but no SCIM token of the integration holds ${missing.join(", ")}: ` +
        "every push would fail with 403 at Okta. Add a token generation with the group scopes (connections[].scim.tokens), paste its token into Okta, then remove the old one.",
    });
  }
  return problems;
}

/** 14. A token holds group scopes only where groups are pushed (least privilege). */
export function groupScopesUnusedProblems(resources: readonly PolicyResource[]): StackProblem[] {
  const problems: StackProblem[] = [];
  for (const { pushes, tokens } of groupPushIntegrations(resources)) {
    if (pushes.length > 0) continue;
    for (const t of tokens) {
      const held = (t.scopes ?? []).filter((s) => s.endsWith(":groups"));
      if (held.length === 0) continue;
      problems.push({
        urn: t.resource.urn,
        message:
          `SCIM token ${t.resource.name} holds ${held.join(", ")}, but its integration pushes no group. Expected only while a rotation prepares ` +
          "connections[].scim.groups for phase 2; otherwise rotate to a token generation without the group scopes.",
      });
    }
  }
  return problems;
}

export interface RateLimitRuleConfig {
  maxApiCapacity: number;
  minManagedResources: number;
}

/** 12. An Okta provider managing several resources leaves rate limit for everyone else in the org. */
export function rateLimitShareProblems(resources: readonly PolicyResource[], config: RateLimitRuleConfig): StackProblem[] {
  const managed = new Map<string, { provider: NonNullable<PolicyResource["provider"]>; count: number }>();
  for (const r of resources) {
    if (r.provider?.type !== TYPES.oktaProvider) continue;
    const entry = managed.get(r.provider.urn) ?? { provider: r.provider, count: 0 };
    entry.count += 1;
    managed.set(r.provider.urn, entry);
  }
  const problems: StackProblem[] = [];
  for (const { provider, count } of managed.values()) {
    if (count < config.minManagedResources) continue;
    const share = numberOrUndefined(provider.props.maxApiCapacity);
    if (share === undefined || share > config.maxApiCapacity) {
      problems.push({
        urn: provider.urn,
        message:
          `Okta provider ${provider.name} manages ${count} resources with maxApiCapacity ${share === undefined ? "unset (100 %)" : `${share} %`}: ` +
          `one run may use up the org's rate limit. Set oktaOrgs[].maxApiCapacity to at most ${config.maxApiCapacity}.`,
      });
    }
  }
  return problems;
}
