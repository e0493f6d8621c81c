// Runs the pack's policies over adapted program registrations the way @pulumi/policy's analyzer
// server does: per-policy config with the configSchema defaults applied (as the CLI applies them),
// the enforcement level from config, else the policy's, else the pack default (advisory); a read of
// an unknown value becomes an advisory "can't run during preview"; notApplicable is recorded.
import type { EnforcementLevel, PolicyConfigSchema, ResourceValidationPolicy, StackValidationPolicy } from "../../policies/policies";
import { NotApplicable, UnknownValueError, type PolicyInputs } from "./policyArgs";

type AnyPolicy = ResourceValidationPolicy | StackValidationPolicy;

export type PackConfig = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

export interface Diagnostic {
  policyName: string;
  enforcementLevel: EnforcementLevel;
  message: string;
  urn?: string;
}

export interface PackResult {
  diagnostics: Diagnostic[];
  notApplicable: { policyName: string; reason?: string }[];
}

function schemaDefaults(schema: PolicyConfigSchema | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema?.properties ?? {})
      .filter(([, s]) => (s as { default?: unknown }).default !== undefined)
      .map(([k, s]) => [k, (s as { default?: unknown }).default]),
  );
}

function policySettings(p: AnyPolicy, config: PackConfig) {
  const given = config[p.name];
  const { enforcementLevel, ...properties } = typeof given === "string" ? { enforcementLevel: given } : (given ?? {});
  return {
    enforcementLevel: (enforcementLevel ?? p.enforcementLevel ?? "advisory") as EnforcementLevel,
    getConfig: <T extends object>() => ({ ...schemaDefaults(p.configSchema), ...properties }) as T,
  };
}

export async function runPack(policies: readonly AnyPolicy[], inputs: PolicyInputs, config: PackConfig = {}): Promise<PackResult> {
  const result: PackResult = { diagnostics: [], notApplicable: [] };
  for (const p of policies) {
    const { enforcementLevel, getConfig } = policySettings(p, config);
    if (enforcementLevel === "disabled") continue;
    const report = (message: string, urn?: string) =>
      result.diagnostics.push({ policyName: p.name, enforcementLevel, message: `${p.description}\n${message}`, ...(urn ? { urn } : {}) });
    const attempt = async (run: () => unknown, urn?: string) => {
      try {
        await run();
      } catch (e) {
        if (e instanceof UnknownValueError) {
          result.diagnostics.push({ policyName: p.name, enforcementLevel: "advisory", message: `can't run during preview: ${e.message}`, urn });
        } else if (e instanceof NotApplicable) {
          result.notApplicable.push({ policyName: p.name, reason: e.reason });
        } else {
          throw e;
        }
      }
    };
    if ("validateStack" in p) {
      await attempt(() => p.validateStack({ resources: inputs.stackResources, stackTags: new Map(), getConfig, notApplicable: throwNa }, report));
    } else if (p.validateResource) {
      const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
      for (const args of inputs.resources) {
        for (const v of validations) {
          await attempt(() => v({ ...args, getConfig }, (m, urn) => report(m, urn ?? args.urn)), args.urn);
        }
      }
    }
  }
  return result;
}

function throwNa(reason?: string): never {
  throw new NotApplicable(reason);
}
