// The lookups the program's invokes and verify make, with Okta's semantics. Pure.
// - Apps: `q` is a starts-with match on the app's name or label (case-insensitive); verify compares
//   the exact label itself.
// - Groups: `q` is a starts-with match on the group name (case-insensitive), exact matches first,
//   `filter=type eq "…"` narrows by type. The provider then prefers an exact name, but accepts a
//   single prefix match.
// - Users: `search` is an expression of `<attribute> <op> "<value>"` clauses joined by `and`/`or`
//   (the provider builds `profile.login eq "x"`); eq is case-insensitive, sw is starts-with.
import type { OktaGroup, OktaUser } from "./org";

export function matchGroups(groups: Iterable<OktaGroup>, q: string | null, filter: string | null): OktaGroup[] {
  const type = filter ? /^\s*type\s+eq\s+"([A-Z_]+)"\s*$/.exec(filter)?.[1] : undefined;
  if (filter && !type) throw new SearchError(`Invalid filter: ${filter}`);
  const prefix = (q ?? "").toLowerCase();
  const found = [...groups].filter((g) => (type === undefined || g.type === type) && g.name.toLowerCase().startsWith(prefix));
  // Okta: "Exact matches will always be returned before partial matches" (Groups API, q).
  const exact = (g: OktaGroup) => (q !== null && g.name.toLowerCase() === prefix ? 0 : 1);
  return found.map((g, i) => ({ g, i })).sort((a, b) => exact(a.g) - exact(b.g) || a.i - b.i).map(({ g }) => g);
}

export function matchApps<App extends { name: string; label: string }>(apps: Iterable<App>, q: string | null): App[] {
  const prefix = (q ?? "").toLowerCase();
  return [...apps].filter((a) => a.name.toLowerCase().startsWith(prefix) || a.label.toLowerCase().startsWith(prefix));
}

export class SearchError extends Error {}

interface Clause {
  attribute: string;
  op: string;
  value?: string;
}

/** Splits `a eq "x" and b sw "y"` into clauses and the joining operator (one kind per expression). */
export function parseSearch(expression: string): { clauses: Clause[]; join: "and" | "or" } {
  const clauses: Clause[] = [];
  const joins = new Set<string>();
  const pattern = /\s*\(?\s*([\w.]+)\s+(eq|sw|pr|gt|lt|ge|le|ne)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\)?\s*(and|or)?/giy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = pattern.exec(expression)) !== null && m[0] !== "") {
    clauses.push({ attribute: m[1], op: m[2].toLowerCase(), value: m[3]?.replace(/\\(.)/g, "$1") });
    if (m[4]) joins.add(m[4].toLowerCase());
    consumed = pattern.lastIndex;
  }
  if (clauses.length === 0 || consumed !== expression.length || joins.size > 1) throw new SearchError(`Invalid search: ${expression}`);
  return { clauses, join: joins.has("or") ? "or" : "and" };
}

function attributeOf(user: OktaUser, attribute: string): string | undefined {
  const profile: Record<string, string> = { login: user.login, email: user.email, firstName: user.firstName, lastName: user.lastName };
  if (attribute.startsWith("profile.")) return profile[attribute.slice("profile.".length)];
  if (attribute === "id") return user.id;
  if (attribute === "status") return user.status;
  return undefined;
}

function clauseMatches(user: OktaUser, c: Clause): boolean {
  const actual = attributeOf(user, c.attribute);
  switch (c.op) {
    case "pr":
      return actual !== undefined && actual !== "";
    case "eq":
      return actual !== undefined && c.value !== undefined && actual.toLowerCase() === c.value.toLowerCase();
    case "ne":
      return actual === undefined || c.value === undefined || actual.toLowerCase() !== c.value.toLowerCase();
    case "sw":
      return actual !== undefined && c.value !== undefined && actual.toLowerCase().startsWith(c.value.toLowerCase());
    default:
      throw new SearchError(`The sandbox does not evaluate '${c.op}' in a user search`);
  }
}

export function searchUsers(users: Iterable<OktaUser>, expression: string): OktaUser[] {
  const { clauses, join } = parseSearch(expression);
  return [...users].filter((u) => (join === "and" ? clauses.every((c) => clauseMatches(u, c)) : clauses.some((c) => clauseMatches(u, c))));
}
