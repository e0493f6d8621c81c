// Decommission step 1 under the mocks: `decommission: true` on one connection declares none of its SCIM
// tokens (Okta loses access), unprotects its Auth0 connection and marks it in the connection's own
// metadata (what the protection policy reads); the other connection is untouched. Without it: protected
// and unmarked. Step 2 (removal) relies on the delete order in tests/program/deleteSafety.test.ts.
import { runCommittedStack, ofType, single, T } from "../harness/committedStack";
import type { ProgramRun } from "../harness/runProgram";
import { DECOMMISSION_METADATA_KEY } from "../../components/decisions/decommission";

const conns = (v: Record<string, unknown>) => v["oktaScim:connections"] as Record<string, unknown>[];

let plain: ProgramRun;
let decommissioned: ProgramRun;
beforeAll(async () => {
  plain = await runCommittedStack("dev");
  decommissioned = await runCommittedStack("dev", { mutate: (v) => void (conns(v)[0].decommission = true) });
});

describe("decommission: true on okta-acme (dev)", () => {
  test("declares none of its SCIM tokens, so `pulumi up` deletes them; okta-globex keeps its own", () => {
    expect(ofType(plain, T.scimToken, "okta-acme").length).toBeGreaterThan(0);
    expect(ofType(decommissioned, T.scimToken, "okta-acme")).toEqual([]);
    expect(ofType(decommissioned, T.scimToken, "okta-globex").map((r) => r.name)).toEqual(ofType(plain, T.scimToken, "okta-globex").map((r) => r.name));
  });

  test("unprotects the Auth0 connection and marks it in its metadata", () => {
    const connection = single(decommissioned, T.connection, "okta-acme");
    expect(connection.protect).toBe(false);
    expect(connection.inputs.metadata).toEqual({ [DECOMMISSION_METADATA_KEY]: expect.stringContaining("step 1 of 2") });
    expect(String((connection.inputs.metadata as Record<string, string>)[DECOMMISSION_METADATA_KEY]).length).toBeLessThanOrEqual(255);
  });

  test("changes nothing else of the connection: the same options are sent, every other resource is declared as before", () => {
    const before = single(plain, T.connection, "okta-acme").inputs;
    const after = single(decommissioned, T.connection, "okta-acme").inputs;
    expect({ ...after, metadata: undefined }).toEqual({ ...before, metadata: undefined });
    const names = (run: ProgramRun) => run.registrations.filter((r) => r.type !== T.scimToken).map((r) => `${r.type}::${r.name}`);
    expect(names(decommissioned)).toEqual(names(plain));
  });

  test("leaves okta-globex protected and unmarked", () => {
    const other = single(decommissioned, T.connection, "okta-globex");
    expect(other.protect).toBe(true);
    expect(other.inputs.metadata).toEqual({});
  });

  test("exports no token output for it, an empty token list, and a checklist of what the Okta admin does now", () => {
    const outputs = decommissioned.resolved;
    expect(Object.keys(outputs).filter((k) => k.startsWith("okta-acme-scim-token"))).toEqual([]);
    expect(Object.keys(outputs).filter((k) => k.startsWith("okta-globex-scim-token")).length).toBeGreaterThan(0);
    const summary = outputs["okta-acme"] as { scimTokens: unknown[]; consoleChecklist: string };
    expect(summary.scimTokens).toEqual([]);
    expect(summary.consoleChecklist).toContain("[DECOMMISSION-1] Turn provisioning off");
    expect(summary.consoleChecklist).toContain("every Auth0 user in it");
    expect(summary.consoleChecklist).not.toContain("[O9-12]");
  });
});

test("decommission false (the default): every connection protected and without the marker", () => {
  for (const name of ["okta-acme", "okta-globex"]) {
    const connection = single(plain, T.connection, name);
    expect(connection.protect).toBe(true);
    expect(connection.inputs.metadata).toEqual({});
  }
});

test('with manageProvisioningViaApi "deactivate" in phase 2, the deactivated okta.app.Connection stays declared (not sent an empty token)', async () => {
  const run = await runCommittedStack("dev", { mutate: (v) => void Object.assign(conns(v)[1], { decommission: true, manageProvisioningViaApi: "deactivate" }) });
  const appConnection = single(run, T.appConnection, "okta-globex");
  expect(appConnection.inputs.action).toBe("deactivate");
  expect(appConnection.protect).toBe(false);
  expect(ofType(run, T.scimToken, "okta-globex")).toEqual([]);
});
