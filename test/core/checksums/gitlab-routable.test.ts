import { describe, expect, it } from 'vitest';
import { gitlabRoutable } from '../../../src/core/checksums/gitlab-routable.js';
import { seededRandom } from '../../../src/rules/templates.js';

describe('gitlab-routable', () => {
  it('accepts a generated routable token and rejects a one-character change', () => {
    const token = gitlabRoutable.generate(seededRandom('gitlab-routable'), 'glpat-');
    expect(token).toMatch(/^glpat-[A-Za-z0-9_-]{27,}\.01\.[0-9a-z]{9}$/);
    expect(gitlabRoutable.validate(token)).toBe(true);
    const i = 10;
    const changed = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    expect(gitlabRoutable.validate(changed)).toBe(false);
    const badCrc = token.slice(0, -1) + (token.endsWith('0') ? '1' : '0');
    expect(gitlabRoutable.validate(badCrc)).toBe(false);
  });

  it('checks the payload length field', () => {
    const token = gitlabRoutable.generate(seededRandom('length'), 'gldt-');
    const dot = token.indexOf('.');
    // Dropping one payload character breaks both the length field and the CRC.
    expect(gitlabRoutable.validate(token.slice(0, dot - 1) + token.slice(dot))).toBe(false);
  });

  it('passes legacy tokens, which carry no checksum', () => {
    expect(gitlabRoutable.validate('glpat-Ab3dE6gH9jK2mN5pQ8sT')).toBe(true);
  });
});
