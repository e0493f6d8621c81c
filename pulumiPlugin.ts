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
import { OktaAuth0ScimIntegration, COMPONENT_TYPE } from "./api";

interface ComponentProviderHostOptions {
  name: string;
  dirname: string;
  components: (typeof OktaAuth0ScimIntegration)[];
}

// The SDK ships this module without type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { componentProviderHost } = require("@pulumi/pulumi/provider/experimental") as {
  componentProviderHost(options: ComponentProviderHostOptions): Promise<void>;
};

/** The Pulumi package name: `oktaScim` in `oktaScim:index:OktaAuth0ScimIntegration`. */
export const PULUMI_PACKAGE_NAME = COMPONENT_TYPE.split(":")[0];

/** Options of the host (not exported: the launcher would find the component in them and try to host it again). */
const hostOptions: ComponentProviderHostOptions = {
  name: PULUMI_PACKAGE_NAME,
  dirname: path.resolve(__dirname),
  components: [OktaAuth0ScimIntegration],
};

/** True when the language host's plugin launcher (`node …/@pulumi/pulumi/cmd/run-plugin <dir>`) loaded this file. */
export function launchedAsPlugin(argv: readonly string[] = process.argv): boolean {
  return /[\\/]cmd[\\/]run-plugin([\\/]index(\.js)?)?$/.test(argv[1] ?? "");
}

// Not when a test or a tool imports this file.
if (launchedAsPlugin()) void componentProviderHost(hostOptions);
