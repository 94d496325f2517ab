import { describe, expect, it } from 'vitest';
import { withoutScannedText } from '../../src/detect/scrub.js';
import { githubToken } from '../helpers/tokens.js';

/** Real errors V8 raises on content, as a bug in a filter or checksum would. */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
}

describe('errors raised while scanning carry no scanned text', () => {
  it('takes the matched text out of V8 messages and stacks, keeping the class and the frames', () => {
    const secret = githubToken();
    const text = `config = {"token": ${secret}}\n`;
    for (const error of [thrown(() => JSON.parse(secret)), thrown(() => BigInt(secret)), thrown(() => new RegExp(`(${secret}`))]) {
      const type = error.constructor;
      expect(`${error.message}${error.stack}`).toContain(secret.slice(0, 8));
      const clean = withoutScannedText(error, text) as Error;
      expect(clean).toBeInstanceOf(type);
      expect(clean.message).toContain('[scanned text]');
      expect(`${clean.message}\n${clean.stack}`).not.toContain(secret.slice(0, 8));
      expect(clean.stack).toMatch(/\n\s+at /);
    }
  });

  it('leaves messages without scanned text alone, and replaces thrown non-errors', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'x')");
    expect(withoutScannedText(error, 'nothing in common here')).toBe(error);
    expect(error.message).toBe("Cannot read properties of undefined (reading 'x')");
    const secret = githubToken();
    expect(String(withoutScannedText(secret, secret))).not.toContain(secret);
  });
});
