import { consoleChecklistSteps } from "../../components/decisions/consoleChecklist";
import { checklistInput } from "./checklistFixture";
import { tokenGenerations, newestGeneration } from "../../components/decisions/tokenGenerations";

const base = checklistInput({
  oktaBaseUrl: "okta.com",
  tokenOutputName: "c-scim-token",
  consoleStepsDone: true,
  tokenGenerations: [
    { generation: "q1", outputName: "c-scim-token-q1" },
    { generation: "q2", outputName: "c-scim-token-q2" },
  ],
});

test("two generations: paste the newer token, then remove the older generation", () => {
  const steps = consoleChecklistSteps(base);
  expect(steps.map((s) => s.id)).toEqual(["O6-7", "O9-12", "O13-14", "ROTATE-1", "ROTATE-2", "PHASE-2", "VERIFY"]);
  const paste = steps.find((s) => s.id === "ROTATE-1")!;
  expect(paste.details.join("\n")).toContain("`pulumi stack output c-scim-token-q2 --show-secrets --stack staging`");
  expect(paste.link).toBe("https://acme-admin.okta.com/admin/app/acme_scim_1/instance/0oaSCIM/#tab-user-management");
  const remove = steps.find((s) => s.id === "ROTATE-2")!.details.join("\n");
  expect(remove).toContain("generation: q1 from oktaScim:connections[1].scim.tokens in Pulumi.staging.yaml");
  // The check that Okta switched reads last_used_at without a refresh that could recreate the old token.
  expect(remove).toContain("`npm run verify -- --stack staging --connection okta-acme`");
  expect(remove).not.toMatch(/Once `pulumi up --refresh/);
});

test("one generation: no rotation steps", () => {
  expect(consoleChecklistSteps({ ...base, tokenGenerations: base.tokenGenerations!.slice(0, 1) }).some((s) => s.id.startsWith("ROTATE"))).toBe(false);
});

test("with the provisioning API the new token is sent by the stack; the step is to test it", () => {
  const paste = consoleChecklistSteps({ ...base, manageProvisioningViaApi: true }).find((s) => s.id === "ROTATE-1")!;
  expect(paste.title).toMatch(/Check that Okta uses the new SCIM token/);
});

test("generations inherit the connection's scopes unless they set their own, normalised; the last is the newest", () => {
  const g = tokenGenerations([{ generation: "a" }, { generation: "b", scopes: ["put:users", "get:users", "post:users", "patch:users"], lifetimeSeconds: 901 }], ["post:users", "get:users", "put:users"]);
  expect(g).toEqual([
    { generation: "a", scopes: ["get:users", "post:users", "put:users"] },
    { generation: "b", scopes: ["get:users", "post:users", "put:users", "patch:users"], lifetimeSeconds: 901 },
  ]);
  expect(newestGeneration(g).generation).toBe("b");
});
