// The bad-input corpus: each case breaks one setting of a committed stack file and must stop the
// program before any registration, with a RunError naming the setting by the path the user wrote,
// and without any secret in the message.
import * as pulumi from "@pulumi/pulumi";
import { runCommittedStack } from "../harness/committedStack";
import { ProgramFailure } from "../harness/runProgram";
import { SECRET_MARKER_PREFIX, type StackConfigValues } from "../harness/stackFile";

type Json = Record<string, unknown>;
const auth0 = (v: StackConfigValues) => v["oktaScim:auth0"] as Json;
const orgs = (v: StackConfigValues) => v["oktaScim:oktaOrgs"] as Json[];
const conns = (v: StackConfigValues) => v["oktaScim:connections"] as Json[];
const scim = (v: StackConfigValues, i: number) => conns(v)[i].scim as Json;

interface BadCase {
  title: string;
  stack: "dev" | "prod" | "customers";
  mutate: (v: StackConfigValues) => void;
  /** The path the message must name, as written in the message. */
  path: string;
  /** A word the explanation must contain (what is wrong or what would be right). */
  says: string;
}

const cases: BadCase[] = [
  { title: "unknown top-level key", stack: "prod", mutate: (v) => (v["oktaScim:conections"] = []), path: "oktaScim:conections", says: "not a setting" },
  { title: "auth0 missing", stack: "prod", mutate: (v) => delete v["oktaScim:auth0"], path: "oktaScim:auth0", says: "required" },
  { title: "auth0 domain with scheme", stack: "prod", mutate: (v) => (auth0(v).domain = "https://acme.us.auth0.com"), path: "oktaScim:auth0.domain", says: "host name" },
  { title: "auth0 domain not an auth0.com tenant", stack: "prod", mutate: (v) => (auth0(v).domain = "login.acme.example"), path: "oktaScim:auth0.domain", says: "customDomain" },
  { title: "custom domain with a path", stack: "prod", mutate: (v) => (auth0(v).customDomain = "login.acme.example/x"), path: "oktaScim:auth0.customDomain", says: "host name" },
  { title: "auth0 client id too short", stack: "prod", mutate: (v) => (auth0(v).clientId = "abc"), path: "oktaScim:auth0.clientId", says: "client id" },
  { title: "typo inside auth0", stack: "prod", mutate: (v) => (auth0(v).clientSecrt = "x"), path: "oktaScim:auth0.clientSecrt", says: "not a known setting" },
  { title: "auth0 given as a string", stack: "prod", mutate: (v) => (v["oktaScim:auth0"] = "acme.us.auth0.com"), path: "oktaScim:auth0", says: "YAML mapping" },
  { title: "no Okta org", stack: "prod", mutate: (v) => (v["oktaScim:oktaOrgs"] = []), path: "oktaScim:oktaOrgs", says: "at least one" },
  { title: "Okta org name with capitals", stack: "prod", mutate: (v) => (orgs(v)[0].orgName = "Acme"), path: "oktaScim:oktaOrgs[0].orgName", says: "Okta org name" },
  { title: "unknown Okta base URL", stack: "prod", mutate: (v) => (orgs(v)[0].baseUrl = "okta.example"), path: "oktaScim:oktaOrgs[0].baseUrl", says: "okta.com" },
  { title: "maxApiCapacity above 100", stack: "prod", mutate: (v) => (orgs(v)[0].maxApiCapacity = 150), path: "oktaScim:oktaOrgs[0].maxApiCapacity", says: "100" },
  { title: "both API token and service-app credentials", stack: "dev", mutate: (v) => (orgs(v)[1].apiToken = orgs(v)[0].apiToken), path: "oktaScim:oktaOrgs[1].apiToken", says: "not both" },
  { title: "service app without private key", stack: "dev", mutate: (v) => delete orgs(v)[1].privateKey, path: "oktaScim:oktaOrgs[1].privateKey", says: "required" },
  { title: "credential given a wrong shape that holds a secret", stack: "prod", mutate: (v) => (orgs(v)[0].apiToken = { token: orgs(v)[0].apiToken }), path: "oktaScim:oktaOrgs[0].apiToken", says: "expected string" },
  { title: "no Okta credentials", stack: "prod", mutate: (v) => delete orgs(v)[0].apiToken, path: "oktaScim:oktaOrgs[0].apiToken", says: "required" },
  { title: "same Okta org twice", stack: "dev", mutate: (v) => Object.assign(orgs(v)[1], { orgName: "acme", baseUrl: "okta.com" }), path: "oktaScim:oktaOrgs[1].orgName", says: "declare an org once" },
  { title: "duplicate Okta org key", stack: "dev", mutate: (v) => (orgs(v)[1].name = "acme"), path: "oktaScim:oktaOrgs[1].name", says: "own name" },
  { title: "duplicate connection names", stack: "dev", mutate: (v) => (conns(v)[1].name = "okta-acme"), path: "oktaScim:connections[1].name", says: "unique" },
  { title: "connection name that would collide with a token output", stack: "dev", mutate: (v) => (conns(v)[1].name = "okta-acme-scim-token"), path: "oktaScim:connections[1].name", says: "reserved for the token outputs" },
  { title: "connection name with spaces", stack: "prod", mutate: (v) => (conns(v)[0].name = "okta acme"), path: "oktaScim:connections[0].name", says: "hyphens" },
  { title: "connection names an unknown org", stack: "dev", mutate: (v) => (conns(v)[1].oktaOrg = "initech"), path: "oktaScim:connections[1].oktaOrg", says: "acme, globex" },
  { title: "empty scopes list", stack: "prod", mutate: (v) => (conns(v)[0].scopes = []), path: "oktaScim:connections[0].scopes", says: "at least one scope" },
  { title: "SCIM app URL over http", stack: "prod", mutate: (v) => ((conns(v)[0].scimApp as Json).url = "http://login.acme.example"), path: "oktaScim:connections[0].scimApp.url", says: "https://" },
  { title: "SCIM app URL not a URL", stack: "prod", mutate: (v) => ((conns(v)[0].scimApp as Json).url = "login.acme.example"), path: "oktaScim:connections[0].scimApp.url", says: "full URL" },
  { title: "OIDC app without label", stack: "prod", mutate: (v) => delete (conns(v)[0].oidcApp as Json).label, path: "oktaScim:connections[0].oidcApp.label", says: "required" },
  { title: "group that is neither id nor name", stack: "prod", mutate: (v) => ((conns(v)[0].groups as Json[])[1] = { group: "Finance" }), path: "oktaScim:connections[0].groups[1]", says: "{ id: 00g… } or { name: <group name> }" },
  { title: "malformed group id", stack: "dev", mutate: (v) => ((conns(v)[0].groups as Json[])[2] = { id: "00gSHORT" }), path: "oktaScim:connections[0].groups[2]", says: "00g" },
  { title: "duplicate group", stack: "dev", mutate: (v) => ((conns(v)[1].groups as Json[])[1] = { name: "globex staff" }), path: "oktaScim:connections[1].groups[1]", says: "each group once" },
  { title: "duplicate user", stack: "dev", mutate: (v) => (conns(v)[0].users as Json[]).push({ login: "Break-Glass.Admin@acme.example" }), path: "oktaScim:connections[0].users[1]", says: "each user once" },
  { title: "token scope outside the allowed list", stack: "dev", mutate: (v) => (scim(v, 0).tokenScopes as string[]).push("read:users"), path: "oktaScim:connections[0].scim.tokenScopes[3]", says: "get:users" },
  { title: "token scopes missing one Okta needs", stack: "dev", mutate: (v) => (scim(v, 0).tokenScopes = ["get:users", "post:users"]), path: "oktaScim:connections[0].scim.tokenScopes", says: "put:users" },
  { title: "token lifetime the Management API refuses (900 s)", stack: "prod", mutate: (v) => ((scim(v, 0).tokens as Json[])[0].lifetimeSeconds = 900), path: "oktaScim:connections[0].scim.tokens[0].lifetimeSeconds", says: "more than 900 seconds" },
  { title: "a third token generation", stack: "dev", mutate: (v) => (scim(v, 0).tokens as Json[]).push({ generation: "b" }, { generation: "c" }), path: "oktaScim:connections[0].scim.tokens", says: "two" },
  { title: "additional mapping repeating a default", stack: "dev", mutate: (v) => (scim(v, 0).additionalMappings as Json[]).push({ scim: "userName", auth0: "email" }), path: "oktaScim:connections[0].scim.additionalMappings[1]", says: "default okta mappings" },
  { title: "two additional mappings for one SCIM attribute", stack: "dev", mutate: (v) => (scim(v, 0).additionalMappings as Json[]).push({ scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.badgeNumber", auth0: "app_metadata.badge" }), path: "oktaScim:connections[0].scim.additionalMappings[1].scim", says: "same SCIM attribute" },
  { title: "additional mapping to an invalid Auth0 path", stack: "dev", mutate: (v) => ((scim(v, 0).additionalMappings as Json[])[0].auth0 = "App Metadata"), path: "oktaScim:connections[0].scim.additionalMappings[0].auth0", says: "app_metadata" },
  { title: "custom attribute with an unknown SCIM namespace", stack: "dev", mutate: (v) => ((conns(v)[0].customAttributes as Json[])[0].externalNamespace = "urn:example:custom"), path: "oktaScim:connections[0].customAttributes[0].externalNamespace", says: "urn:ietf:params:scim:schemas:core:2.0:User" },
  { title: "custom attribute colliding on externalName", stack: "dev", mutate: (v) => (conns(v)[0].customAttributes as Json[]).push({ ...(conns(v)[0].customAttributes as Json[])[0], index: "badge2" }), path: "oktaScim:connections[0].customAttributes[1].externalName", says: "same SCIM attribute" },
  { title: "custom attribute reusing a base attribute name", stack: "dev", mutate: (v) => ((conns(v)[0].customAttributes as Json[])[0].index = "department"), path: "oktaScim:connections[0].customAttributes[0].index", says: "base attribute" },
  { title: "custom attribute without source", stack: "dev", mutate: (v) => delete (conns(v)[0].customAttributes as Json[])[0].source, path: "oktaScim:connections[0].customAttributes[0].source", says: "required" },
  { title: "omitting a mapping the base list does not have", stack: "dev", mutate: (v) => (conns(v)[0].omitBaseMappings = ["primaryEmailType"]), path: "oktaScim:connections[0].omitBaseMappings[0]", says: "is a type mapping, always left unmapped" },
  { title: "phase switch as a string", stack: "prod", mutate: (v) => (conns(v)[0].consoleStepsDone = "yes"), path: "oktaScim:connections[0].consoleStepsDone", says: "boolean" },
  { title: "protect as a string", stack: "prod", mutate: (v) => (conns(v)[0].protect = "false"), path: "oktaScim:connections[0].protect", says: "boolean" },
  { title: "protect: false without decommission (the way out is the two-step decommission)", stack: "dev", mutate: (v) => (conns(v)[1].protect = false), path: "oktaScim:connections[1].protect", says: "1. set decommission: true" },
  { title: "protect: true while decommissioning", stack: "prod", mutate: (v) => Object.assign(conns(v)[0], { protect: true, decommission: true }), path: "oktaScim:connections[0].protect", says: "decommissioning unprotects" },
  {
    title: "decommission while Okta's API provisioning is on",
    stack: "dev",
    mutate: (v) => Object.assign(conns(v)[1], { decommission: true, manageProvisioningViaApi: true }),
    path: "oktaScim:connections[1].decommission",
    says: 'manageProvisioningViaApi: "deactivate"',
  },
  { title: "decommission as a string", stack: "prod", mutate: (v) => (conns(v)[0].decommission = "yes"), path: "oktaScim:connections[0].decommission", says: "boolean" },
  // The customers example: oktaOrgs [saasco (stack), initech, umbrella, hooli (customers)], connections
  // in the same order: initech waits for its OIDC app, umbrella is at scim-app, hooli is live.
  { title: "self-service hand-off without a self-service profile", stack: "customers", mutate: (v) => (conns(v)[1].handoff = "selfService"), path: "oktaScim:connections[1].handoff", says: "selfServiceProfile" },
  {
    title: "domain aliases on a self-service connection the admin has not finished",
    stack: "customers",
    mutate: (v) => {
      auth0(v).selfServiceProfile = { name: "customers" };
      Object.assign(conns(v)[1], { handoff: "selfService", domainAliases: ["initech.example"] });
    },
    path: "oktaScim:connections[1].domainAliases",
    says: "until the customer's admin has finished",
  },
  { title: "unknown hand-off", stack: "customers", mutate: (v) => (conns(v)[1].handoff = "email"), path: "oktaScim:connections[1].handoff", says: "selfService" },
  { title: "unknown org administrator", stack: "customers", mutate: (v) => (orgs(v)[1].administeredBy = "vendor"), path: "oktaScim:oktaOrgs[1].administeredBy", says: "customer" },
  { title: "an API token for a customer's org", stack: "customers", mutate: (v) => (orgs(v)[1].apiToken = orgs(v)[0].apiToken), path: "oktaScim:oktaOrgs[1].apiToken", says: "never calls that org's Okta API" },
  { title: "a service app for a customer's org", stack: "customers", mutate: (v) => (orgs(v)[2].clientId = "0oa8x2kq4rTbN5yV1d7"), path: "oktaScim:oktaOrgs[2].clientId", says: "administeredBy: customer" },
  { title: "maxApiCapacity for a customer's org", stack: "customers", mutate: (v) => (orgs(v)[3].maxApiCapacity = 20), path: "oktaScim:oktaOrgs[3].maxApiCapacity", says: "remove it" },
  { title: "groups on a customer connection", stack: "customers", mutate: (v) => (conns(v)[2].groups = [{ name: "Everyone" }]), path: "oktaScim:connections[2].groups", says: "customer's admin's to do" },
  { title: "users on a customer connection", stack: "customers", mutate: (v) => (conns(v)[3].users = [{ login: "a@hooli.example" }]), path: "oktaScim:connections[3].users", says: "npm run handoff" },
  {
    title: "custom attributes on a customer connection",
    stack: "customers",
    mutate: (v) => (conns(v)[3].customAttributes = [{ index: "costCenter", title: "Cost center", externalName: "costCenter", source: "user.costCenter" }]),
    path: "oktaScim:connections[3].customAttributes",
    says: "customer's admin's to do",
  },
  { title: "captured SCIM app attributes on a customer connection", stack: "customers", mutate: (v) => ((conns(v)[3].scimApp as Json).attributes = ["userName"]), path: "oktaScim:connections[3].scimApp.attributes", says: "customer's admin's to do" },
  { title: "omitted base mappings on a customer connection", stack: "customers", mutate: (v) => (conns(v)[3].omitBaseMappings = ["nickName"]), path: "oktaScim:connections[3].omitBaseMappings", says: "customer's admin's to do" },
  { title: "provisioning through Okta's API on a customer connection", stack: "customers", mutate: (v) => (conns(v)[3].manageProvisioningViaApi = true), path: "oktaScim:connections[3].manageProvisioningViaApi", says: "never calls" },
  { title: "adoption on a customer connection", stack: "customers", mutate: (v) => (conns(v)[2].adopt = { auth0ConnectionId: "con_AbCdEfGhIjKlMnOp" }), path: "oktaScim:connections[2].adopt", says: "not supported yet" },
  { title: "the OIDC client id without its secret", stack: "customers", mutate: (v) => delete (conns(v)[2].oidcApp as Json).clientSecret, path: "oktaScim:connections[2].oidcApp.clientSecret", says: "give both" },
  { title: "the OIDC secret without its client id", stack: "customers", mutate: (v) => delete (conns(v)[3].oidcApp as Json).clientId, path: "oktaScim:connections[3].oidcApp.clientId", says: "give both" },
  { title: "a malformed customer client id", stack: "customers", mutate: (v) => ((conns(v)[2].oidcApp as Json).clientId = "umbrella-app"), path: "oktaScim:connections[2].oidcApp.clientId", says: "0oa" },
  { title: "consoleStepsDone before the customer's OIDC app exists", stack: "customers", mutate: (v) => (conns(v)[1].consoleStepsDone = true), path: "oktaScim:connections[1].consoleStepsDone", says: "before oidcApp.clientId" },
  { title: "decommissioning a connection that declares nothing yet", stack: "customers", mutate: (v) => (conns(v)[1].decommission = true), path: "oktaScim:connections[1].decommission", says: "remove the connection from config" },
  {
    title: "a client id with the self-service hand-off (the assistant collects it)",
    stack: "customers",
    mutate: (v) => {
      auth0(v).selfServiceProfile = { name: "customers" };
      conns(v)[2].handoff = "selfService";
    },
    path: "oktaScim:connections[2].oidcApp.clientId",
    says: "self-service assistant",
  },
  { title: "a client id on an org the stack administers", stack: "prod", mutate: (v) => ((conns(v)[0].oidcApp as Json).clientId = "0oa9umbR3lLaC0rp4x7z"), path: "oktaScim:connections[0].oidcApp.clientId", says: "administeredBy: customer" },
  { title: "a hand-off on an org the stack administers", stack: "prod", mutate: (v) => (conns(v)[0].handoff = "document"), path: "oktaScim:connections[0].handoff", says: "administeredBy: customer" },
  { title: "self-service profile for another strategy than okta", stack: "prod", mutate: (v) => (auth0(v).selfServiceProfile = { name: "customers", allowedStrategies: ["waad"] }), path: "oktaScim:auth0.selfServiceProfile.allowedStrategies[0]", says: "okta" },
  { title: "self-service profile name over Auth0's 100 characters", stack: "prod", mutate: (v) => (auth0(v).selfServiceProfile = { name: "x".repeat(101) }), path: "oktaScim:auth0.selfServiceProfile.name", says: "100" },
];

test("the corpus has at least 30 cases", () => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
});

test.each(cases)("$title → $path", async ({ stack, mutate, path, says }) => {
  const failure = await runCommittedStack(stack, { mutate }).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(ProgramFailure);
  const { cause, registrations } = failure as ProgramFailure;
  expect(registrations).toEqual([]);
  // A RunError: the Pulumi CLI prints its message without a stack trace.
  expect(pulumi.RunError.isInstance(cause)).toBe(true);
  const message = (cause as Error).message;
  const line = message.split("\n").find((l) => l.startsWith(`  - ${path}: `));
  expect({ line: line ?? message }).toEqual({ line: expect.stringContaining(says) });
  expect(message).not.toContain(SECRET_MARKER_PREFIX);
});

test("all shape problems are reported at once, not one per run; cross-field rules wait for valid shapes", async () => {
  const failure = (await runCommittedStack("dev", {
    mutate: (v) => {
      auth0(v).domain = "nope";
      orgs(v)[0].maxApiCapacity = 0;
      conns(v)[1].name = "okta-acme";
    },
  }).catch((e: unknown) => e)) as ProgramFailure;
  const message = (failure.cause as Error).message;
  expect(message).toContain("oktaScim:auth0.domain");
  expect(message).toContain("oktaScim:oktaOrgs[0].maxApiCapacity");
  // Cross-field rules run once the shapes are valid; shape problems come first.
  expect(message.split("\n")[0]).toBe("Invalid stack configuration (2 problems); nothing was created:");
});

test("cross-field problems are reported together too", async () => {
  const failure = (await runCommittedStack("dev", {
    mutate: (v) => {
      conns(v)[1].name = "okta-acme";
      conns(v)[1].oktaOrg = "initech";
      (conns(v)[0].groups as Json[]).push({ name: "engineering" });
    },
  }).catch((e: unknown) => e)) as ProgramFailure;
  const message = (failure.cause as Error).message;
  expect(message.split("\n")[0]).toBe("Invalid stack configuration (3 problems); nothing was created:");
  expect(message).toContain("oktaScim:connections[1].name:");
  expect(message).toContain("oktaScim:connections[1].oktaOrg:");
  expect(message).toContain("oktaScim:connections[0].groups[3]:");
});
