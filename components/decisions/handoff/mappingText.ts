// What the page says about attribute mappings: the three Okta "type" mappings to remove (the project's
// facts in ../oktaProfileMappings.ts, the same the stack's own phase 2 removes), and which extra SCIM
// attributes Auth0 reads for this connection (scim.additionalMappings), with their namespace.
import { PUT_BREAKING_TYPE_ATTRIBUTES, PUT_BREAKING_TYPE_EXPRESSIONS } from "../oktaProfileMappings";
import { SCIM_CORE_USER_URN, SCIM_ENTERPRISE_USER_URN } from "../scimNamespaces";
import type { ScimMapping } from "../../../config/schema";
import { code, valueBlock } from "./markdown";

export function removeTypeMappingsText(): string {
  return [
    `Okta maps three "type" attributes that make our SCIM service refuse every profile update. On the **To App** tab, in the attribute mappings list, find the three rows whose expression is one of these, and remove their mapping (the row's X, or the pencil → **Do not map** → Save):`,
    valueBlock(PUT_BREAKING_TYPE_EXPRESSIONS),
    `Their attribute names vary between apps (${PUT_BREAKING_TYPE_ATTRIBUTES.map(code).join(", ")}): go by the expression. Leave every other mapping as it is.`,
  ].join("\n\n");
}

/** A SCIM path as Okta's profile editor wants it: the namespace, and the external name within it. */
export function scimNamespaceOf(scimPath: string): { namespace: string; externalName: string } {
  const enterprise = `${SCIM_ENTERPRISE_USER_URN}.`;
  return scimPath.startsWith(enterprise)
    ? { namespace: SCIM_ENTERPRISE_USER_URN, externalName: scimPath.slice(enterprise.length) }
    : { namespace: SCIM_CORE_USER_URN, externalName: scimPath };
}

export function customAttributesText(additional: readonly ScimMapping[]): string {
  if (additional.length === 0) {
    return "No custom attributes are needed: do not add any to the app in the Profile Editor. Okta's standard attributes (name, email, phone, address, title, department, …) are all we read.";
  }
  const rows = additional.map((m) => {
    const { namespace, externalName } = scimNamespaceOf(m.scim);
    return `| ${code(externalName)} | ${code(namespace)} |`;
  });
  return [
    "Beyond Okta's standard attributes, we also read these SCIM attributes. To send one, add it to the app (Directory → Profile Editor → the provisioning app → **Add Attribute**) with exactly this **External name** and **External namespace**, then map an Okta user attribute to it on the **To App** tab. Send only what you agreed to share.",
    ["| External name | External namespace |", "|---|---|", ...rows].join("\n"),
  ].join("\n\n");
}
