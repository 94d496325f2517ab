import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, redactText } from '../../src/core/redact.js';
import { githubToken } from '../helpers/tokens.js';

describe('redact', () => {
  it('keeps the provider prefix and a few characters of a token, masks the rest', () => {
    const token = githubToken();
    const shown = redact(token);
    expect(shown.startsWith('ghp_')).toBe(true);
    expect(shown).not.toContain(token.slice(8));
    expect(shown.replace(/\*+$/, '').length).toBeLessThanOrEqual(8);
  });

  it('shows at most a quarter of any secret and never the whole of it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), (secret) => {
        const shown = redact(secret).replace(/\*{12}$/, '');
        expect(shown.length).toBeLessThanOrEqual(Math.floor(secret.length / 4));
        expect(redact(secret)).not.toBe(secret);
      }),
    );
  });

  it('masks every occurrence in a text, longest secret first', () => {
    const outer = 'abcdefghijklmnop1234';
    const text = `a=${outer} b=${outer.slice(0, 10)}`;
    const out = redactText(text, [outer.slice(0, 10), outer]);
    expect(out).not.toContain(outer);
    expect(out).not.toContain(outer.slice(0, 10));
  });
});
