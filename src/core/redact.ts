const MASK = '*'.repeat(12);

/** Separators after which a token's public prefix ends (`ghp_`, `sk-ant-`, `xoxb-`). */
const PREFIX_END = /^[A-Za-z0-9]{2,12}[_-](?:[A-Za-z0-9]{2,8}[_-])?/;

/**
 * Keeps a short, non-secret part of a secret so a user can tell which key it
 * is (the provider's prefix plus at most four characters) and masks the rest
 * with a fixed-width mask that does not reveal the length. Short secrets keep
 * less, so at least three quarters of any secret is always hidden.
 */
export function redact(secret: string): string {
  if (secret.length === 0) return '';
  const prefix = PREFIX_END.exec(secret)?.[0] ?? '';
  const budget = Math.floor(secret.length / 4);
  const visible = Math.min(budget, prefix.length + 4, secret.length > 8 ? 12 : 2);
  return secret.slice(0, Math.max(0, visible)) + MASK;
}

/** Replaces every occurrence of each secret in a text with its redacted form. Longer secrets first, so a secret that contains another is masked whole. */
export function redactText(text: string, secrets: Iterable<string>): string {
  const sorted = [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of sorted) out = out.split(secret).join(redact(secret));
  return out;
}
