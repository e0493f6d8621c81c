// Where the component runs, which decides the kind of its token resources. In a TypeScript program
// (the stack program, a library user) they are dynamic resources (resource.ts), as every deployed
// stack holds them. Inside this package's plugin, for a program in another language, a dynamic
// resource cannot start (hostedProvider.ts), so the plugin serves them as its own type. pulumiPlugin.ts
// switches this before it serves; nothing else does.
let plugin: { version: string } | undefined;

/** Called once by the plugin entry point, before it serves the engine, with the package's version. */
export function hostTokensInPlugin(version: string): void {
  plugin = { version };
}

/** The plugin's version when the component runs inside the package's plugin, else undefined. */
export function tokenHostingPlugin(): { version: string } | undefined {
  return plugin;
}
