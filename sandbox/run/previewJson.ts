// Reading `pulumi preview --json` the way a reviewer reads the preview: which resources change, how,
// and which of their inputs differ. The day-2 steps judge the real engine's plan with these. Pure.
import { keyOfUrn } from "./plan";

/** One step of `pulumi preview --json` (pkg/display/json.go previewStep), the fields the steps read. */
export interface PreviewStep {
  op: string;
  urn: string;
  diffReasons?: string[] | null;
  replaceReasons?: string[] | null;
  detailedDiff?: Record<string, { kind?: string; inputDiff?: boolean }> | null;
  oldState?: { type?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> } | null;
  newState?: { type?: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> } | null;
}

export interface PreviewJson {
  steps?: PreviewStep[];
  diagnostics?: Array<{ message?: string; severity?: string }>;
}

/**
 * Ops that create, delete or replace something. An `update` and a `same` keep the resource; everything
 * here would give it a new identity or remove it (a replaced Okta app loses its console settings, a
 * replaced Auth0 connection its users).
 */
export const IDENTITY_OPS = new Set(["create", "delete", "replace", "create-replacement", "delete-replaced", "discard", "discard-replaced", "import", "import-replacement", "read-replacement"]);

/** The steps that change something: neither the Stack nor `same`/`read`/`refresh`. */
export function changingSteps(preview: PreviewJson): PreviewStep[] {
  return (preview.steps ?? []).filter((s) => !s.urn.includes("::pulumi:pulumi:Stack::") && !["same", "read", "refresh"].includes(s.op));
}

/** "op type::name" of each changing step, sorted: what a failed step's detail lists. */
export function describeSteps(steps: readonly PreviewStep[]): string[] {
  return steps.map((s) => `${s.op} ${keyOfUrn(s.urn)}`).sort();
}

/** JSON with sorted keys, so two values compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v,
  );
}

/**
 * The top-level inputs an update changes. The engine's own list (`diffReasons`) when it has one;
 * otherwise (a dynamic provider returns no list) the keys whose old and new inputs differ.
 */
export function changedInputKeys(step: PreviewStep): string[] {
  if (step.diffReasons && step.diffReasons.length > 0) return [...new Set(step.diffReasons.map((k) => k.split(/[.[]/)[0]))].sort();
  const olds = step.oldState?.inputs ?? {};
  const news = step.newState?.inputs ?? {};
  return [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => canonical(olds[k]) !== canonical(news[k])).sort();
}

/** The resource type of a step (`okta:index/appGroupAssignments:AppGroupAssignments`). */
export function typeOfStep(step: PreviewStep): string {
  return step.newState?.type ?? step.oldState?.type ?? keyOfUrn(step.urn).split("::")[0];
}

/** Parses `pulumi preview --json` stdout (the CLI prints one JSON document). */
export function parsePreview(stdout: string): PreviewJson {
  return JSON.parse(stdout) as PreviewJson;
}
