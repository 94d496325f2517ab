import { describe, expect, it } from 'vitest';
import { atlassianDcPat } from '../../../src/core/checksums/atlassian-dc-pat.js';
import { seededRandom } from '../../../src/rules/templates.js';

describe('atlassian-dc-pat', () => {
  it('accepts generated tokens, with and without the BBDC- prefix, and rejects a one-character change', () => {
    const random = seededRandom('atlassian-dc-pat');
    for (const prefix of ['', 'BBDC-']) {
      for (let i = 0; i < 20; i++) {
        const token = atlassianDcPat.generate(random, prefix);
        expect(token).toMatch(/^(?:BBDC-)?[A-Za-z0-9+/]{44}$/);
        expect(atlassianDcPat.validate(token)).toBe(true);
        // The first character encodes the top bits of the first digit of the id.
        const at = prefix.length;
        const changed = token.slice(0, at) + (token[at] === 'Z' ? 'a' : 'Z') + token.slice(at + 1);
        expect(atlassianDcPat.validate(changed)).toBe(false);
      }
    }
  });

  it('checks the decoded shape: 12 digits, a colon, 20 bytes', () => {
    const good = Buffer.concat([Buffer.from('123456789012:'), Buffer.alloc(20, 7)]).toString('base64');
    expect(atlassianDcPat.validate(good)).toBe(true);
    const shortId = Buffer.concat([Buffer.from('0a:'), Buffer.alloc(30, 0x78)]).toString('base64');
    expect(atlassianDcPat.validate(shortId)).toBe(false);
    expect(atlassianDcPat.validate('M' + 'A'.repeat(43))).toBe(false);
    expect(atlassianDcPat.validate(good.slice(0, 40))).toBe(false);
  });
});
