// The fix printed under each failing (or warning) check, keyed by check id. Step ids (O9-12, ...) are
// the console checklist's and the README step table's.
import { AUTH0_CHECKS } from "./checks/auth0";
import { OKTA_CHECKS } from "./checks/okta";
import { SCIM_CHECKS } from "./checks/scim";
import { GROUP_CHECKS } from "./checks/scimGroups";

export const FIXES: Record<string, string> = {
  [SCIM_CHECKS.listUsers]:
    "Check the SCIM endpoint URL (stack output scimEndpointUrl) and the token (`pulumi stack output <connection>-scim-token --show-secrets`). A 401 means the token was revoked, expired or replaced: run `pulumi up` and paste the current token into Okta (Provisioning → Integration). A 403 means the token lacks get:users: let the stack recreate it.",
  [SCIM_CHECKS.filterUnknownUser]:
    "The server must honour `filter=userName eq \"…\"`. With Auth0 this fails only behind a proxy or a wrong URL: point Okta at the connection's own scimEndpointUrl.",
  [SCIM_CHECKS.createUser]:
    "The token needs post:users, and the connection's SCIM configuration must exist (`pulumi up`). A 409 here means a user with the test userName already exists: delete it and re-run.",
  [SCIM_CHECKS.createDuplicate]:
    "A second POST of the same user must get 409. Check that the SCIM user id attribute is externalId (auth0.scim-user-id-attribute) so Auth0 recognises the user.",
  [SCIM_CHECKS.getUser]:
    "GET /Users/{id} must return the user; the id contains '|' and must be URL-encoded. Check any proxy in front of Auth0 does not decode the path.",
  [SCIM_CHECKS.deactivateUser]:
    "The token needs put:users. If PUT fails with a 400 on a type attribute, remove the three type mappings in Okta (console step O15, or set consoleStepsDone: true and run `pulumi up`).",
  [SCIM_CHECKS.wrongToken]:
    "The endpoint must reject unknown tokens with 401. If it accepts any token, it is not Auth0's SCIM endpoint: check scimEndpointUrl and any proxy in front of it.",
  [SCIM_CHECKS.unknownUser404]:
    "GET /Users/{id} of an unknown id must answer 404 with a SCIM Error body ({\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"404\"}): Okta treats anything else as a broken server. Auth0 answers this way; something in between (a proxy, a wrong URL) does not.",
  [SCIM_CHECKS.unauthorizedBody]:
    "A rejected token must get 401 with a SCIM Error body (status \"401\"), as Okta's SCIM spec requires. Auth0's endpoint is expected to; a proxy or gateway in front of it may replace the body: point Okta at the connection's own scimEndpointUrl.",
  [SCIM_CHECKS.itemsPerPage]:
    "itemsPerPage must be the number of Resources in the page, not the requested count: Okta's review rejects servers that get this wrong. With Auth0 this points at a proxy rewriting responses.",
  [SCIM_CHECKS.createEchoes]:
    "POST /Users must answer with the user as stored, echoing userName, externalId, name, emails and active. A difference means Auth0 changed or dropped a value: compare the SCIM mapping (auth0.user-attributes-after-create) with what Okta sends.",
  [SCIM_CHECKS.listNonEmpty]:
    "With a user present, GET /Users and the userName filter must return it with id, userName, name, emails and active. Check the SCIM mapping keeps userName → preferred_username and the name and email defaults.",
  [SCIM_CHECKS.filterUppercase]:
    "userName is case-insensitive (RFC 7643): filter userName eq \"ALICE@…\" must find alice@…. Otherwise Okta creates a second user when the case of a login changes. Auth0 matches case-insensitively; a proxy must not rewrite the filter.",
  [SCIM_CHECKS.updateProfile]:
    "Okta updates a profile with GET then PUT of the whole user. The token needs put:users; a 400 naming a type attribute means the three type mappings are still in Okta (console step O15, or consoleStepsDone: true and `pulumi up`).",
  [SCIM_CHECKS.roundTripAfterCreate]:
    "A DROPPED line is a value Okta sends that the SCIM server did not keep: with Auth0, a SCIM path of Okta's body that the connection's mapping does not read. For the address (Okta sends it marked primary, without type, once the type mappings are gone) read it from addresses[primary eq true] with connections[].scim.mappingOverrides (docs/scim-mappings.md); for another attribute add a connections[].scim.additionalMappings entry, or drop its Okta mapping if you do not need it. A CHANGED line is a value stored differently from what was sent.",
  [SCIM_CHECKS.roundTripAfterUpdate]:
    "As after create, for the PUT of the updated profile: a value that came back on create but not after the update means the update path (PUT of the whole user) loses it; compare the mapping with what Okta sends on update.",
  [SCIM_CHECKS.reactivateUser]:
    "Re-assigning a user in Okta re-activates it with active:true (PUT for custom apps, PATCH for catalog apps: that token needs patch:users). The report names the test user; delete it as shown.",
  [AUTH0_CHECKS.storedAfterCreate]:
    "A DROPPED line names a SCIM path of the connection's mapping that Okta's body does not match. For addresses[type eq \"work\"] (Okta sends addresses marked primary, without type, once the type mappings are gone) override the default paths with addresses[primary eq true] in connections[].scim.mappingOverrides (docs/scim-mappings.md). An unmapped line is an attribute Okta sends that Auth0 keeps nowhere: add an additionalMappings entry if you need it. 403: grant read:users.",
  [AUTH0_CHECKS.storedAfterUpdate]:
    "As for auth0.user-attributes-after-create, for the PUT Okta sends on a profile update: override the mapping paths that drop values (connections[].scim.mappingOverrides, docs/scim-mappings.md). 403: grant read:users.",
  [AUTH0_CHECKS.userIdAttribute]:
    "Set the connection's SCIM user id attribute to externalId: remove any change made in the Auth0 Dashboard and run `pulumi up` (the stack declares externalId). A 403 means the Management API client lacks read:scim_config.",
  [AUTH0_CHECKS.tokenExpiry]:
    "Rotate the SCIM token before it expires (see \"SCIM token lifecycle\"), then paste the new token into Okta (Provisioning → Integration → Authorization). A token deleted outside Pulumi is recreated by `pulumi up`. A 403 means the client lacks read:scim_token.",
  [AUTH0_CHECKS.tokenLastUsed]:
    "Okta has not called the endpoint yet: finish console steps O9-12 (SCIM base URL, token, Test Connector Configuration) and O13-14, then assign a user.",
  [OKTA_CHECKS.features]:
    "In Okta, SCIM app → Provisioning → Integration: tick Push New Users and Push Profile Updates; To App: enable Create Users, Update User Attributes and Deactivate Users (console steps O9-14).",
  [OKTA_CHECKS.typeMappings]:
    "Set consoleStepsDone: true for the connection and run `pulumi up`: the stack's profile mapping removes the three type mappings. Or delete them by hand: Profile Editor → the SCIM app's mappings (console step O15).",
  [OKTA_CHECKS.sameGroups]:
    "Group assignments were changed outside the stack: run `pulumi up` to restore one list of groups on both apps, or add the group to the connection's `groups` in config.",
  [OKTA_CHECKS.appSchema]:
    "The app's user schema changed since it was captured: run `npm run verify -- --stack <stack> --connection <connection> --capture-app-schema`, review the difference, put the new list under scimApp.attributes and `pulumi up` (docs/okta-app-schema.md). A 403 means the Okta token cannot read app schemas (okta.schemas.read).",
  [OKTA_CHECKS.onePerLabel]:
    "An app no stack manages has the label of one of the stack's apps: a create whose answer was lost (the okta provider sent the POST again) or a hand-made copy. Open it in the Admin Console: if it has no assigned users or groups, deactivate and delete it (or `POST /api/v1/apps/<id>/lifecycle/deactivate`, then `DELETE /api/v1/apps/<id>`). If it is in use, rename it so that admins and the checklist can tell the two apart (docs/day-2-operations.md, \"After a failed or interrupted up\").",
  [AUTH0_CHECKS.unrecordedTokens]:
    "The connection holds a SCIM token that is none of the stack's generations (`pulumi stack output --json`, scimTokens). Never used: an interrupted `pulumi up` made it and its value is lost; delete it (Auth0 dashboard → the connection → Provisioning → SCIM tokens, or `DELETE /api/v2/connections/<id>/scim-configuration/tokens/<token id>`), or the next rotation fails on Auth0's limit of two. Used: a hand-made token Okta still uses; once Okta uses the stack's token, delete it (docs/adopting-an-existing-setup.md, step 7).",
  [OKTA_CHECKS.federationBroker]:
    "Turn Federation Broker Mode off on the OIDC app (General tab → User Consent / Federation Broker Mode), or run `pulumi up`, which declares it off.",
  [GROUP_CHECKS.filterUnknownGroup]:
    "Before it pushes a group, Okta filters /Groups by displayName to link an existing one: the filter must be honoured, and a name that does not exist must give totalResults 0. A 403 means the token lacks get:groups: add a token generation with the group scopes (scim.groups in the stack config does this) and paste it into Okta.",
  [GROUP_CHECKS.createGroup]:
    "POST /Groups must answer 201 with the group's id and displayName. A 403 means the token lacks post:groups; a 404 that the tenant does not serve SCIM groups yet (Auth0's group provisioning, 2026-06).",
  [GROUP_CHECKS.duplicateName]:
    "displayName is unique per connection in Auth0: a second group of the same name must get 409, or Okta's pushes of two groups with one name would merge their members. Rename one of the Okta groups.",
  [GROUP_CHECKS.filterByName]:
    "filter=displayName eq \"…\" must find exactly the group: Okta links pushed groups by it. With Auth0 this fails only behind a proxy or a wrong URL.",
  [GROUP_CHECKS.patchMembers]:
    "Okta's catalog app changes memberships with PATCH (add members, remove members[value eq …]), up to 1,000 members per request. A 403 means the token lacks patch:groups; a custom app cannot PATCH groups at all (Auth0's SAML guide): use scimApp.kind catalog for Group Push.",
  [GROUP_CHECKS.deleteGroup]:
    "DELETE /Groups/{id} must answer 204, and the group must then read 404: what Okta sends when a pushed group is unlinked with \"delete the group in the target app\". A 403 means the token lacks delete:groups.",
};

/** Generic advice for transport failures, which can hit any check. */
export const TRANSPORT_FIX =
  "Timeouts and 5xx: retry later or raise --timeout-ms. TLS errors: the endpoint must present a certificate trusted by this machine (Auth0's always is; check proxies). 429: wait and re-run; Auth0 allows 25 SCIM requests/s per connection.";
