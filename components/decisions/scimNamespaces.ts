// The SCIM 2.0 schema URNs Auth0's inbound SCIM maps (RFC 7643 §4.1 core User and §4.3 enterprise
// extension). Auth0: "Only core User and enterprise-extension attributes are mapped."
export const SCIM_CORE_USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
export const SCIM_ENTERPRISE_USER_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

export const SCIM_NAMESPACES = [SCIM_CORE_USER_URN, SCIM_ENTERPRISE_USER_URN] as const;
export type ScimNamespace = (typeof SCIM_NAMESPACES)[number];
