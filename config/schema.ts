// The one schema of the stack config (namespace `oktaScim`). Everything the program reads from
// `Pulumi.<stack>.yaml` is described here; unknown keys are refused because in a reviewed config file
// an unknown key is almost always a typo that would otherwise be silently ignored.
import { z } from "zod";
import {
  ALL_SCIM_TOKEN_SCOPES,
  DEFAULT_SCIM_TOKEN_SCOPES,
} from "../components/decisions/tokenScopes";
import { SCIM_NAMESPACES } from "../components/decisions/scimNamespaces";
import { DEFAULT_TOKEN_GENERATION } from "../components/decisions/tokenGenerations";
import { CATALOG_SCIM_APP_DISPLAY_NAME, SCIM_APP_KINDS } from "../components/decisions/scimAppKind";

/** Keys of the stack config, as written in `Pulumi.<stack>.yaml` (`oktaScim:<key>`). */
export const CONFIG_NAMESPACE = "oktaScim";

/** Fields whose values are credentials: they must be `secure:` in the stack file and are never printed. */
export const SECRET_FIELDS = ["clientSecret", "apiToken", "privateKey"] as const;

/** Who administers an Okta org: the stack (with its API credentials), or a customer (Auth0 half only). */
export const ORG_ADMINISTRATORS = ["stack", "customer"] as const;

/** How a customer connection's Okta admin is told what to do (docs/customer-orgs.md). */
export const HANDOFF_KINDS = ["document", "selfService"] as const;

const OKTA_BASE_URLS = ["okta.com", "oktapreview.com", "okta-emea.com", "okta-gov.com", "okta.mil"] as const;

// DNS label rules, lower case: what Auth0 and Okta accept in the host names we build URLs from.
const hostname = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "must be a lower-case host name without scheme or path, for example acme.eu.auth0.com",
  );

const auth0TenantDomain = hostname.refine((d) => /\.auth0\.com$/.test(d), {
  message: "must be the tenant's own domain ending in .auth0.com (put a custom domain in customDomain)",
});

const httpsUrl = z
  .string()
  .url("must be a full URL, for example https://example.com")
  .refine((u) => u.startsWith("https://"), { message: "must use https://" });

const secretString = z.string().min(1, "must not be empty");

const catalogAppId = z
  .string()
  .regex(/^0oa[A-Za-z0-9]{17}$/, "must be an Okta app id (0oa + 17 letters or digits), as the catalog app's admin console URL shows: …/instance/<id>/");

/**
 * Issue 21 item 6: the self-service profile the stack declares (auth0.SelfServiceProfile), used by
 * `npm run sso-ticket` for connections with `handoff: selfService`. Bounds from Auth0's "Manage
 * Self-Service Enterprise Configuration" (name <= 100, description <= 140, at most 20 attributes).
 */
export const selfServiceProfileSchema = z
  .strictObject({
    name: z.string().min(1, "must not be empty").max(100, "must be at most 100 characters (Auth0's limit)"),
    description: z.string().min(1, "must not be empty").max(140, "must be at most 140 characters (Auth0's limit)").optional(),
    // Okta Workforce only: the connections this project declares are okta-strategy connections.
    allowedStrategies: z.array(z.literal("okta", { error: "only okta is supported: the connections this stack declares use the okta strategy" })).length(1, "must be [okta]").default(["okta"]),
    userAttributes: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(255),
          description: z.string().min(1).max(255),
          isOptional: z.boolean(),
        }),
      )
      .max(20, "must list at most 20 attributes (Auth0's limit)")
      .optional()
      .describe("Attributes the customer's admin is asked to map in Okta during the self-service flow."),
  })
  .describe("The self-service profile (Auth0 Self-Service Enterprise Configuration) for connections with handoff: selfService.");

export const auth0TenantSchema = z.strictObject({
  domain: auth0TenantDomain.describe("The tenant domain (`acme-dev.eu.auth0.com`): Management API, SCIM endpoint."),
  customDomain: hostname.optional().describe("Optional custom domain users log in through: used for the Okta redirect URI."),
  clientId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "must be an Auth0 client id (16-64 letters, digits, - or _)").describe("Client id of the machine-to-machine app Pulumi deploys with."),
  clientSecret: secretString,
  selfServiceProfile: selfServiceProfileSchema.optional(),
});

export const oktaOrgSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, "must be a short lower-case key (a-z, 0-9, -)").describe("How connections refer to this org."),
    orgName: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be the Okta org name, the first label of its domain (acme in acme.okta.com)").describe("`acme` in acme.okta.com."),
    baseUrl: z.enum(OKTA_BASE_URLS).default("okta.com"),
    apiToken: secretString.optional().describe("SSWS API token; or use clientId + privateKeyId + privateKey (OAuth service app)."),
    clientId: z.string().min(1).optional(),
    privateKeyId: z.string().min(1).optional(),
    privateKey: secretString.optional(),
    administeredBy: z
      .enum(ORG_ADMINISTRATORS)
      .default("stack")
      .describe(
        "Who administers this Okta org: `stack` (default: the stack holds an API token and creates the Okta apps) or `customer` (a customer's org: no credentials, the stack declares only the Auth0 half and `npm run handoff` writes what their admin does; docs/customer-orgs.md).",
      ),
    maxApiCapacity: z.number().int().min(1).max(100).optional().describe("Share of the org's rate limit the provider may use (1-100, default 50)."),
    defaultUserTypeId: z
      .string()
      .regex(/^oty[A-Za-z0-9]{17}$/, "must be an Okta user type id (oty + 17 characters)")
      .optional()
      .describe("Id of the org's default user type (GET /api/v1/meta/types/user, name \"user\"): saves the lookup phase 2 otherwise makes at every preview."),
  })
  .superRefine((org, ctx) => {
    if (org.administeredBy === "customer") {
      // The customer's admin holds the org's credentials; the stack never calls Okta for it.
      for (const key of ["apiToken", "clientId", "privateKeyId", "privateKey", "maxApiCapacity", "defaultUserTypeId"] as const) {
        if (org[key] !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "is not used for an org administeredBy: customer (the stack never calls that org's Okta API; its admin does the Okta side from the hand-off); remove it",
          });
        }
      }
      return;
    }
    const oauth = org.clientId !== undefined || org.privateKey !== undefined || org.privateKeyId !== undefined;
    if (org.apiToken !== undefined && oauth) {
      ctx.addIssue({ code: "custom", path: ["apiToken"], message: "set either apiToken or clientId + privateKeyId + privateKey, not both" });
    } else if (org.apiToken === undefined && !oauth) {
      ctx.addIssue({ code: "custom", path: ["apiToken"], message: "is required (or clientId + privateKeyId + privateKey for an OAuth service app)" });
    } else if (oauth) {
      for (const key of ["clientId", "privateKeyId", "privateKey"] as const) {
        if (org[key] === undefined) {
          ctx.addIssue({ code: "custom", path: [key], message: "is required when the org uses OAuth service-app credentials" });
        }
      }
    }
  });

const groupRef = z.union(
  [
    z.strictObject({ id: z.string().regex(/^00g[A-Za-z0-9]{17}$/, "must be an Okta group id (00g + 17 characters)") }),
    z.strictObject({ name: z.string().min(1, "must not be empty") }),
  ],
  { error: "must be { id: 00g… } or { name: <group name> }" },
);

const userRef = z.union(
  [
    z.strictObject({ id: z.string().regex(/^00u[A-Za-z0-9]{17}$/, "must be an Okta user id (00u + 17 characters)") }),
    z.strictObject({ login: z.string().min(3).includes("@", { message: "must be an Okta login (an email-like name)" }) }),
  ],
  { error: "must be { id: 00u… } or { login: <okta login> }" },
);

const scimMappingSchema = z.strictObject({
  auth0: z.string().regex(/^[a-z_][a-zA-Z0-9_.]*$/, "must be an Auth0 profile path such as app_metadata.cost_center").describe("Auth0 user attribute, for example app_metadata.cost_center."),
  scim: z.string().min(1, "must not be empty").describe("SCIM attribute path, for example urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.badgeNumber."),
});

const customAttributeSchema = z.strictObject({
  index: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, "must be an Okta variable name (letters, digits, _)").describe("The Okta app-user attribute name (variable name in the profile editor)."),
  title: z.string().min(1),
  description: z.string().optional(),
  type: z.enum(["string", "boolean", "number", "integer"]).default("string"),
  externalName: z.string().regex(/^[a-zA-Z][a-zA-Z0-9.]*$/, "must be a SCIM attribute name such as costCenter").describe("The SCIM attribute name Okta sends."),
  externalNamespace: z.enum(SCIM_NAMESPACES).default("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
  source: z.string().min(1).describe("Okta expression that fills the attribute, for example user.costCenter."),
});

/**
 * One SCIM token generation. Bounds of `lifetimeSeconds` (more than 900, at most a year) and the
 * at-most-two rule are checked in crossFieldRules.ts, with messages that say how to rotate.
 */
const tokenGenerationSchema = z.strictObject({
  generation: z
    .string()
    .regex(/^[a-z0-9](-?[a-z0-9]){0,39}$/, "must be a short lower-case name (a-z, 0-9, single hyphens), for example 2026-11")
    .describe("Names the token resource and its stack output; fixed for the token's life (2026-11, q1, initial)."),
  lifetimeSeconds: z
    .number()
    .int("must be a whole number of seconds")
    .optional()
    .describe("Seconds until the token expires: more than 900, at most 31536000 (one year); absent = no expiry. 90 days = 7776000."),
  scopes: z.array(z.enum(ALL_SCIM_TOKEN_SCOPES)).optional().describe("Defaults to scim.tokenScopes; must include get:users, post:users, put:users."),
});

/**
 * Adoption of a connection set up by hand (docs/adopting-an-existing-setup.md): the ids of what
 * already exists. Each one makes the program declare that resource with Pulumi's `import` option, so
 * `pulumi up` takes it over instead of creating a second one. SCIM tokens are never adopted: the
 * generation(s) in scim.tokens are created new, and the hand-made token is retired by the admin.
 * Cross-field rules (phase 1 only, scimConfiguration needs auth0ConnectionId, one token generation)
 * live in config/adoptionRules.ts.
 */
const adoptSchema = z
  .strictObject({
    auth0ConnectionId: z
      .string()
      .regex(/^con_[A-Za-z0-9]{16}$/, "must be an Auth0 connection id (con_ + 16 letters or digits), as the dashboard shows under the connection's name")
      .optional()
      .describe("Id of the existing Auth0 connection (con_…): the connection and its enabled clients are imported, never recreated (a new connection would have none of its users)."),
    scimConfiguration: z
      .boolean()
      .optional()
      .describe("Whether SCIM is already on for that connection: true (the default when auth0ConnectionId is set) imports its SCIM configuration; false creates it."),
    oidcAppId: z
      .string()
      .regex(/^0oa[A-Za-z0-9]{17}$/, "must be an Okta app id (0oa + 17 letters or digits), as the admin console URL shows: …/admin/app/oidc_client/instance/<id>/")
      .optional()
      .describe("Id of the existing Okta OIDC log-in app (0oa…): the app, its group assignments and the configured users' assignments are imported."),
    scimAppId: z
      .string()
      .regex(/^0oa[A-Za-z0-9]{17}$/, "must be an Okta app id (0oa + 17 letters or digits), as the admin console URL shows: …/admin/app/<app name>/instance/<id>/")
      .optional()
      .describe("Id of the existing Okta SWA provisioning app (0oa…): the app, its group assignments and the configured users' assignments are imported."),
  })
  .describe(
    "Take over a setup made by hand (docs/adopting-an-existing-setup.md): ids of the existing Auth0 connection and Okta apps, imported by the next `pulumi up` instead of created. Phase 1 only; SCIM tokens are never imported. Remove the block once the import is applied.",
  );

// The resource-name key of a connection: the same alphabet as an Auth0 connection name.
const connectionKey = z
  .string()
  .regex(/^[a-zA-Z0-9](-?[a-zA-Z0-9]){0,127}$/, "must be letters and digits separated by single hyphens");

export const connectionSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-zA-Z0-9](-?[a-zA-Z0-9]){0,127}$/, "must be letters and digits separated by single hyphens (Auth0 connection name)")
    // `<name>-scim-token[-<generation>]` are the stack outputs holding tokens: a connection named like one would overwrite it.
    .refine((n) => !/-scim-token(-|$)/.test(n), { message: "must not contain -scim-token (reserved for the token outputs <connection>-scim-token…)" }).describe("The Auth0 connection name. Fixed: renaming replaces the connection, which deletes its users."),
  key: connectionKey
    .optional()
    .describe("Stable key the Pulumi resource names derive from; defaults to `name`. Keep it when renaming the Auth0 connection so the Okta apps keep their identity."),
  previousKeys: z
    .array(connectionKey)
    .default([])
    .describe("Keys this connection had before: its resources are found under them (Pulumi aliases) instead of being replaced."),
  displayName: z.string().min(1).max(128).optional(),
  oktaOrg: z.string().min(1).describe("`name` of an entry of oktaScim:oktaOrgs."),
  enabledClients: z.array(z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "must be an Auth0 client id")).default([]).describe("Auth0 applications (client ids) that may use the connection; this list is owned by the stack."),
  scopes: z.array(z.string().regex(/^[\x21-\x7e]+$/, "must be a scope name without spaces")).min(1, "must list at least one scope (the provider refuses an empty list)").default(["openid", "profile", "email"]).describe("OIDC scopes Auth0 asks Okta for at login."),
  domainAliases: z.array(hostname).default([]),
  protect: z
    .boolean()
    .optional()
    .describe("`protect` the Auth0 connection (default true): deleting it deletes every user in it. Only `decommission: true` unprotects it; `false` alone is refused."),
  decommission: z
    .boolean()
    .default(false)
    .describe(
      "Step 1 of removing this connection (docs/day-2-operations.md, Teardown): its SCIM tokens are deleted (Okta loses access), the Auth0 connection is unprotected and marked in its metadata. Step 2 removes the connection from config, which deletes it and its users. Back to false re-protects it and creates new tokens.",
    ),
  oidcApp: z.strictObject({
    label: z.string().min(1).max(100),
    refreshToken: z.boolean().default(false).describe("Add the refresh_token grant to the OIDC app."),
    clientId: z
      .string()
      .regex(/^0oa[A-Za-z0-9]{17}$/, "must be an Okta OIDC client id (0oa + 17 letters or digits), as the app's General tab shows it")
      .optional()
      .describe("Customer orgs only: the client id of the OIDC app the customer's admin created and sent back; with clientSecret. Absent = the connection waits for it and declares nothing."),
    clientSecret: secretString.optional().describe("Customer orgs only (secure): that app's client secret."),
  }),
  scimApp: z.strictObject({
    kind: z
      .enum(SCIM_APP_KINDS)
      .optional()
      .describe(
        `custom (absent): the SWA app this stack creates. catalog: Okta's catalog app "${CATALOG_SCIM_APP_DISPLAY_NAME}" (Auth0's guide since 2026-06), which an Okta admin adds and appId names; the stack never creates or deletes it (docs/catalog-app.md).`,
      ),
    label: z.string().min(1).max(100),
    url: httpsUrl.optional().describe("custom only, and required there: the SWA app's login page URL (the tenant's log-in domain)."),
    appId: catalogAppId.optional().describe("catalog only, and required there: the id of the catalog app the Okta admin added."),
    movingTo: z
      .strictObject({ appId: catalogAppId.describe("The id of the catalog app the Okta admin added.") })
      .optional()
      .describe("custom only: the connection is moving to this catalog app. Both apps are assigned the same people until the move's second change (docs/catalog-app.md)."),
    attributes: z
      .array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, "must be an Okta app attribute (variable) name"))
      .optional()
      .describe(
        "The SCIM app's user-schema attribute names, as `npm run verify -- --capture-app-schema` prints them (reviewed, committed). Phase 2 maps exactly these; required once consoleStepsDone is true.",
      ),
  }),
  groups: z.array(groupRef).default([]).describe("Assigned to BOTH Okta apps: the log-in app and the provisioning app always see the same people."),
  users: z.array(userRef).default([]),
  scim: z
    .strictObject({
      tokenScopes: z.array(z.enum(ALL_SCIM_TOKEN_SCOPES)).default([...DEFAULT_SCIM_TOKEN_SCOPES]),
      additionalMappings: z.array(scimMappingSchema).default([]).describe("Added to Auth0's default okta mappings (which are always stated, see components/decisions/scimMappings.ts)."),
      mappingOverrides: z
        .array(scimMappingSchema)
        .default([])
        .describe(
          "Reads a default mapping's Auth0 attribute from another SCIM path, e.g. { auth0: app_metadata.city, scim: addresses[primary eq true].locality } when `npm run verify -- --write` reports the address DROPPED (docs/scim-mappings.md).",
        ),
      tokens: z
        .array(tokenGenerationSchema)
        .default([{ generation: DEFAULT_TOKEN_GENERATION }])
        .describe("SCIM token generations, oldest first, at most two; the last is the one Okta should use. Rotate by adding one, pasting its token into Okta, then removing the old one."),
      groups: z
        .array(groupRef)
        .default([])
        .describe(
          "Okta groups pushed to Auth0 as SCIM groups (Group Push), each one of `groups`. Declared in phase 2; the newest token generation needs the five *:groups scopes. See docs/group-provisioning.md.",
        ),
    })
    .default({ tokenScopes: [...DEFAULT_SCIM_TOKEN_SCOPES], additionalMappings: [], mappingOverrides: [], tokens: [{ generation: DEFAULT_TOKEN_GENERATION }], groups: [] }),
  customAttributes: z.array(customAttributeSchema).default([]),
  omitBaseMappings: z
    .array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, "must be an Okta app attribute (variable) name"))
    .default([])
    .describe("Attributes of the SCIM app (scimApp.attributes) to leave unmapped in phase 2; see components/decisions/oktaProfileMappings.ts."),
  consoleStepsDone: z
    .boolean()
    .default(false)
    .describe("Phase switch: true once an Okta admin has done the console checklist (provisioning on, SCIM connection, To App settings). Only then are the profile mapping and app attributes declared."),
  adopt: adoptSchema.optional(),
  handoff: z
    .enum(HANDOFF_KINDS)
    .optional()
    .describe(
      "Customer orgs only: how their Okta admin gets the setup. document (default): `npm run handoff` writes a Markdown page; selfService: Auth0's guided assistant through `npm run sso-ticket` (needs auth0.selfServiceProfile). See docs/customer-orgs.md.",
    ),
  manageProvisioningViaApi: z
    .union([z.boolean(), z.literal("deactivate")])
    .default(false)
    .describe("Opt-in: declare okta.app.Connection / okta.app.Features instead of the console steps (Okta refuses them for most custom apps). \"deactivate\" switches them off; only then may they be removed (false)."),
});

export const stackConfigSchema = z.strictObject({
  auth0: auth0TenantSchema,
  oktaOrgs: z.array(oktaOrgSchema).min(1, "must declare at least one Okta org"),
  connections: z.array(connectionSchema).min(1, "must declare at least one connection"),
});

export type StackConfig = z.infer<typeof stackConfigSchema>;
export type Auth0TenantConfig = StackConfig["auth0"];
export type OktaOrgConfig = StackConfig["oktaOrgs"][number];
export type ConnectionConfig = StackConfig["connections"][number];
export type CustomAttributeConfig = ConnectionConfig["customAttributes"][number];
export type ScimMapping = z.infer<typeof scimMappingSchema>;
export type TokenGenerationSetting = z.infer<typeof tokenGenerationSchema>;
export type GroupRef = ConnectionConfig["groups"][number];
export type UserRef = ConnectionConfig["users"][number];
export type AdoptConfig = NonNullable<ConnectionConfig["adopt"]>;
export type SelfServiceProfileConfig = z.infer<typeof selfServiceProfileSchema>;
