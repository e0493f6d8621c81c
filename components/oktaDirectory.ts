// Looks up, before any resource of a connection is registered, the Okta groups and users its config
// names, and checks each answer (decisions/oktaReferences.ts). Awaited on purpose, by the stack program
// (or resolveOktaReferences) before the component, or by the component before its children
// (./lookedUpIntegration.ts), not threaded through as Outputs:
// - a wrong or ambiguous name fails the run with the config path and the fix, before anything is
//   assigned, in `pulumi preview` as in `up`;
// - a user's assignments are named by the Okta user id (known here), so switching a user from
//   `login` to `id`, or a login change, keeps the same resources instead of creating new assignments
//   and then deleting the old ones (which unassigns the user from both apps);
// - the app user's `username` (required by the provider) is the login, as Okta's default username
//   template `${source.login}` would give, also for users given by id.
// Each lookup is made once per org and run, and asks only what it needs (no roles, no groups).
import * as pulumi from "@pulumi/pulumi";
import * as okta from "@pulumi/okta";
import type { ConnectionConfig, GroupRef, UserRef } from "../config/schema";
import type { ConfigProblem } from "../config/crossFieldRules";
import { groupLookupProblem, lookupFailureProblem, userLookupProblem } from "./decisions/oktaReferences";

export interface ResolvedGroup {
  ref: GroupRef;
  id: string;
}

export interface ResolvedUser {
  ref: UserRef;
  id: string;
  /** The user's Okta login: the app user's username. */
  login: string;
}

export interface OktaReferences {
  /** In config order. */
  groups: ResolvedGroup[];
  /** In config order. */
  users: ResolvedUser[];
}

/**
 * Arguments of the user lookup. `skipRoles`/`skipGroups`: without them the provider makes two more
 * calls per user (`/users/{id}/roles`, `/users/{id}/groups`) that need extra admin scopes.
 */
export function userLookupArgs(ref: UserRef): okta.user.GetUserArgs {
  const what = "id" in ref ? { userId: ref.id } : { searches: [{ name: "profile.login", value: ref.login }] };
  return { ...what, skipRoles: true, skipGroups: true };
}

/** Okta-mastered groups only: names are unique among them (AD/LDAP groups are given by id). */
export function groupLookupArgs(name: string): okta.group.GetGroupArgs {
  return { name, type: "OKTA_GROUP" };
}

// One answer per org and arguments, for the whole run: two connections naming the same group or user
// cost one call. A provider object is one org for one run. A provider *reference* (what a plugin's
// construct gets when the component is used from another language) is a new object per component, so
// it is known by its URN instead, unique within the one engine run that the plugin process serves.
const memo = new WeakMap<okta.Provider, Map<string, Promise<unknown>>>();
const memoByUrn = new Map<string, Map<string, Promise<unknown>>>();
async function once<T>(provider: okta.Provider, key: string, call: () => Promise<T>): Promise<T> {
  const calls = provider instanceof pulumi.DependencyProviderResource ? await callsOfReference(provider) : callsOf(provider);
  if (!calls.has(key)) calls.set(key, call());
  return calls.get(key) as Promise<T>;
}
function callsOf(provider: okta.Provider): Map<string, Promise<unknown>> {
  const calls = memo.get(provider) ?? new Map<string, Promise<unknown>>();
  memo.set(provider, calls);
  return calls;
}
async function callsOfReference(provider: pulumi.ProviderResource): Promise<Map<string, Promise<unknown>>> {
  const urn = await new Promise<string>((resolve) => provider.urn.apply(resolve));
  const calls = memoByUrn.get(urn) ?? new Map<string, Promise<unknown>>();
  memoByUrn.set(urn, calls);
  return calls;
}

type Outcome<T> = { value: T } | { problem: string };

async function settle<T>(what: "group" | "user", lookup: () => Promise<T>, check: (value: T) => string | undefined): Promise<Outcome<T>> {
  try {
    const value = await lookup();
    const problem = check(value);
    return problem === undefined ? { value } : { problem };
  } catch (error) {
    return { problem: lookupFailureProblem(what, error) };
  }
}

/** Every group and user reference of one connection, resolved; or every problem, with its config path. */
export async function lookUpOktaReferences(
  connection: ConnectionConfig,
  configPath: readonly (string | number)[],
  provider: okta.Provider,
): Promise<{ references: OktaReferences } | { problems: ConfigProblem[] }> {
  const opts = { provider };
  const groups = connection.groups.map((ref) =>
    "id" in ref
      ? Promise.resolve<Outcome<ResolvedGroup>>({ value: { ref, id: ref.id } })
      : settle(
          "group",
          async () => {
            const args = groupLookupArgs(ref.name);
            const found = await once(provider, `group:${JSON.stringify(args)}`, () => okta.group.getGroup(args, opts));
            return { ref, id: found.id, name: found.name };
          },
          (g) => groupLookupProblem({ requested: ref.name, found: g }),
        ),
  );
  const users = connection.users.map((ref) =>
    settle(
      "user",
      async () => {
        const args = userLookupArgs(ref);
        const found = await once(provider, `user:${JSON.stringify(args)}`, () => okta.user.getUser(args, opts));
        return { ref, id: found.id, login: found.login };
      },
      (u) => userLookupProblem({ requestedLogin: "login" in ref ? ref.login : undefined, found: u }),
    ),
  );
  const [groupOutcomes, userOutcomes] = await Promise.all([Promise.all(groups), Promise.all(users)]);
  const problems: ConfigProblem[] = [];
  groupOutcomes.forEach((o, i) => "problem" in o && problems.push({ path: [...configPath, "groups", i], message: o.problem }));
  userOutcomes.forEach((o, i) => "problem" in o && problems.push({ path: [...configPath, "users", i], message: o.problem }));
  if (problems.length > 0) return { problems };
  return {
    references: {
      groups: groupOutcomes.flatMap((o) => ("value" in o ? [{ ref: o.value.ref, id: o.value.id }] : [])),
      users: userOutcomes.flatMap((o) => ("value" in o ? [o.value] : [])),
    },
  };
}

/**
 * The org's default user type id (the profile mapping's source), looked up once per org and run, or
 * taken from config (`oktaOrgs[].defaultUserTypeId`), which saves the call at every preview.
 */
const userTypes = new WeakMap<okta.Provider, ReturnType<typeof okta.user.getUserTypeOutput>>();
export function defaultUserTypeLookup(provider: okta.Provider) {
  const existing = userTypes.get(provider);
  if (existing) return existing;
  const lookup = okta.user.getUserTypeOutput({ name: "user" }, { provider });
  userTypes.set(provider, lookup);
  return lookup;
}
