// The self-service hand-off's pure decisions: what the stack owns on the connection, and the ticket.
import {
  DEFAULT_TICKET_TTL_SECONDS,
  MAX_TICKET_TTL_SECONDS,
  SELF_SERVICE_OWNED_OPTIONS,
  connectionIgnoreChanges,
  declaresScimTokens,
  ssoTicketRequest,
  ticketLifeText,
  ttlProblem,
  type TicketConnection,
} from "../../components/decisions/selfService";
import { parseStackConfig } from "../../config/load";

const connection = (over: Partial<TicketConnection> = {}): TicketConnection => ({
  name: "initech-okta",
  handoff: "selfService",
  enabledClients: ["appClientId000000001"],
  ...over,
});

describe("what the stack owns", () => {
  test("the Markdown hand-off ignores nothing and declares its tokens, as before", () => {
    expect(connectionIgnoreChanges("document")).toEqual([]);
    expect(connectionIgnoreChanges(undefined)).toEqual([]);
    expect(declaresScimTokens("document")).toBe(true);
    expect(declaresScimTokens(undefined)).toBe(true);
  });

  test("selfService ignores what the admin enters in the assistant, and declares no token", () => {
    const ignored = connectionIgnoreChanges("selfService");
    for (const path of ["options.clientId", "options.clientSecret", "options.domain", "options.issuer", "options.tokenEndpoint"]) expect(ignored).toContain(path);
    // The stack keeps what the assistant does not touch (the ticket switches domain verification off).
    for (const path of ["options.domainAliases", "options.scopes", "options.setUserRootAttributes", "options.attributeMap", "metadata", "displayName"]) {
      expect(ignored).not.toContain(path);
    }
    expect(declaresScimTokens("selfService")).toBe(false);
  });

  test("a copy is returned: a caller cannot change the shared list", () => {
    connectionIgnoreChanges("selfService").push("options.scopes");
    expect(SELF_SERVICE_OWNED_OPTIONS).not.toContain("options.scopes");
  });
});

describe("the ticket", () => {
  test("least scopes and the newest generation's lifetime, the config's enabled clients, domain verification off", () => {
    const r = ssoTicketRequest(
      connection({ scim: { tokenScopes: ["get:users", "post:users", "put:users"], tokens: [{ generation: "a" }, { generation: "b", lifetimeSeconds: 7_776_000 }] } }),
      "con_ABCDEFGHIJKLMNOP",
      3600,
    );
    expect(r).toEqual({
      body: {
        connection_id: "con_ABCDEFGHIJKLMNOP",
        enabled_clients: ["appClientId000000001"],
        ttl_sec: 3600,
        enabled_features: { sso: true, provisioning: true, domain_verification: false },
        provisioning_config: { scopes: ["get:users", "post:users", "put:users"], token_lifetime: 7_776_000 },
      },
    });
  });

  test("defaults: get/post/put users, no lifetime (no expiry), no enabled_clients when the config has none", () => {
    const r = ssoTicketRequest(connection({ enabledClients: [] }), "con_X", 60);
    expect("body" in r && r.body.provisioning_config).toEqual({ scopes: ["get:users", "post:users", "put:users"] });
    expect("body" in r && "enabled_clients" in r.body).toBe(false);
  });

  test("a generation's own scopes win over tokenScopes", () => {
    const r = ssoTicketRequest(connection({ scim: { tokenScopes: ["get:users", "post:users", "put:users", "delete:users"], tokens: [{ generation: "a", scopes: ["put:users", "get:users", "post:users"] }] } }), "con_X", 60);
    expect("body" in r && r.body.provisioning_config.scopes).toEqual(["get:users", "post:users", "put:users"]);
  });

  test.each([900, 1.5, 0])("refuses a token lifetime of %p (Auth0: more than 900)", (lifetimeSeconds) => {
    const r = ssoTicketRequest(connection({ scim: { tokens: [{ generation: "g", lifetimeSeconds }] } }), "con_X", 60);
    expect(r).toEqual({ problem: expect.stringContaining("more than 900") });
  });

  test("refuses a connection with the Markdown hand-off", () => {
    expect(ssoTicketRequest(connection({ handoff: undefined }), "con_X", 60)).toEqual({ problem: expect.stringContaining("handoff: document") });
  });

  test.each([0, -1, 1.5, MAX_TICKET_TTL_SECONDS + 1])("refuses a ttl of %p", (ttl) => {
    expect(ttlProblem(ttl)).toMatch(/1 to 432000/);
    expect(ssoTicketRequest(connection(), "con_X", ttl)).toEqual({ problem: expect.stringContaining("--ttl") });
  });

  test("accepts the bounds and defaults to one day", () => {
    expect(ttlProblem(1)).toBeUndefined();
    expect(ttlProblem(MAX_TICKET_TTL_SECONDS)).toBeUndefined();
    expect(DEFAULT_TICKET_TTL_SECONDS).toBe(86_400);
  });

  test("the life text gives the end of the ticket's life, the opens and the session length", () => {
    expect(ticketLifeText(3600, new Date("2026-12-06T00:00:00.000Z"))).toBe(
      "The ticket can be opened until 2026-12-06T01:00:00.000Z (3600 s), at most 10 times; once opened, the assistant session lasts 5 hours.",
    );
  });
});

test("a valid self-service config parses, with allowedStrategies [okta], the hand-off only where set", () => {
  const auth0 = { domain: "vendor.us.auth0.com", clientId: "abcdefghijklmnop", clientSecret: "s3cret-value", selfServiceProfile: { name: "customers-okta" } };
  const org = { name: "initech", orgName: "initech", administeredBy: "customer" };
  const base = { oktaOrg: "initech", oidcApp: { label: "Vendor" }, scimApp: { label: "Vendor SCIM", url: "https://app.vendor.example" } };
  const values = {
    "oktaScim:auth0": JSON.stringify(auth0),
    "oktaScim:oktaOrgs": JSON.stringify([org]),
    "oktaScim:connections": JSON.stringify([
      { name: "a", ...base, handoff: "selfService" },
      { name: "b", ...base },
    ]),
  };
  const parsed = parseStackConfig({ values, secretKeys: new Set(Object.keys(values)) });
  expect("config" in parsed).toBe(true);
  if (!("config" in parsed)) return;
  expect(parsed.config.auth0.selfServiceProfile).toEqual({ name: "customers-okta", allowedStrategies: ["okta"] });
  expect(parsed.config.connections.map((c) => c.handoff)).toEqual(["selfService", undefined]);
});
