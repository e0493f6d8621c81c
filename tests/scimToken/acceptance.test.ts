// Acceptance test against a REAL Auth0 tenant, skipped unless all four variables are set (the way
// terraform providers gate acceptance tests behind TF_ACC). It creates one token with a 901 s
// lifetime on the given connection, reads it back, deletes it, and checks it reads as gone.
//
//   AUTH0_DOMAIN=acme-dev.eu.auth0.com AUTH0_CLIENT_ID=… AUTH0_CLIENT_SECRET=… \
//   AUTH0_TEST_CONNECTION_ID=con_… npx jest tests/scimToken/acceptance.test.ts
//
// The connection must have SCIM enabled and at most one token already (Auth0 allows two); the client
// needs create:scim_token, read:scim_token and delete:scim_token. Never run it against a connection
// Okta provisions through in production: it only ever deletes the token it created, but it does use
// one of the two slots while it runs.
import { createScimToken, deleteScimToken, readScimToken } from "../../components/scimToken/lifecycle";
import { createTokenApi } from "../../components/scimToken/managementClient";
import { DEFAULT_RETRY_POLICY } from "../../components/scimToken/retry";

const env = {
  domain: process.env.AUTH0_DOMAIN,
  clientId: process.env.AUTH0_CLIENT_ID,
  clientSecret: process.env.AUTH0_CLIENT_SECRET,
  connectionId: process.env.AUTH0_TEST_CONNECTION_ID,
};
const configured = Object.values(env).every((v) => typeof v === "string" && v !== "");

(configured ? describe : describe.skip)("acceptance: real Auth0 tenant (AUTH0_* set)", () => {
  it("creates a token with a lifetime, reads it back, deletes it", async () => {
    const deps = {
      api: createTokenApi({ domain: env.domain!, clientId: env.clientId!, clientSecret: env.clientSecret! }),
      retry: DEFAULT_RETRY_POLICY,
      now: () => new Date(),
    };
    const target = { domain: env.domain!, connectionId: env.connectionId!, generation: "acceptance" };
    const created = await createScimToken(deps, target, { scopes: ["get:users"], tokenLifetimeSeconds: 901 });
    try {
      expect(created.token.length).toBeGreaterThan(10);
      expect(created.validUntil).not.toBeNull();
      const read = await readScimToken(deps, target, created.tokenId);
      expect(read?.tokenId).toBe(created.tokenId);
      expect(read?.validUntil).toBe(created.validUntil);
    } finally {
      await deleteScimToken(deps, target, created.tokenId);
    }
    expect(await readScimToken(deps, target, created.tokenId)).toBeUndefined();
  }, 120_000);
});
