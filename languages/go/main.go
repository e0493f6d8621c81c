// A Pulumi Go program that uses this package's component through the Go SDK that `npm run
// test:languages` generates into ./sdk (as `pulumi package add` would): groups by name and users by
// login, both providers passed explicitly, the endpoint and the token exported. CI builds it.
//
// The auth0 and okta providers are declared by their type tokens, as their Go SDKs do inside
// (github.com/pulumi/pulumi-auth0/sdk/v3 and github.com/pulumi/pulumi-okta/sdk/v7, which a user's
// program would import; the Go module proxy here serves neither).
package main

import (
	"example.com/pulumi-oktaScim/sdk/go/oktaScim"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		auth0Domain := cfg.Require("auth0Domain")
		auth0ClientID := cfg.Require("auth0ClientId")
		auth0ClientSecret := cfg.RequireSecret("auth0ClientSecret")
		oktaOrgName := cfg.Require("oktaOrgName")

		var tenant pulumi.ProviderResourceState
		if err := ctx.RegisterResource("pulumi:providers:auth0", "tenant", pulumi.Map{
			"domain": pulumi.String(auth0Domain), "clientId": pulumi.String(auth0ClientID), "clientSecret": auth0ClientSecret,
		}, &tenant); err != nil {
			return err
		}
		// A share of the org's rate limit, with backoff, as the stack program sets it (policy
		// okta-provider-rate-limit-share warns otherwise).
		var org pulumi.ProviderResourceState
		if err := ctx.RegisterResource("pulumi:providers:okta", "okta-org", pulumi.Map{
			"orgName": pulumi.String(oktaOrgName), "baseUrl": pulumi.String(string(oktaBaseURL(cfg))), "apiToken": cfg.RequireSecret("oktaApiToken"),
			"maxApiCapacity": pulumi.Int(50), "backoff": pulumi.Bool(true), "maxRetries": pulumi.Int(5),
		}, &org); err != nil {
			return err
		}

		group, login := cfg.Get("groupName"), cfg.Require("directUserLogin")
		if group == "" {
			group = "Engineering"
		}
		baseURL := oktaBaseURL(cfg)
		// Optional in the schema since scimApp.kind (a catalog app has none); the custom app needs it.
		scimAppURL := "https://" + auth0Domain
		lifetime := 7776000.0
		// Optional: the token's scopes, a JSON list (default: the three Okta uses, get/post/put:users).
		var scopes []oktaScim.ScimTokenScope
		if err := cfg.GetObject("tokenScopes", &scopes); err != nil {
			return err
		}
		workforce, err := oktaScim.NewOktaAuth0ScimIntegration(ctx, "go-workforce", &oktaScim.OktaAuth0ScimIntegrationArgs{
			Auth0: oktaScim.Auth0TenantArgs{
				Domain: auth0Domain, ClientId: pulumi.String(auth0ClientID), ClientSecret: auth0ClientSecret,
			},
			Okta:    oktaScim.OktaOrgArgs{OrgName: oktaOrgName, BaseUrl: &baseURL},
			Name:    "go-workforce",
			OidcApp: oktaScim.OktaOidcAppArgs{Label: "Auth0 (log-in, Go)"},
			ScimApp: oktaScim.OktaScimAppArgs{Label: "Auth0 (provisioning, Go)", Url: &scimAppURL},
			// By name and by login: the component looks them up in Okta, and refuses a near miss.
			Groups: []oktaScim.OktaGroupRefArgs{{Name: &group}},
			Users:  []oktaScim.OktaUserRefArgs{{Login: &login}},
			Scim: &oktaScim.ScimSettingsArgs{
				TokenScopes: scopes,
				Tokens:      []oktaScim.ScimTokenGenerationArgs{{Generation: "2026-12", LifetimeSeconds: &lifetime}},
			},
		}, pulumi.ProviderMap(map[string]pulumi.ProviderResource{"auth0": &tenant, "okta": &org}))
		if err != nil {
			return err
		}
		ctx.Export("scimEndpointUrl", workforce.ScimEndpointUrl)
		ctx.Export("connectionId", workforce.ConnectionId)
		ctx.Export("consoleChecklist", workforce.ConsoleChecklist)
		ctx.Export("go-workforce-scim-token", workforce.ScimToken)
		return nil
	})
}

// oktaBaseUrl from config; default okta.com.
func oktaBaseURL(cfg *config.Config) oktaScim.OktaBaseUrl {
	if url := cfg.Get("oktaBaseUrl"); url != "" {
		return oktaScim.OktaBaseUrl(url)
	}
	return oktaScim.OktaBaseUrlOktaCom
}
