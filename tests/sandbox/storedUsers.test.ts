// The Auth0 stand-in stores a SCIM user the way Auth0 does: through the connection's mapping, so a
// path that matches nothing in Okta's body stores nothing (the address trap is visible to verify).
import { storedAuth0User } from "../../sandbox/auth0/storedUsers";
import { oktaDefaultMapping } from "../../sandbox/auth0/defaultMapping";

const scimUser = {
  id: "okta|okta-acme|u1",
  created: "2026-11-29T00:00:00.000Z",
  lastModified: "2026-11-29T00:00:00.000Z",
  resource: {
    userName: "ada@example.com",
    active: true,
    name: { givenName: "Ada", familyName: "Lovelace" },
    emails: [{ value: "ada@example.com", primary: true }],
    // What Okta sends once the type mappings are removed: primary, no type.
    addresses: [{ primary: true, locality: "London", country: "GB" }],
  },
};
const connection = { name: "okta-acme", strategy: "okta" };

test("the default okta mapping drops an untyped address and keeps the rest, active as not blocked", () => {
  const user = storedAuth0User(scimUser, connection, oktaDefaultMapping());
  expect(user).toMatchObject({ user_id: "okta|okta-acme|u1", email: "ada@example.com", given_name: "Ada", family_name: "Lovelace", blocked: false });
  expect((user.app_metadata as Record<string, unknown> | undefined)?.city).toBeUndefined();
});

test("an address path overridden to primary eq true stores the address", () => {
  const mapping = oktaDefaultMapping().map((m) => (m.scim.startsWith('addresses[type eq "work"]') ? { ...m, scim: m.scim.replace('type eq "work"', "primary eq true") } : m));
  const user = storedAuth0User(scimUser, connection, mapping);
  expect(user.app_metadata).toMatchObject({ city: "London", country: "GB" });
});
