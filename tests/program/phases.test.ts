// Two-phase rollout: phase 2 (profile mapping, custom attributes, optional provisioning API) exists
// only once `consoleStepsDone` is switched on; steps O15-O16 and the opt-in O6-O14 API resources.
import { runCommittedStack, single, ofType, T } from "../harness/committedStack";
import type { ProgramRun } from "../harness/runProgram";
import { BASE_OKTA_TO_APP_MAPPINGS, isPutBreakingTypeMapping } from "../../components/decisions/oktaProfileMappings";

let dev: ProgramRun;
let prod: ProgramRun;
beforeAll(async () => {
  dev = await runCommittedStack("dev");
  prod = await runCommittedStack("prod");
});

const PHASE_2_TYPES = [T.profileMapping, T.appUserSchemaProperty, T.appConnection, T.appFeatures];

test("phase 1 (prod, consoleStepsDone false): no profile mapping, no app attributes, no provisioning API resources", () => {
  for (const type of PHASE_2_TYPES) expect(ofType(prod, type)).toHaveLength(0);
  // ...while everything of phase 1 is there.
  expect(ofType(prod, T.scimApp)).toHaveLength(1);
  expect(ofType(prod, T.scimToken)).toHaveLength(1);
});

test("phase 2 (dev): one profile mapping per connection, from the default user type to the SCIM app", () => {
  for (const connection of ["okta-acme", "okta-globex"]) {
    const mapping = single(dev, T.profileMapping, connection);
    expect(mapping.inputs.targetId).toMatch(/^0oa/);
    expect(mapping.inputs.sourceId).toMatch(/^oty/);
  }
  const userTypeLookups = dev.invokes.filter((i) => i.token === "okta:user/getUserType:getUserType");
  expect(userTypeLookups.map((l) => l.args.name)).toEqual(["user", "user"]);
});

test("O15: the mapping deletes what it does not list, and lists none of the three PUT-breaking type mappings", () => {
  const mapping = single(dev, T.profileMapping, "okta-acme");
  expect(mapping.inputs.deleteWhenAbsent).toBe(true);
  const entries = mapping.inputs.mappings as { id: string; expression: string; pushStatus: string }[];
  expect(entries.filter(isPutBreakingTypeMapping)).toEqual([]);
  // Every kept base mapping is listed (deleteWhenAbsent would null the rest).
  for (const base of BASE_OKTA_TO_APP_MAPPINGS) expect(entries).toContainEqual(base);
  expect(entries).toContainEqual({ id: "badgeNumber", expression: "user.badgeNumber", pushStatus: "PUSH" });
});

test("O16: custom attributes carry externalName and a SCIM 2.0 namespace, and exist before the mapping", () => {
  const [attribute] = ofType(dev, T.appUserSchemaProperty, "okta-acme");
  expect(attribute.inputs).toMatchObject({
    index: "badgeNumber",
    type: "string",
    externalName: "badgeNumber",
    externalNamespace: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  });
  expect(single(dev, T.profileMapping, "okta-acme").dependsOn).toContain(`${T.appUserSchemaProperty}::${attribute.name}`);
});

test("flipping consoleStepsDone on prod declares phase 2 and changes nothing of phase 1", async () => {
  const flipped = await runCommittedStack("prod", {
    mutate: (v) => {
      const connection = (v["oktaScim:connections"] as { consoleStepsDone: boolean; scimApp: Record<string, unknown> }[])[0];
      connection.consoleStepsDone = true;
      // Phase 2 maps the SCIM app's captured attributes (verify --capture-app-schema).
      connection.scimApp.attributes = ["userName", "givenName", "familyName", "email"];
    },
  });
  expect(ofType(flipped, T.profileMapping)).toHaveLength(1);
  const phase1 = (run: ProgramRun) =>
    run.registrations.filter((r) => !PHASE_2_TYPES.includes(r.type as (typeof PHASE_2_TYPES)[number])).map((r) => [r.type, r.name, r.inputs]);
  expect(phase1(flipped)).toEqual(phase1(prod));
});

test("manageProvisioningViaApi (opt-in) declares okta.app.Connection with the SCIM URL and token, and okta.app.Features", async () => {
  const run = await runCommittedStack("dev", {
    mutate: (v) => {
      (v["oktaScim:connections"] as { manageProvisioningViaApi?: boolean }[])[1].manageProvisioningViaApi = true;
    },
  });
  const connection = single(run, T.appConnection, "okta-globex");
  expect(connection.inputs.baseUrl).toMatch(/^https:\/\/acme-dev\.eu\.auth0\.com\/scim\/v2\/connections\/con_/);
  expect(connection.inputs.action).toBe("activate");
  expect(connection.secretInputs).toContain("profile");
  expect((connection.inputs.profile as { token: string }).token).toBe("MOCK-SCIM-TOKEN:okta-globex-scim-token-2026-11");
  const features = single(run, T.appFeatures, "okta-globex");
  expect(features.inputs).toMatchObject({ name: "USER_PROVISIONING", status: "ENABLED" });
  expect(ofType(run, T.appConnection, "okta-acme")).toHaveLength(0);
  expect(ofType(dev, T.appConnection)).toHaveLength(0);
});

test("omitBaseMappings leaves the named base attributes out of the mapping (for apps that lack them)", async () => {
  const run = await runCommittedStack("dev", {
    mutate: (v) => {
      (v["oktaScim:connections"] as { omitBaseMappings?: string[] }[])[0].omitBaseMappings = ["managerValue", "managerDisplayName"];
    },
  });
  const ids = (single(run, T.profileMapping, "okta-acme").inputs.mappings as { id: string }[]).map((m) => m.id);
  expect(ids).not.toContain("managerValue");
  expect(ids).not.toContain("managerDisplayName");
  expect(ids).toContain("department");
  expect(ids).toHaveLength(BASE_OKTA_TO_APP_MAPPINGS.length - 2 + 1);
});
