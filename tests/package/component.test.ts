// The public component as a library user declares it (a typed object literal, providers through
// opts), under the same mocks as the stack program: what it declares, its outputs, and the errors for
// bad args and missing providers, before anything is registered.
import { spawnSync } from "child_process";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as auth0 from "@pulumi/auth0";
import * as okta from "@pulumi/okta";
import { runStackProgram, ProgramFailure, type ProgramRun } from "../harness/runProgram";
import { T } from "../harness/committedStack";
import { OktaAuth0ScimIntegration, resolveOktaReferences, type OktaAuth0ScimIntegrationArgs } from "../../api";
import { parseStackConfig } from "../../config/load";
import { validateIntegrationArgs } from "../../components/validateArgs";
import { PROVIDER_TENANT_KEY } from "../../components/scimToken/credentials";

const NO_CONFIG = { values: {}, secretKeys: new Set<string>() };
const CLIENT_SECRET = "library-user-client-secret-value";

const args: OktaAuth0ScimIntegrationArgs = {
  auth0: { domain: "acme.eu.auth0.com", clientId: "7hQeXw2LkP9sVb4NzR6tYc3M", clientSecret: pulumi.secret(CLIENT_SECRET) },
  okta: { orgName: "acme" },
  name: "acme-workforce",
  oidcApp: { label: "Auth0 login" },
  scimApp: { label: "Auth0 provisioning", url: "https://acme.eu.auth0.com" },
  groups: [{ name: "Engineering" }],
  scim: { tokens: [{ generation: "2026-11", lifetimeSeconds: 7776000 }] },
};

type Declare = (providers: { auth0: auth0.Provider; okta: okta.Provider }) => Promise<Record<string, pulumi.Output<unknown>>> | Record<string, pulumi.Output<unknown>>;

async function run(declare: Declare): Promise<ProgramRun> {
  return runStackProgram(NO_CONFIG, { stack: "library" }, () => {
    const providers = {
      auth0: new auth0.Provider("tenant", { domain: "acme.eu.auth0.com", clientId: "7hQeXw2LkP9sVb4NzR6tYc3M", clientSecret: pulumi.secret(CLIENT_SECRET) }),
      okta: new okta.Provider("org", { orgName: "acme", baseUrl: "okta.com", apiToken: pulumi.secret("okta-api-token-value") }),
    };
    return declare(providers);
  });
}

async function failure(declare: Declare): Promise<ProgramFailure> {
  const error = await run(declare).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProgramFailure);
  return error as ProgramFailure;
}

const byType = (r: ProgramRun | ProgramFailure, type: string) => r.registrations.filter((x) => x.type === type);

describe("a library user's integration", () => {
  let result: ProgramRun;
  let integration: OktaAuth0ScimIntegration;
  beforeAll(async () => {
    result = await run(async (providers) => {
      // A group by name: looked up (awaited) before the component is registered.
      integration = new OktaAuth0ScimIntegration("acme", await resolveOktaReferences(args, providers.okta), { providers });
      return { token: integration.scimToken, tokens: integration.scimTokens, byGeneration: integration.scimTokenByGeneration, url: integration.scimEndpointUrl };
    });
  }, 120_000);

  test("declares both halves with the schema's defaults applied, under the component", () => {
    const [connection] = byType(result, T.connection);
    expect(connection.inputs).toMatchObject({ name: "acme-workforce", strategy: "okta", options: { setUserRootAttributes: "on_first_login", scopes: ["openid", "profile", "email"] } });
    expect(connection.protect).toBe(true);
    expect(connection.parent).toBe(`${T.component}::acme`);
    expect(byType(result, T.oidcApp)).toHaveLength(1);
    expect(byType(result, T.scimApp)).toHaveLength(1);
    expect(byType(result, T.groupAssignments)).toHaveLength(2);
    // Phase 1 by default: no profile mapping yet.
    expect(byType(result, T.profileMapping)).toHaveLength(0);
  });

  test("Auth0 and Okta children use the providers from opts.providers", () => {
    for (const r of result.registrations.filter((x) => x.type.startsWith("auth0:"))) expect(r.provider).toContain("$pulumi:providers:auth0::tenant::");
    for (const r of result.registrations.filter((x) => x.type.startsWith("okta:"))) expect(r.provider).toContain("$pulumi:providers:okta::org::");
  });

  test("the token resources get the component's own engine provider, built from args.auth0; the credentials stay secret and out of the tokens", () => {
    const [provider] = byType(result, T.dynamicProvider);
    expect(provider).toMatchObject({ name: "acme-scim-token-resources", parent: `${T.component}::acme` });
    expect(provider.secretInputs).toEqual([PROVIDER_TENANT_KEY]);
    expect(JSON.parse(provider.inputs[PROVIDER_TENANT_KEY] as string)).toEqual({ domain: "acme.eu.auth0.com", clientId: "7hQeXw2LkP9sVb4NzR6tYc3M", clientSecret: CLIENT_SECRET });
    const [token] = byType(result, T.scimToken);
    expect(token.provider).toContain("pulumi:providers:pulumi-nodejs::acme-scim-token-resources::");
    expect(token.inputs).toMatchObject({ tokenLifetimeSeconds: 7776000, generation: "2026-11", domain: "acme.eu.auth0.com" });
    expect(token.inputs).not.toHaveProperty("credentials");
    expect(JSON.stringify(token.inputs)).not.toContain(CLIENT_SECRET);
  });

  test("outputs: the token and the per-generation map are secret, the token list is not and holds no token", async () => {
    expect(await pulumi.isSecret(integration.scimToken)).toBe(true);
    expect(await pulumi.isSecret(integration.scimTokenByGeneration)).toBe(true);
    expect(await pulumi.isSecret(integration.scimTokens)).toBe(false);
    const resolved = result.resolved as { tokens: unknown[]; url: string; byGeneration: Record<string, string>; token: string };
    expect(resolved.tokens).toEqual([expect.objectContaining({ generation: "2026-11", tokenId: expect.any(String), validUntil: expect.any(String) })]);
    expect(JSON.stringify(resolved.tokens)).not.toContain(resolved.token);
    expect(resolved.byGeneration).toEqual({ "2026-11": resolved.token });
    expect(resolved.url).toMatch(/^https:\/\/acme\.eu\.auth0\.com\/scim\/v2\/connections\/[^/]+$/);
  });
});

// Groups by id need no lookup: the constructor alone works (as from another language).
const argsById: OktaAuth0ScimIntegrationArgs = { ...args, groups: [{ id: "00g1a2b3c4d5e6f7g8h9" }] };

test("opts.provider for one package and opts.providers for the other", async () => {
  const result = await run(({ auth0: tenant, okta: org }) => {
    new OktaAuth0ScimIntegration("acme", argsById, { provider: org, providers: { auth0: tenant } });
    return {};
  });
  expect(byType(result, T.oidcApp)[0].provider).toContain("$pulumi:providers:okta::org::");
  expect(byType(result, T.connection)[0].provider).toContain("$pulumi:providers:auth0::tenant::");
}, 120_000);

test("a missing provider is a clear error, and no child is registered", async () => {
  const error = await failure(({ auth0: tenant }) => {
    new OktaAuth0ScimIntegration("acme", argsById, { providers: { auth0: tenant } });
    return {};
  });
  expect(error.message).toContain('OktaAuth0ScimIntegration "acme" has no okta provider');
  expect(error.message).toContain("providers: { auth0:");
  expect(error.registrations.filter((r) => r.parent !== undefined)).toEqual([]);
}, 120_000);

test("bad args: every problem at once, named by its args path, nothing registered, no secret printed", async () => {
  const bad = {
    ...args,
    auth0: { ...args.auth0, domain: "login.acme.com", clientSecret: "" },
    okta: { orgName: "Acme Corp", apiToken: "should-not-be-here" },
    oidcApp: {},
    scim: { tokens: [{ generation: "a" }, { generation: "b" }, { generation: "c", lifetimeSeconds: 60 }] },
    typoSetting: true,
  } as unknown as OktaAuth0ScimIntegrationArgs;
  const error = await failure((providers) => {
    new OktaAuth0ScimIntegration("acme", bad, { providers });
    return {};
  });
  expect(error.message).toContain('Invalid args of OktaAuth0ScimIntegration "acme"');
  expect(error.message).toContain("args.auth0.domain: must be the tenant's own domain ending in .auth0.com");
  expect(error.message).toContain("args.auth0.clientSecret: must not be empty");
  expect(error.message).toContain("args.okta.orgName: must be the Okta org name");
  expect(error.message).toContain("args.okta.apiToken: is not a known argument here");
  expect(error.message).toContain("args.oidcApp.label: is required");
  expect(error.message).toContain("args.typoSetting: is not a known setting here");
  expect(error.message).not.toContain("should-not-be-here");
  // Only the test's own providers were registered: not the component, not a child.
  expect(error.registrations.map((r) => r.type).sort()).toEqual(["pulumi:providers:auth0", "pulumi:providers:okta"]);
}, 120_000);

test("the cross-field rules run too: three token generations and a lifetime out of bounds", () => {
  const result = validateIntegrationArgs({ ...args, scim: { tokens: [{ generation: "a" }, { generation: "b" }, { generation: "c", lifetimeSeconds: 60 }] } });
  expect("problems" in result && result.problems.map((p) => p.path.join("."))).toEqual(["scim.tokens", "scim.tokens.2.lifetimeSeconds"]);
});

test("one source of truth: the component and the stack config report the same problem with the same message", () => {
  const connection = { name: "acme-workforce", oktaOrg: "acme", oidcApp: { label: "x" }, scimApp: { label: "x", url: "http://insecure" }, scim: { tokenScopes: ["get:users"] } };
  const stack = parseStackConfig({
    values: {
      "oktaScim:auth0": JSON.stringify({ domain: "acme.eu.auth0.com", clientId: "7hQeXw2LkP9sVb4NzR6tYc3M", clientSecret: "s" }),
      "oktaScim:oktaOrgs": JSON.stringify([{ name: "acme", orgName: "acme", apiToken: "t" }]),
      "oktaScim:connections": JSON.stringify([connection]),
    },
    secretKeys: new Set(["oktaScim:auth0", "oktaScim:oktaOrgs"]),
  });
  const { oktaOrg: _org, ...settings } = connection;
  const component = validateIntegrationArgs({ ...settings, auth0: args.auth0, okta: args.okta });
  const messages = (r: typeof stack | typeof component) => ("problems" in r ? r.problems.map((p) => `${p.path.slice(-1)}: ${p.message}`) : []);
  expect(messages(component)).toEqual(messages(stack));
  expect(messages(component)).toEqual([expect.stringMatching(/^url: must use https/)]);
  // The shape passes, the scope rule then fails the same way on both sides.
  const scopes = validateIntegrationArgs({ ...settings, scimApp: { label: "x", url: "https://ok.example.com" }, auth0: args.auth0, okta: args.okta });
  expect("problems" in scopes && scopes.problems).toEqual([{ path: ["scim", "tokenScopes"], message: expect.stringContaining("lacks post:users, put:users") }]);
});

describe("groups by name and users by login without resolveOktaReferences: the component looks them up (as from another language)", () => {
  const withUsers: OktaAuth0ScimIntegrationArgs = { ...args, groups: [{ name: "Engineering" }, { id: "00g1a2b3c4d5e6f7g8h9" }], users: [{ login: "Ada@acme.com" }, { id: "00u1a2b3c4d5e6f7g8h9" }] };
  const declared = (r: ProgramRun) => r.registrations.map((x) => ({ type: x.type, name: x.name, parent: x.parent, inputs: x.inputs, dependsOn: x.dependsOn }));

  test("it declares exactly what the up-front lookups declare (same names: moving between the two plans nothing), with one invoke per group and user", async () => {
    // A copy: resolveOktaReferences attaches its answer to the args object it is given.
    const upFront = await run(async (providers) => {
      new OktaAuth0ScimIntegration("acme", await resolveOktaReferences({ ...withUsers }, providers.okta), { providers });
      return {};
    });
    const inComponent = await run((providers) => {
      new OktaAuth0ScimIntegration("acme", withUsers, { providers });
      return {};
    });
    expect(declared(inComponent)).toEqual(declared(upFront));
    // The assignments exist, named by Okta user id, with the looked-up login as username.
    const appUsers = byType(inComponent, T.appUser);
    expect(appUsers).toHaveLength(4);
    expect(appUsers.map((u) => u.inputs.username)).toEqual(expect.arrayContaining(["Ada@acme.com", "user-00u1a2b3c4d5e6f7g8h9@example.test"]));
    const lookups = (r: ProgramRun) => r.invokes.map((i) => i.token).sort();
    expect(lookups(inComponent)).toEqual(["okta:group/getGroup:getGroup", "okta:user/getUser:getUser", "okta:user/getUser:getUser"]);
    expect(lookups(inComponent)).toEqual(lookups(upFront));
  }, 120_000);

  test("the outputs keep their secretness: the token and the per-generation map are secret, the ids are not", async () => {
    let integration: OktaAuth0ScimIntegration | undefined;
    const result = await run((providers) => {
      integration = new OktaAuth0ScimIntegration("acme", withUsers, { providers });
      return { token: integration.scimToken, url: integration.scimEndpointUrl, tokens: integration.scimTokens };
    });
    expect(await pulumi.isSecret(integration!.scimToken)).toBe(true);
    expect(await pulumi.isSecret(integration!.scimTokenByGeneration)).toBe(true);
    expect(await pulumi.isSecret(integration!.connectionId)).toBe(false);
    expect(await pulumi.isSecret(integration!.tokenGenerations()[0].token)).toBe(true);
    expect(integration!.tokenGenerations().map((g) => g.tokenOutputName)).toEqual(["acme-workforce-scim-token-2026-11"]);
    const resolved = result.resolved as { url: string; token: string; tokens: { generation: string }[] };
    expect(resolved.url).toMatch(/^https:\/\/acme\.eu\.auth0\.com\/scim\/v2\/connections\/con_/);
    expect(resolved.token).toMatch(/.{16,}/);
    expect(resolved.tokens).toEqual([expect.objectContaining({ generation: "2026-11" })]);
  }, 120_000);

  test("a group name Okta matches only by prefix, or a user found under another login: the run fails naming each args path, and no child is registered", () => {
    const child = spawnSync(process.execPath, ["--require", require.resolve("tsx/cjs"), path.join(__dirname, "fixtures", "failedLookupRun.ts")], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    const outcome = JSON.parse(child.stdout) as { failed: boolean; message: string; types: string[] };
    expect(outcome.failed).toBe(true);
    expect(outcome.message).toContain('Invalid args of OktaAuth0ScimIntegration "acme" (2 problems); nothing was created');
    expect(outcome.message).toContain('args.groups[0]: names the Okta group "Finance", but no Okta-mastered group has exactly that name');
    expect(outcome.message).toContain('args.users[0]: names the Okta login "ada@acme.com", but the search returned "someone-else@acme.com"');
    // Only the providers and the component itself (with its token provider, made before any lookup): no child of either half.
    expect(outcome.types).toEqual(["oktaScim:index:OktaAuth0ScimIntegration", "pulumi:providers:auth0", "pulumi:providers:okta", "pulumi:providers:pulumi-nodejs"]);
  }, 120_000);
});

test("manageProvisioningViaApi: the public enum maps to the config's false / true / \"deactivate\"; another value is refused", () => {
  const viaApi = (value: unknown) => {
    const r = validateIntegrationArgs({ ...argsById, manageProvisioningViaApi: value });
    return "value" in r ? r.value.connection.manageProvisioningViaApi : r.problems.map((p) => `${p.path.join(".")}: ${p.message}`);
  };
  expect(viaApi(undefined)).toBe(false);
  expect(viaApi("off")).toBe(false);
  expect(viaApi("on")).toBe(true);
  expect(viaApi("deactivate")).toBe("deactivate");
  expect(viaApi(true)).toEqual([expect.stringMatching(/^manageProvisioningViaApi: must be one of "off", "on", "deactivate"/)]);
});

test("okta.defaultUserTypeId is accepted and checked like oktaOrgs[].defaultUserTypeId", () => {
  const ok = validateIntegrationArgs({ ...argsById, okta: { orgName: "acme", defaultUserTypeId: "oty1a2b3c4d5e6f7g8h9" } });
  expect("value" in ok && ok.value.okta.defaultUserTypeId).toBe("oty1a2b3c4d5e6f7g8h9");
  const bad = validateIntegrationArgs({ ...argsById, okta: { orgName: "acme", defaultUserTypeId: "nope" } });
  expect("problems" in bad && bad.problems).toEqual([{ path: ["okta", "defaultUserTypeId"], message: expect.stringContaining("must be an Okta user type id") }]);
});

test("key and previousKeys: children are named by the key; named by its key, the component answers to the old one too", async () => {
  const result = await run((providers) => {
    new OktaAuth0ScimIntegration("acme-key", { ...argsById, key: "acme-key", previousKeys: ["acme-old"] }, { providers });
    return {};
  });
  const component = result.registrations.find((r) => r.type === T.component)!;
  expect(component.name).toBe("acme-key");
  expect(component.aliases).toEqual([expect.stringMatching(/::oktaScim:index:OktaAuth0ScimIntegration::acme-old$/)]);
  const [oidcApp] = byType(result, T.oidcApp);
  expect(oidcApp.name).toBe("acme-key-okta-oidc-app");
  expect(oidcApp.aliases).toContainEqual(expect.stringMatching(/::acme-old-okta-oidc-app$/));
}, 120_000);

describe("a customer's Okta org (okta.administeredBy: customer)", () => {
  const customerArgs: OktaAuth0ScimIntegrationArgs = {
    auth0: args.auth0,
    okta: { orgName: "initech", administeredBy: "customer" },
    name: "initech-workforce",
    oidcApp: { label: "Vendor login", clientId: "0oa9umbR3lLaC0rp4x7z", clientSecret: pulumi.secret("customer-oidc-secret-value") },
    scimApp: { label: "Vendor provisioning", url: "https://app.vendor.example" },
    scim: { tokens: [{ generation: "2026-12", lifetimeSeconds: 7776000 }] },
  };

  test("needs only the auth0 provider and declares the Auth0 half only, the secret given as an Output", async () => {
    let integration: OktaAuth0ScimIntegration | undefined;
    const result = await run(({ auth0: tenant }) => {
      integration = new OktaAuth0ScimIntegration("initech", customerArgs, { providers: { auth0: tenant } });
      return { clientId: integration.oidcClientId, appId: integration.scimAppId, token: integration.scimToken };
    });
    const children = result.registrations.filter((r) => r.parent === `${T.component}::initech`).map((r) => r.type);
    expect(children.filter((t) => t.startsWith("okta:"))).toEqual([]);
    expect(children).toEqual(expect.arrayContaining([T.connection, T.connectionClients, T.scimConfiguration, T.scimToken]));
    const connection = byType(result, T.connection)[0];
    expect((connection.inputs.options as Record<string, unknown>).clientId).toBe("0oa9umbR3lLaC0rp4x7z");
    expect((connection.inputs.options as Record<string, unknown>).clientSecret).toBe("customer-oidc-secret-value");
    expect(connection.secretInputs).toContain("options");
    expect(result.resolved).toMatchObject({ clientId: "0oa9umbR3lLaC0rp4x7z", appId: "" });
  }, 120_000);

  test("without the customer's client id it is refused by its args path, before anything is registered", async () => {
    const { clientId: _id, clientSecret: _secret, ...oidcApp } = customerArgs.oidcApp;
    const error = await failure(({ auth0: tenant }) => {
      new OktaAuth0ScimIntegration("initech", { ...customerArgs, oidcApp }, { providers: { auth0: tenant } });
      return {};
    });
    expect(error.message).toContain("args.oidcApp.clientId: is needed for a customer's org");
    expect(error.registrations.filter((r) => r.parent !== undefined || r.type === T.component)).toEqual([]);
  }, 120_000);

  test("groups on a customer's org are refused: the customer's admin assigns them", async () => {
    const error = await failure(({ auth0: tenant }) => {
      new OktaAuth0ScimIntegration("initech", { ...customerArgs, groups: [{ id: "00g1a2b3c4d5e6f7g8h9" }] }, { providers: { auth0: tenant } });
      return {};
    });
    expect(error.message).toContain("args.groups: Assigning groups is the customer's admin's to do");
    expect(error.message).not.toContain("customer-oidc-secret-value");
    expect(error.registrations.filter((r) => r.parent !== undefined || r.type === T.component)).toEqual([]);
  }, 120_000);
});
