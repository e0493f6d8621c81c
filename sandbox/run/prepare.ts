// One throwaway run of a stack file, ready for its first `pulumi up`: the stand-ins started (with the
// lookups seeded, and faults to inject if given), a project directory that is the repository but for
// its stack files, a local backend and passphrase of its own, the stack created and every secret set.
// Shared by `npm run sandbox` and `npm run faults` (one run per case).
import { generateKeyPairSync, randomBytes } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../../offline/stackFile";
import type { ManagementApiPlanName } from "../auth0/rateLimit";
import type { FaultInjector } from "../http/faults";
import type { OktaSeed } from "../okta/seed";
import { excerpt, redact } from "./commands";
import { pulumi, writeStackConfig, type Context, type StackConfig } from "./context";
import { firstDeploymentConfig } from "./plan";
import { missingSecretSettings, secretSettings, secretValues, withSecrets, type SecretSetting } from "./secrets";
import { lookupSeeds, stackCredentials, startStandIns } from "./standIns";

const generators = {
  rsaPrivateKeyPem: () => generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
  random: (bytes: number) => randomBytes(bytes).toString("base64url"),
};

export interface RunSetup {
  stack: string;
  /** The stack file's config (secure values as ciphertext placeholders). */
  fileConfig: StackConfig;
  /** The `pulumi` to run. */
  pulumiPath: string;
  baseEnv: NodeJS.ProcessEnv;
  /** Hand-made objects to add to the lookup seeds, by org domain (`--seed`). */
  extraSeeds?: Record<string, OktaSeed>;
  rateLimit?: ManagementApiPlanName;
  faults?: FaultInjector;
}

export interface PreparedRun {
  ctx: Context;
  /** The run's temporary directory (project, backend, CA). */
  dir: string;
  /** Stops the stand-ins and (unless `keep`) removes the directory. */
  close(keep?: boolean): Promise<void>;
}

/** A project directory that is the repository but for its stack files: the run's copy is the only one. */
function throwawayProject(dir: string): string {
  const project = path.join(dir, "project");
  fs.mkdirSync(project);
  for (const entry of fs.readdirSync(REPO_ROOT)) {
    if (entry === ".git" || /^Pulumi\..+\.ya?ml$/.test(entry)) continue;
    fs.symlinkSync(path.join(REPO_ROOT, entry), path.join(project, entry));
  }
  return project;
}

/** Secure leaves → placeholders: the run sets each with `pulumi config set --secret --path`. */
function withPlaceholders(config: StackConfig, settings: readonly SecretSetting[]): StackConfig {
  return withSecrets(config, settings.map((s) => ({ ...s, value: "set-by-the-sandbox" })));
}

export async function prepareRun(setup: RunSetup): Promise<PreparedRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oktascim-sandbox-"));
  // Every secure: value regenerated, and the credentials a fresh stack (npm run new-stack) has not set yet.
  const settings = [...secretSettings(setup.fileConfig, generators), ...missingSecretSettings(setup.fileConfig, generators)];
  const credentials = stackCredentials(withSecrets(setup.fileConfig, settings));
  const seeds = lookupSeeds(setup.fileConfig, credentials);
  for (const [domain, seed] of Object.entries(setup.extraSeeds ?? {})) {
    const existing = seeds.get(domain.toLowerCase()) ?? {};
    seeds.set(domain.toLowerCase(), { groups: [...(existing.groups ?? []), ...(seed.groups ?? [])], users: [...(existing.users ?? []), ...(seed.users ?? [])], apps: [...(existing.apps ?? []), ...(seed.apps ?? [])] });
  }
  const standIns = await startStandIns(credentials, dir, seeds, setup.rateLimit, setup.faults);
  const close = async (keep = false) => {
    await standIns.close();
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const project = throwawayProject(dir);
    const stackFile = path.join(project, `Pulumi.${setup.stack}.yaml`);
    writeStackConfig(stackFile, firstDeploymentConfig(withPlaceholders(setup.fileConfig, settings)));
    fs.mkdirSync(path.join(dir, "backend"));
    const ctx: Context = {
      stack: setup.stack,
      project,
      stackFile,
      pulumi: setup.pulumiPath,
      env: {
        ...setup.baseEnv,
        ...standIns.env,
        PULUMI_BACKEND_URL: `file://${path.join(dir, "backend")}`,
        PULUMI_CONFIG_PASSPHRASE: randomBytes(24).toString("base64url"),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      },
      standIns,
      settings,
      firstConfig: structuredClone(setup.fileConfig),
      credentials,
      secrets: secretValues(settings),
      numbers: { resources: 0, apiCallsUp: 0, apiCallsNoopPreview: 0 },
      phases: [],
    };
    const init = await pulumi(ctx, ["stack", "init", setup.stack, "--secrets-provider", "passphrase"]);
    if (init.code !== 0) throw new Error(`pulumi stack init failed: ${excerpt(init)}`);
    for (const s of settings) {
      const set = await pulumi(ctx, ["config", "set", "--secret", "--path", s.path], s.value);
      if (set.code !== 0) throw new Error(`pulumi config set --secret --path ${s.path} failed: ${redact(excerpt(set), ctx.secrets)}`);
    }
    return { ctx, dir, close };
  } catch (error) {
    await close();
    throw new Error(redact(error instanceof Error ? error.message : String(error), secretValues(settings)));
  }
}
