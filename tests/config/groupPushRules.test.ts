// Validation of scim.groups (group provisioning): a pushed group is an assigned one, the token Okta
// uses carries the group scopes (added by a rotation, never by changing a live token), and a
// customer's org pushes nothing from the stack.
import { parseStackConfig } from "../../config/load";
import { readStackFile, toRawConfig } from "../harness/stackFile";
import { problemsWithEdit } from "../harness/configProblems";
import { GROUP_PUSH_SCOPES } from "../../components/decisions/groupPush";

type Conn = { oktaOrg?: string; scim?: Record<string, unknown>; groups?: unknown[] };
const USER_SCOPES = ["get:users", "post:users", "put:users"];
const WITH_GROUPS = [...USER_SCOPES, ...GROUP_PUSH_SCOPES];

const problemsWith = (edit: (connection: Conn) => void, stack = "dev", index = 0) => problemsWithEdit(edit, stack, index);

const pushing = (groups: unknown[], tokens: unknown[]) => (c: Conn) => {
  c.scim = { ...(c.scim ?? {}), groups, tokens };
};

test("pushing assigned groups with a token generation that has the group scopes is valid", () => {
  expect(problemsWith(pushing([{ name: "Engineering" }, { id: "00g1k9x2b7QpR4sT6u8V" }], [{ generation: "2026-11" }, { generation: "2027-01", scopes: WITH_GROUPS }]))).toEqual([]);
});

test("a pushed group must be one of the assigned groups, written the same way", () => {
  const problems = problemsWith(pushing([{ name: "Finance" }, { id: "00g1k9x2b7QpR4sT6u8V" }, { name: "Engineering" }, { name: "Engineering" }], [{ generation: "g2", scopes: WITH_GROUPS }]));
  expect(problems).toEqual([
    expect.stringMatching(/^connections\.0\.scim\.groups\.0: group "Finance" is not in this connection's groups: Okta pushes the memberships of people assigned/),
    expect.stringMatching(/^connections\.0\.scim\.groups\.3: repeats an earlier pushed group/),
  ]);
});

test("without the group scopes on the newest generation: refused, and the message is the rotation to make", () => {
  const problems = problemsWith(pushing([{ name: "Engineering" }], [{ generation: "2026-11", lifetimeSeconds: 7776000 }]));
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(/^connections\.0\.scim\.tokens\.0\.scopes: the token Okta uses \(generation "2026-11"\) lacks get:groups, post:groups, put:groups, patch:groups, delete:groups/);
  expect(problems[0]).toContain(`add a generation after "2026-11" with scopes [${WITH_GROUPS.join(", ")}], paste its token into Okta, then remove "2026-11"`);
  // Only the newest generation counts: an older one with the scopes does not help.
  expect(problemsWith(pushing([{ name: "Engineering" }], [{ generation: "a", scopes: WITH_GROUPS }, { generation: "b" }]))[0]).toMatch(/tokens\.1\.scopes: the token Okta uses \(generation "b"\)/);
});

test("scim.tokenScopes with the group scopes serve a generation without its own scopes", () => {
  const withConnectionScopes = (tokenScopes: string[]) => (c: Conn) => {
    c.scim = { ...(c.scim ?? {}), groups: [{ name: "Engineering" }], tokens: [{ generation: "g" }], tokenScopes };
  };
  expect(problemsWith(withConnectionScopes(WITH_GROUPS))).toEqual([]);
  expect(problemsWith(withConnectionScopes(USER_SCOPES))).toEqual([expect.stringMatching(/tokens\.0\.scopes: the token Okta uses \(generation "g"\) lacks get:groups/)]);
});

test("a customer's org: pushing groups is the customer's admin's to do", () => {
  // connections[1] of the customers stack is Initech's, an org administeredBy: customer.
  const problems = problemsWith(pushing([{ name: "Engineering" }], [{ generation: "g", scopes: WITH_GROUPS }]), "customers", 1);
  expect(problems).toEqual([expect.stringMatching(/^connections\.1\.scim\.groups: Pushing groups is the customer's admin's to do/)]);
});

test("the committed stacks push no groups", () => {
  for (const stack of ["dev", "prod", "customers"]) {
    const { values, secretKeys } = readStackFile(stack);
    const parsed = parseStackConfig(toRawConfig(values, secretKeys));
    if (!("config" in parsed)) throw new Error(`${stack} must validate`);
    for (const c of parsed.config.connections) expect(c.scim.groups).toEqual([]);
  }
});
