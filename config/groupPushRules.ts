// Rules for group provisioning (`scim.groups`, docs/group-provisioning.md). A pushed group must be
// assigned (Okta pushes the memberships of the app's assigned people only), and the token Okta uses
// (the newest generation) must carry the group scopes, or every push fails with 403 at Okta, long
// after `pulumi up` said all was well. The scopes are not added by themselves: a scope change
// replaces a token, so it comes as a new token generation, a rotation the reviewer sees.
import { AUTH0_SCIM_GROUP_LIMITS, missingGroupPushScopes, sameGroupReference } from "../components/decisions/groupPush";
import { normalizeTokenScopes } from "../components/decisions/tokenScopes";
import type { ConfigProblem } from "./crossFieldRules";
import { laterDuplicates } from "./laterDuplicates";
import type { ConnectionConfig } from "./schema";

type At = (...rest: (string | number)[]) => (string | number)[];

const describeRef = (ref: { id: string } | { name: string }) => ("id" in ref ? `id ${ref.id}` : `"${ref.name}"`);

export function groupPushProblems(c: ConnectionConfig, at: At): ConfigProblem[] {
  const pushed = c.scim.groups;
  if (pushed.length === 0) return [];
  const problems: ConfigProblem[] = [];
  pushed.forEach((ref, gi) => {
    if (!c.groups.some((g) => sameGroupReference(g, ref))) {
      problems.push({
        path: at("scim", "groups", gi),
        message: `group ${describeRef(ref)} is not in this connection's groups: Okta pushes the memberships of people assigned to the SCIM app only. Add it to groups (written the same way, by id or by name), or remove it here`,
      });
    }
  });
  for (const d of laterDuplicates(pushed, (ref) => ("id" in ref ? `id:${ref.id}` : `name:${ref.name}`))) {
    problems.push({ path: at("scim", "groups", d.index), message: "repeats an earlier pushed group; list each group once" });
  }
  if (pushed.length > AUTH0_SCIM_GROUP_LIMITS.groupsPerConnection) {
    problems.push({ path: at("scim", "groups"), message: `lists ${pushed.length} groups; Auth0 keeps at most ${AUTH0_SCIM_GROUP_LIMITS.groupsPerConnection} SCIM groups per connection` });
  }
  const ti = c.scim.tokens.length - 1;
  const newest = c.scim.tokens[ti];
  const scopes = normalizeTokenScopes(newest.scopes ?? c.scim.tokenScopes);
  const missing = missingGroupPushScopes(scopes);
  if (missing.length > 0) {
    const wanted = normalizeTokenScopes([...scopes, ...missing]);
    problems.push({
      path: at("scim", "tokens", ti, "scopes"),
      message:
        `the token Okta uses (generation "${newest.generation}") lacks ${missing.join(", ")}, which Group Push needs. A scope change replaces a token, so rotate: ` +
        `add a generation after "${newest.generation}" with scopes [${wanted.join(", ")}], paste its token into Okta, then remove "${newest.generation}" (docs/group-provisioning.md)`,
    });
  }
  return problems;
}
