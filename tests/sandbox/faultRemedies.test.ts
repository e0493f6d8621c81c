// npm run faults' hand remedies (sandbox/faults/remedies.ts): they delete exactly what verify or the
// token's 409 names, read from the messages those tools print, and never an Okta app in use.
import { Auth0Tenant } from "../../sandbox/auth0/tenant";
import { OktaOrg } from "../../sandbox/okta/org";
import { leftoversNamedByVerify, removeLeftovers, strayConnectionAdoptions, tokensNamedByConflict } from "../../sandbox/faults/remedies";
import { oneAppPerLabelCheck } from "../../verify/checks/okta";
import { unrecordedTokensCheck } from "../../verify/checks/auth0";
import { likelyUnrecorded } from "../../components/scimToken/lifecycle";

function world() {
  const tenant = new Auth0Tenant("acme.eu.auth0.com", []);
  const id = tenant.seed({ name: "acme-workforce", scim: { tokens: [{}] } } as never);
  const ours = tenant.tokensOf(id)[0];
  const lost = tenant.newToken(ours.scopes, undefined);
  tenant.tokensOf(id).push(lost);
  const org = new OktaOrg("acme.okta.com", { apiToken: "t" });
  const scim = org.createApp({ signOnMode: "AUTO_LOGIN", label: "Auth0 provisioning" }, true);
  const stray = org.createApp({ signOnMode: "AUTO_LOGIN", label: "Auth0 provisioning" }, true);
  return { tenant, id, ours, lost, org, scim, stray };
}

/** verify's FAIL lines as the report prints them (status, check, detail), from the checks themselves. */
function verifyFailLines(w: ReturnType<typeof world>): string[] {
  const listed = [...w.org.apps.values()].map((a) => ({ id: a.id, label: a.label, status: a.status, created: a.created }));
  const tokens = w.tenant.tokensOf(w.id).map((t) => ({ token_id: t.token_id, created_at: t.created_at, valid_until: t.valid_until, last_used_at: t.last_used_at }));
  return [oneAppPerLabelCheck([{ id: w.scim.id, label: w.scim.label }], listed), unrecordedTokensCheck(tokens, [w.ours.token_id])]
    .filter((r) => r.status === "fail")
    .map((r) => `FAIL acme-workforce: ${r.name} ${r.detail}`);
}

test("the ids verify names are the leftovers, and removing them leaves the stack's own objects", () => {
  const w = world();
  const leftovers = leftoversNamedByVerify(verifyFailLines(w));
  expect(leftovers).toEqual({ oktaApps: [w.stray.id], tokens: [w.lost.token_id] });
  const { done, refused } = removeLeftovers(w.tenant, [w.org], leftovers);
  expect(done).toEqual([`deleted SCIM token ${w.lost.token_id}`, `deactivated and deleted Okta app ${w.stray.id}`]);
  expect(refused).toEqual([]);
  expect(w.tenant.tokensOf(w.id).map((t) => t.token_id)).toEqual([w.ours.token_id]);
  expect([...w.org.apps.keys()]).toEqual([w.scim.id]);
  expect(verifyFailLines(w)).toEqual([]);
});

test("an Okta app with an assignment is never deleted, even when named", () => {
  const w = world();
  const group = w.org.addGroup("Engineering");
  w.org.assignGroup(w.stray.id, group.id, undefined, {});
  const { done, refused } = removeLeftovers(w.tenant, [w.org], { oktaApps: [w.stray.id], tokens: [] });
  expect(done).toEqual([]);
  expect(refused).toEqual([`Okta app ${w.stray.id} has 1 assignment(s): not deleted`]);
  expect(w.org.apps.has(w.stray.id)).toBe(true);
});

test("the token ids a failed up names come from the 409's interrupted-run sentence only", () => {
  const w = world();
  const listed = w.tenant.tokensOf(w.id).map((t) => ({ tokenId: t.token_id, scopes: t.scopes, createdAt: t.created_at, validUntil: t.valid_until ?? null, lastUsedAt: t.last_used_at ?? null }));
  expect(likelyUnrecorded(listed, { scopes: w.ours.scopes }).map((t) => t.tokenId)).toEqual([w.ours.token_id, w.lost.token_id]);
  const output = [
    `    error: Could not create a SCIM token ... (409). Tokens ${w.ours.token_id} (created ${w.ours.created_at}, never used), ${w.lost.token_id} (created ${w.lost.created_at}, never used) have this generation's scopes and lifetime and no use: most likely left by an interrupted \`pulumi up\``,
    `    note: ${w.ours.token_id} (created x, never used) elsewhere is not a remedy`,
  ].join("\n");
  expect(tokensNamedByConflict(output)).toEqual([w.ours.token_id, w.lost.token_id]);
  expect(tokensNamedByConflict("error: the connection already has two active SCIM tokens")).toEqual([]);
});

test("a connection or SCIM configuration Auth0 holds but the state lacks gets the documented adopt block; one the state holds whole gets none", () => {
  const declared = [
    { name: "acme-workforce", oidcLabel: "Auth0 login" },
    { name: "globex", oidcLabel: "Globex login" },
  ];
  const state = [
    { type: "okta:app/oAuth:OAuth", outputs: { id: "0oaOidc1", label: "Auth0 login" } },
    { type: "okta:app/oAuth:OAuth", outputs: { id: "0oaOidc2", label: "Globex login" } },
    { type: "auth0:index/connection:Connection", outputs: { name: "globex" } },
    { type: "auth0:index/connectionScimConfiguration:ConnectionScimConfiguration", outputs: { connectionId: "con_globex" } },
  ];
  const atAuth0 = [
    { id: "con_lost", name: "acme-workforce", scimConfigured: false },
    { id: "con_globex", name: "globex", scimConfigured: true },
  ];
  expect(strayConnectionAdoptions(declared, state, atAuth0)).toEqual([{ name: "acme-workforce", adopt: { auth0ConnectionId: "con_lost", oidcAppId: "0oaOidc1", scimConfiguration: false } }]);
  expect(strayConnectionAdoptions(declared, state, [{ ...atAuth0[0], scimConfigured: true }])[0].adopt).toEqual({ auth0ConnectionId: "con_lost", oidcAppId: "0oaOidc1" });
  expect(strayConnectionAdoptions(declared, state.slice(1), atAuth0)).toEqual([]); // no OIDC app in the state: nothing to adopt with
  // The connection is in the state, its SCIM configuration (made, answer lost) is not: adopt imports it.
  const scimLost = strayConnectionAdoptions(declared, [...state, { type: "auth0:index/connection:Connection", outputs: { name: "acme-workforce" } }], [{ ...atAuth0[0], scimConfigured: true }, atAuth0[1]]);
  expect(scimLost).toEqual([{ name: "acme-workforce", adopt: { auth0ConnectionId: "con_lost", oidcAppId: "0oaOidc1" } }]);
  const whole = [...state, { type: "auth0:index/connection:Connection", outputs: { name: "acme-workforce" } }, { type: "auth0:index/connectionScimConfiguration:ConnectionScimConfiguration", outputs: { connectionId: "con_lost" } }];
  expect(strayConnectionAdoptions(declared, whole, [{ ...atAuth0[0], scimConfigured: true }, atAuth0[1]])).toEqual([]);
});
