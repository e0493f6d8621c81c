// Phase 2 builds the Okta → app mapping from the SCIM app's captured schema (scimApp.attributes): an
// attribute the app lacks is never mapped, and every attribute it has is mapped or deliberately left.
import { appSchemaProblems, BASE_OKTA_TO_APP_MAPPINGS, oktaToAppMappings } from "../../components/decisions/oktaProfileMappings";
import { runCommittedStack } from "../harness/committedStack";

const badge = { index: "badgeNumber", title: "Badge", type: "string" as const, externalName: "badgeNumber", externalNamespace: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" as const, source: "user.badge" };

test("only attributes of the app's schema are mapped; custom attributes the stack declares always are", () => {
  const ids = oktaToAppMappings([badge], ["title"], ["userName", "givenName", "familyName", "title", "primaryEmailType"]).map((m) => m.id);
  expect(ids).toEqual(["givenName", "familyName", "badgeNumber"]);
});

test("every attribute of the schema is accounted for; omissions must name one", () => {
  expect(appSchemaProblems(["userName", "givenName", "primaryEmailType", "addressType", "badgeNumber"], [badge], [])).toEqual([]);
  expect(appSchemaProblems(["userName", "givenName", "favouriteColour", "emailType"], [badge], ["managerValue", "addressType", "badgeNumber"])).toEqual([
    { list: "attributes", index: 2, message: expect.stringMatching(/^favouriteColour is an attribute of the SCIM app that this project has no Okta source for: list it in omitBaseMappings/) },
    { list: "omitBaseMappings", index: 0, message: "managerValue is not an attribute of the SCIM app (scimApp.attributes); remove it" },
    { list: "omitBaseMappings", index: 1, message: "addressType is a type mapping, always left unmapped; remove it here" },
    { list: "omitBaseMappings", index: 2, message: "badgeNumber is declared in customAttributes, which maps it; remove it from one of the two" },
  ]);
  expect(appSchemaProblems(["favouriteColour"], [], ["favouriteColour"])).toEqual([]);
});

test("the dev stack's phase 2 declares no attribute its SCIM apps' schemas lack, and forgets none they have", async () => {
  const run = await runCommittedStack("dev");
  const stackFile = (await import("../harness/stackFile")).readStackFile("dev").values["oktaScim:connections"] as {
    name: string;
    scimApp: { attributes: string[] };
    customAttributes?: { index: string }[];
  }[];
  for (const c of stackFile) {
    const mapping = run.registrations.find((r) => r.type === "okta:profile/mapping:Mapping" && r.name.startsWith(c.name))!;
    const ids = (mapping.inputs.mappings as { id: string }[]).map((m) => m.id);
    const known = new Set([...c.scimApp.attributes, ...(c.customAttributes ?? []).map((a) => a.index)]);
    expect(ids.filter((id) => !known.has(id))).toEqual([]);
    const mappable = c.scimApp.attributes.filter((a) => BASE_OKTA_TO_APP_MAPPINGS.some((m) => m.id === a));
    expect(mappable.filter((a) => !ids.includes(a))).toEqual([]);
  }
  // globex's app has no address or enterprise attributes: none is mapped.
  const globex = run.registrations.find((r) => r.type === "okta:profile/mapping:Mapping" && r.name.startsWith("okta-globex"))!;
  expect((globex.inputs.mappings as { id: string }[]).map((m) => m.id)).not.toContain("streetAddress");
});
