// Every `secure:` value of a stack file replaced by one generated for this run: a new stack cannot
// decrypt the committed placeholders (they are tied to another stack's encryption salt), and the
// stand-ins must know the credentials the providers will present. Pure, with the generators injected.
import { isSecureForm } from "../../config/stackFile";

export interface SecretSetting {
  /** The namespaced top-level key ("oktaScim:oktaOrgs"). */
  key: string;
  /** The path `pulumi config set --secret --path` takes ("oktaOrgs[1].privateKey"). */
  path: string;
  /** The last property name ("privateKey"): decides what kind of value is generated. */
  leaf: string;
  value: string;
}

export interface Generators {
  /** A PEM RSA private key (the okta provider signs its client assertion with it: it must parse). */
  rsaPrivateKeyPem(): string;
  /** `bytes` random bytes, base64url. */
  random(bytes: number): string;
}

/** The value a secret of this name gets: real RSA PEM for private keys, token-like strings otherwise. */
export function generatedValue(leaf: string, gen: Generators): string {
  if (/privatekey/i.test(leaf)) return gen.rsaPrivateKeyPem();
  if (/apitoken/i.test(leaf)) return `00${gen.random(30)}`;
  return gen.random(48);
}

/**
 * The credentials a stack file does not hold yet but the program needs: what `npm run new-stack` leaves
 * for `pulumi config set --secret` (auth0.clientSecret; each org's apiToken, or its privateKey when the
 * org names an OAuth service app). The sandbox sets them as that command would, so a freshly written
 * stack runs as it is.
 */
export function missingSecretSettings(config: Record<string, unknown>, gen: Generators): SecretSetting[] {
  const found: SecretSetting[] = [];
  const missing = (key: string, path: string, leaf: string) => found.push({ key, path, leaf, value: generatedValue(leaf, gen) });
  const auth0 = config["oktaScim:auth0"] as Record<string, unknown> | undefined;
  if (auth0 && auth0.clientSecret === undefined) missing("oktaScim:auth0", "auth0.clientSecret", "clientSecret");
  const orgs = (config["oktaScim:oktaOrgs"] ?? []) as Array<Record<string, unknown>>;
  orgs.forEach((org, i) => {
    // A customer's org has no credential at all (the stack never calls it).
    if (org.administeredBy === "customer") return;
    const oauth = org.clientId !== undefined || org.privateKeyId !== undefined;
    if (oauth && org.privateKey === undefined) missing("oktaScim:oktaOrgs", `oktaOrgs[${i}].privateKey`, "privateKey");
    if (!oauth && org.apiToken === undefined) missing("oktaScim:oktaOrgs", `oktaOrgs[${i}].apiToken`, "apiToken");
  });
  return found;
}

/** A `secure:` leaf of a stack file's `config:` block, where it is now and its ciphertext. */
export interface SecureLeaf {
  key: string;
  path: string;
  leaf: string;
  ciphertext: string;
}

/** Every `secure:` leaf of a stack file's `config:` block, in file order. */
export function secureLeaves(config: Record<string, unknown>): SecureLeaf[] {
  const found: SecureLeaf[] = [];
  for (const [key, value] of Object.entries(config)) {
    const bare = key.includes(":") ? key.slice(key.indexOf(":") + 1) : key;
    const walk = (v: unknown, at: string, leaf: string) => {
      if (isSecureForm(v)) {
        found.push({ key, path: at, leaf, ciphertext: String((v as { secure: unknown }).secure) });
        return;
      }
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`, leaf));
      else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, `${at}.${k}`, k);
    };
    walk(value, bare, bare);
  }
  return found;
}

/** Paths of every `secure:` leaf of a stack file's `config:` block, with generated values. */
export function secretSettings(config: Record<string, unknown>, gen: Generators): SecretSetting[] {
  return secureLeaves(config).map(({ key, path, leaf }) => ({ key, path, leaf, value: generatedValue(leaf, gen) }));
}

/** The config with each secure leaf replaced by its generated value (what the program will see). */
export function withSecrets(config: Record<string, unknown>, settings: readonly SecretSetting[]): Record<string, unknown> {
  const copy = structuredClone(config);
  for (const s of settings) {
    const bare = s.key.includes(":") ? s.key.slice(s.key.indexOf(":") + 1) : s.key;
    const steps = s.path
      .slice(bare.length)
      .split(/\.|\[(\d+)\]/)
      .filter((x) => x !== undefined && x !== "");
    if (steps.length === 0) {
      copy[s.key] = s.value;
      continue;
    }
    let at = copy[s.key] as Record<string, unknown>;
    for (const step of steps.slice(0, -1)) {
      at = at?.[step] as Record<string, unknown>;
      // A path of another layout (a connection removed since the settings were made) must not land on a neighbour.
      if (at === null || typeof at !== "object") throw new Error(`the secret setting ${s.path} names no place in this config (was a connection removed or reordered?)`);
    }
    at[steps[steps.length - 1]] = s.value;
  }
  return copy;
}

/**
 * The settings of a config cut down to one connection (the one at `index`, now at 0): the other
 * connections' secrets dropped, that connection's moved to index 0, every other key's kept.
 */
export function settingsForOneConnection(settings: readonly SecretSetting[], index: number): SecretSetting[] {
  const prefix = `connections[${index}]`;
  return settings.flatMap((s) => {
    if (s.key !== "oktaScim:connections") return [s];
    if (!s.path.startsWith(`${prefix}.`) && s.path !== prefix) return [];
    return [{ ...s, path: `connections[0]${s.path.slice(prefix.length)}` }];
  });
}

/** Every string that must never appear in plain text in the exported state. */
export function secretValues(settings: readonly SecretSetting[]): string[] {
  return settings.flatMap((s) => {
    // A PEM's lines are checked one by one: a state that held the key re-wrapped would still leak them.
    const lines = s.value.split("\n").filter((l) => l.length >= 40 && !l.startsWith("-----"));
    return [s.value, ...lines];
  });
}
