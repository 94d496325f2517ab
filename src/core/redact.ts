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

/** Characters that continue a name: a kept word must not be part of a longer one. */
const NAME_CHAR = /[A-Za-z0-9_-]/;

/**
 * Names rather than tokens: lowercase words joined by `-`, `_` or `/`
 * (`generic-api-key-2`, `auth0-client-secret`, `1password-secret-key`, a
 * path of such names). A word may hold one group of up to three digits, as
 * provider names do (`auth0`, `d7networks`, `x509`); a random lowercase
 * token has digits scattered through it and fails.
 */
function isIdentifier(run: string): boolean {
  const segments = run.replace(/^\/|\/$/g, '').split(/[-_/]/);
  return (
    segments.length >= 2 &&
    segments.every((segment) => /^[a-z]*[0-9]{0,3}[a-z]*$/.test(segment) && segment !== '') &&
    segments.some((segment) => /^[a-z]{3,}$/.test(segment))
  );
}

/** One run of token characters, masked unless it reads as a name; `keep` words in it stay whole and the pieces around them are judged alone. */
function maskRun(run: string, keep: ReadonlySet<string> | undefined): string {
  if (keep)
    for (const word of keep) {
      for (let at = run.indexOf(word); at !== -1; at = run.indexOf(word, at + 1)) {
        const before = run[at - 1];
        const after = run[at + word.length];
        if ((before === undefined || !NAME_CHAR.test(before)) && (after === undefined || !NAME_CHAR.test(after)))
          return maskRun(run.slice(0, at), keep) + word + maskRun(run.slice(at + word.length), keep);
      }
    }
  if (run.length < 16) return run;
  return /[A-Za-z]/.test(run) && /[0-9]/.test(run) && !isIdentifier(run) ? redact(run) : run;
}

/**
 * Text that may quote a secret keyhound has not seen as one (a config value
 * in an error message, an allow regex in an `--explain` reason): every long
 * run of token characters that mixes letters and digits is masked, unless it
 * reads as a lowercase name. Words, identifiers and paths without digits read
 * as they were, and so do the `keep` words (the run's rule ids and commit
 * ids: `rule=generic-api-key-2` and a `.gitleaksignore` fingerprint's commit
 * must read whole in a reason).
 */
export function maskTokens(text: string, keep?: ReadonlySet<string>): string {
  return text.replace(TOKEN_RUN, (run) => maskRun(run, keep && keep.size > 0 ? keep : undefined));
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
