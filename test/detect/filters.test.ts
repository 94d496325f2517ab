import { beforeAll, describe, expect, it } from 'vitest';
import { BASE62 } from '../../src/core/checksums/crc32.js';
import { githubCrc32 } from '../../src/core/checksums/github-crc32.js';
import { Engine } from '../../src/detect/engine.js';
import { shannonEntropy } from '../../src/detect/entropy.js';
import { placeholderIn } from '../../src/detect/filters/placeholder.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { testRule } from '../helpers/rules.js';
import { base62 } from '../helpers/tokens.js';

describe('shannonEntropy', () => {
  it('is 0 for one repeated character and log2(n) for n distinct ones', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBeCloseTo(2);
    expect(shannonEntropy('0123456789abcdef')).toBeCloseTo(4);
    expect(shannonEntropy('ab😀😀')).toBeCloseTo(shannonEntropy('abccdd'));
  });
});

describe('placeholderIn', () => {
  it('names what marks a value as a placeholder', () => {
    expect(placeholderIn('AKIAIOSFODNN7EXAMPLE')).toMatch(/example/);
    expect(placeholderIn('${API_KEY}')).toMatch(/template/);
    expect(placeholderIn('{{ .Values.token }}')).toMatch(/template/);
    expect(placeholderIn('<your-token>')).toMatch(/your-/);
    expect(placeholderIn('abcAAAAAAdef')).toMatch(/repeated/);
    expect(placeholderIn('xy123456zz')).toMatch(/sequential run "123456"/);
    expect(placeholderIn('qpFEDCBAz')).toMatch(/sequential run "FEDCBA"/);
  });

  it('lets random keys through', () => {
    expect(placeholderIn('q8Jv3mX1ab9ZkL2pQ7rT4wY6uE0iO5sD')).toBeUndefined();
    expect(placeholderIn('12345xyz')).toBeUndefined();
  });
});

describe('the placeholder filter and verified checksums', () => {
  /** A GitHub token whose 30-character random part is `body`, with its valid checksum. */
  const githubTokenWith = (body: string): string => {
    let i = 0;
    return githubCrc32.generate(() => (BASE62.indexOf(body[i++]!) + 0.5) / 62, 'ghp_');
  };

  it('keeps a token whose verified checksum outweighs a placeholder word its random part happens to spell', () => {
    const token = githubTokenWith(`Q7XxXxk2${base62(22)}`);
    expect(githubCrc32.validate(token)).toBe(true);
    expect(placeholderIn(token)).toBe('placeholder word "xxxx"');
    const engine = new Engine(
      builtinRules().filter((rule) => rule.id === 'github-pat-classic'),
      { explain: true },
    );
    const result = engine.scan({ text: `GITHUB_TOKEN=${token}\n`, origin: { path: 'ci.env' } });
    expect(result.findings.map((f) => f.secret)).toEqual([token]);
  });

  it('still drops such a value for a rule without a checksum, and a documentation token that fails its checksum', () => {
    const noChecksum = testRule({ id: 'test-tok', keywords: ['tok_'], pattern: '(?<secret>tok_[A-Za-z0-9]{30})' });
    const value = `tok_Q7XxXxk2${base62(22)}`;
    const engine = new Engine([noChecksum, ...builtinRules().filter((rule) => rule.id === 'github-pat-classic')], { explain: true });
    const result = engine.scan({ text: `a = ${value}\nb = ghp_${'x'.repeat(36)}\n`, origin: { path: 'docs.md' } });
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((s) => [s.line, s.filter])).toEqual([
      [1, 'placeholder'],
      [2, 'checksum'],
    ]);
  });
});

describe('the published-example filter', () => {
  const engine = new Engine(
    builtinRules().filter((rule) => rule.generic),
    { explain: true },
  );
  // The generic rules' last filter measures values with the BPE vocabulary.
  beforeAll(() => engine.prepare());

  it('drops credentials that specifications print as examples, naming the specification', () => {
    const text = [
      'access_token = "2YotnFZFEjr1zCsicMWpAA"',
      'oauth_token_secret = "pfkkdhi9sl3r4s00"',
      'Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW',
      '',
    ].join('\n');
    const result = engine.scan({ text, origin: { path: 'docs/oauth.md' } });
    expect(result.findings).toEqual([]);
    const published = result.suppressed.filter((s) => s.filter === 'published');
    expect(published.map((s) => s.line)).toEqual(expect.arrayContaining([1, 2]));
    expect(published.find((s) => s.line === 1)!.reason).toMatch(/RFC 6749 example access token/);
  });

  it('keeps a value of the same shape that is not the published one, and one that only contains it', () => {
    const random = base62(22);
    const longer = `2YotnFZFEjr1zCsicMWpAA${base62(8)}`;
    const result = engine.scan({ text: `access_token = "${random}"\nrefresh_token = "${longer}"\n`, origin: { path: 'app/config.py' } });
    expect(result.findings.map((f) => f.secret)).toEqual([random, longer]);
  });
});

describe('config allowances at scale keep their order', () => {
  const rule = testRule({ id: 'test-tok', keywords: ['tok_'], pattern: '(?<secret>tok_[A-Za-z0-9]{24})', entropy: 0 });
  const other = testRule({ id: 'test-oth', keywords: ['oth_'], pattern: '(?<secret>oth_[A-Za-z0-9]{24})', entropy: 0 });
  const reasonFor = (allowances: object[], text: string): (string | undefined)[] => {
    const engine = new Engine([rule, other], { explain: true, allow: { allowances } });
    const { suppressed, findings } = engine.scan({ text, origin: { path: 'a.txt' } });
    return [...suppressed.map((s) => s.reason), ...findings.map(() => undefined)];
  };

  it('names the first covering allowance in config order, whatever its kind or how many come before it', () => {
    const secret = `tok_${base62(24)}`;
    const many = Array.from({ length: 5000 }, (_u, i) => ({ stopwords: [`zz${i}zz`], origin: `line ${i}` }));
    const byRegex = { regexes: [{ regex: `^${secret}$` }], origin: 'regex line' };
    const byWord = { stopwords: ['nomatch', secret.slice(6, 14)], origin: 'word line' };
    const byCommitless = { regexes: [{ regex: 'tok_' }], condition: 'and', stopwords: [secret.slice(4, 9)], origin: 'and line' };
    expect(reasonFor([...many, byRegex, byWord], secret)).toEqual([`allow regex /^${secret}$/ on secret from regex line`]);
    expect(reasonFor([...many, byWord, byRegex], secret)).toEqual([`stop-word "${secret.slice(6, 14).toLowerCase()}" from word line`]);
    expect(reasonFor([byCommitless, byWord], secret)).toEqual([
      `allow regex /tok_/ on secret and stop-word "${secret.slice(4, 9).toLowerCase()}" from and line`,
    ]);
  });

  it('keeps allowances scoped to rules to those rules, and an empty stop-word allows everything', () => {
    const tok = `tok_${base62(24)}`;
    const oth = `oth_${base62(24)}`;
    const scoped = { ruleIds: ['test-oth'], stopwords: [oth.slice(5, 12), tok.slice(5, 12)], origin: 'scoped' };
    expect(reasonFor([scoped], `${tok}\n${oth}`)).toEqual([
      `stop-word "${oth.slice(5, 12).toLowerCase()}" for test-oth from scoped`,
      undefined,
    ]);
    expect(reasonFor([{ stopwords: [''], origin: 'empty' }], tok)).toEqual(['stop-word "" from empty']);
  });
});
