// What the sandbox's adoption step does to a stack's config, and how it judges `pulumi preview --json`
// of an adoption. Pure (tested in tests/sandbox/adoption.test.ts).
import { connectionsOf, customerOrgNames, firstDeploymentConfig, NAMESPACE } from "./plan";

type Config = Record<string, unknown>;
type Connection = Record<string, any>;

export const HANDMADE_SUFFIX = "handmade";
export const ADOPT_SUFFIX = "adopt";

/**
 * The "hand-made" setup: the stack's first connection in an org the stack administers, in phase 1,
 * under its own connection name and app labels (the main stack's objects stay in the stand-ins beside
 * it), one token generation. `index` is where that connection stood in `config` (its secrets' paths).
 * Undefined when every connection is in a customer's org: `adopt` is refused there (the customer's
 * admin made the Okta side, the stack holds no Okta credential to import it with).
 */
export function handmadeConfig(config: Config): { config: Config; connection: Connection; index: number } | undefined {
  const copy = firstDeploymentConfig(config);
  const customers = customerOrgNames(copy);
  const index = connectionsOf(copy).findIndex((c) => !customers.has(c.oktaOrg));
  const first = connectionsOf(copy)[index];
  if (!first) return undefined;
  const connection: Connection = structuredClone(first);
  connection.name = `${first.name}-${HANDMADE_SUFFIX}`;
  delete connection.key;
  delete connection.previousKeys;
  delete connection.adopt;
  connection.manageProvisioningViaApi = false;
  connection.oidcApp = { ...first.oidcApp, label: `${first.oidcApp.label} (${HANDMADE_SUFFIX})` };
  connection.scimApp = { ...first.scimApp, label: `${first.scimApp.label} (${HANDMADE_SUFFIX})` };
  connection.scim = { ...(first.scim ?? {}), tokens: [(first.scim?.tokens ?? [{ generation: "initial" }])[0]] };
  return { config: { ...copy, [`${NAMESPACE}:connections`]: [connection] }, connection, index };
}

export interface AdoptIds {
  auth0ConnectionId: string;
  oidcAppId: string;
  scimAppId: string;
}

/** The hand-made connection with its `adopt` block; `mismatch` changes the OIDC app's label too. */
export function adoptionConfig(handmade: Config, ids: AdoptIds, mismatch = false): Config {
  const copy = structuredClone(handmade);
  const [c] = connectionsOf(copy);
  c.adopt = { auth0ConnectionId: ids.auth0ConnectionId, oidcAppId: ids.oidcAppId, scimAppId: ids.scimAppId };
  if (mismatch) c.oidcApp = { ...c.oidcApp, label: `${c.oidcApp.label} renamed` };
  return copy;
}

export { adoptionPreview, type PreviewStep } from "../../offline/adoptionPreview";
