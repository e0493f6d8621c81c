// What the sandbox's adoption step does to a stack's config, and how it judges `pulumi preview --json`
// of an adoption. Pure (tested in tests/sandbox/adoption.test.ts).
import { TOKEN_TYPE } from "./context";
import { firstDeploymentConfig, keyOfUrn, NAMESPACE } from "./plan";

type Config = Record<string, unknown>;
type Connection = Record<string, any>;

export const HANDMADE_SUFFIX = "handmade";
export const ADOPT_SUFFIX = "adopt";

/**
 * The "hand-made" setup: the stack's first connection in phase 1 under its own connection name and
 * app labels (the main stack's objects stay in the stand-ins beside it), one token generation.
 */
export function handmadeConfig(config: Config): { config: Config; connection: Connection } {
  const copy = firstDeploymentConfig(config);
  const [first] = (copy[`${NAMESPACE}:connections`] ?? []) as Connection[];
  if (!first) throw new Error("the stack file declares no connection to adopt");
  const connection: Connection = structuredClone(first);
  connection.name = `${first.name}-${HANDMADE_SUFFIX}`;
  delete connection.key;
  delete connection.previousKeys;
  delete connection.adopt;
  connection.manageProvisioningViaApi = false;
  connection.oidcApp = { ...first.oidcApp, label: `${first.oidcApp.label} (${HANDMADE_SUFFIX})` };
  connection.scimApp = { ...first.scimApp, label: `${first.scimApp.label} (${HANDMADE_SUFFIX})` };
  connection.scim = { ...(first.scim ?? {}), tokens: [(first.scim?.tokens ?? [{ generation: "initial" }])[0]] };
  return { config: { ...copy, [`${NAMESPACE}:connections`]: [connection] }, connection };
}

export interface AdoptIds {
  auth0ConnectionId: string;
  oidcAppId: string;
  scimAppId: string;
}

/** The hand-made connection with its `adopt` block; `mismatch` changes the OIDC app's label too. */
export function adoptionConfig(handmade: Config, ids: AdoptIds, mismatch = false): Config {
  const copy = structuredClone(handmade);
  const [c] = copy[`${NAMESPACE}:connections`] as Connection[];
  c.adopt = { auth0ConnectionId: ids.auth0ConnectionId, oidcAppId: ids.oidcAppId, scimAppId: ids.scimAppId };
  if (mismatch) c.oidcApp = { ...c.oidcApp, label: `${c.oidcApp.label} renamed` };
  return copy;
}

export interface PreviewStep {
  op: string;
  urn: string;
  diffReasons?: string[];
  detailedDiff?: Record<string, unknown> | null;
}

/** What may be created next to an adoption: the stack, providers, the component, the new tokens. */
function creatableType(type: string): boolean {
  return type === "pulumi:pulumi:Stack" || type.startsWith("pulumi:providers:") || type === TOKEN_TYPE || type.startsWith("oktaScim:");
}

/** Ops of an adoption preview: imports, token creates, and anything else (which must be empty). */
export function adoptionPreview(steps: readonly PreviewStep[]): { imports: string[]; creates: string[]; unexpected: string[] } {
  const out = { imports: [] as string[], creates: [] as string[], unexpected: [] as string[] };
  for (const step of steps) {
    const key = keyOfUrn(step.urn);
    const type = key.split("::")[0];
    if (step.op === "same") continue;
    if (step.op === "import") out.imports.push(key);
    else if (step.op === "create" && creatableType(type)) {
      if (type === TOKEN_TYPE) out.creates.push(key);
    } else {
      // The detailed diff names the nested property (options.clientSecret), the reasons only the top level.
      const detailed = Object.keys(step.detailedDiff ?? {});
      const reasons = detailed.length > 0 ? detailed : (step.diffReasons ?? []);
      out.unexpected.push(`${step.op} ${key}${reasons.length > 0 ? ` [${reasons.join(", ")}]` : ""}`);
    }
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}
