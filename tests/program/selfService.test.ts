// The self-service hand-off in the stack program, under mocks (the customers example stack, its
// waiting customer connection switched to handoff: selfService): that connection ignores the options
// the assistant writes, carries placeholders instead of an OIDC client, declares no SCIM token; the
// other connections are registered exactly as without it. The profile's declaration.
import * as pulumi from "@pulumi/pulumi";
import * as auth0 from "@pulumi/auth0";
import { runCommittedStack, ofType, single, T } from "../harness/committedStack";
import { runStackProgram, type ProgramRun } from "../harness/runProgram";
import { readStackFile, toRawConfig, type StackConfigValues } from "../harness/stackFile";
import { PENDING_CLIENT_ID, PENDING_CLIENT_SECRET, SELF_SERVICE_OWNED_OPTIONS } from "../../components/decisions/selfService";
import { SELF_SERVICE_PROFILE_OUTPUT, declareSelfServiceProfile, selfServiceProfileOutput } from "../../components/selfServiceProfile";
import { loadStackConfig, readRawConfig } from "../../config/load";

const PROFILE_TYPE = "auth0:index/selfServiceProfile:SelfServiceProfile";
type Json = Record<string, unknown>;

const selfService = (v: StackConfigValues) => {
  (v["oktaScim:auth0"] as Json).selfServiceProfile = { name: "customers-okta", description: "Okta customers", userAttributes: [{ name: "email", description: "Work email", isOptional: false }] };
  connectionNamed(v, "okta-initech").handoff = "selfService";
};
const connectionNamed = (v: StackConfigValues, name: string) => (v["oktaScim:connections"] as Json[]).find((c) => c.name === name)!;

let before: ProgramRun;
let after: ProgramRun;
beforeAll(async () => {
  before = await runCommittedStack("customers");
  after = await runCommittedStack("customers", { mutate: selfService });
});

test("the selfService connection ignores exactly the options the assistant writes, and holds placeholders", () => {
  const c = single(after, T.connection, "okta-initech");
  expect(c.ignoreChanges).toEqual([...SELF_SERVICE_OWNED_OPTIONS]);
  const options = c.inputs.options as Json;
  expect(options.clientId).toBe(PENDING_CLIENT_ID);
  expect(options.clientSecret).toBe(PENDING_CLIENT_SECRET);
  // What the stack keeps owning is stated as for any connection.
  expect(options.setUserRootAttributes).toBe("on_first_login");
  expect(c.protect).toBe(true);
});

test("the selfService connection declares no SCIM token (the admin generates it in the assistant), but its SCIM configuration and enabled clients", () => {
  expect(ofType(after, T.scimToken, "okta-initech")).toEqual([]);
  expect(ofType(after, T.scimConfiguration, "okta-initech")).toHaveLength(1);
  expect(ofType(after, T.connectionClients, "okta-initech")).toHaveLength(1);
  expect(after.resolved["okta-globex-scim-token"]).toBeUndefined();
});

test("the other connection is registered exactly as without the hand-off", () => {
  const strip = (run: ProgramRun) => ofType(run, T.connection, "okta-umbrella").concat(ofType(run, T.scimToken, "okta-umbrella"), ofType(run, T.connectionClients, "okta-umbrella")).map((r) => ({ name: r.name, inputs: r.redactedInputs, ignoreChanges: r.ignoreChanges }));
  expect(strip(after)).toEqual(strip(before));
  expect(single(after, T.connection, "okta-umbrella").ignoreChanges).toBeUndefined();
});

describe("declareSelfServiceProfile", () => {
  const run = (mutate?: (v: StackConfigValues) => void) => {
    const { values, secretKeys } = readStackFile("customers");
    const copy = JSON.parse(JSON.stringify(values)) as StackConfigValues;
    mutate?.(copy);
    return runStackProgram(toRawConfig(copy, secretKeys), { stack: "dev" }, (): Record<string, pulumi.Output<unknown>> => {
      const config = loadStackConfig(readRawConfig());
      const provider = new auth0.Provider("auth0-tenant", { domain: config.auth0.domain, clientId: config.auth0.clientId, clientSecret: pulumi.secret(config.auth0.clientSecret) });
      const profile = declareSelfServiceProfile(config, provider);
      return profile ? { [SELF_SERVICE_PROFILE_OUTPUT]: selfServiceProfileOutput(profile) } : {};
    });
  };

  test("declares the configured profile, Okta Workforce only, through the stack's auth0 provider", async () => {
    const r = await run(selfService);
    const profile = r.registrations.filter((x) => x.type === PROFILE_TYPE);
    expect(profile).toHaveLength(1);
    expect(profile[0].inputs).toEqual({
      name: "customers-okta",
      description: "Okta customers",
      allowedStrategies: ["okta"],
      userAttributes: [{ name: "email", description: "Work email", isOptional: false }],
    });
    expect(profile[0].provider).toMatch(/pulumi:providers:auth0::auth0-tenant::/);
    expect(r.resolved[SELF_SERVICE_PROFILE_OUTPUT]).toEqual({ id: expect.any(String), name: "customers-okta" });
    expect(r.outputs[SELF_SERVICE_PROFILE_OUTPUT]).toBeDefined();
  });

  test("declares nothing without a profile in config", async () => {
    const r = await run();
    expect(r.registrations.filter((x) => x.type === PROFILE_TYPE)).toEqual([]);
    // And the stack program declares it exactly then.
    expect(ofType(before, PROFILE_TYPE)).toEqual([]);
    expect(ofType(after, PROFILE_TYPE)).toHaveLength(1);
    expect(after.resolved[SELF_SERVICE_PROFILE_OUTPUT]).toEqual({ id: expect.any(String), name: "customers-okta" });
    expect(r.resolved[SELF_SERVICE_PROFILE_OUTPUT]).toBeUndefined();
  });
});
