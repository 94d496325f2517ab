import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksMinified } from '../../src/detect/minified.js';
import { base62 } from '../helpers/tokens.js';

// Real files: this repository's own bundles are minified code; its sources and
// JSON are not. A service-account-like JSON document on one line stays data.
const root = path.resolve(import.meta.dirname, '..', '..');

describe('looksMinified', () => {
  it('recognises a minified bundle', () => {
    const body = Array.from({ length: 400 }, (_, i) => `function a${i}(e,t){return e.k${i}===t?n(e):r[${i}]||{v:e,t:t};}`).join('');
    expect(looksMinified(`/*! bundle */\n${body}\n`)).toBe(true);
  });

  it('keeps written source, one-line JSON data and short files', () => {
    const sources = readdirSync(path.join(root, 'src', 'detect')).filter((f) => f.endsWith('.ts'));
    for (const file of sources) expect(looksMinified(readFileSync(path.join(root, 'src', 'detect', file), 'utf8')), file).toBe(false);
    expect(looksMinified(readFileSync(path.join(root, 'package-lock.json'), 'utf8'))).toBe(false);
    const json = JSON.stringify({
      type: 'service_account',
      private_key_id: base62(40),
      notes: Array.from({ length: 80 }, () => base62(30)),
    });
    expect(looksMinified(json)).toBe(false);
    expect(looksMinified('a=1;b=2;')).toBe(false);
  });

  it('decides as measuring every line would, right up to long lines holding exactly half', () => {
    // The definition, line by line, with no early exit.
    const reference = (text: string): boolean => {
      const sample = text.slice(0, 64 * 1024);
      if (sample.length < 1000) return false;
      let inLong = 0;
      let spaces = 0;
      let code = 0;
      for (const line of sample.split('\n')) {
        if (line.length < 1000) continue;
        inLong += line.length;
        spaces += line.split(/[ \t]/).length - 1;
        code += line.split(/[;({}]/).length - 1;
      }
      return inLong >= sample.length * 0.5 && spaces / inLong < 0.1 && (code * 1000) / inLong >= 20;
    };
    const minifiedLine = (length: number): string => 'f(e){return e;}'.repeat(Math.ceil(length / 15)).slice(0, length);
    // Lines of 39 characters and a break, `total` characters in all.
    const shortLines = (total: number): string => `${'const value = call(x);'.padEnd(39)}\n`.repeat(Math.ceil(total / 40)).slice(0, total);
    let minified = 0;
    for (let i = 0; i < 400; i++) {
      const long = 1000 + ((i * 7919) % 40000);
      // Written code before, after and around the long line, from far under half the text to far over it.
      const before = shortLines((i * 104729) % (2 * long));
      const after = shortLines((i * 1299709) % (2 * long));
      for (const text of [
        `${before}\n${minifiedLine(long)}`,
        `${minifiedLine(long)}\n${after}`,
        `${before}\n${minifiedLine(long)}\n${after}`,
      ]) {
        expect(looksMinified(text), `case ${i}`).toBe(reference(text));
        if (reference(text)) minified++;
      }
    }
    // Both answers occur, many times each.
    expect(minified).toBeGreaterThan(100);
    expect(minified).toBeLessThan(1100);
    // Written code first, then a long line of exactly half the text: still minified; one character more before it: not.
    const half = minifiedLine(2000);
    expect(reference(`${shortLines(1999)}\n${half}`)).toBe(true);
    expect(looksMinified(`${shortLines(1999)}\n${half}`)).toBe(true);
    expect(looksMinified(`${shortLines(2000)}\n${half}`)).toBe(false);
  });
});
