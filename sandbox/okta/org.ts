// The state of one stand-in Okta org: the apps the okta provider creates (OIDC and AUTO_LOGIN), the
// groups and users it looks up, group assignments, app users, app user schemas, the default user type,
// profile mappings and the org's default access policy. Plain data plus the rules the real API
// enforces that this program can hit (an app must be deactivated before it is deleted, a profile
// mapping to an app exists only once provisioning is on, mapped attributes must exist in the app's
// schema). The JSON shapes live in shapes.ts, the routes in routes.ts.
import { randomBytes } from "crypto";
import type { GroupPushMapping, GroupPusher, ScimConnection } from "./groupPush";
import type { DeprovisionAttempt, UserDeprovisioner } from "./deprovision";

/** Okta ids: a three-letter prefix and 17 base62 characters ("0oa…", "00g…", "00u…"). */
export function oktaId(prefix: string): string {
  const alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const bytes = randomBytes(17);
  return prefix + [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
}

export interface OktaApp {
  id: string;
  /** "oidc_client" for OIDC apps; generated from the label for AUTO_LOGIN apps. */
  name: string;
  label: string;
  /**
   * SAML_2_0 stands in for the catalog app "(OAuth Bearer Token) Governance with SCIM 2.0", added in the
   * console (addCatalogApp): its real sign-on mode is not in any public Okta source, and the stack never reads it.
   */
  signOnMode: "OPENID_CONNECT" | "AUTO_LOGIN" | "SAML_2_0";
  status: "ACTIVE" | "INACTIVE";
  created: string;
  lastUpdated: string;
  /** What the client sent for these parts, kept as sent (Okta echoes them with defaults filled in). */
  accessibility: Record<string, unknown>;
  visibility: Record<string, unknown>;
  credentials: Record<string, unknown>;
  settings: Record<string, unknown>;
  /** OIDC apps only: the client secret Okta generated. */
  clientSecret?: string;
  /** Provisioning features (PUSH_NEW_USERS, …): switched on in the console only. */
  features: string[];
  accessPolicyId?: string;
  /** The id-token groups claim (internal API the provider writes for API-token orgs). */
  groupsClaim?: Record<string, unknown>;
}

export interface OktaGroup {
  id: string;
  name: string;
  description?: string;
  type: "OKTA_GROUP" | "APP_GROUP" | "BUILT_IN";
  created: string;
}

export interface OktaUser {
  id: string;
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  status: string;
  created: string;
  /** Ids of the groups the user belongs to (Everyone is implicit). */
  groupIds: string[];
  /** Admin role types ("SUPER_ADMIN", …): what GET /users/{id}/roles lists. */
  roles: string[];
}

export interface GroupAssignment {
  priority?: number;
  profile: Record<string, unknown>;
  lastUpdated: string;
}

export interface AppUser {
  userName?: string;
  profile: Record<string, unknown>;
  created: string;
  lastUpdated: string;
}

export interface MappingProperty {
  expression: string;
  pushStatus: string;
}

export interface ProfileMapping {
  id: string;
  /** Okta user type → app (the direction this program manages). */
  sourceId: string;
  targetAppId: string;
  properties: Record<string, MappingProperty>;
}

export interface UserType {
  id: string;
  name: string;
  displayName: string;
  description: string;
  isDefault: boolean;
  created: string;
}

/** An app attribute of the app user schema (base or custom), as Okta stores it. */
export type SchemaAttribute = Record<string, unknown>;

/** How the stand-in recognises the provider's credentials (the sandbox generates them per run). */
export interface OrgCredentials {
  /** SSWS API token. */
  apiToken?: string;
  /** OAuth service app: its client id and the PEM public key of the private key the stack holds. */
  clientId?: string;
  publicKeyPem?: string;
}

/** What "the console steps" add to an app once an admin switched provisioning to SCIM (see consoleSteps). */
export const PROVISIONING_FEATURES = ["IMPORT_NEW_USERS", "PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION"];

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, ".000Z");

export class OktaOrg {
  readonly apps = new Map<string, OktaApp>();
  readonly groups = new Map<string, OktaGroup>();
  readonly users = new Map<string, OktaUser>();
  /** appId → groupId → assignment. */
  readonly groupAssignments = new Map<string, Map<string, GroupAssignment>>();
  /** appId → userId → app user. */
  readonly appUsers = new Map<string, Map<string, AppUser>>();
  /** Group Push mappings by id (./groupPush.ts). */
  readonly groupPushMappings = new Map<string, GroupPushMapping>();
  /** appId → the SCIM base URL and token an admin typed in (Provisioning → Integration). */
  readonly scimConnections = new Map<string, ScimConnection>();
  /** Okta's pushes: set by the sandbox run to reach the Auth0 stand-in; without it nothing is pushed. */
  groupPusher?: GroupPusher;
  /** Okta's deactivations on unassignment: set by the sandbox run (./deprovision.ts). */
  userDeprovisioner?: UserDeprovisioner;
  readonly deprovisions: Promise<void>[] = [];
  readonly deprovisionAttempts: DeprovisionAttempt[] = [];
  /** Pushes started, so a check can wait for them (Okta pushes asynchronously). */
  readonly pushes: Promise<void>[] = [];
  /** Each mapping deleted and whether its target group was to go too (deleteTargetGroup). */
  readonly deletedTargets: Array<{ mappingId: string; deleteTargetGroup: boolean }> = [];
  /** appId → base and custom attributes of its app user schema. */
  readonly appSchemas = new Map<string, { base: Record<string, SchemaAttribute>; custom: Record<string, SchemaAttribute> }>();
  readonly mappings = new Map<string, ProfileMapping>();
  readonly userTypes: UserType[];
  readonly accessPolicyId = oktaId("rst");
  /** Access tokens this org issued to its service app (token → scopes). */
  readonly accessTokens = new Map<string, string[]>();
  /** The admin whose API token the provider uses (GET /users/me). */
  readonly admin: OktaUser;
  private appCounter = 0;

  constructor(
    /** "acme.okta.com" */
    readonly domain: string,
    readonly credentials: OrgCredentials,
  ) {
    this.userTypes = [{ id: oktaId("oty"), name: "user", displayName: "User", description: "Okta user profile template with default permission settings", isDefault: true, created: now() }];
    const everyone: OktaGroup = { id: oktaId("00g"), name: "Everyone", description: "All users in your organization", type: "BUILT_IN", created: now() };
    this.groups.set(everyone.id, everyone);
    this.admin = this.addUser(`sandbox.admin@${domain}`, { firstName: "Sandbox", lastName: "Admin", roles: ["SUPER_ADMIN"] });
  }

  /** GET /users/{id} takes an id or a login. */
  findUser(idOrLogin: string): OktaUser | undefined {
    return this.users.get(idOrLogin) ?? [...this.users.values()].find((u) => u.login.toLowerCase() === idOrLogin.toLowerCase());
  }

  get orgUrl(): string {
    return `https://${this.domain}`;
  }

  defaultUserType(): UserType {
    return this.userTypes.find((t) => t.isDefault)!;
  }

  /** Okta derives an AUTO_LOGIN app's name from the org and the label ("acme_auth0devprovisioning_1"). */
  private autoLoginName(label: string): string {
    this.appCounter += 1;
    const org = this.domain.split(".")[0].replace(/[^a-z0-9]/gi, "").toLowerCase();
    return `${org}_${label.replace(/[^a-z0-9]/gi, "").toLowerCase()}_${this.appCounter}`;
  }

  /** What an admin's Browse App Catalog → Add Integration makes (never the okta provider): active, with a given id. */
  addCatalogApp(id: string, label: string): OktaApp {
    return this.createApp({ signOnMode: "SAML_2_0", name: "sandbox_catalog_scim2_oauth_bearer", label, visibility: { hide: { iOS: true, web: true } } }, true, id);
  }

  createApp(body: Record<string, unknown>, activate: boolean, fixedId?: string): OktaApp {
    const signOnMode = body.signOnMode === "OPENID_CONNECT" ? "OPENID_CONNECT" : body.signOnMode === "SAML_2_0" ? "SAML_2_0" : "AUTO_LOGIN";
    const id = fixedId ?? oktaId("0oa");
    const label = String(body.label ?? "");
    const app: OktaApp = {
      id,
      name: signOnMode === "OPENID_CONNECT" ? "oidc_client" : typeof body.name === "string" && body.name ? body.name : this.autoLoginName(label),
      label,
      signOnMode,
      status: activate ? "ACTIVE" : "INACTIVE",
      created: now(),
      lastUpdated: now(),
      accessibility: record(body.accessibility),
      visibility: record(body.visibility),
      credentials: record(body.credentials),
      settings: record(body.settings),
      clientSecret: signOnMode === "OPENID_CONNECT" ? randomBytes(48).toString("base64url") : undefined,
      features: [],
    };
    this.apps.set(id, app);
    this.groupAssignments.set(id, new Map());
    this.appUsers.set(id, new Map());
    this.appSchemas.set(id, { base: { userName: { title: "Username", type: "string", required: true, scope: "NONE", maxLength: 100 } }, custom: {} });
    return app;
  }

  replaceApp(app: OktaApp, body: Record<string, unknown>): OktaApp {
    app.label = typeof body.label === "string" ? body.label : app.label;
    app.accessibility = record(body.accessibility);
    app.visibility = record(body.visibility);
    app.credentials = record(body.credentials);
    app.settings = record(body.settings);
    app.lastUpdated = now();
    return app;
  }

  deleteApp(id: string): void {
    this.apps.delete(id);
    this.groupAssignments.delete(id);
    this.appUsers.delete(id);
    this.appSchemas.delete(id);
    this.scimConnections.delete(id);
    for (const [mid, m] of this.mappings) if (m.targetAppId === id) this.mappings.delete(mid);
    for (const [mid, m] of this.groupPushMappings) if (m.appId === id) this.groupPushMappings.delete(mid);
  }

  addGroup(name: string, options: { id?: string; type?: OktaGroup["type"]; description?: string } = {}): OktaGroup {
    const group: OktaGroup = { id: options.id ?? oktaId("00g"), name, description: options.description, type: options.type ?? "OKTA_GROUP", created: now() };
    this.groups.set(group.id, group);
    return group;
  }

  addUser(login: string, options: { id?: string; firstName?: string; lastName?: string; groupIds?: string[]; roles?: string[] } = {}): OktaUser {
    const user: OktaUser = {
      id: options.id ?? oktaId("00u"),
      login,
      email: login,
      firstName: options.firstName ?? login.split("@")[0].split(".")[0],
      lastName: options.lastName ?? "User",
      status: "ACTIVE",
      created: now(),
      groupIds: options.groupIds ?? [],
      roles: options.roles ?? [],
    };
    this.users.set(user.id, user);
    return user;
  }

  assignGroup(appId: string, groupId: string, priority: number | undefined, profile: Record<string, unknown>): GroupAssignment {
    const assignment: GroupAssignment = { priority, profile, lastUpdated: now() };
    this.groupAssignments.get(appId)!.set(groupId, assignment);
    return assignment;
  }

  /**
   * What an admin's console steps O6-7, O9-12 and O13-14 leave behind (none has an API for a custom
   * app): the SCIM app's schema gains the SCIM 2.0 template's attributes, the provisioning features
   * are on, and the Okta user → app profile mapping exists, with Okta's default mappings including the
   * three type mappings that break Auth0's PUT.
   */
  consoleSteps(appId: string): ProfileMapping {
    const app = this.apps.get(appId);
    if (!app) throw new Error(`no app ${appId} in ${this.domain}`);
    app.features = [...PROVISIONING_FEATURES];
    const schema = this.appSchemas.get(appId)!;
    for (const [name, attribute] of Object.entries(SCIM_TEMPLATE_ATTRIBUTES)) schema.base[name] = { ...attribute };
    const existing = [...this.mappings.values()].find((m) => m.targetAppId === appId);
    if (existing) return existing;
    const mapping: ProfileMapping = { id: oktaId("prm"), sourceId: this.defaultUserType().id, targetAppId: appId, properties: structuredClone(SCIM_TEMPLATE_MAPPINGS) };
    this.mappings.set(mapping.id, mapping);
    return mapping;
  }
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? structuredClone(value as Record<string, unknown>) : {};
}

const stringAttribute = (title: string, externalName: string, externalNamespace = "urn:ietf:params:scim:schemas:core:2.0:User"): SchemaAttribute => ({
  title,
  type: "string",
  scope: "NONE",
  externalName,
  externalNamespace,
  mutability: "READ_WRITE",
});

/** App attributes of Okta's SCIM 2.0 template (names as components/decisions/oktaProfileMappings.ts lists them). */
export const SCIM_TEMPLATE_ATTRIBUTES: Record<string, SchemaAttribute> = {
  userName: { title: "Username", type: "string", required: true, scope: "NONE", externalName: "userName", externalNamespace: "urn:ietf:params:scim:schemas:core:2.0:User" },
  givenName: stringAttribute("Given name", "name.givenName"),
  familyName: stringAttribute("Family name", "name.familyName"),
  middleName: stringAttribute("Middle name", "name.middleName"),
  honorificPrefix: stringAttribute("Honorific prefix", "name.honorificPrefix"),
  honorificSuffix: stringAttribute("Honorific suffix", "name.honorificSuffix"),
  email: stringAttribute("Email", "emails.^[primary==true].value"),
  primaryEmailType: stringAttribute("Primary email type", "emails.^[primary==true].type"),
  title: stringAttribute("Title", "title"),
  displayName: stringAttribute("Display name", "displayName"),
  nickName: stringAttribute("Nickname", "nickName"),
  profileUrl: stringAttribute("Profile URL", "profileUrl"),
  primaryPhone: stringAttribute("Primary phone", "phoneNumbers.^[primary==true].value"),
  primaryPhoneType: stringAttribute("Primary phone type", "phoneNumbers.^[primary==true].type"),
  mobilePhone: stringAttribute("Mobile phone", "phoneNumbers.^[type=='mobile'].value"),
  streetAddress: stringAttribute("Street address", "addresses.^[type=='work'].streetAddress"),
  locality: stringAttribute("Locality", "addresses.^[type=='work'].locality"),
  region: stringAttribute("Region", "addresses.^[type=='work'].region"),
  postalCode: stringAttribute("Postal code", "addresses.^[type=='work'].postalCode"),
  country: stringAttribute("Country", "addresses.^[type=='work'].country"),
  addressType: stringAttribute("Address type", "addresses.^[type=='work'].type"),
  preferredLanguage: stringAttribute("Preferred language", "preferredLanguage"),
  locale: stringAttribute("Locale", "locale"),
  timezone: stringAttribute("Time zone", "timezone"),
  userType: stringAttribute("User type", "userType"),
  employeeNumber: stringAttribute("Employee number", "employeeNumber", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
  costCenter: stringAttribute("Cost center", "costCenter", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
  organization: stringAttribute("Organization", "organization", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
  division: stringAttribute("Division", "division", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
  department: stringAttribute("Department", "department", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
  managerValue: stringAttribute("Manager id", "manager.value", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
  managerDisplayName: stringAttribute("Manager name", "manager.displayName", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
};

const push = (expression: string): MappingProperty => ({ expression, pushStatus: "PUSH" });

/** The Okta user → app mappings Okta creates with provisioning, the three type mappings included. */
export const SCIM_TEMPLATE_MAPPINGS: Record<string, MappingProperty> = {
  userName: { expression: "appuser.userName", pushStatus: "DONT_PUSH" },
  givenName: push("user.firstName"),
  familyName: push("user.lastName"),
  middleName: push("user.middleName"),
  honorificPrefix: push("user.honorificPrefix"),
  honorificSuffix: push("user.honorificSuffix"),
  email: push("user.email"),
  primaryEmailType: push("(user.email != null && user.email != '') ? 'work' : ''"),
  title: push("user.title"),
  displayName: push("user.displayName"),
  nickName: push("user.nickName"),
  profileUrl: push("user.profileUrl"),
  primaryPhone: push("user.primaryPhone"),
  primaryPhoneType: push("(user.primaryPhone != null && user.primaryPhone != '') ? 'work' : ''"),
  mobilePhone: push("user.mobilePhone"),
  streetAddress: push("user.streetAddress"),
  locality: push("user.city"),
  region: push("user.state"),
  postalCode: push("user.zipCode"),
  country: push("user.countryCode"),
  addressType: push("(user.streetAddress != null && user.streetAddress != '') ? 'work' : ''"),
  preferredLanguage: push("user.preferredLanguage"),
  locale: push("user.locale"),
  timezone: push("user.timezone"),
  userType: push("user.userType"),
  employeeNumber: push("user.employeeNumber"),
  costCenter: push("user.costCenter"),
  organization: push("user.organization"),
  division: push("user.division"),
  department: push("user.department"),
  managerValue: push("user.managerId"),
  managerDisplayName: push("user.manager"),
};
