// `npm run verify -- --capture-app-schema`: reads the Okta SCIM app's user schema and prints its
// attribute names as the `scimApp.attributes` block of the stack config. Phase 2 builds the Okta → app
// profile mapping from exactly that reviewed, committed list (components/decisions/oktaProfileMappings.ts),
// so the mapping never names an attribute the app lacks and never forgets one it has.

export interface CapturedSchema {
  connection: string;
  scimAppId: string;
  orgUrl: string;
  attributes: readonly string[];
}

/** The YAML to paste under the connection's `scimApp` in Pulumi.<stack>.yaml, with where it came from. */
export function renderCapturedSchema(capture: CapturedSchema, capturedAt: Date, command: string): string {
  return [
    `# ${capture.connection}: the user schema of Okta SCIM app ${capture.scimAppId} (${capture.orgUrl}), ${capture.attributes.length} attributes,`,
    `# captured ${capturedAt.toISOString()} by \`${command}\`. Review, then put this under the connection's`,
    "# scimApp in Pulumi.<stack>.yaml: phase 2 maps exactly these (docs/okta-app-schema.md).",
    "        attributes:",
    ...capture.attributes.map((name) => `          - ${name}`),
  ].join("\n");
}
