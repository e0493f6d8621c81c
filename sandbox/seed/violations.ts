// One seeded violation per mandatory policy of the pack, for `pulumi preview --policy-pack` on the real
// engine (sandbox step 1). The stack program stays as it is: sandbox/seed/program.ts runs it with one
// resource transform that changes the first resource of the policy's type the way a careless edit, a
// hand-written program or a provider default would. The stack config cannot express these (config
// validation refuses them), which is why the pack exists: it is the rule for programs that are not ours.
// Pure: tests/sandbox/seededViolations.test.ts runs each seed through its policy's rule.
import * as pulumi from "@pulumi/pulumi";

/** Type tokens of the resources the seeds change (policies/facts.ts TYPES; tests check they agree). */
export const SEED_TYPES = {
  auth0Connection: "auth0:index/connection:Connection",
  scimConfiguration: "auth0:index/connectionScimConfiguration:ConnectionScimConfiguration",
  scimToken: "pulumi-nodejs:dynamic/scimToken:ScimToken",
  oktaOidcApp: "okta:app/oAuth:OAuth",
  oktaAutoLoginApp: "okta:app/autoLogin:AutoLogin",
  oktaAppGroupAssignments: "okta:index/appGroupAssignments:AppGroupAssignments",
  oktaProfileMapping: "okta:profile/mapping:Mapping",
  oktaAppUserSchemaProperty: "okta:index/appUserSchemaProperty:AppUserSchemaProperty",
  oktaPushGroup: "okta:index/pushGroup:PushGroup",
} as const;

/** The environment variable sandbox/seed/program.ts reads: the policy whose violation to seed. */
export const SEED_ENV = "OKTASCIM_SANDBOX_SEED";

/** A scope outside the pack's default allow-list (Auth0 offers no such scope: nothing could grant it). */
export const SEEDED_SCOPE = "delete:everything";
/** An Okta group id no lookup returns: the SCIM app is assigned a group the OIDC app is not. */
export const SEEDED_GROUP_ID = "00gSEEDEDnotTheOidcAppsGroup";
/** A connection id no resource of the stack has: the extra token of the ownership seed names it. */
export const SEEDED_FOREIGN_CONNECTION_ID = "con_SEEDEDnotInThisStack";

export interface SeededViolation {
  /** The policy that must fail the preview. */
  policy: string;
  /** The resource type whose first resource is changed. */
  type: string;
  /** What the seed does, as the step reports it. */
  change: string;
  /** One input set to a literal (no dependency on what it was: the ownership seed needs exactly that). */
  set?: { key: string; value: unknown };
  /** One input changed from its value: `map` gets it plain (the transform applies it once known). */
  edit?: { key: string; map: (value: unknown) => unknown };
  /** The resource option changed instead. */
  protect?: false;
  /** Applies to every resource of its type, not the first only. */
  everyResource?: true;
  /** Only a stack that also declares this type can carry the seed (the policy judges the pair). */
  requires?: string;
  /**
   * Nothing changed: sandbox/seed/program.ts declares one more token, for a connection outside the
   * stack. (A transform cannot do it: the engine keeps the property dependencies the program's value
   * had, so a token whose connectionId is replaced still belongs to its connection.)
   */
  foreignToken?: true;
}

const list = (v: unknown) => (Array.isArray(v) ? v : []);

export const SEEDED_VIOLATIONS: readonly SeededViolation[] = [
  {
    policy: "auth0-okta-connection-sync-on-first-login",
    type: SEED_TYPES.auth0Connection,
    change: 'options.setUserRootAttributes "on_each_login" (the Auth0 default)',
    edit: { key: "options", map: (o) => ({ ...((o ?? {}) as object), setUserRootAttributes: "on_each_login" }) },
  },
  {
    policy: "auth0-connection-protected",
    type: SEED_TYPES.auth0Connection,
    change: "protect: false without the decommission marker",
    protect: false,
  },
  {
    policy: "auth0-scim-user-id-externalid",
    type: SEED_TYPES.scimConfiguration,
    change: 'userIdAttribute "userName"',
    set: { key: "userIdAttribute", value: "userName" },
  },
  {
    policy: "auth0-scim-token-scopes",
    type: SEED_TYPES.scimToken,
    change: `scope ${SEEDED_SCOPE} added`,
    edit: { key: "scopes", map: (s) => [...list(s), SEEDED_SCOPE] },
  },
  {
    policy: "auth0-scim-token-lifetime",
    type: SEED_TYPES.scimToken,
    // Not a lifetime above the maximum: the token resource itself refuses more than a year at preview.
    change: "tokenLifetimeSeconds removed (the token never expires)",
    set: { key: "tokenLifetimeSeconds", value: undefined },
  },
  {
    policy: "okta-oidc-app-auth0-login",
    type: SEED_TYPES.oktaOidcApp,
    change: "implicitAssignment: true (Federation Broker Mode)",
    set: { key: "implicitAssignment", value: true },
  },
  {
    policy: "okta-scim-app-hidden",
    type: SEED_TYPES.oktaAutoLoginApp,
    change: "hideWeb: false",
    set: { key: "hideWeb", value: false },
  },
  {
    policy: "okta-profile-mapping-no-type-mappings",
    type: SEED_TYPES.oktaProfileMapping,
    change: "deleteWhenAbsent: false",
    set: { key: "deleteWhenAbsent", value: false },
  },
  {
    policy: "okta-custom-attribute-scim-namespace",
    type: SEED_TYPES.oktaAppUserSchemaProperty,
    change: 'externalNamespace "urn:example:not-scim"',
    set: { key: "externalNamespace", value: "urn:example:not-scim" },
  },
  {
    policy: "okta-apps-same-assignments",
    type: SEED_TYPES.oktaAppGroupAssignments,
    change: `the first app's first assigned group replaced by ${SEEDED_GROUP_ID}`,
    edit: { key: "groups", map: (g) => list(g).map((x, i) => (i === 0 ? { ...(x as object), id: SEEDED_GROUP_ID } : x)) },
  },
  {
    policy: "auth0-scim-token-group-scopes-needed",
    type: SEED_TYPES.scimToken,
    change: "every token's *:groups scopes removed while groups are pushed",
    edit: { key: "scopes", map: (s) => list(s).filter((x) => !String(x).endsWith(":groups")) },
    everyResource: true,
    requires: SEED_TYPES.oktaPushGroup,
  },
  {
    policy: "auth0-scim-tokens-per-connection",
    type: SEED_TYPES.scimToken,
    change: `one more token, for ${SEEDED_FOREIGN_CONNECTION_ID} (a connection outside the stack)`,
    foreignToken: true,
  },
];

export function seededViolation(policy: string): SeededViolation {
  const found = SEEDED_VIOLATIONS.find((v) => v.policy === policy);
  if (!found) throw new Error(`${SEED_ENV}=${policy}: no seeded violation of that name (one of ${SEEDED_VIOLATIONS.map((v) => v.policy).join(", ")})`);
  return found;
}

/**
 * A transform that changes the first resource of the seed's type, and nothing else. The engine hands
 * a transform plain values (unknowns left out); an edit maps them directly, so that the value stays
 * known where it was (an Output built here would reach the pack as unknown during preview).
 */
export function seededTransform(violation: SeededViolation): pulumi.ResourceTransform {
  let done = false;
  return (args) => {
    if (violation.foreignToken || done || args.type !== violation.type) return undefined;
    done = violation.everyResource !== true;
    const props = { ...args.props };
    if (violation.set) props[violation.set.key] = violation.set.value;
    if (violation.edit) {
      const { key, map } = violation.edit;
      const value = args.props[key];
      props[key] = pulumi.Output.isInstance(value) ? (value as pulumi.Output<unknown>).apply(map) : map(value);
    }
    return { props, opts: violation.protect === false ? { ...args.opts, protect: false } : args.opts };
  };
}

/**
 * The seeds a stack can carry: those whose resource type its program declares. A stack in phase 1
 * (consoleStepsDone: false) has no profile mapping and no custom attribute yet, and a stack that pushes
 * no group has nothing for the group-scope policy to judge: the step says so instead of counting them as passed.
 */
export function seedsFor(declaredTypes: ReadonlySet<string>): { applicable: SeededViolation[]; absent: SeededViolation[] } {
  const carries = (v: SeededViolation) => lackingType(v, declaredTypes) === undefined;
  return { applicable: SEEDED_VIOLATIONS.filter(carries), absent: SEEDED_VIOLATIONS.filter((v) => !carries(v)) };
}

/** The resource type a stack lacks for the seed: its own, or the one it also requires; undefined when it has both. */
export function lackingType(violation: SeededViolation, declaredTypes: ReadonlySet<string>): string | undefined {
  if (!declaredTypes.has(violation.type)) return violation.type;
  return violation.requires !== undefined && !declaredTypes.has(violation.requires) ? violation.requires : undefined;
}
