// The program `npm run test:engine` runs on the real engine: one ScimToken per configured generation,
// declared through components/scimToken exactly as the component does (the explicit pulumi-nodejs
// provider carries the tenant's secret credentials; tokens name only the domain), against whatever
// Auth0 tenant the environment routes `auth0Domain` to.
import * as pulumi from "@pulumi/pulumi";
import { DynamicResourcesProvider } from "../../../components/scimToken/engineProvider";
import { ScimToken } from "../../../components/scimToken/resource";

interface Generation {
  generation: string;
  scopes: string[];
  tokenLifetimeSeconds?: number;
}

const config = new pulumi.Config();
const domain = config.require("auth0Domain");
const tenant = pulumi.all([config.require("clientId"), config.requireSecret("clientSecret")]).apply(([clientId, clientSecret]) => ({ domain, clientId, clientSecret }));
const connectionId = config.require("connectionId");
const generations = config.requireObject<Generation[]>("generations");

const provider = new DynamicResourcesProvider("dynamic-resources", { tenant });
const tokens = generations.map(
  (g) =>
    new ScimToken(
      `scim-token-${g.generation}`,
      { connectionId, scopes: g.scopes, tokenLifetimeSeconds: g.tokenLifetimeSeconds, generation: g.generation, domain },
      { provider },
    ),
);

export const tokenIds = Object.fromEntries(generations.map((g, i) => [g.generation, tokens[i].tokenId]));
export const tokenValues = Object.fromEntries(generations.map((g, i) => [g.generation, tokens[i].token]));
