// Renames (issue 14, item 7): resource names come from a stable key (default: the connection name,
// so existing stacks keep their URNs); a changed key lists the old one in previousKeys and every
// resource is found under its old URN, as the engine computes it, instead of being replaced.
import { runCommittedStack, ofType, single, T } from "../harness/committedStack";
import type { ProgramRun } from "../harness/runProgram";
import type { StackConfigValues } from "../harness/stackFile";

type Json = Record<string, unknown>;
const conns = (v: StackConfigValues) => v["oktaScim:connections"] as Json[];

let dev: ProgramRun;
beforeAll(async () => {
  dev = await runCommittedStack("dev");
});

/** URN → type, for every registration of a run. */
const urns = (run: ProgramRun) => new Map(run.registrations.map((r) => [r.urn, r.type]));

test("without a key, names derive from the connection name as before (existing stacks keep their URNs)", () => {
  const component = dev.registrations.find((r) => r.type === T.component && r.name === "okta-acme");
  expect(component?.urn).toBe("urn:pulumi:dev::oktaScim::oktaScim:index:OktaAuth0ScimIntegration::okta-acme");
  expect(single(dev, T.oidcApp, "okta-acme").urn).toBe(
    "urn:pulumi:dev::oktaScim::oktaScim:index:OktaAuth0ScimIntegration$okta:app/oAuth:OAuth::okta-acme-okta-oidc-app",
  );
  expect(single(dev, T.scimApp, "okta-globex").name).toBe("okta-globex-okta-scim-app");
});

test("renaming the Auth0 connection with its key kept: same URNs, the Okta apps unchanged, only the connection's name changes (protect stops that replacement)", async () => {
  const renamed = await runCommittedStack("dev", {
    mutate: (v) => {
      conns(v)[0].key = "okta-acme";
      conns(v)[0].name = "acme-workforce";
    },
  });
  expect([...urns(renamed).keys()].sort()).toEqual([...urns(dev).keys()].sort());
  for (const type of [T.oidcApp, T.scimApp, T.groupAssignments, T.appUser]) {
    expect(ofType(renamed, type, "okta-acme").map((r) => r.inputs)).toEqual(ofType(dev, type, "okta-acme").map((r) => r.inputs));
  }
  const connection = single(renamed, T.connection, "okta-acme");
  expect(connection.inputs.name).toBe("acme-workforce");
  expect(connection.protect).toBe(true);
});

test("a changed key with previousKeys: every resource answers to its old URN through aliases, nothing is new", async () => {
  const rekeyed = await runCommittedStack("dev", {
    mutate: (v) => {
      conns(v)[0].key = "acme";
      conns(v)[0].previousKeys = ["okta-acme"];
    },
  });
  const before = urns(dev);
  // Each resource of the new program is the same resource as exactly one of the old one...
  const claimed = new Map<string, string>();
  for (const r of rekeyed.registrations) {
    const matches = [r.urn, ...r.aliases].filter((u) => before.get(u) === r.type);
    expect({ resource: r.urn, matches: matches.length }).toEqual({ resource: r.urn, matches: 1 });
    claimed.set(matches[0], r.urn);
  }
  // ...and every old resource is claimed: no create, no delete.
  expect([...claimed.keys()].sort()).toEqual([...before.keys()].sort());
  expect(single(rekeyed, T.oidcApp, "acme").name).toBe("acme-okta-oidc-app");
});
