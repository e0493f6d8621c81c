// The offline plan: the desired state of a stack as a reviewer needs it in a pull request. Built from
// a run of the real program under mocks (planCloud placeholders), rendered deterministically.
import * as pulumi from "@pulumi/pulumi";
import { planCloud } from "./planCloud";
import { runProgram, type ProgramRun } from "./runProgram";
import { readStackFile, toRawConfig } from "./stackFile";
import { compactJson, oneLineJson } from "./compactJson";
import { differenceFrom, referenceFor, type ReferenceList } from "./planReferences";

export interface PlannedResource {
  type: string;
  name: string;
  parent: string | null;
  provider: string | null;
  protect: boolean;
  /** Present only when true: removing the resource from the program forgets it, the cloud keeps it. */
  retainOnDelete?: true;
  /** Present only when set: the URNs this resource had before (a key change, a naming change). */
  aliases?: string[];
  /** Present only when set: `connections[].adopt` imports this existing object (Pulumi `import` option) instead of creating one. */
  import?: string;
  inputs: unknown;
}

export interface Plan {
  stack: string;
  /** Pulumi ESC environments the stack imports: values from there are not visible offline. */
  environments?: string[];
  resources: PlannedResource[];
  outputs: Record<string, unknown>;
}

/** `urn:…::pulumi:pulumi:Stack$pulumi:providers:okta::okta-acme::<id>` → `pulumi:providers:okta::okta-acme`. */
export function providerLabel(reference: string | undefined): string | null {
  if (!reference) return null;
  const match = /(pulumi:providers:[^:]+)::([^:]+)::/.exec(reference);
  return match ? `${match[1]}::${match[2]}` : reference;
}

/** JSON with object keys sorted at every level, so the text depends on content only. */
export function stableJson(value: unknown, indent = 2): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return JSON.stringify(sort(value), null, indent);
}

/** A dynamic resource's `__provider` input is its serialized code (tens of kB): named, not printed. */
function withoutSerializedProvider(inputs: unknown): unknown {
  if (inputs === null || typeof inputs !== "object" || !("__provider" in inputs)) return inputs;
  return { ...(inputs as Record<string, unknown>), __provider: "<serialized dynamic provider (components/scimToken/provider.ts)>" };
}

export async function planFromRun(stack: string, run: ProgramRun): Promise<Plan> {
  const outputs: Record<string, unknown> = {};
  for (const key of Object.keys(run.outputs).sort()) {
    outputs[key] = (await pulumi.isSecret(run.outputs[key])) ? "[secret]" : run.resolved[key];
  }
  return {
    stack,
    resources: run.registrations.map((r) => ({
      type: r.type,
      name: r.name,
      parent: r.parent ?? null,
      provider: providerLabel(r.provider),
      protect: r.protect,
      ...(r.retainOnDelete ? { retainOnDelete: true as const } : {}),
      ...(r.aliases.length > 0 ? { aliases: r.aliases } : {}),
      ...(r.importId !== undefined ? { import: r.importId } : {}),
      inputs: withoutSerializedProvider(r.redactedInputs),
    })),
    outputs,
  };
}

/** Evaluates `index.ts` against `Pulumi.<stack>.yaml`; throws the program's error (e.g. invalid config). */
export async function planStack(stack: string, directory?: string): Promise<Plan> {
  const { values, secretKeys, environments } = readStackFile(stack, directory);
  let run: ProgramRun;
  try {
    run = await runProgram(toRawConfig(values, secretKeys), { stack, preview: true, cloud: planCloud });
  } catch (error) {
    if (environments.length === 0 || !(error instanceof Error)) throw error;
    // Say why a setting may look missing: it may live in the environment, which the plan cannot read.
    error.message += `\nPulumi.${stack}.yaml imports the Pulumi ESC environment(s) ${environments.join(", ")}; the offline plan cannot read them. Keep every non-secret oktaScim setting in the stack file (credentials may stay in the environment).`;
    throw error;
  }
  const plan = await planFromRun(stack, run);
  return environments.length > 0 ? { ...plan, environments } : plan;
}

export function renderPlanJson(plan: Plan): string {
  return `${stableJson(plan)}\n`;
}

/** A property shown as its difference from a reference list: the placeholder and the bullet lines. */
function referencedProperty(type: string, property: string, value: unknown): { placeholder: string; lines: string[]; reference: ReferenceList } | undefined {
  const reference = referenceFor(type, property);
  if (!reference || !Array.isArray(value)) return undefined;
  const diff = differenceFrom(reference, value as Record<string, unknown>[]);
  if (!diff) return undefined;
  const count = diff.added.length + diff.removed.length + diff.changed.length;
  const lines = [
    `- \`${property}\`: ${reference.title} ([reference](#${reference.id}), ${reference.entries.length} entries)${count === 0 ? ", unchanged" : ", with these differences:"}`,
    ...diff.added.map((e) => `  - added: \`${oneLineJson(e)}\``),
    ...diff.changed.map((c) => `  - changed: \`${oneLineJson(c.from)}\` → \`${oneLineJson(c.to)}\``),
    ...diff.removed.map((e) => `  - removed: \`${oneLineJson(e)}\``),
  ];
  return { placeholder: `<${reference.id}${count === 0 ? "" : ` with ${count} difference${count === 1 ? "" : "s"}`}: see below>`, lines, reference };
}

export function renderPlanMarkdown(plan: Plan): string {
  const lines = [
    `# Plan for stack \`${plan.stack}\``,
    "",
    `Generated by \`npm run plan -- --stack ${plan.stack}\` from \`Pulumi.${plan.stack}.yaml\`: the real program evaluated`,
    "under Pulumi's mocks, without credentials or network. It shows the desired state, not a diff against",
    "the cloud. `<id of …>` marks values only the provider knows after `pulumi up`; secrets show as `[secret]`",
    "(an input object that holds a secret is stored whole as secret by Pulumi; it is shown here with only the",
    "secret values hidden). Lists every connection shares (Auth0's default SCIM mappings, the base profile",
    "mapping) are printed once under References; each resource lists only its differences from them.",
    `\`npm run plan -- --stack ${plan.stack} --format json\` prints everything in full.`,
    ...(plan.environments
      ? [
          "",
          `The stack imports the Pulumi ESC environment(s) ${plan.environments.map((e) => `\`${e}\``).join(", ")}: credentials missing from the`,
          "stack file are taken to come from there and show as `[secret]`; the plan cannot read or check them.",
        ]
      : []),
    "",
    `## Resources (${plan.resources.length})`,
    "",
  ];
  const usedReferences = new Map<string, ReferenceList>();
  for (const r of plan.resources) {
    lines.push(`### \`${r.name}\` (${r.type})${r.import !== undefined ? ` · import \`${r.import}\`` : ""}`);
    const provider = r.provider ? ` · provider: \`${r.provider}\`` : "";
    const retain = r.retainOnDelete ? " · retainOnDelete: true (removed from config, it is only forgotten; it stays in the cloud)" : "";
    lines.push(`- parent: ${r.parent ? `\`${r.parent}\`` : "stack"}${provider} · protect: ${r.protect}${retain}`);
    for (const alias of r.aliases ?? []) lines.push(`- alias: \`${alias}\``);
    if (r.import !== undefined) {
      lines.push(`- import \`${r.import}\`: adopts the existing object (\`adopt\` in config); \`pulumi preview\` must show it as an import, with no update or replace`);
    }
    let inputs = r.inputs;
    const notes: string[] = [];
    if (inputs !== null && typeof inputs === "object" && !Array.isArray(inputs)) {
      const copy = { ...(inputs as Record<string, unknown>) };
      for (const [property, value] of Object.entries(copy)) {
        const shown = referencedProperty(r.type, property, value);
        if (!shown) continue;
        copy[property] = shown.placeholder;
        notes.push(...shown.lines);
        usedReferences.set(shown.reference.id, shown.reference);
      }
      inputs = copy;
    }
    lines.push(...notes, "```json", compactJson(inputs), "```", "");
  }

  // Console checklists are Markdown already: shown as such, not as an escaped JSON string.
  const checklists: [string, string][] = [];
  const outputs = Object.fromEntries(
    Object.entries(plan.outputs).map(([name, value]) => {
      if (value === null || typeof value !== "object" || typeof (value as Record<string, unknown>).consoleChecklist !== "string") return [name, value];
      checklists.push([name, (value as Record<string, string>).consoleChecklist]);
      return [name, { ...(value as Record<string, unknown>), consoleChecklist: `<see Console checklist: ${name}>` }];
    }),
  );
  lines.push("## Outputs", "", "```json", compactJson(outputs), "```", "");
  for (const [name, text] of checklists) lines.push(`## Console checklist: ${name}`, "", text.trimEnd(), "");

  if (usedReferences.size > 0) lines.push("## References", "");
  for (const reference of usedReferences.values()) {
    lines.push(`### ${reference.title}`, "", `<a id="${reference.id}"></a>Defined in \`${reference.source}\`.`, "");
    lines.push(...reference.entries.map((e) => `- \`${oneLineJson(e)}\``), "");
  }
  return lines.join("\n");
}
