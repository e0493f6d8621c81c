// Last line of defence: every byte the CLI prints goes through this, so a secret that slipped into an
// error message (a server echoing the Authorization header, a library quoting its options) is masked.

/** Replaces every occurrence of each secret (ignoring empty and very short values) with "[redacted]". */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    // Values under 6 characters would mask ordinary words; real tokens and secrets are far longer.
    if (!secret || secret.length < 6) continue;
    out = out.split(secret).join("[redacted]");
  }
  return out;
}
