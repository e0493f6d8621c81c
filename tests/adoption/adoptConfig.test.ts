// connections[].adopt (config/schema.ts, config/adoptionRules.ts): id formats and the combinations an
// adoption refuses, each reported before anything is registered, naming the setting and the fix.
import { parseStackConfig } from "../../config/load";
import { formatConfigPath } from "../../config/paths";
import { cloneValues, readStackFile, toRawConfig, type StackConfigValues } from "../harness/stackFile";

type Json = Record<string, unknown>;
const conns = (v: StackConfigValues) => v["oktaScim:connections"] as Json[];
const CON = "con_A1b2C3d4E5f6G7h8";
const OIDC = "0oa1oidcAPPaaaaaaaaa";
const SWA = "0oa2swaAPPbbbbbbbbbb";

/** The dev stack in phase 1 with one token generation, then `mutate`; the problems as printed. */
function problems(mutate: (c: Json) => void): string[] {
  const { values, secretKeys } = readStackFile("dev");
  const copy = cloneValues(values);
  for (const c of conns(copy)) c.consoleStepsDone = false;
  mutate(conns(copy)[0]);
  const parsed = parseStackConfig(toRawConfig(copy, secretKeys));
  return "problems" in parsed ? parsed.problems.map((p) => `${formatConfigPath(p.path)}: ${p.message}`) : [];
}

test("a complete adopt block with the right id formats is accepted, and scimConfiguration defaults to imported", () => {
  expect(problems((c) => (c.adopt = { auth0ConnectionId: CON, oidcAppId: OIDC, scimAppId: SWA }))).toEqual([]);
  expect(problems((c) => (c.adopt = { auth0ConnectionId: CON, oidcAppId: OIDC, scimConfiguration: false }))).toEqual([]);
  expect(problems((c) => (c.adopt = { scimAppId: SWA }))).toEqual([]);
});

test("ids of the wrong shape are refused with where to read the right one", () => {
  const found = problems((c) => (c.adopt = { auth0ConnectionId: "okta-acme", oidcAppId: "0oaSHORT", scimAppId: "00g1k9x2b7QpR4sT6u8V" }));
  expect(found).toEqual([
    expect.stringMatching(/^oktaScim:connections\[0\]\.adopt\.auth0ConnectionId: must be an Auth0 connection id \(con_ \+ 16/),
    expect.stringMatching(/^oktaScim:connections\[0\]\.adopt\.oidcAppId: must be an Okta app id \(0oa \+ 17.*admin console URL/),
    expect.stringMatching(/^oktaScim:connections\[0\]\.adopt\.scimAppId: must be an Okta app id/),
  ]);
});

test("an unknown key in adopt is refused as a typo (tokens are never adopted)", () => {
  expect(problems((c) => (c.adopt = { auth0ConnectionId: CON, scimTokenId: "tok_1" }))).toEqual([
    "oktaScim:connections[0].adopt.scimTokenId: is not a known setting here (a typo?); remove or rename it",
  ]);
});

test("scimConfiguration without auth0ConnectionId, an empty block, and one app id for both apps are refused", () => {
  expect(problems((c) => (c.adopt = { scimConfiguration: true, scimAppId: SWA }))).toEqual([
    "oktaScim:connections[0].adopt.scimConfiguration: applies to an adopted Auth0 connection only; set adopt.auth0ConnectionId (the con_… id of the existing connection) or remove scimConfiguration",
  ]);
  expect(problems((c) => (c.adopt = {}))).toEqual([
    "oktaScim:connections[0].adopt: names nothing to adopt; give auth0ConnectionId, oidcAppId and/or scimAppId of the existing setup, or remove the adopt block",
  ]);
  expect(problems((c) => (c.adopt = { auth0ConnectionId: CON, oidcAppId: OIDC, scimAppId: OIDC }))).toEqual([
    expect.stringMatching(/^oktaScim:connections\[0\]\.adopt\.scimAppId: is the same app as adopt\.oidcAppId/),
  ]);
});

test("adoption together with consoleStepsDone: true is refused: adopt in phase 1 first", () => {
  const found = problems((c) => {
    c.adopt = { auth0ConnectionId: CON, oidcAppId: OIDC };
    c.consoleStepsDone = true;
  });
  expect(found).toEqual([expect.stringMatching(/^oktaScim:connections\[0\]\.adopt: cannot be combined with consoleStepsDone: true.*Adopt in phase 1/)]);
});

test("adoption together with decommission is refused: finish the adoption first", () => {
  const found = problems((c) => {
    c.adopt = { scimAppId: SWA };
    c.decommission = true;
  });
  expect(found).toEqual([expect.stringMatching(/^oktaScim:connections\[0\]\.adopt: cannot be combined with decommission: true.*Finish the adoption first/)]);
});

test("adoption together with manageProvisioningViaApi is refused", () => {
  const found = problems((c) => {
    c.adopt = { scimAppId: SWA };
    c.manageProvisioningViaApi = true;
  });
  expect(found).toEqual([expect.stringMatching(/^oktaScim:connections\[0\]\.adopt: cannot be combined with manageProvisioningViaApi/)]);
});

test("two token generations while adopting an existing SCIM configuration are refused (the hand-made token counts); fine when SCIM is created", () => {
  const twoGenerations = (c: Json) => ((c.scim as Json).tokens = [{ generation: "a" }, { generation: "b" }]);
  expect(
    problems((c) => {
      c.adopt = { auth0ConnectionId: CON, oidcAppId: OIDC };
      twoGenerations(c);
    }),
  ).toEqual([expect.stringMatching(/^oktaScim:connections\[0\]\.scim\.tokens: lists more than one generation while adopting.*two active tokens/)]);
  expect(
    problems((c) => {
      c.adopt = { auth0ConnectionId: CON, oidcAppId: OIDC, scimConfiguration: false };
      twoGenerations(c);
    }),
  ).toEqual([]);
});

test("the OIDC app and the connection are adopted together: the connection holds the app's secret, which Okta never returns on read", () => {
  expect(problems((c) => (c.adopt = { oidcAppId: OIDC }))).toEqual([
    expect.stringMatching(/^oktaScim:connections\[0\]\.adopt\.oidcAppId: needs adopt\.auth0ConnectionId too: Okta never returns an app's client secret/),
  ]);
  expect(problems((c) => (c.adopt = { auth0ConnectionId: CON }))).toEqual([
    expect.stringMatching(/^oktaScim:connections\[0\]\.adopt\.auth0ConnectionId: needs adopt\.oidcAppId too/),
  ]);
});
