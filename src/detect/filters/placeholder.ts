import type { Filter } from './types.js';

/**
 * Words that mark a value as documentation or a template rather than a key.
 * Matched case-insensitively inside the secret.
 */
const PLACEHOLDER_WORDS = [
  'example', 'xxxx', 'placeholder', 'changeme', 'change_me', 'change-me', 'your_', 'your-', 'yourkey', 'yourtoken',
  'yoursecret', 'yourapikey', 'dummy', 'sample', 'redacted', 'insert_', 'insert-', 'replace_me', 'replaceme', 'replace-me',
  'fake', 'notreal', 'not_real', 'not-real', 'notasecret', 'not_a_secret', 'not-a-secret', 'put_your', 'enter_your',
  '<your', 'todo', 'fixme', 'secret_here', 'token_here', 'key_here', 'here_',
];

/** Template and variable syntax: `${VAR}`, `{{ var }}`, `<token>`, `%(name)s`, `$VAR`, `****`. */
const TEMPLATE_SYNTAX = /\$\{|\{\{|\}\}|^<[^>]{1,80}>$|%\([a-z_]{1,40}\)s|^\$[A-Z_][A-Z0-9_]{1,60}$|\*{3,}|\.{3,}|•{3,}/i;

/** Six or more of one character in a row (`aaaaaa`, `000000`). */
const REPEATED = /(.)\1{5,}/;

const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', '9876543210', 'zyxwvutsrqponmlkjihgfedcba'];

/** A run of six or more consecutive characters of an ascending or descending sequence. */
function sequentialRun(text: string): string | undefined {
  const lower = text.toLowerCase();
  for (const sequence of SEQUENCES) {
    for (let i = 0; i + 6 <= sequence.length; i++) {
      const run = sequence.slice(i, i + 6);
      if (lower.includes(run)) return run;
    }
  }
  return undefined;
}

/** The placeholder word, template syntax or pattern that marks `secret` as not real, if any. */
export function placeholderIn(secret: string): string | undefined {
  const lower = secret.toLowerCase();
  const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w));
  if (word) return `placeholder word "${word}"`;
  const template = TEMPLATE_SYNTAX.exec(secret);
  if (template) return `template syntax "${template[0]}"`;
  if (REPEATED.test(secret)) return 'a character repeated six or more times';
  const run = sequentialRun(secret);
  if (run) return `sequential run "${run}"`;
  return undefined;
}

export const placeholderFilter: Filter = (candidate) => {
  if (candidate.rule.spec.placeholders === false) return undefined;
  const found = placeholderIn(candidate.secret);
  return found ? { filter: 'placeholder', reason: found } : undefined;
};
