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
});
