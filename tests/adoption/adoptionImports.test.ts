// The pure decision of which child takes over which existing object (components/decisions/adoptionImports.ts),
// with the import id formats the providers' importers parse.
import { adoptionImportIds } from "../../components/decisions/adoptionImports";
import { childNames } from "../../components/naming";

const CON = "con_A1b2C3d4E5f6G7h8";
const OIDC = "0oa1oidcAPPaaaaaaaaa";
const SWA = "0oa2swaAPPbbbbbbbbbb";
const users = [{ id: "00u1aaaaaaaaaaaaaaaa" }, { id: "00u2bbbbbbbbbbbbbbbb" }];
const n = childNames("okta-acme");

test("no adopt block: nothing is imported", () => {
  expect(adoptionImportIds({ name: "okta-acme" }, users).size).toBe(0);
});

test("everything adopted: connection, enabled clients and SCIM configuration by connection id; apps and group assignments by app id; users by app id/user id", () => {
  const imports = adoptionImportIds({ name: "okta-acme", adopt: { auth0ConnectionId: CON, oidcAppId: OIDC, scimAppId: SWA } }, users);
  expect(Object.fromEntries(imports)).toEqual({
    [n.auth0Connection]: CON,
    [n.auth0ConnectionClients]: CON,
    [n.scimConfiguration]: CON,
    [n.oidcApp]: OIDC,
    [n.oidcGroupAssignments]: OIDC,
    [n.oidcUser(users[0].id)]: `${OIDC}/${users[0].id}`,
    [n.oidcUser(users[1].id)]: `${OIDC}/${users[1].id}`,
    [n.scimApp]: SWA,
    [n.scimGroupAssignments]: SWA,
    [n.scimUser(users[0].id)]: `${SWA}/${users[0].id}`,
    [n.scimUser(users[1].id)]: `${SWA}/${users[1].id}`,
  });
});

test("no SCIM token is ever imported", () => {
  const imports = adoptionImportIds({ name: "okta-acme", adopt: { auth0ConnectionId: CON, oidcAppId: OIDC, scimAppId: SWA } }, users);
  expect([...imports.keys()].filter((k) => k.includes("scim-token"))).toEqual([]);
});

test("scimConfiguration: false creates the SCIM configuration while the connection is imported", () => {
  const imports = adoptionImportIds({ name: "okta-acme", adopt: { auth0ConnectionId: CON, scimConfiguration: false } }, users);
  expect([...imports.keys()].sort()).toEqual([n.auth0Connection, n.auth0ConnectionClients].sort());
});

test("one app adopted: only that app and its assignments", () => {
  const imports = adoptionImportIds({ name: "okta-acme", adopt: { scimAppId: SWA } }, users.slice(0, 1));
  expect(Object.fromEntries(imports)).toEqual({ [n.scimApp]: SWA, [n.scimGroupAssignments]: SWA, [n.scimUser(users[0].id)]: `${SWA}/${users[0].id}` });
});

test("names follow the connection's key, not its name", () => {
  const imports = adoptionImportIds({ name: "acme-workforce", key: "okta-acme", adopt: { oidcAppId: OIDC } }, []);
  expect([...imports.keys()].sort()).toEqual([n.oidcApp, n.oidcGroupAssignments].sort());
});
