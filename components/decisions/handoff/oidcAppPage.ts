// Onboarding step `oidc-app`: the customer's admin creates the OIDC log-in app. Its redirect URIs are
// the vendor's Auth0 callback URLs, known before anything exists; the app's client id and secret come
// back to the vendor. Settings as the module's own OIDC app (components/oktaApps.ts): web app,
// authorization code (plus refresh token only when configured), no implicit assignment.
import { auth0LoginCallbackUrls } from "../urls";
import { SECURE_CHANNEL, header, orgLinks, questionsBlock } from "./common";
import type { HandoffInput } from "./input";
import { code, link, numbered, page, valueBlock } from "./markdown";

export function oidcAppPage(input: HandoffInput): string {
  const links = orgLinks(input);
  const callbacks = auth0LoginCallbackUrls(input.tenant.domain, input.tenant.customDomain);
  const grants = input.connection.oidcApp.refreshToken ? "Authorization Code and Refresh Token; nothing else" : "Authorization Code only; untick everything else";
  return page([
    header(
      input,
      "Step 1 of 2: create the log-in app in your Okta org",
      "Your users will sign in to our application with their Okta account. For that, your Okta org needs an OpenID Connect (OIDC) app that trusts our sign-in service. You create it; we never need an admin account or API token in your org. A second page (step 2) follows for provisioning users.",
    ),
    "## Create the app",
    numbered([
      `Open the Okta Admin Console → Applications → Applications: ${link(links.apps)}`,
      "Click **Create App Integration**, choose **OIDC - OpenID Connect**, then **Web Application**, and click Next.",
      `App integration name:\n\n${valueBlock([input.connection.oidcApp.label])}`,
      `Grant type: ${grants}.`,
      `Sign-in redirect URIs: remove the example value and add exactly these${callbacks.length > 1 ? ", one per line" : ""}:\n\n${valueBlock(callbacks)}`,
      "Sign-out redirect URIs: remove the example value and leave it empty.",
      "Assignments → Controlled access: **Limit access to selected groups**, and choose the groups whose members should sign in to our application (step 2 assigns the same groups to the provisioning app). Do not choose \"Allow everyone in your organization to access\" unless that is what you mean.",
      "Click Save.",
      "On the app's **General** tab: **Federation Broker Mode** must be off (it is by default); with it on, users would not need an assignment.",
    ]),
    "## Send us the client id and client secret",
    [
      "On the app's **General** tab, under Client Credentials:\n",
      `- **Client ID** (starts with ${code("0oa")}): not secret, you may send it in an ordinary reply.`,
      `- **Client secret**: send it over ${SECURE_CHANNEL}. We store it encrypted and never send it back.`,
    ].join("\n"),
    "We then create the connection on our side and send you step 2: the provisioning app, with its SCIM base URL (and, separately, its token).",
    "## Check it worked",
    [
      `- The app's **General** tab lists exactly the redirect URIs above, and the grant type ${input.connection.oidcApp.refreshToken ? "Authorization Code and Refresh Token" : "Authorization Code"}.`,
      "- The **Assignments** tab lists the groups you chose.",
      "- Signing in is tested once we have connected it: we will ask one of your assigned users to try. An error page from Okta mentioning `redirect_uri` means a redirect URI above was mistyped.",
    ].join("\n"),
    questionsBlock(),
  ]);
}
