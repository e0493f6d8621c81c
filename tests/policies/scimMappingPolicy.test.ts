// Policy 3 understands mapping overrides: a default read from another SCIM path (dev reads its
// addresses by primary eq true) passes; overriding what Okta identifies users by, a SCIM path filling
// two attributes, an attribute filled twice, or an unknown namespace are violations.
import type { Registration } from "../harness/runProgram";
import { evaluate, registration, violated, type Scenario } from "./scenario";

const SCIM_CONFIGURATION = "auth0:index/connectionScimConfiguration:ConnectionScimConfiguration";
const POLICY = "auth0-scim-user-id-externalid";
type Mapping = { scim: string; auth0: string };
const mappingsOf = (rs: Registration[]) => (registration(rs, SCIM_CONFIGURATION).inputs as { mappings: Mapping[] }).mappings;
const edit = (change: (mappings: Mapping[]) => void): Scenario => ({ stack: "dev", program: (rs) => change(mappingsOf(rs)) });

test("dev's address overrides (primary eq true) are understood: no violation", async () => {
  const result = await evaluate({ stack: "dev", program: (rs) => expect(mappingsOf(rs).find((m) => m.auth0 === "app_metadata.city")?.scim).toBe("addresses[primary eq true].locality") });
  expect(result.diagnostics).toEqual([]);
});

const violations: [string, Scenario, RegExp][] = [
  ["externalId read from elsewhere", edit((ms) => void (ms.find((m) => m.auth0 === "app_metadata.external_id")!.scim = "userName")), /app_metadata\.external_id is read from userName; Okta identifies users by externalId/],
  ["one SCIM path filling two attributes", edit((ms) => void (ms.find((m) => m.auth0 === "app_metadata.title")!.scim = "nickName")), /nickName fills both nickname and app_metadata\.title/],
  ["one attribute filled twice", edit((ms) => void ms.push({ scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.badge", auth0: "app_metadata.city" })), /app_metadata\.city is filled by two mappings/],
  ["an unknown namespace", edit((ms) => void ms.push({ scim: "urn:example:acme:1.0:User.badge", auth0: "app_metadata.badge" })), /urn:example:acme:1\.0:User\.badge is in a namespace Auth0 does not map/],
];

test.each(violations)("%s violates policy 3", async (_title, scenario, message) => {
  const result = await evaluate(scenario);
  expect(violated(result)).toEqual([POLICY]);
  expect(result.diagnostics.map((d) => d.message).join("\n")).toMatch(message);
});
