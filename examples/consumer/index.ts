// A platform team's own Pulumi program using the packaged component: its own providers, its own
// config, one integration per Okta org. Nothing here comes from this repository's stack program.
import * as pulumi from "@pulumi/pulumi";
import * as auth0 from "@pulumi/auth0";
import * as okta from "@pulumi/okta";
import { OktaAuth0ScimIntegration } from "okta-auth0-inbound-scim";

const config = new pulumi.Config();
const auth0Domain = config.require("auth0Domain");
const auth0ClientId = config.require("auth0ClientId");
const auth0ClientSecret = config.requireSecret("auth0ClientSecret");

// The providers are the program's: the component never falls back to default providers.
const tenant = new auth0.Provider("tenant", { domain: auth0Domain, clientId: auth0ClientId, clientSecret: auth0ClientSecret });
const acme = new okta.Provider("okta-acme", { orgName: "acme", baseUrl: "okta.com", apiToken: config.requireSecret("oktaApiToken"), maxApiCapacity: 50 });

const workforce = new OktaAuth0ScimIntegration(
  "acme-workforce",
  {
    // The Management API client the SCIM token resources use (here the provider's own).
    auth0: { domain: auth0Domain, clientId: auth0ClientId, clientSecret: auth0ClientSecret },
    okta: { orgName: "acme" },
    // Fixed for the connection's life: renaming it replaces the connection and deletes its users.
    name: "acme-workforce",
    displayName: "Acme employees",
    oidcApp: { label: "Auth0 (log-in)" },
    scimApp: { label: "Auth0 (provisioning)", url: `https://${auth0Domain}` },
    // By id: groups by name and users are looked up first with `await resolveOktaReferences(args, acme)`
    // (docs/using-the-component.md, Okta groups and users).
    groups: [{ id: "00g1a2b3c4d5e6f7g8h9" }],
    scim: {
      // 90 days; rotate by adding a generation, pasting its token into Okta, then removing this one.
      tokens: [{ generation: "2026-11", lifetimeSeconds: 90 * 24 * 60 * 60 }],
      additionalMappings: [{ scim: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.badgeNumber", auth0: "app_metadata.badge_number" }],
    },
    // Flip to true in a reviewed change once an Okta admin has done the console checklist.
    consoleStepsDone: config.getBoolean("consoleStepsDone") ?? false,
  },
  { providers: { auth0: tenant, okta: acme } },
);

// The checklist's commands read the token from the output `<connection>-scim-token`.
export = {
  scimEndpointUrl: workforce.scimEndpointUrl,
  consoleChecklist: workforce.consoleChecklist,
  scimTokens: workforce.scimTokens,
  "acme-workforce-scim-token": workforce.scimToken,
};
