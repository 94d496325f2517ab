import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/detect/engine.js';
import { gitleaksIdFor, toGitleaksRecord } from '../../src/report/gitleaks-map.js';
import { toReported } from '../../src/report/reported.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { GITLEAKS_RULE_IDS, keyhoundRuleIds } from '../../src/rules/gitleaks-ids.js';
import { runCli } from '../helpers/cli.js';
import { commit, initRepo } from '../helpers/git.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken, randomFrom } from '../helpers/tokens.js';

const awsKeyId = (): string => `AKIA${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;

interface Record {
  RuleID: string;
  File: string;
  Secret: string;
  Match: string;
  Fingerprint: string;
  Commit: string;
  StartLine: number;
  StartColumn: number;
  EndColumn: number;
}

describe('gitleaks JSON records', () => {
  it('carry gitleaks field names in its order, 1-based columns, a gitleaks fingerprint, and the masked secret', async () => {
    const token = githubToken();
    const engine = new Engine(builtinRules());
    await engine.prepare();
    const [finding] = engine.scan({ text: `x\n  token: ${token}\n`, origin: { path: 'a/b.yml' } }).findings;
    const record = toGitleaksRecord(toReported(finding!));
    expect(record).toMatchObject({
      RuleID: 'github-pat',
      File: 'a/b.yml',
      StartLine: 2,
      EndLine: 2,
      StartColumn: 10,
      EndColumn: 9 + token.length,
      Commit: '',
      SymlinkFile: '',
      Fingerprint: 'a/b.yml:github-pat:2',
    });
    expect(record.Secret).toMatch(/^ghp_.{0,3}\*+$/);
    expect(record.Match).toBe(`token: ${record.Secret}`);
    expect(JSON.stringify(record)).not.toContain(token.slice(4, 12));
    expect(Object.keys(record)).toEqual([
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

  it('name a gitleaks id that maps back to the rule, for every built-in rule gitleaks covers', () => {
    const mapped = builtinRules().filter((rule) => GITLEAKS_RULE_IDS.some((id) => keyhoundRuleIds(id).includes(rule.id)));
    expect(mapped.length).toBeGreaterThan(100);
    for (const rule of mapped) {
      const id = gitleaksIdFor(rule.id);
      expect(GITLEAKS_RULE_IDS, rule.id).toContain(id);
      expect(keyhoundRuleIds(id), `${rule.id} -> ${id}`).toContain(rule.id);
    }
    expect(gitleaksIdFor('generic-password')).toBe('generic-api-key');
    expect(gitleaksIdFor('aws-access-key-id')).toBe('aws-access-token');
    expect(gitleaksIdFor('gitlab-pat')).toBe('gitlab-pat');
    expect(gitleaksIdFor('keyhound-only-rule')).toBe('keyhound-only-rule');
  });
});

describe('--format gitleaks-json', () => {
  it('writes a gitleaks report that a .gitleaksignore made from its fingerprints silences', () => {
    const dir = tempDir();
    const secrets = [githubToken(), awsKeyId()];
    writeTree(dir, {
      'app.env': `GITHUB_TOKEN=${secrets[0]!}\nAWS_ACCESS_KEY_ID=${secrets[1]!}\n`,
      'settings.py': `DB_PASSWORD = "${base62(18)}"\n`,
    });
    const result = runCli(['scan', dir, '--format', 'gitleaks-json']);
    expect(result.code).toBe(1);
    for (const secret of secrets) expect(result.stdout).not.toContain(secret);
    const records = JSON.parse(result.stdout) as Record[];
    expect(records.map((r) => r.RuleID).sort()).toEqual(['aws-access-token', 'generic-api-key', 'github-pat']);
    expect(records.find((r) => r.RuleID === 'aws-access-token')).toMatchObject({
      File: 'app.env',
      Fingerprint: 'app.env:aws-access-token:2',
      StartLine: 2,
    });

    writeFileSync(path.join(dir, '.gitleaksignore'), records.map((r) => r.Fingerprint).join('\n') + '\n');
    const again = runCli(['scan', dir, '--format', 'json', '--explain']);
    expect(again.stderr).not.toContain('keyhound does not have');
    const out = JSON.parse(again.stdout) as { findings: unknown[]; suppressed: { filter: string; ruleId: string }[] };
    expect(out.findings).toEqual([]);
    expect(out.suppressed.filter((s) => s.filter === 'gitleaksignore').map((s) => s.ruleId)).toEqual(
      expect.arrayContaining(['aws-access-key-id', 'generic-password', 'github-pat-classic']),
    );
    expect(again.code).toBe(0);
  });

  it('in history, fingerprints carry the commit, and .gitleaksignore entries with it silence the findings', () => {
    const repo = initRepo();
    const sha = commit(repo, { 'deploy/app.env': `AWS_ACCESS_KEY_ID=${awsKeyId()}\n` }, 'Deploy settings');
    const records = JSON.parse(runCli(['git', repo, '--format', 'gitleaks-json']).stdout) as Record[];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ Commit: sha, Fingerprint: `${sha}:deploy/app.env:aws-access-token:1` });
    commit(repo, { '.gitleaksignore': `${records[0]!.Fingerprint}\n` }, 'Accept the old key');
    const again = runCli(['git', repo, '--format', 'gitleaks-json']);
    expect(JSON.parse(again.stdout)).toEqual([]);
    expect(again.code).toBe(0);
  });

  it('writes [] when nothing is found', () => {
    const dir = tempDir();
    writeTree(dir, { 'a.txt': 'nothing\n' });
    const result = runCli(['scan', dir, '--format', 'gitleaks-json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('[]\n');
  });
});

describe('gitleaks allowlists that name gitleaks rule ids', () => {
  it('targetRules = ["aws-access-token"] allowlists the keyhound rule it maps to, and only that rule', () => {
    const dir = tempDir();
    const token = githubToken();
    writeTree(dir, {
      '.gitleaks.toml': `[extend]\nuseDefault = true\n\n[[allowlists]]\ntargetRules = ["aws-access-token"]\npaths = ['''^fixtures/''']\n`,
      'fixtures/keys.env': `AWS_ACCESS_KEY_ID=${awsKeyId()}\nGITHUB_TOKEN=${token}\n`,
      'src/app.env': `AWS_ACCESS_KEY_ID=${awsKeyId()}\n`,
    });
    const out = JSON.parse(runCli(['scan', dir, '--format', 'gitleaks-json']).stdout) as Record[];
    expect(out.map((r) => `${r.File} ${r.RuleID}`).sort()).toEqual(['fixtures/keys.env github-pat', 'src/app.env aws-access-token']);
  });
});
