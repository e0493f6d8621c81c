// For tests: what the mocked Auth0 and Okta "return": deterministic ids derived from resource names (so runs are
// byte-stable), plus the computed outputs the program reads. Never throws: a throwing mock makes
// Pulumi's `apply` hang instead of failing.
import { createHash } from "crypto";
import type * as pulumi from "@pulumi/pulumi";

/** What the mocked providers answer: the state of a new resource, and the result of a data-source call. */
export interface MockCloud {
  resourceState(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> };
  invoke(args: pulumi.runtime.MockCallArgs): Record<string, unknown>;
  /**
   * Recognises secret material among the values this cloud and the config markers produce, so objects
   * stored as secret can be shown with only those leaves hidden (see redactSecrets). Optional: without
   * it, a secret object is hidden whole.
   */
  isSecretLeaf?(leaf: unknown): boolean;
}

export function fakeId(prefix: string, seed: string, length = 17): string {
  const digest = createHash("sha256").update(seed).digest("base64").replace(/[^A-Za-z0-9]/g, "");
  return `${prefix}${digest.slice(0, length)}`;
}

/** Okta's app `name` for custom apps: the org name plus a slug of the label. */
function oktaAppName(label: unknown): string {
  return `acme_${String(label ?? "app").toLowerCase().replace(/[^a-z0-9]+/g, "")}_1`;
}

/** The value a mocked SCIM token resource returns: tests look for it in places it must not be. */
export function mockScimTokenValue(resourceName: string): string {
  return `MOCK-SCIM-TOKEN:${resourceName}`;
}

/** The clock of the mocked Auth0: a token's createdAt, and the base of its validUntil. */
export const MOCK_TOKEN_CREATED_AT = "2026-11-28T00:00:00.000Z";

export function mockOktaClientSecret(resourceName: string): string {
  return `MOCK-OKTA-CLIENT-SECRET:${resourceName}`;
}

export function mockResourceState(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
  const seed = `${args.type}::${args.name}`;
  const inputs = args.inputs as Record<string, unknown>;
  switch (args.type) {
    case "auth0:index/connection:Connection":
      return { id: fakeId("con_", seed, 16), state: { ...inputs } };
    case "pulumi-nodejs:dynamic/scimToken:ScimToken": {
      // What the project's token provider returns from create (components/scimToken/provider.ts).
      const lifetime = inputs.tokenLifetimeSeconds as number | undefined;
      const validUntil = lifetime === undefined ? null : new Date(Date.parse(MOCK_TOKEN_CREATED_AT) + lifetime * 1000).toISOString();
      const tokenId = fakeId("tok_", seed);
      return { id: tokenId, state: { ...inputs, tokenId, token: mockScimTokenValue(args.name), validUntil, createdAt: MOCK_TOKEN_CREATED_AT, lastUsedAt: null, expired: false } };
    }
    case "okta:app/oAuth:OAuth":
      return {
        id: fakeId("0oa", seed),
        state: { ...inputs, clientId: fakeId("0oa", `${seed}:client`), clientSecret: mockOktaClientSecret(args.name), name: "oidc_client" },
      };
    case "okta:app/autoLogin:AutoLogin":
      return { id: fakeId("0oa", seed), state: { ...inputs, name: oktaAppName(inputs.label) } };
    default:
      return { id: fakeId("id-", seed), state: { ...inputs } };
  }
}

export function mockInvoke(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
  const inputs = args.inputs as Record<string, unknown>;
  switch (args.token) {
    case "okta:group/getGroup:getGroup":
      return { ...inputs, id: fakeId("00g", `group:${String(inputs.name)}`) };
    case "okta:user/getUser:getUser": {
      // By id: that user, whose login is derived from the id; by login search: the user with that login.
      if (typeof inputs.userId === "string") return { ...inputs, id: inputs.userId, login: `user-${inputs.userId.toLowerCase()}@example.test` };
      const [search] = (inputs.searches as { value?: string }[] | undefined) ?? [];
      const login = String(search?.value);
      return { ...inputs, id: fakeId("00u", `user:${login.toLowerCase()}`), login };
    }
    case "okta:user/getUserType:getUserType":
      return { ...inputs, id: fakeId("oty", `usertype:${String(inputs.name)}`) };
    default:
      return { ...inputs };
  }
}

/** Deterministic fake ids, shaped like the real ones (con_…, 0oa…, 00g…), for tests. */
export const testCloud: MockCloud = { resourceState: mockResourceState, invoke: mockInvoke };
