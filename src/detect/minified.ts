/**
 * Minified bundles (`dist/app.js`, vendored release files) are generated,
 * hold whole dependency trees, and yield identifiers and library constants
 * that read like keys. Sources skip them by default and count them
 * (`skipped.minified`); path globs catch the named ones (`*.min.*`,
 * `.yarn/releases/`, src/config/defaults.ts), this catches the rest by shape.
 */

/** How much of a file's start is measured: enough to judge, cheap on huge files. */
const SAMPLE = 64 * 1024;
/** A line this long is not written by a person. */
const LONG_LINE = 1000;

/** What a source reports for a file it skips because of this check. */
export const MINIFIED_REASON = 'minified';

/**
 * Whether `text` looks like minified JavaScript or CSS: most of its first
 * 64 KiB sits in lines of 1000+ characters that have almost no whitespace
 * and the punctuation density of code (`;`, `(`, `{`, `,`). A one-line JSON
 * document (a service account key, a config) has no `;` or `(` runs and is
 * kept: it is data, and data can hold a real secret.
 */
export function looksMinified(text: string): boolean {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (sample.length < LONG_LINE) return false;
  let inLong = 0;
  let spaces = 0;
  let code = 0;
  // Once more than half the sample lies outside long lines, they can no longer
  // hold half of it: written code is ruled out within its first half.
  const outsideLimit = sample.length * 0.5;
  // Line breaks found natively (indexOf); only the long lines, rare in written code, are read character by character.
  for (let lineStart = 0; lineStart <= sample.length;) {
    if (lineStart - inLong > outsideLimit) return false;
    const end = sample.indexOf('\n', lineStart);
    const lineEnd = end === -1 ? sample.length : end;
    if (lineEnd - lineStart >= LONG_LINE) {
      inLong += lineEnd - lineStart;
      for (let j = lineStart; j < lineEnd; j++) {
        const c = sample.charCodeAt(j);
        if (c === 32 || c === 9) spaces++;
        else if (c === 59 || c === 40 || c === 123 || c === 125) code++;
      }
    }
    if (end === -1) break;
    lineStart = end + 1;
  }
  if (inLong < sample.length * 0.5) return false;
  return spaces / inLong < 0.1 && (code * 1000) / inLong >= 20;
}
