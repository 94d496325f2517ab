import type { TextStyle } from './types.js';

const CODES = { red: 31, yellow: 33, blue: 34, magenta: 35, gray: 90, bold: 1, dim: 2 } as const;

/** Colours a piece of text, or leaves it plain when the output is not a terminal. */
export type Paint = (code: keyof typeof CODES, text: string) => string;

export function painter(style: TextStyle): Paint {
  return style.color ? (code, text) => `\u001b[${CODES[code]}m${text}\u001b[0m` : (_code, text) => text;
}

/** Wraps prose at `width` columns, every line after the first indented by `indent` spaces. */
export function wrap(text: string, width: number, indent: number): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width - indent) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}
