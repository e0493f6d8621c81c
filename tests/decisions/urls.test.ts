import { auth0LoginCallbackUrl, auth0LoginCallbackUrls, oktaAdminAppUrl, oktaOrgAuthorizationServer, scimEndpointUrl } from "../../components/decisions/urls";

test("SCIM endpoint: https, tenant domain, connection id, no trailing slash", () => {
  expect(scimEndpointUrl("acme.eu.auth0.com", "con_abc")).toBe("https://acme.eu.auth0.com/scim/v2/connections/con_abc");
});

test("login callback on the domain users log in through", () => {
  expect(auth0LoginCallbackUrl("login.acme.example")).toBe("https://login.acme.example/login/callback");
});

test("Okta org authorization server endpoints", () => {
  expect(oktaOrgAuthorizationServer("acme.okta.com")).toEqual({
    issuer: "https://acme.okta.com",
    authorizationEndpoint: "https://acme.okta.com/oauth2/v1/authorize",
    tokenEndpoint: "https://acme.okta.com/oauth2/v1/token",
    jwksUri: "https://acme.okta.com/oauth2/v1/keys",
    userinfoEndpoint: "https://acme.okta.com/oauth2/v1/userinfo",
  });
});

test("admin console links use the -admin host, the app name and id", () => {
  expect(oktaAdminAppUrl("acme", "okta.com", "acme_scim_1", "0oa1", "to-app")).toBe(
    "https://acme-admin.okta.com/admin/app/acme_scim_1/instance/0oa1/#tab-user-management/create-n-update",
  );
});

test("login callbacks: the custom domain's first, then the tenant's; one when there is no custom domain", () => {
  expect(auth0LoginCallbackUrls("acme.us.auth0.com", "login.acme.example")).toEqual([
    "https://login.acme.example/login/callback",
    "https://acme.us.auth0.com/login/callback",
  ]);
  expect(auth0LoginCallbackUrls("acme.us.auth0.com")).toEqual(["https://acme.us.auth0.com/login/callback"]);
});
