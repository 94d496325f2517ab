const MASK = '*'.repeat(12);

/** Separators after which a token's public prefix ends (`ghp_`, `sk-ant-`, `xoxb-`). */
const PREFIX_END = /^[A-Za-z0-9]{2,12}[_-](?:[A-Za-z0-9]{2,8}[_-])?/;

/** The most characters of a secret any output shows: no piece of 8 or more ever leaves redacted output (docs/hardening.md). */
export const MAX_VISIBLE = 7;

/**
 * Keeps a short part of a secret so a user can tell which key it is (the
 * provider's prefix and a character or few, at most {@link MAX_VISIBLE} in
 * all) and masks the rest with a fixed-width mask that does not reveal the
 * length. Short secrets keep less, so at least three quarters of any secret
 * is always hidden.
 */
export function redact(secret: string, hidePercent?: number): string {
  if (secret.length === 0) return '';
  const prefix = PREFIX_END.exec(secret)?.[0] ?? '';
  const budget = Math.floor(secret.length / 4);
  let visible = Math.min(budget, prefix.length + 4, secret.length > 8 ? MAX_VISIBLE : 2);
  // gitleaks' --redact=N: hide at least N percent (never less than the default hides).
  if (hidePercent !== undefined) visible = Math.min(visible, Math.floor((secret.length * (100 - hidePercent)) / 100));
  return secret.slice(0, Math.max(0, visible)) + MASK;
}

/** Runs of token characters long enough to be a credential: what {@link maskTokens} looks at. Dots end a run (a JWT's parts are masked one by one). */
const TOKEN_RUN = /[A-Za-z0-9+/=_-]{16,}/g;

/** Names rather than tokens: lowercase words joined by `-` or `_` (`generic-password-2024`), and paths of such names. */
const IDENTIFIER = /^\/?[a-z]+(?:[-_/][a-z0-9]+)*\/?$/;

/**
 * Text that may quote a secret keyhound has not seen as one (a config value
 * in an error message, an allow regex in an `--explain` reason): every long
 * run of token characters that mixes letters and digits is masked, unless it
 * reads as a lowercase name. Words, identifiers and paths without digits read
 * as they were.
 */
export function maskTokens(text: string): string {
  return text.replace(TOKEN_RUN, (run) => (/[A-Za-z]/.test(run) && /[0-9]/.test(run) && !IDENTIFIER.test(run) ? redact(run) : run));
}

/** Replaces every occurrence of each secret in a text with its redacted form. Longer secrets first, so a secret that contains another is masked whole. */
export function redactText(text: string, secrets: Iterable<string>): string {
  const sorted = [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of sorted) out = out.split(secret).join(redact(secret));
  return out;
}

/**
 * Filters whose verdict is that the text is no credential at all (too
 * regular, a placeholder, a published example, an identifier, a bad
 * checksum). Their candidates need no masking elsewhere in a report, and
 * masking them would hide harmless words (`allow-next-line`). Every other
 * drop (an allowlist, an inline marker, a baseline, a missing partner) may
 * be a real secret that is merely not reported: it is masked wherever it shows.
 */
const NOT_A_SECRET = new Set(['entropy', 'checksum', 'placeholder', 'published', 'shape', 'wordlike']);

/** Whether a candidate dropped by `filter` may still be a real secret, and so must be masked in every output. */
export function maskAfterDrop(filter: string): boolean {
  return !NOT_A_SECRET.has(filter);
}
