import {
  BASE_OKTA_TO_APP_MAPPINGS,
  PUT_BREAKING_TYPE_EXPRESSIONS,
  isPutBreakingTypeMapping,
  oktaToAppMappings,
} from "../../components/decisions/oktaProfileMappings";

test("each of the three type expressions is recognised, also with other spacing or quotes", () => {
  for (const expression of PUT_BREAKING_TYPE_EXPRESSIONS) {
    expect(isPutBreakingTypeMapping({ id: "somethingElse", expression })).toBe(true);
    expect(isPutBreakingTypeMapping({ id: "x", expression: expression.replace(/ /g, "").replace(/'/g, '"') })).toBe(true);
  }
});

test("type attributes are recognised by name whatever their expression", () => {
  expect(isPutBreakingTypeMapping({ id: "primaryEmailType", expression: "'work'" })).toBe(true);
  expect(isPutBreakingTypeMapping({ id: "addressType", expression: "'home'" })).toBe(true);
});

test("ordinary mappings are not type mappings", () => {
  expect(isPutBreakingTypeMapping({ id: "email", expression: "user.email" })).toBe(false);
});

test("the base list holds no type mapping and custom attributes are appended", () => {
  expect(BASE_OKTA_TO_APP_MAPPINGS.filter(isPutBreakingTypeMapping)).toEqual([]);
  const list = oktaToAppMappings(
    [{ index: "badgeNumber", title: "Badge", type: "string", externalName: "badgeNumber", externalNamespace: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", source: "user.badge" }],
    [],
    BASE_OKTA_TO_APP_MAPPINGS.map((m) => m.id),
  );
  expect(list).toHaveLength(BASE_OKTA_TO_APP_MAPPINGS.length + 1);
  expect(list[list.length - 1]).toEqual({ id: "badgeNumber", expression: "user.badge", pushStatus: "PUSH" });
});
