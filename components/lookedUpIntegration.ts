// The administered half when the component itself looks up the Okta groups named in its args and its
// users: from another language (the component is then built in this package's plugin, where no code
// can run before the synchronous constructor), or from TypeScript without `resolveOktaReferences`.
//
// The lookups are the engine's invokes, through the component's okta provider, awaited; only their
// checked answer declares the children, all of them at once. So:
// - a wrong or ambiguous name (decisions/oktaReferences.ts) registers no child: every output of the
//   component fails with the args path and the fix, in `pulumi preview` as in `up`;
// - the children get exactly the names they get when the lookups ran up front (a user's assignments
//   by Okta user id, ./oktaApps.ts): moving between the two ways plans nothing.
import * as pulumi from "@pulumi/pulumi";
import { declareAdministeredIntegration, type AdministeredIntegrationArgs } from "./administeredIntegration";
import { declaredTokenGenerations } from "./auth0Side";
import { generationTokenOutputName } from "./naming";
import { lookUpOktaReferences } from "./oktaDirectory";
import type { IntegrationOutputs, ScimTokenGenerationOutputs } from "./integrationOutputs";
import { IntegrationArgsError } from "./validateArgs";

export function declareAdministeredAfterLookups(componentName: string, args: Omit<AdministeredIntegrationArgs, "oktaReferences">): IntegrationOutputs {
  const c = args.validated.connection;
  const declared: Promise<IntegrationOutputs> = lookUpOktaReferences(c, [], args.oktaProvider).then((looked) => {
    if ("problems" in looked) throw new IntegrationArgsError(componentName, looked.problems);
    return declareAdministeredIntegration({ ...args, oktaReferences: looked.references });
  });
  // An Output made from a promise of an Output takes on that Output's value, secretness and resources.
  const later = <T>(pick: (declared: IntegrationOutputs) => pulumi.Output<T>): pulumi.Output<T> => pulumi.output(declared.then(pick)) as pulumi.Output<T>;
  // The generations are known from the args alone (the names the stack outputs use); their values later.
  const generations = declaredTokenGenerations(c).map(({ generation }, i): ScimTokenGenerationOutputs => {
    const ofThis = <T>(pick: (g: ScimTokenGenerationOutputs) => pulumi.Output<T>) => later((d) => pick(d.generations[i]));
    return {
      generation,
      tokenOutputName: generationTokenOutputName(c.name, generation),
      token: pulumi.secret(ofThis((g) => g.token)),
      tokenId: ofThis((g) => g.tokenId),
      validUntil: ofThis((g) => g.validUntil),
      lastUsedAt: ofThis((g) => g.lastUsedAt),
      expired: ofThis((g) => g.expired),
    };
  });
  return {
    connectionId: later((d) => d.connectionId),
    connectionName: later((d) => d.connectionName),
    scimEndpointUrl: later((d) => d.scimEndpointUrl),
    oidcClientId: later((d) => d.oidcClientId),
    scimAppId: later((d) => d.scimAppId),
    consoleChecklist: later((d) => d.consoleChecklist),
    generations,
  };
}
