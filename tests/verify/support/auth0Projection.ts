// What an Auth0 stand-in stores of a SCIM body: each mapping's SCIM path read from the body as Auth0
// documents it (a filter selects the element whose attribute equals the value; no match, no value),
// written at the mapping's Auth0 path; `active` is stored inverted as `blocked`. Deliberately its own
// small reader, not the project's (components/decisions/scimPaths.ts), so the tests compare two readings.
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

function read(body: Record<string, unknown>, scimPath: string): unknown {
  let container: unknown = body;
  let path = scimPath;
  if (path.startsWith(`${ENTERPRISE}.`)) {
    container = body[ENTERPRISE];
    path = path.slice(ENTERPRISE.length + 1);
  }
  const filtered = /^(\w+)\[(\w+) eq (?:"([^"]*)"|(true|false))\]\.(\w+)$/.exec(path);
  if (filtered) {
    const [, attribute, key, text, bool] = filtered;
    const wanted = text ?? bool === "true";
    const list = (container as Record<string, unknown> | undefined)?.[attribute];
    const element = Array.isArray(list) ? list.find((e) => (e as Record<string, unknown>)[key] === wanted) : undefined;
    return (element as Record<string, unknown> | undefined)?.[filtered[5]];
  }
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), container);
}

export function projectToAuth0User(id: string, body: Record<string, unknown>, mapping: readonly { scim: string; auth0: string }[]): Record<string, unknown> {
  const user: Record<string, unknown> = { user_id: id };
  for (const m of mapping) {
    let value = read(body, m.scim);
    if (value === undefined) continue;
    if (m.auth0 === "blocked") value = !value;
    const keys = m.auth0.split(".");
    let target = user;
    for (const k of keys.slice(0, -1)) target = (target[k] as Record<string, unknown>) ?? (target[k] = {});
    target[keys[keys.length - 1]] = value;
  }
  return user;
}
