// verify --write sends Okta's bodies (primary, untyped emails/phones/addresses, the enterprise
// extension, custom attributes) and reads back what an Auth0 stand-in stored, attribute by attribute.
// The stand-in maps the raw bodies with the connection's mapping as Auth0 documents it: with Auth0's
// default okta mapping (addresses[type eq "work"]) it drops Okta's untyped address.
import { runScimChecks, SCIM_CHECKS, type StoredUserReader } from "../../verify/checks/scim";
import { AUTH0_CHECKS } from "../../verify/checks/auth0";
import type { CheckResult } from "../../verify/checks/result";
import { createHttpClient, type RetryPolicy } from "../../verify/http";
import { oktaUserBody } from "../../verify/oktaBodies";
import { AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS, scimMappings } from "../../components/decisions/scimMappings";
import { startScimServer, type ScimFaults, type ScimTestServer } from "./support/scimServer";
import { projectToAuth0User } from "./support/auth0Projection";

const TOKEN = "scim-test-token-okta-writes";
// Generous: nothing here is about speed.
const POLICY: RetryPolicy = { timeoutMs: 30_000, maxRetries: 0, maxRetryAfterMs: 1_000, backoffMs: 10 };
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const ADDRESS_BY_PRIMARY = ["streetAddress", "locality", "region", "postalCode", "formatted", "country"].map((sub) => ({
  scim: `addresses[primary eq true].${sub}`,
  auth0: AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS.find((d) => d.scim === `addresses[type eq "work"].${sub}`)!.auth0,
}));

let server: ScimTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function auth0StandIn(mapping: readonly { scim: string; auth0: string }[]): StoredUserReader {
  return {
    mapping,
    user: async (id) => {
      const raw = server!.store.rawBodies.get(id);
      if (!raw) throw new Error("404 user not found");
      return projectToAuth0User(id, raw, mapping);
    },
  };
}

async function run(mapping: readonly { scim: string; auth0: string }[], faults: ScimFaults = {}, appKind: "custom" | "catalog" = "custom") {
  server = await startScimServer({ token: TOKEN, faults });
  const results = await runScimChecks(createHttpClient(server.baseUrl, TOKEN, POLICY), { write: true, nonce: "w1", appKind, auth0Users: auth0StandIn(mapping) });
  return Object.fromEntries(results.map((r) => [r.name, r])) as Record<string, CheckResult>;
}

test("Okta's body: primary without type, enterprise extension, custom attributes in their namespaces", () => {
  const body = oktaUserBody("b1", "create", ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.badgeNumber", "roomNumber", 'photos[type eq "photo"].value']);
  expect(body.emails).toEqual([{ value: "scim-verify-b1@verify.invalid", primary: true }]);
  for (const key of ["emails", "phoneNumbers", "addresses"]) {
    for (const element of body[key] as Record<string, unknown>[]) {
      expect(element.primary).toBe(true);
      expect(element).not.toHaveProperty("type");
    }
  }
  expect(body[ENTERPRISE]).toMatchObject({ employeeNumber: "E-0001", badgeNumber: "custom badgeNumber b1" });
  expect(body.roomNumber).toBe("custom roomNumber b1");
  expect(body).not.toHaveProperty("photos");
  expect(body.schemas).toEqual(["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE]);
  const updated = oktaUserBody("b1", "update");
  expect(updated.userName).toBe(body.userName);
  expect((updated.name as Record<string, unknown>).familyName).not.toBe((body.name as Record<string, unknown>).familyName);
});

test("Auth0's default okta mapping drops Okta's untyped address: both read-backs fail and name each address field", async () => {
  const results = await run(AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS);
  for (const id of [AUTH0_CHECKS.storedAfterCreate, AUTH0_CHECKS.storedAfterUpdate]) {
    expect(results[id].status).toBe("fail");
    const dropped = results[id].lines!.filter((l) => l.startsWith("DROPPED"));
    expect(dropped.map((l) => l.split(" ")[2])).toEqual(["addresses[type", "addresses[type", "addresses[type", "addresses[type", "addresses[type"]);
    expect(dropped.join("\n")).toContain('addresses[type eq "work"].streetAddress → app_metadata.street_address: Okta sent addresses with streetAddress, but no element matches [type eq "work"]');
    // The primary phone arrived through phoneNumbers[primary eq true]: the unmatched mobile mapping is no loss.
    expect(dropped.join("\n")).not.toContain("phoneNumbers");
  }
  expect(results[AUTH0_CHECKS.storedAfterCreate].detail).toMatch(/^after POST \/Users: \d+ arrived, 0 changed, 5 dropped, 0 sent without a mapping$/);
  // The SCIM side alone cannot see it: every SCIM check passes.
  expect(Object.values(results).filter((r) => r.status !== "pass").map((r) => r.name).sort()).toEqual([AUTH0_CHECKS.storedAfterCreate, AUTH0_CHECKS.storedAfterUpdate].sort());
});

test("with the address paths overridden to primary eq true, every attribute Okta sends arrives", async () => {
  const results = await run(scimMappings([], ADDRESS_BY_PRIMARY));
  expect(results[AUTH0_CHECKS.storedAfterCreate]).toMatchObject({ status: "pass" });
  expect(results[AUTH0_CHECKS.storedAfterUpdate]).toMatchObject({ status: "pass" });
  expect(results[AUTH0_CHECKS.storedAfterUpdate].detail).toMatch(/^after the PUT of the updated profile: 29 arrived, 0 changed, 0 dropped, 0 sent without a mapping$/);
});

test("a custom attribute in the enterprise namespace travels to its Auth0 attribute; one Auth0 changes is a warning", async () => {
  const mapping = scimMappings([{ scim: `${ENTERPRISE}.badgeNumber`, auth0: "app_metadata.badge_number" }], ADDRESS_BY_PRIMARY);
  const results = await run(mapping);
  expect(results[AUTH0_CHECKS.storedAfterCreate].status).toBe("pass");
  const raw = [...server!.store.rawBodies.values()][0];
  expect(raw[ENTERPRISE]).toMatchObject({ badgeNumber: "custom badgeNumber w1 (updated)" });

  // A stand-in that lower-cases the title: reported as changed (warn), with both values.
  server!.store.users.clear();
  await server!.close();
  server = await startScimServer({ token: TOKEN });
  const reader = auth0StandIn(mapping);
  const lowering: StoredUserReader = {
    mapping,
    user: async (id) => {
      const user = await reader.user(id);
      const meta = user.app_metadata as Record<string, unknown>;
      return { ...user, app_metadata: { ...meta, title: String(meta.title).toLowerCase() } };
    },
  };
  const second = await runScimChecks(createHttpClient(server.baseUrl, TOKEN, POLICY), { write: true, nonce: "w2", auth0Users: lowering });
  const stored = second.find((r) => r.name === AUTH0_CHECKS.storedAfterCreate)!;
  expect(stored.status).toBe("warn");
  expect(stored.lines).toEqual(['changed  title → app_metadata.title: sent "Verifier", stored "verifier"']);
});

test("an attribute Okta sends that no mapping reads is listed as unmapped (warn)", async () => {
  const withoutTitle = scimMappings([], ADDRESS_BY_PRIMARY).filter((m) => m.scim !== "title");
  const results = await run(withoutTitle);
  expect(results[AUTH0_CHECKS.storedAfterCreate].status).toBe("warn");
  expect(results[AUTH0_CHECKS.storedAfterCreate].lines).toEqual(['unmapped title: sent "Verifier", but no mapping of the connection reads it']);
});

test("custom app: update and (de)activation are GET then PUT of the full user; the user ends blocked", async () => {
  const results = await run(scimMappings([], ADDRESS_BY_PRIMARY));
  const id = [...server!.store.users.keys()][0];
  const path = `/scim/v2/connections/con_Test123/Users/${encodeURIComponent(id)}`;
  const writes = server!.requests.filter((r) => r.startsWith(`PUT ${path}`) || r.startsWith(`GET ${path}`) || r.startsWith("PATCH"));
  expect(writes).toEqual([
    `GET ${path}`, // read
    `GET ${path}`, `PUT ${path}`, `GET ${path}`, // profile update
    `GET ${path}`, `PUT ${path}`, `GET ${path}`, // deactivate
    `GET ${path}`, `PUT ${path}`, `GET ${path}`, // reactivate
    `GET ${path}`, `PUT ${path}`, `GET ${path}`, // deactivate again
  ]);
  expect(server!.store.users.get(id)).toMatchObject({ active: false });
  expect(results[SCIM_CHECKS.reactivateUser]).toMatchObject({ status: "pass" });
  expect(results[SCIM_CHECKS.reactivateUser].detail).toContain("stays in Auth0, blocked");
});

test("catalog app: (de)activation is a PatchOp; a server without PATCH fails the deactivation and names the user", async () => {
  const results = await run(scimMappings([], ADDRESS_BY_PRIMARY), {}, "catalog");
  expect(server!.requests.filter((r) => r.startsWith("PATCH"))).toHaveLength(3);
  expect(results[SCIM_CHECKS.deactivateUser]).toMatchObject({ status: "pass" });
  expect(results[SCIM_CHECKS.deactivateUser].detail).toMatch(/^PATCH active:false → 200/);
  expect(results[SCIM_CHECKS.reactivateUser].status).toBe("pass");
  expect([...server!.store.users.values()][0]).toMatchObject({ active: false });
  await server!.close();

  const broken = await run(AUTH0_DEFAULT_OKTA_SCIM_MAPPINGS, { noPatch: true }, "catalog");
  expect(broken[SCIM_CHECKS.deactivateUser].status).toBe("fail");
  expect(broken[SCIM_CHECKS.deactivateUser].detail).toMatch(/^PATCH active:false: HTTP 405, expected 200.*stays in Auth0, active/);
});
