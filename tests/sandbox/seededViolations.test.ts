// The sandbox's seeded policy violations (sandbox/seed/violations.ts): each, applied to what the
// program registers for the committed stacks, makes exactly its policy report, and the list covers
// every mandatory policy of the pack. The real-engine half is sandbox step 1.
import { policies } from "../../policies/policies";
import { TYPES } from "../../policies/facts";
import { SEED_TYPES, SEEDED_FOREIGN_CONNECTION_ID, SEEDED_VIOLATIONS, seededViolation, seededTransform, seedsFor } from "../../sandbox/seed/violations";
import { evaluate, recordRun, registration, violated } from "../policies/scenario";
import type { Registration } from "../../offline/runProgram";

/**
 * The seed's own transform applied to the registrations in order, as the engine calls it (it changes
 * the first of its type only); then what sandbox/seed/program.ts declares besides: one more token,
 * with a literal connection id.
 */
function seed(name: string) {
  const v = seededViolation(name);
  return (registrations: Registration[]) => {
    const transform = seededTransform(v);
    for (const r of registrations) {
      const result = transform({ custom: true, type: r.type, name: r.name, props: r.inputs, opts: { protect: r.protect } });
      if (!result || result instanceof Promise) continue;
      r.inputs = result.props as Record<string, unknown>;
      r.protect = result.opts?.protect === true;
    }
    const token = registration(registrations, v.type);
    if (v.foreignToken) registrations.push({ ...structuredClone(token), name: "seeded-foreign-token", inputs: { ...token.inputs, connectionId: SEEDED_FOREIGN_CONNECTION_ID }, propertyDependencies: {}, dependsOn: [] });
  };
}

test("there is one seed per mandatory policy, and only for those", () => {
  const mandatory = policies.filter((p) => p.enforcementLevel === "mandatory").map((p) => p.name).sort();
  expect(SEEDED_VIOLATIONS.map((v) => v.policy).sort()).toEqual(mandatory);
});

test("the seeds' type tokens are the pack's", () => {
  const packTypes = new Set<string>(Object.values(TYPES));
  for (const t of Object.values(SEED_TYPES)) if (t !== SEED_TYPES.scimToken) expect(packTypes).toContain(t);
});

const NO_GROUP_PUSH = ["auth0-scim-token-group-scopes-needed"];
const PHASE_TWO_ONLY = ["okta-custom-attribute-scim-namespace", "okta-profile-mapping-no-type-mappings", ...NO_GROUP_PUSH].sort();

describe.each([
  { stack: "dev", absent: NO_GROUP_PUSH },
  { stack: "prod", absent: PHASE_TWO_ONLY },
  { stack: "customers", absent: PHASE_TWO_ONLY },
])("on the committed stack $stack", ({ stack, absent }) => {
  it("passes every policy unseeded", async () => {
    expect(violated(await evaluate({ stack }))).toEqual([]);
  });
  it("can carry every seed but those of phase-2 resources it does not declare yet", async () => {
    const types = new Set((await recordRun({ stack })).registrations.map((r) => r.type));
    expect(seedsFor(types).absent.map((v) => v.policy).sort()).toEqual(absent);
  });
  it.each(SEEDED_VIOLATIONS.map((v) => v.policy).filter((p) => !absent.includes(p)))("the %s seed makes exactly that policy report", async (policy) => {
    expect(violated(await evaluate({ stack, program: seed(policy) }))).toEqual([policy]);
  });
});

describe("on dev pushing a group (a token generation with the group scopes)", () => {
  const GROUP_SCOPES = ["get:groups", "post:groups", "put:groups", "patch:groups", "delete:groups"];
  const pushing = {
    stack: "dev",
    config: (v: Record<string, unknown>) => {
      const acme = (v["oktaScim:connections"] as Record<string, any>[])[0];
      acme.scim.tokens.push({ generation: "2027-01", lifetimeSeconds: 7776000, scopes: ["get:users", "post:users", "put:users", ...GROUP_SCOPES] });
      acme.scim.groups = [{ id: "00g1k9x2b7QpR4sT6u8V" }];
    },
    packConfig: { "okta-oidc-app-auth0-login": { auth0Domains: ["acme-dev.eu.auth0.com"] }, "auth0-scim-token-scopes": { allowedScopes: ["get:users", "post:users", "put:users", ...GROUP_SCOPES] } },
  };
  it("carries the group-scope seed, which makes exactly that policy report", async () => {
    const types = new Set((await recordRun(pushing)).registrations.map((r) => r.type));
    expect(seedsFor(types).absent).toEqual([]);
    expect(violated(await evaluate(pushing))).toEqual([]);
    expect(violated(await evaluate({ ...pushing, program: seed("auth0-scim-token-group-scopes-needed") }))).toEqual(["auth0-scim-token-group-scopes-needed"]);
  });
});

describe("the transform", () => {
  const args = (type: string, props: Record<string, unknown>) => ({ custom: true, type, name: "x", props, opts: {} });
  it("changes the first resource of its type only", () => {
    const t = seededTransform(seededViolation("okta-scim-app-hidden"));
    expect(t(args(SEED_TYPES.oktaOidcApp, { hideWeb: true }))).toBeUndefined();
    expect(t(args(SEED_TYPES.oktaAutoLoginApp, { hideWeb: true, label: "a" }))).toEqual({ props: { hideWeb: false, label: "a" }, opts: {} });
    expect(t(args(SEED_TYPES.oktaAutoLoginApp, { hideWeb: true }))).toBeUndefined();
  });
  it("maps a plain value directly (an Output made here would be unknown to the pack at preview)", () => {
    const t = seededTransform(seededViolation("auth0-okta-connection-sync-on-first-login"));
    expect(t(args(SEED_TYPES.auth0Connection, { options: { setUserRootAttributes: "on_first_login", clientId: "x" } }))).toEqual({
      props: { options: { setUserRootAttributes: "on_each_login", clientId: "x" } },
      opts: {},
    });
  });
  it("leaves every resource alone for the extra-token seed (the program declares that token)", () => {
    expect(seededTransform(seededViolation("auth0-scim-tokens-per-connection"))(args(SEED_TYPES.scimToken, { scopes: [] }))).toBeUndefined();
  });
  it("turns protection off through the options", () => {
    const t = seededTransform(seededViolation("auth0-connection-protected"));
    expect(t({ ...args(SEED_TYPES.auth0Connection, { name: "c" }), opts: { protect: true } })).toEqual({ props: { name: "c" }, opts: { protect: false } });
  });
  it("refuses an unknown policy name, naming the ones it has", () => {
    expect(() => seededViolation("nope")).toThrow(/OKTASCIM_SANDBOX_SEED=nope: no seeded violation .*okta-scim-app-hidden/);
  });
});
