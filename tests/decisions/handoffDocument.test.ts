import { handoffDocument, handoffPageName, type HandoffInput, type HandoffPageName } from "../../components/decisions/handoffDocument";
import { PUT_BREAKING_TYPE_EXPRESSIONS } from "../../components/decisions/oktaProfileMappings";
import { SCIM_PROVISIONING_ACTIONS, TO_APP_SWITCHES_OFF, TO_APP_SWITCHES_ON } from "../../components/decisions/oktaConsoleFacts";
import { SCIM_URL_UNKNOWN } from "../../components/decisions/handoff/scimAppPage";
import { ASSISTANT_SESSION_HOURS, DEFAULT_TICKET_TTL_SECONDS, MAX_TICKET_OPENS } from "../../components/decisions/selfService";
import { SCIM_ENTERPRISE_USER_URN, SCIM_CORE_USER_URN } from "../../components/decisions/scimNamespaces";
import { HOOLI_SCIM_URL, UMBRELLA_SCIM_URL, inputFor, tokenLookingValues } from "../handoff/fixtures";

const CALLBACKS = ["https://login.saasco.example/login/callback", "https://saasco.us.auth0.com/login/callback"];

function render(input: HandoffInput): { page: HandoffPageName; markdown: string } {
  const result = handoffDocument(input);
  if ("problem" in result) throw new Error(result.problem);
  return result;
}

/** A value an admin copies must stand alone on a line inside a fenced block. */
function inCodeBlock(markdown: string, value: string): boolean {
  const blocks = [...markdown.matchAll(/```text\n([\s\S]*?)\n\s*```/g)].map((m) => m[1].split("\n").map((l) => l.trim()));
  return blocks.some((lines) => lines.includes(value));
}

const umbrella = (): HandoffInput => ({ ...inputFor("okta-umbrella"), scimEndpointUrl: UMBRELLA_SCIM_URL });
const hooli = (): HandoffInput => ({ ...inputFor("okta-hooli"), scimEndpointUrl: HOOLI_SCIM_URL });
const withTwoGenerations = (input: HandoffInput): HandoffInput => ({ ...input, kind: "rotation", tokens: [...input.tokens, { generation: "2026-12", lifetimeSeconds: 7776000 }] });
const decommissioned = (input: HandoffInput): HandoffInput => ({ ...input, kind: "decommission", connection: { ...input.connection, decommission: true } });

describe("the page for each step of the example connections", () => {
  test("okta-initech (oidc-app): label, Authorization Code, both callback URLs exactly, the org's apps page", () => {
    const { page, markdown } = render(inputFor("okta-initech"));
    expect(page).toBe("oidc-app");
    expect(inCodeBlock(markdown, "SaaSCo - log in")).toBe(true);
    for (const url of CALLBACKS) expect(inCodeBlock(markdown, url)).toBe(true);
    expect(markdown).toContain("Authorization Code only");
    expect(markdown).toContain("Federation Broker Mode");
    expect(markdown).toContain("<https://initech-admin.okta.com/admin/apps/active>");
    expect(markdown).toContain("OIDC - OpenID Connect");
    expect(markdown).toContain("Web Application");
  });

  test("okta-umbrella (scim-app): SCIM URL, SWA app label and URL, userName, actions, To App switches, the three mappings", () => {
    const { page, markdown } = render(umbrella());
    expect(page).toBe("scim-app");
    expect(inCodeBlock(markdown, UMBRELLA_SCIM_URL)).toBe(true);
    expect(inCodeBlock(markdown, "SaaSCo - provisioning")).toBe(true);
    expect(inCodeBlock(markdown, "https://login.saasco.example")).toBe(true);
    expect(inCodeBlock(markdown, "userName")).toBe(true);
    for (const expression of PUT_BREAKING_TYPE_EXPRESSIONS) expect(inCodeBlock(markdown, expression)).toBe(true);
    for (const action of SCIM_PROVISIONING_ACTIONS) expect(markdown).toContain(`**${action}**`);
    for (const s of [...TO_APP_SWITCHES_ON, ...TO_APP_SWITCHES_OFF]) expect(markdown).toContain(`**${s}**`);
    expect(markdown).toContain("SWA - Secure Web Authentication");
    expect(markdown).toContain("**HTTP Header**");
    // The org is on okta-emea.com; the OIDC app's id is its client id.
    expect(markdown).toContain("<https://umbrella-corp-admin.okta-emea.com/admin/app/oidc_client/instance/0oa9umbR3lLaC0rp4x7z/#tab-assignments>");
    expect(markdown).toContain("Assign to Groups");
    expect(markdown).toContain("<https://umbrella-corp-admin.okta-emea.com/admin/tasks>");
  });

  test("scim-app without a known URL says the vendor fills it in and shows no SCIM URL", () => {
    const { markdown } = render(inputFor("okta-umbrella"));
    expect(markdown).toContain(SCIM_URL_UNKNOWN);
    expect(markdown).not.toMatch(/\/scim\/v2\/connections\//);
  });

  test("okta-hooli (live): the check page with the SCIM URL, userName and the three expressions", () => {
    const { page, markdown } = render(hooli());
    expect(page).toBe("live");
    expect(inCodeBlock(markdown, HOOLI_SCIM_URL)).toBe(true);
    expect(markdown).toContain("`userName`");
    for (const expression of PUT_BREAKING_TYPE_EXPRESSIONS) expect(inCodeBlock(markdown, expression)).toBe(true);
    expect(markdown).toContain("## Token rotation");
  });

  test("self-service: the ticket's life from the self-service constants", () => {
    const base = inputFor("okta-initech");
    const { page, markdown } = render({ ...base, connection: { ...base.connection, handoff: "selfService" } });
    expect(page).toBe("self-service");
    expect(markdown).toContain(`valid for ${DEFAULT_TICKET_TTL_SECONDS / 3600} hours`);
    expect(markdown).toContain(`at most ${MAX_TICKET_OPENS} times`);
    expect(markdown).toContain(`lasts ${ASSISTANT_SESSION_HOURS} hours`);
  });
});

describe("grant types and custom attributes follow the config", () => {
  test("refreshToken adds the Refresh Token grant", () => {
    const base = inputFor("okta-initech");
    const { markdown } = render({ ...base, connection: { ...base.connection, oidcApp: { ...base.connection.oidcApp, refreshToken: true } } });
    expect(markdown).toContain("Authorization Code and Refresh Token");
    expect(markdown).not.toContain("Authorization Code only");
  });

  test("no additional mappings: no attribute to add; additional mappings: external name and namespace of each", () => {
    expect(render(umbrella()).markdown).toContain("No custom attributes are needed");
    const base = umbrella();
    const { markdown } = render({
      ...base,
      connection: {
        ...base.connection,
        scim: {
          additionalMappings: [
            { auth0: "app_metadata.badge", scim: `${SCIM_ENTERPRISE_USER_URN}.badgeNumber` },
            { auth0: "app_metadata.im", scim: "ims[primary eq true].value" },
          ],
        },
      },
    });
    expect(markdown).not.toContain("No custom attributes are needed");
    expect(markdown).toContain(`| \`badgeNumber\` | \`${SCIM_ENTERPRISE_USER_URN}\` |`);
    expect(markdown).toContain(`| \`ims[primary eq true].value\` | \`${SCIM_CORE_USER_URN}\` |`);
  });
});

describe("rotation and decommission", () => {
  test("a rotation page only with two generations; it names both and never a token", () => {
    const one = { ...hooli(), kind: "rotation" as const };
    expect(handoffPageName(one)).toEqual({ problem: expect.stringContaining("needs two") });
    const { page, markdown } = render(withTwoGenerations(hooli()));
    expect(page).toBe("rotation");
    expect(markdown).toContain("`2026-09`");
    expect(markdown).toContain("`2026-12`");
    expect(markdown).toContain("Test Connector Configuration");
    expect(markdown).toContain("**Authorization** field");
  });

  test("no rotation while the connection waits for its OIDC app, nor for the self-service hand-off", () => {
    const initech = inputFor("okta-initech", "rotation");
    expect(handoffPageName({ ...initech, tokens: [{ generation: "a" }, { generation: "b" }] })).toEqual({ problem: expect.stringContaining("oidc-app") });
    const selfService = { ...withTwoGenerations(hooli()), connection: { ...hooli().connection, handoff: "selfService" as const, consoleStepsDone: false } };
    expect(handoffPageName(selfService)).toEqual({ problem: expect.stringContaining("self-service") });
  });

  test("decommission: only with decommission: true, and then only that page", () => {
    expect(handoffPageName({ ...hooli(), kind: "decommission" })).toEqual({ problem: expect.stringContaining("decommission: true") });
    const { page, markdown } = render(decommissioned(hooli()));
    expect(page).toBe("decommission");
    for (const s of TO_APP_SWITCHES_ON) expect(markdown).toContain(`**${s}**`);
    expect(markdown).toContain("Provisioning: **None**");
    expect(markdown).toContain("`SaaSCo - log in`");
    expect(markdown).toContain("`SaaSCo - provisioning`");
    expect(handoffPageName({ ...decommissioned(hooli()), kind: "onboarding" })).toEqual({ problem: expect.stringContaining("--kind decommission") });
  });
});

describe("no secret, deterministic", () => {
  const KNOWN_SECRET = "KNOWN-CLIENT-SECRET-must-never-appear";
  const every: [string, () => HandoffInput][] = [
    ["oidc-app", () => inputFor("okta-initech")],
    ["scim-app", umbrella],
    ["live", hooli],
    ["rotation", () => withTwoGenerations(hooli())],
    ["decommission", () => decommissioned(hooli())],
    ["self-service", () => ({ ...inputFor("okta-initech"), connection: { ...inputFor("okta-initech").connection, handoff: "selfService" as const } })],
  ];

  test.each(every)("%s: a client secret in the input never reaches the page, nor anything token-looking", (_name, make) => {
    const input = make();
    // As a caller passing the whole connection config would: the secret rides along in the object.
    const oidcApp = { ...input.connection.oidcApp, clientSecret: KNOWN_SECRET };
    const { markdown } = render({ ...input, connection: { ...input.connection, oidcApp } });
    expect(markdown).not.toContain(KNOWN_SECRET);
    expect(tokenLookingValues(markdown)).toEqual([]);
  });

  test.each(every)("%s: the same input gives the same page, without a date unless one is given", (_name, make) => {
    const a = render(make()).markdown;
    expect(render(make()).markdown).toBe(a);
    expect(a).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  test("a token's validUntil from the stack output is shown as given", () => {
    const input = hooli();
    const { markdown } = render({ ...input, tokens: [{ ...input.tokens[0], validUntil: "2027-01-15T10:00:00.000Z" }] });
    expect(markdown).toContain("It expires on 2027-01-15T10:00:00.000Z");
  });

  test("the token-looking detector itself finds a JWT-like and a long opaque value", () => {
    expect(tokenLookingValues("x eyJhbGciOiJIUzI1NiJ9.e30 y")).not.toEqual([]);
    expect(tokenLookingValues("Bearer Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNDU2Nzg")).not.toEqual([]);
  });
});
