// The sandbox's many-customers run, without the CLI: its flags, the stack it generates (valid, and
// under the offline mocks no Okta resource and no okta provider for any customer), the stand-ins'
// view of customers' orgs (no Okta stand-in, no credential generated), and its docs section.
import { parseSandboxArgs } from "../../sandbox/run/args";
import { customerOrgDomains, scaleClientId, withCustomerConnections, SCALE_CONNECTION_PREFIX } from "../../sandbox/run/scale";
import { connectionsOf, isWaitingCustomerConnection } from "../../sandbox/run/plan";
import { stackCredentials } from "../../sandbox/run/standIns";
import { missingSecretSettings } from "../../sandbox/run/secrets";
import { apiCallSection } from "../../sandbox/run/report";
import { readStackFile, secretMarker, toRawConfig } from "../../offline/stackFile";
import { runProgram } from "../../offline/runProgram";
import { readStackFileConfig } from "../../config/stackFile";
import { REPO_ROOT } from "../../offline/stackFile";

const gen = { rsaPrivateKeyPem: () => "unused", random: () => "generated" };

describe("flags", () => {
  test("--customers and --rate-limit parse; bad values and --steps with --customers are refused by name", () => {
    expect(parseSandboxArgs(["--stack", "customers", "--customers", "100", "--rate-limit", "essentials-professional"])).toMatchObject({ customers: 100, rateLimit: "essentials-professional" });
    expect(parseSandboxArgs(["--stack", "customers", "--customers", "0"])).toEqual({ error: expect.stringContaining("--customers needs a number from 1") });
    expect(parseSandboxArgs(["--stack", "customers", "--rate-limit", "gold"])).toEqual({ error: expect.stringContaining("--rate-limit needs one of free, essentials-professional") });
    expect(parseSandboxArgs(["--stack", "customers", "--customers", "5", "--steps", "1,2"])).toEqual({ error: expect.stringContaining("drop --steps") });
  });
});

describe("the generated stack", () => {
  test("100 more customers: valid, each at the scim-app step, and no Okta resource or provider for any customer", async () => {
    const { values, secretKeys } = readStackFile("customers");
    const scaled = withCustomerConnections(values, 100);
    const added = connectionsOf(scaled).filter((c) => String(c.name).startsWith(SCALE_CONNECTION_PREFIX));
    expect(added).toHaveLength(100);
    expect(new Set(added.map((c) => c.oidcApp.clientId)).size).toBe(100);
    expect(scaleClientId(7)).toMatch(/^0oa[A-Za-z0-9]{17}$/);
    connectionsOf(scaled).forEach((c, i) => {
      if (c.oidcApp?.clientSecret?.secure !== undefined) c.oidcApp.clientSecret = secretMarker(`connections[${i}].oidcApp.clientSecret`);
    });
    const run = await runProgram(toRawConfig(scaled, secretKeys), { stack: "customers" });
    expect(run.registrations.filter((r) => r.type === "pulumi:providers:okta").map((r) => r.name)).toEqual(["okta-saasco"]);
    const oktaUnderScale = run.registrations.filter((r) => r.type.startsWith("okta:") && r.parent?.includes(SCALE_CONNECTION_PREFIX));
    expect(oktaUnderScale).toEqual([]);
    expect(run.registrations.filter((r) => r.type === "auth0:index/connection:Connection")).toHaveLength(103);
    expect(run.invokes.filter((i) => i.token.startsWith("okta:") && !i.provider?.includes("okta-saasco"))).toEqual([]);
  }, 120_000);

  test("customers' orgs get no Okta stand-in and no generated credential; the waiting connection is known", () => {
    const config = withCustomerConnections(readStackFileConfig(REPO_ROOT, "customers")!, 3);
    expect(missingSecretSettings(config, gen).map((s) => s.path)).toEqual([]);
    const withSecrets = structuredClone(config);
    (withSecrets["oktaScim:auth0"] as Record<string, unknown>).clientSecret = "s";
    (withSecrets["oktaScim:oktaOrgs"] as Record<string, unknown>[])[0].apiToken = "t";
    expect(stackCredentials(withSecrets).orgs.map((o) => o.domain)).toEqual(["saasco.okta.com"]);
    expect(customerOrgDomains(config)).toEqual(["initech.okta.com", "umbrella-corp.okta-emea.com", "hooli.okta.com", "scale-customer-001.okta.com", "scale-customer-002.okta.com", "scale-customer-003.okta.com"]);
    expect(connectionsOf(config).filter((c) => isWaitingCustomerConnection(config, c)).map((c) => c.name)).toEqual(["okta-initech"]);
  });
});

test("the docs section of a many-customers run: per-connection calls, 429s and the plan it ran under", () => {
  const counts = new Map([["auth0 POST /api/v2/connections", 100], ["auth0 GET /api/v2/connections/{id}", 150]]);
  const section = apiCallSection("customers", [{ phase: "create (first up)", counts, seconds: 61, rateLimited: 40 }], "2026-12-06", {
    command: "npm run sandbox -- --stack customers --customers 100 --rate-limit essentials-professional",
    connections: 104,
    rateLimit: "the essentials-professional plan's Management API limit (burst 10, 150/minute)",
  });
  expect(section).toContain("### Stack `customers` with 104 connections");
  expect(section).toContain("| create (first up) | 250 | 0 | 250 | 2.4 | 40 | 61 |");
  expect(section).toContain("burst 10, 150/minute");
});
