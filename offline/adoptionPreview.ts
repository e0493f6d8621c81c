// Judges `pulumi preview --json` of an adoption (docs/adopting-an-existing-setup.md): Pulumi (since
// CLI 3.174) plans an import whose existing object differs from the config as an import FOLLOWED BY
// AN UPDATE of that object, so "only imports" is something to check, not something the engine
// enforces. Allowed: imports; creates of the stack, providers, the component and new SCIM tokens;
// sames. Anything else (update, replace, delete, another create) is listed. Pure.

export const SCIM_TOKEN_TYPE = "pulumi-nodejs:dynamic/scimToken:ScimToken";

export interface PreviewStep {
  op: string;
  urn: string;
  diffReasons?: string[];
  detailedDiff?: Record<string, unknown> | null;
}

/** `urn:pulumi:<stack>::<project>::<parent types>$<type>::<name>` → `<type>::<name>`. */
export function typeAndName(urn: string): string {
  const parts = urn.split("::");
  const name = parts[parts.length - 1];
  const type = parts[parts.length - 2].split("$").pop()!;
  return `${type}::${name}`;
}

function creatable(type: string): boolean {
  return type === "pulumi:pulumi:Stack" || type.startsWith("pulumi:providers:") || type === SCIM_TOKEN_TYPE || type.startsWith("oktaScim:");
}

export interface AdoptionPreview {
  imports: string[];
  /** New SCIM tokens (the stack, providers and the component are left out). */
  creates: string[];
  /** What an adoption must not do, each with the properties that differ. */
  unexpected: string[];
}

export function adoptionPreview(steps: readonly PreviewStep[]): AdoptionPreview {
  const out: AdoptionPreview = { imports: [], creates: [], unexpected: [] };
  for (const step of steps) {
    const key = typeAndName(step.urn);
    const type = key.split("::")[0];
    if (step.op === "same") continue;
    if (step.op === "import") out.imports.push(key);
    else if (step.op === "create" && creatable(type)) {
      if (type === SCIM_TOKEN_TYPE) out.creates.push(key);
    } else {
      // The detailed diff names the nested property (options.clientSecret), the reasons only the top level.
      const detailed = Object.keys(step.detailedDiff ?? {});
      const reasons = detailed.length > 0 ? detailed : (step.diffReasons ?? []);
      out.unexpected.push(`${step.op} ${key}${reasons.length > 0 ? ` [${reasons.join(", ")}]` : ""}`);
    }
  }
  out.imports.sort();
  out.creates.sort();
  out.unexpected.sort();
  return out;
}

/** The verdict as printed by `npm run adopt:check`. */
export function renderAdoptionVerdict(p: AdoptionPreview): { ok: boolean; text: string } {
  if (p.unexpected.length > 0) {
    return {
      ok: false,
      text: [
        `NOT only imports: ${p.unexpected.length} other change(s); do not run \`pulumi up\`. Align the config with what exists (or the console setting with the config), then preview again:`,
        ...p.unexpected.map((u) => `  - ${u}`),
      ].join("\n"),
    };
  }
  if (p.imports.length === 0) return { ok: false, text: "no import in this preview: is the adopt block in the stack's config?" };
  return { ok: true, text: `only imports: ${p.imports.length} import(s), ${p.creates.length} new SCIM token(s); safe to \`pulumi up\`` };
}
