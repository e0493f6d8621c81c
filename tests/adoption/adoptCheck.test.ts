// `pulumi preview --json | npm run -s adopt:check` (scripts/adoptCheck.ts): the gate of an adoption
// pull request, since Pulumi plans an import that differs from the config as import + update.
import { checkPreviewJson } from "../../scripts/adoptCheck";

const urn = (type: string, name: string) => `urn:pulumi:prod::oktaScim::oktaScim:index:OktaAuth0ScimIntegration$${type}::${name}`;
const json = (steps: unknown[]) => JSON.stringify({ steps });

test("imports and the new token's create pass", () => {
  const result = checkPreviewJson(
    json([
      { op: "create", urn: "urn:pulumi:prod::oktaScim::pulumi:pulumi:Stack::oktaScim-prod" },
      { op: "import", urn: urn("auth0:index/connection:Connection", "okta-acme-auth0-connection") },
      { op: "import", urn: urn("okta:app/user:User", "okta-acme-okta-scim-app-user-00u1") },
      { op: "create", urn: urn("pulumi-nodejs:dynamic/scimToken:ScimToken", "okta-acme-scim-token-adopted") },
    ]),
  );
  expect(result).toEqual({ code: 0, out: "only imports: 2 import(s), 1 new SCIM token(s); safe to `pulumi up`" });
});

test("an import followed by an update fails, naming the resource and the differing property", () => {
  const result = checkPreviewJson(
    json([
      { op: "import", urn: urn("okta:app/oAuth:OAuth", "okta-acme-okta-oidc-app") },
      { op: "update", urn: urn("okta:app/oAuth:OAuth", "okta-acme-okta-oidc-app"), diffReasons: ["label"], detailedDiff: { label: { kind: "update" } } },
    ]),
  );
  expect(result.code).toBe(1);
  expect(result.out).toMatch(/^NOT only imports: 1 other change\(s\); do not run `pulumi up`/);
  expect(result.out).toContain("  - update okta:app/oAuth:OAuth::okta-acme-okta-oidc-app [label]");
});

test("a replace, a delete, or a create of anything but a token fails", () => {
  for (const step of [
    { op: "replace", urn: urn("auth0:index/connection:Connection", "c") },
    { op: "delete", urn: urn("okta:app/user:User", "u") },
    { op: "create", urn: urn("okta:index/appGroupAssignments:AppGroupAssignments", "g") },
  ]) {
    expect(checkPreviewJson(json([{ op: "import", urn: urn("okta:app/oAuth:OAuth", "o") }, step])).code).toBe(1);
  }
});

test("a preview without imports, or not JSON, is not accepted", () => {
  expect(checkPreviewJson(json([{ op: "same", urn: urn("okta:app/oAuth:OAuth", "o") }]))).toEqual({ code: 1, out: "no import in this preview: is the adopt block in the stack's config?" });
  expect(checkPreviewJson("Previewing update (prod)").code).toBe(2);
});
