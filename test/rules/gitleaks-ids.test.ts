import { describe, expect, it } from 'vitest';
import { GITLEAKS_RULE_IDS, gitleaksRuleId, keyhoundRuleIds } from '../../src/rules/gitleaks-ids.js';
import { translateAllowlist } from '../../src/config/gitleaks-allowlist.js';
import { Engine } from '../../src/detect/engine.js';
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
