// What a group or user looked up in Okta must satisfy before anything is assigned to it. Pure: the
// lookup results in, a problem message (for the config path of the reference) or nothing out.
//
// Why: the provider's group lookup by name is Okta's `q=` search, a prefix match, and when exactly one
// group matches it returns that group even if its name differs (terraform-provider-okta
// data_source_okta_group.go, "keep old behavior that a fuzzy match is acceptable"). Renaming "Finance"
// while "Finance-Contractors" exists would then silently assign the wrong group to both apps:
// the wrong people provisioned into Auth0, the right ones deprovisioned.

export interface GroupLookup {
  /** The name written in config. */
  requested: string;
  /** What the lookup returned. */
  found: { id: string; name: string };
}

export function groupLookupProblem({ requested, found }: GroupLookup): string | undefined {
  if (found.name === requested) return undefined;
  return (
    `names the Okta group "${requested}", but no Okta-mastered group has exactly that name: Okta's search (a prefix match) ` +
    `returned only "${found.name}" (${found.id}). Nothing was assigned. Write the group's exact name (case included), ` +
    `or give it by id ({ id: 00g… }) after checking in the Okta admin console that it is the group you mean`
  );
}

export interface UserLookup {
  /** The login written in config, or undefined when the user is given by id. */
  requestedLogin?: string;
  found: { id: string; login: string };
}

/** Okta logins compare case-insensitively; anything else means the search found someone else. */
export function userLookupProblem({ requestedLogin, found }: UserLookup): string | undefined {
  if (!found.login) return `found Okta user ${found.id} without a login; give a user that can sign in`;
  if (requestedLogin === undefined || found.login.toLowerCase() === requestedLogin.toLowerCase()) return undefined;
  return `names the Okta login "${requestedLogin}", but the search returned "${found.login}" (${found.id}); write the exact login or give the user by id ({ id: 00u… })`;
}

/** A lookup the provider refused (no such group or user, several prefix matches, no permission). */
export function lookupFailureProblem(what: "group" | "user", error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0].replace(/^Error:\s*/, "");
  const fix =
    what === "group"
      ? "write the exact name of an Okta-mastered group (OKTA_GROUP), or give the group by id ({ id: 00g… })"
      : "write the user's exact Okta login, or give the user by id ({ id: 00u… })";
  return `could not be looked up in Okta (${reason || "no reason given"}); ${fix}`;
}
