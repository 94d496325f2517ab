import { describe, expect, it } from 'vitest';
import { bech32 } from '../../../src/core/checksums/bech32.js';
import { seededRandom } from '../../../src/rules/templates.js';

describe('bech32', () => {
  it('accepts the BIP 173 test vectors', () => {
    expect(bech32.validate('A12UEL5L')).toBe(true);
    expect(bech32.validate('a12uel5l')).toBe(true);
    expect(bech32.validate('abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw')).toBe(true);
    expect(bech32.validate('split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w')).toBe(true);
  });

  it('rejects the BIP 173 invalid vectors that apply', () => {
    expect(bech32.validate('A1G7SGD8')).toBe(false); // checksum computed with an upper-case hrp
    expect(bech32.validate('10a06t8')).toBe(false); // empty hrp
    expect(bech32.validate('a12UEL5L')).toBe(false); // mixed case
  });

  it('accepts generated age identities and rejects a one-character change', () => {
    const random = seededRandom('bech32');
    for (let i = 0; i < 20; i++) {
      const key = bech32.generate(random, 'AGE-SECRET-KEY-1');
      expect(key).toMatch(/^AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}$/);
      expect(bech32.validate(key)).toBe(true);
      const at = 16 + (i % 58);
      const changed = key.slice(0, at) + (key[at] === 'Q' ? 'P' : 'Q') + key.slice(at + 1);
      expect(bech32.validate(changed)).toBe(false);
    }
  });
});
