// The SCIM bodies Okta Workforce sends for a custom SCIM 2.0 app once the three type mappings are
// removed (console step O15 / phase 2): emails, phone numbers and addresses marked `primary` and
// without `type` (the type mappings were what filled `type`), the enterprise extension, and the
// connection's custom attributes in their namespaces. `verify --write` sends these instead of echoing
// Auth0's own GET body, so that what Auth0 does with Okta's real shape becomes visible.
import { SCIM_CORE_USER_URN, SCIM_ENTERPRISE_USER_URN } from "../components/decisions/scimNamespaces";
import { parseScimPath, readScimPath, type ScimPath } from "../components/decisions/scimPaths";

export type ScimUserBody = Record<string, unknown>;

export const PATCH_OP_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/** Which profile a body carries: the one sent on create, or the edited one sent by the update. */
export type Revision = "create" | "update";

/** The test user's identity: clearly named, unique per run, in a reserved domain. */
export function testUserName(nonce: string): string {
  return `scim-verify-${nonce}@verify.invalid`;
}

/**
 * A simple path (no filter) the body does not carry yet: a custom attribute. Okta sends a core-namespace
 * custom attribute at the top level and an extension one inside the extension's object.
 */
function setCustomAttribute(body: ScimUserBody, path: ScimPath, value: string): void {
  if (path.filter) return;
  const child = (parent: Record<string, unknown>, key: string) =>
    (parent[key] as Record<string, unknown> | undefined) ?? (parent[key] = {} as Record<string, unknown>) as Record<string, unknown>;
  let target: Record<string, unknown> = body;
  if (path.namespace !== SCIM_CORE_USER_URN) {
    target = child(body, path.namespace);
    const schemas = body.schemas as string[];
    if (!schemas.includes(path.namespace)) schemas.push(path.namespace);
  }
  if (path.subAttribute !== undefined) target = child(target, path.attribute);
  const key = path.subAttribute ?? path.attribute;
  if (target[key] === undefined) target[key] = value;
}

/**
 * The full user as Okta sends it in POST /Users (revision "create") and in the PUT of a profile update
 * (revision "update": every profile value edited, active unchanged). `customPaths` are the connection's
 * SCIM mapping paths: any simple one the body lacks is filled as a custom attribute.
 */
export function oktaUserBody(nonce: string, revision: Revision, customPaths: readonly string[] = []): ScimUserBody {
  const v = (text: string) => (revision === "update" ? `${text} (updated)` : text);
  const userName = testUserName(nonce);
  const body: ScimUserBody = {
    schemas: [SCIM_CORE_USER_URN, SCIM_ENTERPRISE_USER_URN],
    userName,
    externalId: `scim-verify-${nonce}`,
    name: {
      givenName: "SCIM verify",
      familyName: v("Test user (safe to delete)"),
      middleName: v("M"),
      honorificPrefix: v("Dr."),
      honorificSuffix: v("III"),
    },
    displayName: v("SCIM verify test user (safe to delete)"),
    nickName: v("scim-verify"),
    profileUrl: revision === "update" ? "https://verify.invalid/profile/updated" : "https://verify.invalid/profile",
    title: v("Verifier"),
    userType: v("Employee"),
    preferredLanguage: revision === "update" ? "de-CH" : "en-US",
    locale: revision === "update" ? "de_CH" : "en_US",
    timezone: revision === "update" ? "Europe/Zurich" : "America/Los_Angeles",
    emails: [{ value: userName, primary: true }],
    phoneNumbers: [{ value: revision === "update" ? "+1 555 0199" : "+1 555 0100", primary: true }],
    addresses: [
      {
        streetAddress: v("1 Verify Street"),
        locality: v("Springfield"),
        region: v("Oregon"),
        postalCode: revision === "update" ? "97404" : "97403",
        country: revision === "update" ? "CA" : "US",
        primary: true,
      },
    ],
    active: true,
    [SCIM_ENTERPRISE_USER_URN]: {
      employeeNumber: v("E-0001"),
      costCenter: v("CC-1"),
      organization: v("Verify Org"),
      division: v("Verify Division"),
      department: v("Verify Department"),
      manager: { value: v("00u-manager"), displayName: v("Verify Manager") },
    },
  };
  for (const raw of customPaths) {
    const path = parseScimPath(raw);
    if (typeof path === "string") continue;
    const read = readScimPath(body, path);
    // Neither Okta's standard shape nor an attribute it already carries: a custom attribute.
    if (!read.found && !read.present) setCustomAttribute(body, path, v(`custom ${path.attribute} ${nonce}`));
  }
  return body;
}

/** The body of an Okta catalog app's (de)activation: a PatchOp replacing `active`. */
export function activePatch(active: boolean): ScimUserBody {
  return { schemas: [PATCH_OP_URN], Operations: [{ op: "replace", value: { active } }] };
}
