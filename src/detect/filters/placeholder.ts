import type { Filter } from './types.js';

/**
 * Words that mark a value as documentation or a template rather than a key.
 * Matched case-insensitively inside the secret.
 */
const PLACEHOLDER_WORDS = [
  'example',
  'xxxx',
  'placeholder',
  'changeme',
  'change_me',
  'change-me',
  'your_',
  'your-',
  'yourkey',
  'yourtoken',
  'yoursecret',
  'yourapikey',
  'dummy',
  'sample',
  'redacted',
  'insert_',
  'insert-',
  'replace_me',
  'replaceme',
  'replace-me',
  'fake',
  'notreal',
  'not_real',
  'not-real',
  'notasecret',
  'not_a_secret',
  'not-a-secret',
  'put_your',
  'enter_your',
  '<your',
  'todo',
  'fixme',
  'secret_here',
  'token_here',
  'key_here',
  'here_',
  'thisis',
  'this_is',
  'this-is',
];

/** Template and variable syntax: `${VAR}`, `{{ var }}`, `<token>`, `%(name)s`, `$VAR`, `****`. */
const TEMPLATE_SYNTAX = /\$\{|\{\{|\}\}|^<[^>]{1,80}>$|%\([a-z_]{1,40}\)s|^\$[A-Z_][A-Z0-9_]{1,60}$|\*{3,}|\.{3,}|•{3,}/i;

/**
 * References to a value kept elsewhere: environment lookups in code
 * (`process.env.TOKEN`, `os.environ["TOKEN"]`, `System.getenv("TOKEN")`) and
 * command substitution (`$(cat /run/secrets/token)`, backticks).
 */
const REFERENCE =
  /^(?:process\.env\b|import\.meta\.env\b|os\.environ\b|os\.getenv\b|System\.getenv\b|Environment\.GetEnvironmentVariable\b|ENV\[|ENV\.fetch\b|getenv\(|env\(|\$\(|`)/;

/** The longest run of one character. */
function longestRepeat(text: string): number {
  let longest = text.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < text.length; i++) {
    run = text.charCodeAt(i) === text.charCodeAt(i - 1) ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  return longest;
}

/** A run of six or more consecutive characters of an ascending or descending sequence (`123456`, `abcdef`, `fedcba`), case-insensitively. */
function sequentialRun(text: string): string | undefined {
  let run = 1;
  let step = 0;
  for (let i = 1; i < text.length; i++) {
    const previous = text.charCodeAt(i - 1) | 0x20;
    const current = text.charCodeAt(i) | 0x20;
    const alphanumeric = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
    const delta = current - previous;
    if ((delta === 1 || delta === -1) && alphanumeric(previous) && alphanumeric(current) && (run === 1 || delta === step)) {
      step = delta;
      run++;
      if (run >= 6) return text.slice(i - 5, i + 1);
    } else {
      run = 1;
    }
  }
  return undefined;
}

/** The placeholder word, template syntax or pattern that marks `secret` as not real, if any. */
export function placeholderIn(secret: string): string | undefined {
  const lower = secret.toLowerCase();
  const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w));
  if (word) return `placeholder word "${word}"`;
  const reference = REFERENCE.exec(secret);
  if (reference) return `a reference to a value kept elsewhere ("${reference[0]}")`;
  const template = TEMPLATE_SYNTAX.exec(secret);
  if (template) return `template syntax "${template[0]}"`;
  const repeated = longestRepeat(secret);
  // Long tokens may hold runs by design (length fields in OpenSSH keys, zero-padded ids), so the run must be long for its length.
  if (repeated >= Math.max(6, Math.ceil(secret.length / 8))) return `a character repeated ${repeated} times`;
  const run = sequentialRun(secret);
  if (run) return `sequential run "${run}"`;
  return undefined;
}

export const placeholderFilter: Filter = (candidate) => {
  if (candidate.rule.spec.placeholders === false) return undefined;
  // A verified checksum (the checksum filter runs first) outweighs a word its random part spells: one
  // real GitHub token in about 14,000 holds "xxxx", "todo" or the like by chance, and placeholders in
  // documentation fail the checksum.
  if (candidate.rule.checksum?.proves?.(candidate.secret)) return undefined;
  const found = placeholderIn(candidate.secret);
  return found ? { filter: 'placeholder', reason: found } : undefined;
};
