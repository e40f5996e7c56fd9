/**
 * Replaces every occurrence of a secret in `text` with `[redacted]`.
 *
 * DataBrain's error messages are passed on to callers; if a message ever
 * echoed a credential back, this keeps it out of logs and responses.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[redacted]');
  }
  return out;
}
