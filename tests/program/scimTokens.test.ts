// SCIM token generations in the stack program, under mocks: the dev stack's expiring token, a
// rotation (two generations), the refused third generation, secret outputs, and the checklist steps
// that complete a rotation.
import * as pulumi from "@pulumi/pulumi";
import { runCommittedStack, ofType, T } from "../harness/committedStack";
import { ProgramFailure, type ProgramRun } from "../harness/runProgram";
import { SECRET_MARKER_PREFIX, type StackConfigValues } from "../harness/stackFile";
import { testCloud } from "../harness/mockCloud";
import { SCIM_TOKEN_KIND } from "../../components/scimToken/contract";
import { PROVIDER_TENANT_KEY } from "../../components/scimToken/credentials";

const NINETY_DAYS = 7776000;
type Conn = { scim: { tokens: unknown[] } };
const rotate = (v: StackConfigValues) => {
  (v["oktaScim:connections"] as Conn[])[0].scim.tokens.push({ generation: "2027-02", lifetimeSeconds: NINETY_DAYS });
};

interface ConnectionOutputs {
  consoleChecklist: string;
  scimTokens: { generation: string; tokenId: string; validUntil: string | null; lastUsedAt: string | null; expired: boolean; tokenOutput: string }[];
}

let dev: ProgramRun;
let rotation: ProgramRun;
beforeAll(async () => {
  dev = await runCommittedStack("dev");
  rotation = await runCommittedStack("dev", { mutate: rotate });
});

test.each(["okta-acme", "okta-globex"])("dev: %s declares one expiring token through the project's resource", (connection) => {
  const [token] = ofType(dev, T.scimToken, connection);
  expect(ofType(dev, T.scimToken, connection)).toHaveLength(1);
  expect(token.name).toBe(`${connection}-scim-token-2026-11`);
  expect(token.inputs).toMatchObject({ kind: SCIM_TOKEN_KIND, generation: "2026-11", tokenLifetimeSeconds: NINETY_DAYS, scopes: ["get:users", "post:users", "put:users"] });
  expect(token.inputs.connectionId).toMatch(/^con_/);
  expect(token.provider).toMatch(/[$:]pulumi:providers:pulumi-nodejs::scim-token-resources::/);
  // (It also waits for the connection's Okta assignments: tests/program/deleteSafety.test.ts, item 8.)
  expect(token.dependsOn).toContain(`${T.scimConfiguration}::${connection}-scim-configuration`);
  // The token names its tenant; no credential is a token input, nor inside the serialized provider.
  expect(token.inputs.domain).toBe("acme-dev.eu.auth0.com");
  expect(token.inputs).not.toHaveProperty("credentials");
  expect(JSON.stringify(token.inputs)).not.toContain(SECRET_MARKER_PREFIX);
  expect(ofType(dev, "auth0:index/connectionScimToken:ConnectionScimToken")).toHaveLength(0);
});

test("dev: one pulumi-nodejs provider serves every token and carries the tenant credentials, secret", () => {
  const providers = ofType(dev, T.dynamicProvider);
  expect(providers.map((r) => r.name)).toEqual(["scim-token-resources"]);
  // The token provider's `configure` reads this key (components/scimToken/credentials.ts).
  expect(providers[0].secretInputs).toEqual([PROVIDER_TENANT_KEY]);
  expect(JSON.parse(providers[0].inputs[PROVIDER_TENANT_KEY] as string)).toEqual({
    domain: "acme-dev.eu.auth0.com",
    clientId: expect.any(String),
    clientSecret: `${SECRET_MARKER_PREFIX}oktaScim:auth0.clientSecret`,
  });
});

test("dev: the connection output lists each token's id and validUntil (90 days after creation)", () => {
  const out = dev.resolved["okta-acme"] as ConnectionOutputs;
  expect(out.scimTokens).toEqual([
    { generation: "2026-11", tokenId: expect.stringMatching(/^tok_/), validUntil: "2027-02-26T00:00:00.000Z", lastUsedAt: null, expired: false, tokenOutput: "okta-acme-scim-token-2026-11" },
  ]);
});

test("a token a refresh saw expire is marked in the connection output", async () => {
  // The state after `pulumi refresh` of an expired token (components/scimToken/provider.ts read).
  const refreshed = await runCommittedStack("dev", {
    cloud: {
      ...testCloud,
      resourceState: (args) => {
        const answer = testCloud.resourceState(args);
        return args.type === T.scimToken ? { ...answer, state: { ...answer.state, expired: true } } : answer;
      },
    },
  });
  expect((refreshed.resolved["okta-acme"] as ConnectionOutputs).scimTokens.map((t) => t.expired)).toEqual([true]);
});

test("without scim.tokens: one default generation, no lifetime input, no expiry", async () => {
  const prod = await runCommittedStack("prod", { mutate: (v) => void delete (v["oktaScim:connections"] as { scim?: { tokens?: unknown } }[])[0].scim?.tokens });
  const [token] = ofType(prod, T.scimToken);
  expect(token.name).toBe("okta-acme-scim-token-initial");
  expect(token.inputs).not.toHaveProperty("tokenLifetimeSeconds");
  expect((prod.resolved["okta-acme"] as ConnectionOutputs).scimTokens[0].validUntil).toBeNull();
});

test("rotation: a second generation adds exactly one token and leaves the first untouched", () => {
  const names = (run: ProgramRun) => ofType(run, T.scimToken, "okta-acme").map((r) => r.name);
  expect(names(rotation)).toEqual(["okta-acme-scim-token-2026-11", "okta-acme-scim-token-2027-02"]);
  const first = (run: ProgramRun) => ofType(run, T.scimToken, "okta-acme")[0].inputs;
  expect(first(rotation)).toEqual(first(dev));
  expect(ofType(rotation, T.scimToken, "okta-globex")).toHaveLength(1);
});

test("rotation: the newer generation is created after the older one, never in parallel", () => {
  const [older, newer] = ofType(rotation, T.scimToken, "okta-acme");
  const tokens = (r: { dependsOn: string[] }) => r.dependsOn.filter((d) => d.startsWith(`${T.scimToken}::`));
  expect(older.dependsOn).toContain(`${T.scimConfiguration}::okta-acme-scim-configuration`);
  expect(tokens(older)).toEqual([]);
  expect(newer.dependsOn).toContain(`${T.scimConfiguration}::okta-acme-scim-configuration`);
  expect(tokens(newer)).toEqual([`${T.scimToken}::${older.name}`]);
});

test("rotation: the plain token output follows the newest generation; each generation keeps its own", () => {
  expect(rotation.resolved["okta-acme-scim-token"]).toBe("MOCK-SCIM-TOKEN:okta-acme-scim-token-2027-02");
  expect(rotation.resolved["okta-acme-scim-token-2026-11"]).toBe("MOCK-SCIM-TOKEN:okta-acme-scim-token-2026-11");
  expect(rotation.resolved["okta-acme-scim-token-2027-02"]).toBe("MOCK-SCIM-TOKEN:okta-acme-scim-token-2027-02");
});

test("rotation: removing the old generation afterwards leaves only the new token, under the same name", async () => {
  const after = await runCommittedStack("dev", {
    mutate: (v) => {
      rotate(v);
      (v["oktaScim:connections"] as Conn[])[0].scim.tokens.shift();
    },
  });
  expect(ofType(after, T.scimToken, "okta-acme").map((r) => r.name)).toEqual(["okta-acme-scim-token-2027-02"]);
});

test("rotation: the checklist says to paste the new token (with the command) and then remove the old generation", () => {
  const checklist = (rotation.resolved["okta-acme"] as ConnectionOutputs).consoleChecklist;
  expect(checklist).toContain(`[ROTATE-1] Paste the new SCIM token (generation "2027-02") into Okta's HTTP Header and Test Connection`);
  expect(checklist).toContain("`pulumi stack output okta-acme-scim-token-2027-02 --show-secrets --stack dev`");
  expect(checklist).toContain(`[ROTATE-2] Remove the old generation "2026-11"`);
  expect(checklist).toContain("oktaScim:connections[0].scim.tokens");
  expect(checklist).not.toContain("MOCK-SCIM-TOKEN");
  expect((dev.resolved["okta-acme"] as ConnectionOutputs).consoleChecklist).not.toContain("ROTATE");
});

test("a third generation is refused by validation before anything is registered", async () => {
  const failure = await runCommittedStack("dev", {
    mutate: (v) => {
      rotate(v);
      (v["oktaScim:connections"] as Conn[])[0].scim.tokens.push({ generation: "2027-05" });
    },
  }).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(ProgramFailure);
  expect((failure as ProgramFailure).registrations).toEqual([]);
  expect((failure as Error).message).toContain("oktaScim:connections[0].scim.tokens: lists 3 generations; Auth0 allows two active tokens per connection");
});

test("every token output is secret; the connection outputs stay plain and hold no token", async () => {
  for (const name of ["okta-acme-scim-token", "okta-acme-scim-token-2026-11", "okta-acme-scim-token-2027-02"]) {
    expect(await pulumi.isSecret(rotation.outputs[name])).toBe(true);
  }
  expect(await pulumi.isSecret(rotation.outputs["okta-acme"])).toBe(false);
  expect(JSON.stringify(rotation.resolved["okta-acme"])).not.toContain("MOCK-SCIM-TOKEN");
});
