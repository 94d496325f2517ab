import { describe, expect, it } from 'vitest';
import { atlassianCrc32 } from '../../../src/core/checksums/atlassian-crc32.js';
import { seededRandom } from '../../../src/rules/templates.js';

describe('atlassian-crc32', () => {
  it('accepts generated API tokens and Trello tokens and rejects a one-character change', () => {
    const random = seededRandom('atlassian-crc32');
    for (const prefix of ['ATATT3xFfGF0', 'ATCTT3xFfGN0', 'ATTA']) {
      for (let i = 0; i < 20; i++) {
        const token = atlassianCrc32.generate(random, prefix);
        expect(token.startsWith(prefix)).toBe(true);
        expect(token).toMatch(prefix === 'ATTA' ? /^ATTA[0-9a-f]{64}[0-9A-F]{8}$/ : /^AT[AC]TT3xFfG[FN]0[A-Za-z0-9_-]{171}=[0-9A-F]{8}$/);
        expect(atlassianCrc32.validate(token)).toBe(true);
        const at = prefix.length + (i % 40);
        const changed = token.slice(0, at) + (token[at] === 'a' ? 'b' : 'a') + token.slice(at + 1);
        expect(atlassianCrc32.validate(changed)).toBe(false);
      }
    }
  });

  it('rejects a lower-case or missing checksum', () => {
    const token = atlassianCrc32.generate(seededRandom('x'), 'ATTA');
    expect(atlassianCrc32.validate(token.slice(0, -8) + token.slice(-8).toLowerCase().replace(/[0-9]/g, 'a'))).toBe(false);
    expect(atlassianCrc32.validate(token.slice(0, -8))).toBe(false);
    expect(atlassianCrc32.validate('ABCDEF12')).toBe(false);
  });
});
