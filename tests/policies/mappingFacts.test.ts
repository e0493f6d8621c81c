// The pack's copy of the mappings Okta identifies users by agrees with the program's defaults and with
// the config rule that refuses overriding them.
import * as pack from "../../policies/facts";
import { AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS } from "../../components/decisions/scimMappings";
import { IDENTITY_AUTH0_ATTRIBUTES } from "../../config/scimMappingRules";

test("the identity mappings are Auth0's okta defaults for exactly the attributes config refuses to override", () => {
  expect(pack.OKTA_IDENTITY_SCIM_MAPPINGS.map((m) => m.auth0)).toEqual([...IDENTITY_AUTH0_ATTRIBUTES]);
  for (const m of pack.OKTA_IDENTITY_SCIM_MAPPINGS) expect(AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS).toContainEqual(m);
});
