import { describe, expect, it } from 'vitest';
import { GITLEAKS_RULE_IDS, gitleaksRuleId, keyhoundRuleIds } from '../../src/config/gitleaks-ids.js';
import { translateAllowlist } from '../../src/config/gitleaks-allowlist.js';
import { Engine } from '../../src/detect/engine.js';
import { toGitleaksRecord } from '../../src/report/gitleaks-map.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { githubToken } from '../helpers/tokens.js';

const ids = new Set(builtinRules().map((rule) => rule.id));

describe('gitleaks rule ids', () => {
  it('map only to keyhound rules that exist', () => {
    expect(GITLEAKS_RULE_IDS.length).toBeGreaterThan(150);
    const unknown = GITLEAKS_RULE_IDS.flatMap((id) =>
      keyhoundRuleIds(id)
        .filter((k) => !ids.has(k))
        .map((k) => `${id} -> ${k}`),
    );
    expect(unknown).toEqual([]);
    expect(keyhoundRuleIds('github-pat')).toEqual(['github-pat-classic']);
    expect(keyhoundRuleIds('my-own-rule')).toEqual(['my-own-rule']);
    expect(gitleaksRuleId('github-pat-classic')).toBe('github-pat');
  });

  it('a .gitleaksignore fingerprint naming a gitleaks id covers the keyhound finding', async () => {
    const token = githubToken();
    const text = `a = 1\nGITHUB_TOKEN=${token}\n`;
    const ignores = [{ path: 'ci/env.sh', ruleId: 'github-pat', line: 2, origin: '.gitleaksignore line 1' }];
    const engine = new Engine(builtinRules(), { explain: true, allow: { ignores } });
    await engine.prepare();
    const result = engine.scan({ text, origin: { path: 'ci/env.sh' } });
    expect(result.findings).toEqual([]);
    expect(result.suppressed.find((s) => s.filter === 'gitleaksignore')?.ruleId).toBe('github-pat-classic');
    const elsewhere = engine.scan({ text, origin: { path: 'ci/other.sh' } });
    expect(elsewhere.findings.map((f) => f.ruleId)).toEqual(['github-pat-classic']);
  });

  it('allowlists scoped to gitleaks ids scope keyhound rules', () => {
    const [allowance] = translateAllowlist(
      { targetRules: ['aws-access-token'], paths: ['^fixtures/'] },
      'gitleaks.toml line 3',
      undefined,
      [],
    );
    expect(allowance?.ruleIds).toEqual(['aws-access-key-id']);
  });
});

describe('gitleaks JSON records', () => {
  it('carry gitleaks field names, 1-based columns, a fingerprint and redaction', async () => {
    const token = githubToken();
    const engine = new Engine(builtinRules());
    await engine.prepare();
    const [finding] = engine.scan({ text: `x\n  token: ${token}\n`, origin: { path: 'a/b.yml' } }).findings;
    const record = toGitleaksRecord(finding!);
    expect(record).toMatchObject({
      RuleID: 'github-pat-classic',
      File: 'a/b.yml',
      StartLine: 2,
      EndLine: 2,
      StartColumn: 10,
      EndColumn: 9 + token.length,
      Secret: 'REDACTED',
      Commit: '',
      SymlinkFile: '',
    });
    expect(record.Match).not.toContain(token);
    expect(record.Fingerprint).toBe('a/b.yml:github-pat-classic:2');
    const raw = toGitleaksRecord(
      {
        ...finding!,
        origin: { path: 'a/b.yml', commit: { sha: 'abc1234', author: 'A', email: 'a@x', date: '2024-01-01T00:00:00Z', message: 'm' } },
      },
      { redact: false, ruleIds: 'gitleaks' },
    );
    expect(raw.Secret).toBe(token);
    expect(raw.Fingerprint).toBe('abc1234:a/b.yml:github-pat:2');
    expect(Object.keys(raw)).toEqual([
      'Description',
      'StartLine',
      'EndLine',
      'StartColumn',
      'EndColumn',
      'Match',
      'Secret',
      'File',
      'SymlinkFile',
      'Commit',
      'Entropy',
      'Author',
      'Email',
      'Date',
      'Message',
      'Tags',
      'RuleID',
      'Fingerprint',
    ]);
  });
});
