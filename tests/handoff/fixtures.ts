// Inputs of the hand-off pages from the committed example stack (Pulumi.customers.yaml), read the way
// `npm run handoff` reads it: secure values stand as markers, nothing is decrypted.
import { handoffInput } from "../../scripts/handoff/main";
import { loadStackConfigOffline } from "../../scripts/handoff/stackConfig";
import type { HandoffInput } from "../../components/decisions/handoffDocument";
import type { StackConfig } from "../../config/schema";
import { REPO_ROOT } from "../../offline/stackFile";

export const UMBRELLA_SCIM_URL = "https://saasco.us.auth0.com/scim/v2/connections/con_ExampleUmbrella1";
export const HOOLI_SCIM_URL = "https://saasco.us.auth0.com/scim/v2/connections/con_ExampleHooli0001";

export function customersConfig(): StackConfig {
  const loaded = loadStackConfigOffline("customers", REPO_ROOT);
  if ("error" in loaded) throw new Error(loaded.error);
  return loaded.config;
}

export function inputFor(connectionName: string, kind: HandoffInput["kind"] = "onboarding", config: StackConfig = customersConfig()): HandoffInput {
  const connection = config.connections.find((c) => c.name === connectionName);
  if (!connection) throw new Error(`no connection ${connectionName}`);
  return handoffInput(config, "customers", connection, kind);
}

/** Strings that look like a bearer token, a JWT or a client secret: none may appear on a page. */
export const TOKEN_LOOKING = [/eyJ[A-Za-z0-9_-]{8,}/, /[A-Za-z0-9+_=-]{32,}/, /SECRET-MARKER/, /secure:/, /v1:[A-Za-z0-9+/=]{8,}/];

export function tokenLookingValues(text: string): string[] {
  return TOKEN_LOOKING.flatMap((re) => text.match(new RegExp(re.source, "g")) ?? []);
}
