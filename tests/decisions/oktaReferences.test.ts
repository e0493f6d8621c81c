import { groupLookupProblem, lookupFailureProblem, userLookupProblem } from "../../components/decisions/oktaReferences";

test("a group found under exactly the requested name is accepted", () => {
  expect(groupLookupProblem({ requested: "Finance", found: { id: "00g1", name: "Finance" } })).toBeUndefined();
});

test("a single prefix match (the provider accepts it with a log warning) is refused, naming both groups and the fix", () => {
  const problem = groupLookupProblem({ requested: "Finance", found: { id: "00g2", name: "Finance-Contractors" } });
  expect(problem).toContain('"Finance"');
  expect(problem).toContain('"Finance-Contractors" (00g2)');
  expect(problem).toMatch(/exact name.*or give it by id/);
});

test("group names compare case-sensitively, as Okta stores them", () => {
  expect(groupLookupProblem({ requested: "finance", found: { id: "00g1", name: "Finance" } })).toBeDefined();
});

test("user logins compare case-insensitively; a different login is refused; a user given by id is accepted with its login", () => {
  expect(userLookupProblem({ requestedLogin: "Ann@acme.example", found: { id: "00u1", login: "ann@acme.example" } })).toBeUndefined();
  expect(userLookupProblem({ requestedLogin: "ann@acme.example", found: { id: "00u1", login: "anna@acme.example" } })).toContain('"anna@acme.example"');
  expect(userLookupProblem({ found: { id: "00u1", login: "ann@acme.example" } })).toBeUndefined();
  expect(userLookupProblem({ found: { id: "00u1", login: "" } })).toContain("without a login");
});

test("a failed lookup keeps the provider's first line and says how to fix the reference", () => {
  const problem = lookupFailureProblem("group", new Error('group with name "Fin" and type "OKTA_GROUP" does not exist\nstack...'));
  expect(problem).toBe(
    'could not be looked up in Okta (group with name "Fin" and type "OKTA_GROUP" does not exist); write the exact name of an Okta-mastered group (OKTA_GROUP), or give the group by id ({ id: 00g… })',
  );
  expect(lookupFailureProblem("user", "no users found")).toContain("give the user by id");
  expect(lookupFailureProblem("group", new Error(""))).toContain("(no reason given)");
});
