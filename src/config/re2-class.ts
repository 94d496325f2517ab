/** Character classes and literals for the RE2 translator (re2.ts). */

export type ClassItem = { kind: 'char'; cp: number } | { kind: 'range'; lo: number; hi: number } | { kind: 'raw'; text: string };

export const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};
const SYNTAX = new Set('^$\\.*+?()[]{}|/');
export const isLetter = (cp: number): boolean => (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);

function hexEscape(cp: number): string {
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** A literal character outside a class. */
export function literal(cp: number): string {
  const ch = String.fromCharCode(cp);
  if (SYNTAX.has(ch)) return `\\${ch}`;
  if (cp < 0x20 || cp === 0x7f) return hexEscape(cp);
  return ch;
}

/** A character inside a class. */
export function classChar(cp: number): string {
  const ch = String.fromCharCode(cp);
  if ('\\]^-['.includes(ch)) return `\\${ch}`;
  if (cp < 0x20 || cp === 0x7f) return hexEscape(cp);
  return ch;
}

/** A parsed character class as JavaScript; `withCase` adds the other case of every letter (a case-insensitive scope). */
export function renderClass(items: readonly ClassItem[], negated: boolean, withCase: boolean): string {
  let out = '';
  for (const item of items) {
    if (item.kind === 'raw') out += item.text;
    else if (item.kind === 'char') {
      out += classChar(item.cp);
      if (withCase && isLetter(item.cp)) out += classChar(item.cp ^ 0x20);
    } else {
      out += `${classChar(item.lo)}-${classChar(item.hi)}`;
      if (withCase) {
        for (const [a, z] of [
          [65, 90],
          [97, 122],
        ] as const) {
          const lo = Math.max(item.lo, a);
          const hi = Math.min(item.hi, z);
          if (lo <= hi) out += `${classChar(lo ^ 0x20)}-${classChar(hi ^ 0x20)}`;
        }
      }
    }
  }
  return `[${negated ? '^' : ''}${out}]`;
}
