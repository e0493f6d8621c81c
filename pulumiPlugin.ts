// Entry point when Pulumi runs this repository as a component plugin (PulumiPlugin.yaml, `runtime:
// nodejs`): `pulumi package add <path or git URL>` starts it to read the package schema and generate an
// SDK (Python, Go, .NET, YAML, …), and the engine starts it again to construct the component for those
// programs. The Node SDK's component provider host infers the schema from the TypeScript types of
// OktaAuth0ScimIntegration (components/integrationArgs.ts).
//
// package.json `main` points here because the language host loads a plugin through its directory's
// `main`; library users load `exports` (dist/api.js) instead, and the stack program is Pulumi.yaml's
// `main: index.ts`. The package name is given explicitly: it must be the type token's package
// (`oktaScim`, the stack's existing URNs), which an npm name (lower case only) cannot spell.
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";
import { OktaAuth0ScimIntegration, COMPONENT_TYPE } from "./api";
import { HOSTED_SCIM_TOKEN_TYPE } from "./components/scimToken/hostedContract";
import { hostedScimTokenProvider } from "./components/scimToken/hostedProvider";
import { hostTokensInPlugin } from "./components/scimToken/hosting";

interface ComponentProviderOptions {
  name: string;
  dirname: string;
  components: (typeof OktaAuth0ScimIntegration)[];
}

// The SDK ships this module without type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ComponentProvider } = require("@pulumi/pulumi/provider/experimental") as {
  ComponentProvider: new (options: ComponentProviderOptions) => pulumi.provider.Provider & { version: string };
};

/** The Pulumi package name: `oktaScim` in `oktaScim:index:OktaAuth0ScimIntegration`. */
export const PULUMI_PACKAGE_NAME = COMPONENT_TYPE.split(":")[0];

/** Options of the host (not exported: the launcher would find the component in them and try to host it again). */
const hostOptions: ComponentProviderOptions = {
  name: PULUMI_PACKAGE_NAME,
  dirname: path.resolve(__dirname),
  components: [OktaAuth0ScimIntegration],
};

/**
 * The package's provider: the SDK's component provider (schema, construct) and the SCIM token type,
 * which the component declares when it runs here (components/scimToken/hostedProvider.ts explains why a
 * dynamic resource cannot). Any other custom type is refused by name.
 */
export function packageProvider(components: pulumi.provider.Provider & { version: string }, tokens = hostedScimTokenProvider): pulumi.provider.Provider {
  /** The type of a URN (`urn:pulumi:<stack>::<project>::<parent types>$<type>::<name>`). */
  const typeOf = (urn: string) => urn.split("::")[2]?.split("$").pop() ?? urn;
  /** Runs a token operation, after refusing any other custom type by name. */
  const route = async <T>(urn: string, operation: () => Promise<T>): Promise<T> => {
    if (typeOf(urn) !== HOSTED_SCIM_TOKEN_TYPE) throw new Error(`${PULUMI_PACKAGE_NAME} serves no resource of type ${typeOf(urn)}`);
    return operation();
  };
  return {
    version: components.version,
    getSchema: () => components.getSchema!(),
    construct: (name, type, inputs, options) => components.construct!(name, type, inputs, options),
    check: (urn, olds, news) => route(urn, () => tokens.check(urn, olds, news)),
    diff: (id, urn, olds, news) => route(urn, () => tokens.diff(id, urn, olds, news)),
    create: (urn, inputs) => route(urn, () => tokens.create(urn, inputs)),
    read: (id, urn, props) => route(urn, () => tokens.read(id, urn, props)),
    update: (id, urn, olds, news) => route(urn, () => tokens.update(id, urn, olds, news)),
    delete: (id, urn, props) => route(urn, () => tokens.delete(id, urn, props)),
  };
}

/**
 * What the plugin serves: the package provider, with the component switched to the plugin's own token
 * type first (before any construct). Separate from `serve` so a test can check that order.
 */
export function pluginProvider(): pulumi.provider.Provider {
  const components = new ComponentProvider(hostOptions);
  hostTokensInPlugin(components.version);
  return packageProvider(components);
}

/** True when the language host's plugin launcher (`node …/@pulumi/pulumi/cmd/run-plugin <dir>`) loaded this file. */
export function launchedAsPlugin(argv: readonly string[] = process.argv): boolean {
  return /[\\/]cmd[\\/]run-plugin([\\/]index(\.js)?)?$/.test(argv[1] ?? "");
}

/** Serves the package as the engine's plugin: components and SCIM tokens. */
async function serve(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require("@pulumi/pulumi/provider") as typeof pulumi.provider;
  await main(pluginProvider(), process.argv.slice(2));
}

// Not when a test or a tool imports this file.
if (launchedAsPlugin()) void serve();
