// The adapter hands policies what @pulumi/policy's analyzer server hands them at run time.
import * as pulumi from "@pulumi/pulumi";
import * as auth0 from "@pulumi/auth0";
import { policies, TOKEN_LIFETIME_ENFORCEMENT } from "../../policies/policies";
import { toPolicyInputs, UnknownValueError, wrapProps, type PolicyInputs } from "./policyArgs";
import { runPack } from "./runPack";
import { recordRun } from "./scenario";
import { connections } from "./scenario";
import { TOKEN_TYPE as TOKEN } from "./tokens";

const CONNECTION = "auth0:index/connection:Connection";

let dev: PolicyInputs;
beforeAll(async () => {
  dev = toPolicyInputs(await recordRun({ stack: "dev" }), "dev");
});

const resource = (type: string) => dev.resources.find((r) => r.type === type)!;
const stackResource = (type: string) => dev.stackResources.find((r) => r.type === type)!;

describe("resource validation arguments", () => {
  it("wrap inputs in the runtime's unknown-checking proxy, with secrets unwrapped", () => {
    const connection = resource(CONNECTION);
    expect(connection.props.__isSpecialProxy).toBe(true);
    expect(connection.props.strategy).toBe("okta");
    expect(connection.props.options.clientSecret).toBe("MOCK-OKTA-CLIENT-SECRET:okta-acme-okta-oidc-app");
  });

  it("throw the runtime's UnknownValueError when a policy reads a value unknown during preview", () => {
    const props = wrapProps({ known: "x", later: pulumi.unknown, nested: { id: pulumi.unknown } });
    expect(props.known).toBe("x");
    expect(() => props.later).toThrow(UnknownValueError);
    expect(() => props.nested.id).toThrow(UnknownValueError);
  });

  it("carry urn, name, protect, the parent's URN and the provider with its JSON-encoded inputs", () => {
    const connection = resource(CONNECTION);
    expect(connection.urn).toBe("urn:pulumi:dev::oktaScim::oktaScim:index:OktaAuth0ScimIntegration$auth0:index/connection:Connection::okta-acme-auth0-connection");
    expect(connection.name).toBe("okta-acme-auth0-connection");
    expect(connection.opts.protect).toBe(true);
    expect(connection.opts.parent).toBe("urn:pulumi:dev::oktaScim::oktaScim:index:OktaAuth0ScimIntegration::okta-acme");
    expect(connection.provider).toMatchObject({ type: "pulumi:providers:auth0", name: "auth0-tenant", urn: "urn:pulumi:dev::oktaScim::pulumi:providers:auth0::auth0-tenant" });
    const oidc = resource("okta:app/oAuth:OAuth");
    expect(oidc.provider?.props.maxApiCapacity).toBe("50");
    expect(resource(TOKEN).opts.protect).toBe(false);
    expect(resource(TOKEN).provider).toMatchObject({ type: "pulumi:providers:pulumi-nodejs", name: "scim-token-resources" });
  });

  it("answer isType / asType against resource classes", () => {
    const connection = resource(CONNECTION);
    expect(connection.isType(auth0.Connection)).toBe(true);
    expect(connection.isType(auth0.ConnectionScimToken)).toBe(false);
    expect(connection.asType(auth0.Connection)).toBe(connection.props);
    expect(connection.asType(auth0.ConnectionScimToken)).toBeUndefined();
  });
});

describe("stack validation arguments", () => {
  it("give outputs as props, and parent, dependencies and property dependencies as resource objects", () => {
    const token = stackResource(TOKEN);
    expect(token.props.token).toBe("MOCK-SCIM-TOKEN:okta-acme-scim-token-2026-11");
    expect(resource(TOKEN).props.token).toBeUndefined();
    const connection = stackResource(CONNECTION);
    expect(token.propertyDependencies.connectionId).toEqual([connection]);
    expect(token.parent?.type).toBe("oktaScim:index:OktaAuth0ScimIntegration");
    // The token also waits for the connection's Okta assignments (delete order: tests/program/deleteSafety.test.ts).
    expect(new Set(token.dependencies.map((d) => d.type))).toEqual(
      new Set([CONNECTION, "auth0:index/connectionScimConfiguration:ConnectionScimConfiguration", "okta:index/appGroupAssignments:AppGroupAssignments", "okta:app/user:User"]),
    );
    expect(token.provider?.type).toBe("pulumi:providers:pulumi-nodejs");
    expect(dev.stackResources[0].type).toBe("pulumi:pulumi:Stack");
  });
});

describe("enforcement of the token-lifetime policy", () => {
  it("is mandatory by default and advisory when the policy config says so", async () => {
    expect(TOKEN_LIFETIME_ENFORCEMENT).toBe("mandatory");
    // prod without scim.tokens: the default generation never expires.
    const run = await recordRun({ stack: "prod", config: (v) => void delete connections(v)[0].scim.tokens });
    const inputs = toPolicyInputs(run, "prod");
    const customDomain = { "okta-oidc-app-auth0-login": { auth0CustomDomains: ["login.acme.example"] } };
    const byDefault = await runPack(policies, inputs, customDomain);
    expect(byDefault.diagnostics.map((d) => [d.policyName, d.enforcementLevel])).toEqual([["auth0-scim-token-lifetime", "mandatory"]]);
    const relaxed = await runPack(policies, inputs, { ...customDomain, "auth0-scim-token-lifetime": "advisory" });
    expect(relaxed.diagnostics.map((d) => d.enforcementLevel)).toEqual(["advisory"]);
  });
});

describe("the token's secret and opaque inputs", () => {
  it("are never read: the pack passes with the serialized provider and the credentials unknown", async () => {
    const run = await recordRun({
      stack: "dev",
      program: (rs) => rs.filter((r) => r.type === TOKEN).forEach((r) => Object.assign(r.inputs, { __provider: pulumi.unknown, credentials: pulumi.unknown })),
    });
    const inputs = toPolicyInputs(run, "dev");
    const token = inputs.resources.find((r) => r.type === TOKEN)!;
    const tokenInStack = inputs.stackResources.find((r) => r.type === TOKEN)!;
    // Any policy reading them would end in the runtime's "can't run during preview" instead of passing.
    for (const props of [token.props, tokenInStack.props]) {
      expect(() => props.__provider).toThrow(UnknownValueError);
      expect(() => props.credentials).toThrow(UnknownValueError);
    }
    const result = await runPack(policies, inputs);
    expect(result).toEqual({ diagnostics: [], notApplicable: [] });
  });
});

describe("preview", () => {
  it("links tokens to connections by property dependencies, so unknown connection ids do not stop the stack policies", async () => {
    // The mocks answer with ids even in preview; a fresh stack's preview has none: make them unknown.
    const run = await recordRun({
      stack: "dev",
      preview: true,
      program: (rs) => rs.filter((r) => "connectionId" in r.inputs).forEach((r) => (r.inputs.connectionId = pulumi.unknown)),
    });
    const inputs = toPolicyInputs(run, "dev");
    expect(() => inputs.resources.find((r) => r.type === TOKEN)!.props.connectionId).toThrow(UnknownValueError);
    const result = await runPack(policies, inputs);
    expect(result.diagnostics).toEqual([]);
  });
});
