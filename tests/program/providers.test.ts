// Explicit providers: one for the Auth0 tenant, one per Okta org, one `pulumi-nodejs` provider for the
// SCIM token resources, and every resource uses the right one (default providers are disabled in the
// stack files, and that includes the default provider of dynamic resources).
import { parse } from "yaml";
import * as fs from "fs";
import * as path from "path";
import { runCommittedStack, ofType, T } from "../harness/committedStack";
import { REPO_ROOT } from "../harness/stackFile";

test.each(["dev", "prod"])("%s: default providers are disabled in the stack file", (stack) => {
  const doc = parse(fs.readFileSync(path.join(REPO_ROOT, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
  expect(doc.config["pulumi:disable-default-providers"]).toEqual(["*"]);
});

test.each(["dev", "prod"])("%s: every Auth0 and Okta resource names an explicit provider of its package, for its org", async (stack) => {
  const run = await runCommittedStack(stack);
  const cloud = run.registrations.filter((r) => r.type.startsWith("auth0:") || r.type.startsWith("okta:") || r.type.startsWith("pulumi-nodejs:"));
  expect(cloud.length).toBeGreaterThanOrEqual(8);
  for (const r of cloud) {
    const pkg = r.type.split(":")[0];
    expect(r.provider).toMatch(new RegExp(`[$:]pulumi:providers:${pkg}::`));
    if (pkg === "okta") {
      const connection = r.name.startsWith("okta-globex") ? "globex" : "acme";
      expect(r.provider).toContain(`::okta-${connection}::`);
    }
    expect(r.parent).toMatch(new RegExp(`^${T.component}::`));
  }
  for (const invoke of run.invokes) expect(invoke.provider).toMatch(/[$:]pulumi:providers:okta::/);
});

test("dev: one Okta provider per org, with its credentials as secrets and a rate-limit share", async () => {
  const run = await runCommittedStack("dev");
  const [acme, globex] = ofType(run, T.oktaProvider);
  expect(acme.inputs).toMatchObject({ orgName: "acme", baseUrl: "okta.com", maxApiCapacity: "50" });
  expect(acme.secretInputs).toEqual(["apiToken"]);
  expect(globex.inputs).toMatchObject({ orgName: "globex-corp", baseUrl: "okta-emea.com", clientId: "0oa8x2kq4rTbN5yV1d7" });
  expect(globex.secretInputs).toEqual(["privateKey"]);
  const [tenant] = ofType(run, T.auth0Provider);
  expect(tenant.inputs).toMatchObject({ domain: "acme-dev.eu.auth0.com" });
  expect(tenant.secretInputs).toEqual(["clientSecret"]);
});
