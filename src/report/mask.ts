import { maskTokens, redact } from '../core/redact.js';

/**
 * The one masking step every output passes (docs/hardening.md, "What is
 * masked"): it knows every secret of the run (findings, dropped candidates,
 * baselined and moved findings, partner values, candidates in commit
 * metadata) and masks each one wherever it appears in text that came from
 * scanned content (snippets, paths, commit metadata, context values,
 * provider answers, `--explain` reasons), whichever finding the text belongs
 * to. A streaming output adds secrets as they are found.
 */
export class Masker {
  /** Secrets by their first four characters, longest first: a secret that contains another is masked whole. */
  private readonly byStart = new Map<string, string[]>();
  private readonly short = new Set<string>();
  private readonly known = new Set<string>();
  /** Names that read whole in reasons though they look like tokens (rule ids, commit ids): see {@link keep}. */
  private readonly names = new Set<string>();

  constructor(
    secrets: Iterable<string> = [],
    private readonly hidePercent?: number,
  ) {
    this.add(secrets);
  }

  /** More secrets to mask from now on. */
  add(secrets: Iterable<string>): void {
    for (const secret of secrets) {
      if (secret.length === 0 || this.known.has(secret)) continue;
      this.known.add(secret);
      if (secret.length < 4) {
        this.short.add(secret);
        continue;
      }
      const key = secret.slice(0, 4);
      const list = this.byStart.get(key);
      if (!list) this.byStart.set(key, [secret]);
      else {
        list.push(secret);
        list.sort((a, b) => b.length - a.length);
      }
    }
  }

  /**
   * Words that are names, not secrets (the run's rule ids and commit ids):
   * {@link reason} leaves them whole. A word that is also a known secret is
   * still masked by {@link text}, which runs first.
   */
  keep(words: Iterable<string>): void {
    for (const word of words) if (word.length > 0 && !this.known.has(word)) this.names.add(word);
  }

  /** A secret as every output shows it. */
  secret(secret: string): string {
    return redact(secret, this.hidePercent);
  }

  /** `text` with every known secret in it masked. */
  text(text: string): string {
    if (this.known.size === 0 || text.length === 0) return text;
    let out = '';
    let cursor = 0;
    for (let i = 0; i + 4 <= text.length;) {
      const candidates = this.byStart.get(text.slice(i, i + 4));
      const hit = candidates?.find((secret) => text.startsWith(secret, i));
      if (!hit) {
        i++;
        continue;
      }
      out += text.slice(cursor, i) + this.secret(hit);
      i += hit.length;
      cursor = i;
    }
    out += text.slice(cursor);
    // Secrets this short are passwords like "admin1": masked where they stand alone, not inside words.
    for (const secret of this.short)
      out = out.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(secret)}(?![A-Za-z0-9])`, 'g'), this.secret(secret));
    return out;
  }

  /**
   * An `--explain` reason or any text that may quote configuration (an allow
   * regex, a stop word): known secrets masked, and every other run that looks
   * like a token too, since a regex can spell out a secret keyhound never saw.
   */
  reason(text: string): string {
    return maskTokens(this.text(text), this.names);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
