// Generated stack config for the benchmark: N connections, each in its own Okta org (one provider
// per org, as when every business unit runs its own Okta org: the worst case for provider count, and
// the per-org API estimate then equals the per-connection estimate). The config must pass the
// project's own validation (config/load.ts), or the benchmark would measure an error path.
import type { RawConfig } from "../../config/load";
import { CONFIG_NAMESPACE } from "../../config/schema";
import { BASE_OKTA_TO_APP_MAPPINGS } from "../../components/decisions/oktaProfileMappings";
import { secretMarker, toRawConfig, type StackConfigValues } from "../../offline/stackFile";

export interface BenchShape {
  connections: number;
  /** Half referenced by id (no lookup), half by name (one okta.group.getGroup lookup each). */
  groups: number;
  customAttributes: number;
  additionalMappings: number;
}

export const ISSUE_SHAPE: Omit<BenchShape, "connections"> = { groups: 20, customAttributes: 10, additionalMappings: 5 };

export const BENCH_AUTH0_DOMAIN = "bench.eu.auth0.com";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** 00g + 17 characters, unique per (connection, group). */
export function benchGroupId(connection: number, group: number): string {
  return `00gBENCH${pad(connection, 6)}${pad(group, 6)}`;
}

function connectionEntry(shape: BenchShape, c: number): Record<string, unknown> {
  const attrs = Array.from({ length: shape.customAttributes }, (_, a) => `benchAttr${pad(a, 3)}`);
  return {
    name: `okta-bu-${pad(c, 4)}`,
    displayName: `Business unit ${c} (Okta Workforce)`,
    oktaOrg: `bu-${pad(c, 4)}`,
    enabledClients: ["BenchClient0000000000001"],
    oidcApp: { label: `Auth0 bench ${c} - log in` },
    // Phase 2 maps the SCIM app's captured attributes: the whole base list plus the custom ones.
    scimApp: { label: `Auth0 bench ${c} - provisioning`, url: `https://${BENCH_AUTH0_DOMAIN}`, attributes: [...BASE_OKTA_TO_APP_MAPPINGS.map((m) => m.id), ...attrs] },
    groups: Array.from({ length: shape.groups }, (_, g) => (g % 2 === 0 ? { id: benchGroupId(c, g) } : { name: `BU ${c} team ${g}` })),
    scim: {
      tokenScopes: ["get:users", "post:users", "put:users"],
      additionalMappings: Array.from({ length: shape.additionalMappings }, (_, m) => ({
        scim: `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.${attrs[m] ?? `benchExtra${m}`}`,
        auth0: `app_metadata.bench_attr_${pad(m, 3)}`,
      })),
    },
    customAttributes: attrs.map((index, a) => ({
      index,
      title: `Bench attribute ${a}`,
      type: "string",
      externalName: index,
      externalNamespace: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
      source: `user.${index}`,
    })),
    consoleStepsDone: true,
  };
}

/** The stack config values (as a Pulumi.<stack>.yaml would hold them; credentials as secure: markers) and which keys are secret. */
export function benchStackValues(shape: BenchShape): { values: StackConfigValues; secretKeys: string[] } {
  const ns = (key: string) => `${CONFIG_NAMESPACE}:${key}`;
  const indexes = Array.from({ length: shape.connections }, (_, i) => i + 1);
  return {
    values: {
      [ns("auth0")]: { domain: BENCH_AUTH0_DOMAIN, clientId: "BenchDeployClient0000001", clientSecret: secretMarker(`${ns("auth0")}.clientSecret`) },
      [ns("oktaOrgs")]: indexes.map((c) => ({ name: `bu-${pad(c, 4)}`, orgName: `bench-bu-${pad(c, 4)}`, apiToken: secretMarker(`${ns("oktaOrgs")}[${c}].apiToken`) })),
      [ns("connections")]: indexes.map((c) => connectionEntry(shape, c)),
    },
    secretKeys: [ns("auth0"), ns("oktaOrgs")],
  };
}

export function benchRawConfig(shape: BenchShape): RawConfig {
  const { values, secretKeys } = benchStackValues(shape);
  return toRawConfig(values, secretKeys);
}
