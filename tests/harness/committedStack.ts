// Convenience around runProgram for the committed stack files, with an optional mutation of the
// config (deep-copied) for tests that change one setting.
import { cloneValues, readStackFile, toRawConfig, type StackConfigValues } from "./stackFile";
import { runProgram, type ProgramRun, type Registration } from "./runProgram";
import type { MockCloud } from "./mockCloud";

export interface CommittedStackOptions {
  mutate?: (values: StackConfigValues) => void;
  preview?: boolean;
  /** What the mocked providers answer (default: deterministic fake ids). */
  cloud?: MockCloud;
}

export async function runCommittedStack(stack: string, options: CommittedStackOptions = {}): Promise<ProgramRun> {
  const { values, secretKeys } = readStackFile(stack);
  const copy = cloneValues(values);
  options.mutate?.(copy);
  return runProgram(toRawConfig(copy, secretKeys), { stack, preview: options.preview, cloud: options.cloud });
}

/** The registrations of one type (optionally of one connection, by name prefix). */
export function ofType(run: ProgramRun, type: string, connection?: string): Registration[] {
  return run.registrations.filter((r) => r.type === type && (connection === undefined || r.name.startsWith(`${connection}-`)));
}

/** Exactly one registration of a type for a connection; fails the test otherwise. */
export function single(run: ProgramRun, type: string, connection: string): Registration {
  const found = ofType(run, type, connection);
  if (found.length !== 1) throw new Error(`expected one ${type} for ${connection}, found ${found.length}`);
  return found[0];
}

export const T = {
  auth0Provider: "pulumi:providers:auth0",
  oktaProvider: "pulumi:providers:okta",
  component: "oktaScim:index:OktaAuth0ScimIntegration",
  connection: "auth0:index/connection:Connection",
  connectionClients: "auth0:index/connectionClients:ConnectionClients",
  scimConfiguration: "auth0:index/connectionScimConfiguration:ConnectionScimConfiguration",
  /** The project's own SCIM token resource (components/scimToken), one per token generation. */
  scimToken: "pulumi-nodejs:dynamic/scimToken:ScimToken",
  dynamicProvider: "pulumi:providers:pulumi-nodejs",
  oidcApp: "okta:app/oAuth:OAuth",
  scimApp: "okta:app/autoLogin:AutoLogin",
  groupAssignments: "okta:index/appGroupAssignments:AppGroupAssignments",
  appUser: "okta:app/user:User",
  profileMapping: "okta:profile/mapping:Mapping",
  appUserSchemaProperty: "okta:index/appUserSchemaProperty:AppUserSchemaProperty",
  appConnection: "okta:app/connection:Connection",
  appFeatures: "okta:app/features:Features",
  pushGroup: "okta:index/pushGroup:PushGroup",
} as const;
