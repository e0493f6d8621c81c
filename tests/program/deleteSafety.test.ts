// What a removal does months later (issue 14, items 3 and 8): phase-2 resources whose delete would
// break provisioning are forgotten or protected instead, and the delete order makes Okta lose access
// before anything it would deprovision disappears.
import { runCommittedStack, ofType, single, T } from "../harness/committedStack";
import type { ProgramRun, Registration } from "../harness/runProgram";
import type { StackConfigValues } from "../harness/stackFile";

type Json = Record<string, unknown>;
const conns = (v: StackConfigValues) => v["oktaScim:connections"] as Json[];

let dev: ProgramRun;
beforeAll(async () => {
  dev = await runCommittedStack("dev");
});

describe("item 3: phase-2 deletes", () => {
  test("the profile mapping is only forgotten when removed (its delete would null every Okta → app mapping while provisioning runs)", () => {
    for (const connection of ["okta-acme", "okta-globex"]) {
      const mapping = single(dev, T.profileMapping, connection);
      expect(mapping.retainOnDelete).toBe(true);
    }
  });

  test("custom app attributes are only forgotten when removed or replaced (their delete drops the attribute and its values)", () => {
    const attributes = ofType(dev, T.appUserSchemaProperty);
    expect(attributes.length).toBeGreaterThan(0);
    for (const a of attributes) expect(a.retainOnDelete).toBe(true);
  });

  test("okta.app.Connection/Features are protected while active (their delete only warns and leaves provisioning on)", async () => {
    const run = await runCommittedStack("dev", { mutate: (v) => (conns(v)[1].manageProvisioningViaApi = true) });
    for (const type of [T.appConnection, T.appFeatures]) expect(single(run, type, "okta-globex").protect).toBe(true);
  });

  test('manageProvisioningViaApi: "deactivate" switches provisioning off through the API and unprotects both, so they can then be removed', async () => {
    const run = await runCommittedStack("dev", { mutate: (v) => (conns(v)[1].manageProvisioningViaApi = "deactivate") });
    const connection = single(run, T.appConnection, "okta-globex");
    const features = single(run, T.appFeatures, "okta-globex");
    expect(connection.inputs.action).toBe("deactivate");
    expect(features.inputs).toMatchObject({
      status: "DISABLED",
      capabilities: { create: { lifecycleCreate: { status: "DISABLED" } }, update: { profile: { status: "DISABLED" }, lifecycleDeactivate: { status: "DISABLED" } } },
    });
    expect(connection.protect).toBe(false);
    expect(features.protect).toBe(false);
  });
});

/** `type::name` → what it depends on (explicit dependsOn and property dependencies), as the engine orders deletes. */
function dependencyGraph(run: ProgramRun): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const r of run.registrations) {
    const edges = new Set<string>([...r.dependsOn, ...Object.values(r.propertyDependencies).flat()]);
    graph.set(`${r.type}::${r.name}`, edges);
  }
  return graph;
}

function dependsOn(graph: Map<string, Set<string>>, from: Registration, to: Registration): boolean {
  const target = `${to.type}::${to.name}`;
  const seen = new Set<string>();
  const stack = [`${from.type}::${from.name}`];
  while (stack.length > 0) {
    const next = stack.pop()!;
    for (const d of graph.get(next) ?? []) {
      if (d === target) return true;
      if (!seen.has(d)) {
        seen.add(d);
        stack.push(d);
      }
    }
  }
  return false;
}

describe("item 8: delete order (Pulumi deletes a resource before what it depends on)", () => {
  test.each(["okta-acme", "okta-globex"])("%s: every SCIM token goes before every group and user assignment, and those before the Auth0 connection", (connection) => {
    const graph = dependencyGraph(dev);
    const tokens = ofType(dev, T.scimToken, connection);
    const assignments = [...ofType(dev, T.groupAssignments, connection), ...ofType(dev, T.appUser, connection)];
    const auth0Connection = single(dev, T.connection, connection);
    expect(tokens.length).toBeGreaterThan(0);
    expect(assignments.length).toBeGreaterThanOrEqual(2);
    for (const token of tokens) for (const a of assignments) expect([token.name, a.name, dependsOn(graph, token, a)]).toEqual([token.name, a.name, true]);
    for (const a of assignments) expect([a.name, dependsOn(graph, a, auth0Connection)]).toEqual([a.name, true]);
  });

  test("everything of the connection's SCIM side goes before the connection itself", () => {
    const graph = dependencyGraph(dev);
    const auth0Connection = single(dev, T.connection, "okta-acme");
    const scimSide = [T.connectionClients, T.scimConfiguration, T.scimToken, T.groupAssignments, T.appUser].flatMap((t) => ofType(dev, t, "okta-acme"));
    for (const r of scimSide) expect([r.name, dependsOn(graph, r, auth0Connection)]).toEqual([r.name, true]);
  });
});

describe("app user schema properties", () => {
  it("are written one after another (each depends on the one before), so Okta's schema API never gets two writes at once", async () => {
    const run = await runCommittedStack("dev", {
      mutate: (v) => {
        const acme = conns(v)[0];
        const base = (acme.customAttributes as Json[])[0];
        acme.customAttributes = ["badgeNumber", "costCode", "floor"].map((index) => ({ ...base, index, externalName: index, source: `user.${index}` }));
      },
    });
    const properties = ofType(run, T.appUserSchemaProperty, "okta-acme");
    expect(properties.map((p) => p.name)).toEqual(["okta-acme-okta-scim-attr-badgeNumber", "okta-acme-okta-scim-attr-costCode", "okta-acme-okta-scim-attr-floor"]);
    expect(properties[0].dependsOn).toEqual([]);
    for (let i = 1; i < properties.length; i++) expect(properties[i].dependsOn).toEqual([expect.stringContaining(properties[i - 1].name)]);
  });
});
