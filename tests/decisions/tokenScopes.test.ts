import { DEFAULT_SCIM_TOKEN_SCOPES, missingOktaScopes, normalizeTokenScopes } from "../../components/decisions/tokenScopes";

test("the default is exactly what Okta uses: get, post and put on users", () => {
  expect([...DEFAULT_SCIM_TOKEN_SCOPES]).toEqual(["get:users", "post:users", "put:users"]);
});

test("missing Okta scopes are named", () => {
  expect(missingOktaScopes(["get:users", "put:users"])).toEqual(["post:users"]);
  expect(missingOktaScopes(["get:users", "post:users", "put:users", "patch:users"])).toEqual([]);
});

test("scopes are sent de-duplicated in canonical order", () => {
  expect(normalizeTokenScopes(["put:users", "get:groups", "get:users", "put:users"])).toEqual(["get:users", "put:users", "get:groups"]);
});
