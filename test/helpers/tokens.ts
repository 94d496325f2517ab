import { randomBytes } from 'node:crypto';
import { githubCrc32 } from '../../src/core/checksums/github-crc32.js';
import { placeholderIn } from '../../src/detect/filters/placeholder.js';

/** Fake credentials assembled at test time, so the repository holds none. */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Random text over `alphabet`. Drawn again when it spells a placeholder word
 * or run (`todo`, `xxxx`, `123456`), or, over an alphabet with digits, when
 * no digit falls before its last three characters: such a draw can read as a
 * camelCase identifier (`dioxwDoasyVhis`), which the shape filter rightly
 * drops, and a test value that hits either now and then makes a flaky test.
 */
export function randomFrom(alphabet: string, length: number): string {
  const needsDigit = length >= 8 && /[0-9]/.test(alphabet) && /[A-Za-z]/.test(alphabet);
  for (;;) {
    const bytes = randomBytes(length);
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet.charAt(bytes[i]! % alphabet.length);
    if (placeholderIn(out)) continue;
    if (needsDigit && !/[0-9]/.test(out.slice(0, -3))) continue;
    return out;
  }
}

export const base62 = (length: number): string => randomFrom(BASE62, length);
export const hex = (length: number): string => randomFrom('0123456789abcdef', length);

/** A GitHub-format token with a valid CRC-32 checksum (`ghp_`, `gho_`, ...). */
export function githubToken(prefix = 'ghp_'): string {
  return githubCrc32.generate(Math.random, prefix);
}

/** A GitHub-format token whose checksum is wrong. */
export function badGithubToken(prefix = 'ghp_'): string {
  const good = githubToken(prefix);
  const last = good[good.length - 1] === 'A' ? 'B' : 'A';
  return good.slice(0, -1) + last;
}
