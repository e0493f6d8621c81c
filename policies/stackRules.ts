// Pure rule helpers for the stack policies: the stack's resources in (as the engine passes them to
// validateStack), problems out, each with the URN it is about.
import type { PolicyResource } from "@pulumi/policy";
import { AUTH0_MAX_SCIM_TOKENS_PER_CONNECTION, TYPES } from "./facts";
import { numberOrUndefined, scimTokenView } from "./resources";

export interface StackProblem {
  urn: string;
  message: string;
}

/**
 * What an input refers to: the resource its value came from (engine property dependencies; known
 * during preview too, when ids are not), else the literal value (an id of something outside the stack).
 */
function referenceKey(resource: PolicyResource, input: string, targetType: string): string | undefined {
  const target = (resource.propertyDependencies[input] ?? []).find((r) => r.type === targetType);
  if (target) return target.urn;
  const literal = resource.props[input];
  return typeof literal === "string" && literal !== "" ? `literal:${literal}` : undefined;
}

const setOf = (values: Iterable<string>) => [...new Set(values)].sort();

interface AppAssignments {
  app: PolicyResource;
  groups: string[];
  users: string[];
}

function assignmentsOf(app: PolicyResource, resources: readonly PolicyResource[]): AppAssignments {
  const linked = (r: PolicyResource) => referenceKey(r, "appId", app.type) === app.urn;
  const groups: string[] = [];
  const users: string[] = [];
  for (const r of resources) {
    if (r.type === TYPES.oktaAppGroupAssignments && linked(r)) {
      const list = Array.isArray(r.props.groups) ? r.props.groups : [];
      groups.push(...list.map((g: Record<string, unknown>) => String(g.id)));
    } else if (r.type === TYPES.oktaAppGroupAssignment && linked(r)) {
      groups.push(String(r.props.groupId));
    } else if (r.type === TYPES.oktaAppUser && linked(r)) {
      users.push(String(r.props.userId));
    }
  }
  return { app, groups: setOf(groups), users: setOf(users) };
}

function difference(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((x) => !b.includes(x));
}

/** 10. Per integration (the apps' common parent), the OIDC app and the SCIM app are assigned the same people. */
export function sameAssignmentProblems(resources: readonly PolicyResource[]): StackProblem[] {
  const integrations = new Map<string, PolicyResource[]>();
  for (const r of resources) {
    if (r.type !== TYPES.oktaOidcApp && r.type !== TYPES.oktaAutoLoginApp) continue;
    const key = r.parent?.urn ?? "(stack)";
    integrations.set(key, [...(integrations.get(key) ?? []), r]);
  }
  const problems: StackProblem[] = [];
  for (const apps of integrations.values()) {
    const oidc = apps.filter((a) => a.type === TYPES.oktaOidcApp).map((a) => assignmentsOf(a, resources));
    const scim = apps.filter((a) => a.type === TYPES.oktaAutoLoginApp).map((a) => assignmentsOf(a, resources));
    for (const o of oidc) {
      for (const s of scim) {
        const parts: string[] = [];
        const describe = (what: string, only: string[], side: string) => {
          if (only.length > 0) parts.push(`${what} only on the ${side} app: ${only.join(", ")}`);
        };
        describe("groups", difference(o.groups, s.groups), "OIDC");
        describe("groups", difference(s.groups, o.groups), "SCIM");
        describe("users", difference(o.users, s.users), "OIDC");
        describe("users", difference(s.users, o.users), "SCIM");
        if (parts.length > 0) {
          problems.push({
            urn: s.app.urn,
            message:
              `OIDC app ${o.app.name} and SCIM app ${s.app.name} are assigned different people (${parts.join("; ")}): ` +
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
