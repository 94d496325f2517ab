import { describe, expect, it } from 'vitest';
import { grafanaCrc32 } from '../../../src/core/checksums/grafana-crc32.js';

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

describe('grafana-crc32', () => {
  it("accepts Grafana's own test vector", () => {
    // pkg/components/satokengen/tokengen_test.go
    expect(grafanaCrc32.validate('glsa_iNValIdinValiDinvalidinvalidinva_5b582697')).toBe(true);
  });

  it('accepts generated tokens and rejects a one-character change', () => {
    const random = seeded(7);
    for (let i = 0; i < 50; i++) {
      const token = grafanaCrc32.generate(random, 'glsa_');
      expect(token).toMatch(/^glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}$/);
      expect(grafanaCrc32.validate(token)).toBe(true);
      const at = 5 + (i % 32);
      const changed = token.slice(0, at) + (token[at] === 'a' ? 'b' : 'a') + token.slice(at + 1);
      expect(grafanaCrc32.validate(changed)).toBe(false);
      const last = token.at(-1) === '0' ? '1' : '0';
      expect(grafanaCrc32.validate(token.slice(0, -1) + last)).toBe(false);
    }
  });

  it('rejects other shapes', () => {
    expect(grafanaCrc32.validate('glsa_short_5b582697')).toBe(false);
    expect(grafanaCrc32.validate('glsa_iNValIdinValiDinvalidinvalidinva_5B582697')).toBe(false);
  });
});
