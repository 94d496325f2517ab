import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskTokens } from '../../src/core/redact.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { GITLEAKS_RULE_IDS } from '../../src/rules/gitleaks-ids.js';
import { runCli } from '../helpers/cli.js';
import { commit, initRepo } from '../helpers/git.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, hex, randomFrom } from '../helpers/tokens.js';

const awsKeyId = (): string => `AKIA${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;

interface Explained {
  findings: { ruleId: string; snippet: string }[];
  suppressed: { ruleId: string; filter: string; reason: string }[];
}

describe('reasons read rule ids whole; tokens in them are still masked', () => {
  it('every built-in and gitleaks rule id reads whole in a reason, alone or after "="', () => {
    const ids = [...builtinRules().map((rule) => rule.id), ...GITLEAKS_RULE_IDS];
    expect(ids).toContain('1password-secret-key');
    expect(ids).toContain('auth0-client-secret');
    for (const id of ids)
      expect(maskTokens(`rule ${id} allows it; near ${id}, for ${id}`)).toBe(`rule ${id} allows it; near ${id}, for ${id}`);
    const keep = new Set(['generic-api-key-2', 'd7networks-api-token']);
    expect(maskTokens('near rule=generic-api-key-2 and rule=d7networks-api-token', keep)).toBe(
      'near rule=generic-api-key-2 and rule=d7networks-api-token',
    );
  });

  it('still masks tokens: mixed-case, hex, UUIDs, and a token glued to a kept name', () => {
    const keep = new Set(['generic-api-key']);
    for (const token of [
      base62(32),
      hex(40),
      `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
      randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', 24),
    ]) {
      const out = maskTokens(`allow ${token} for generic-api-key`, keep);
      expect(out).not.toContain(token.slice(0, 8));
      expect(out).toContain('for generic-api-key');
    }
    const secret = base62(24);
    expect(maskTokens(`generic-api-key=${secret}`, keep)).not.toContain(secret.slice(0, 8));
  });

  it('--explain: allowlist reasons name rule ids with digits whole', () => {
    const dir = tempDir();
    writeTree(dir, {
      '.gitleaks.toml': `[extend]\nuseDefault = true\n\n[[allowlists]]\ntargetRules = ["1password-service-account-token", "aws-access-token"]\npaths = ['''^fixtures/''']\n`,
      'fixtures/keys.env': `AWS_ACCESS_KEY_ID=${awsKeyId()}\n`,
    });
    const out = JSON.parse(runCli(['scan', dir, '--format', 'json', '--explain']).stdout) as Explained;
    const reasons = out.suppressed.filter((s) => s.ruleId === 'aws-access-key-id').map((s) => s.reason);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join('\n')).toContain('1password-service-account-token');
    expect(reasons.join('\n')).toContain('aws-access-key-id');
  });

  it('--explain in history: a .gitleaksignore reason shows its commit id whole', () => {
    const repo = initRepo();
    const sha = commit(repo, { 'app.env': `AWS_ACCESS_KEY_ID=${awsKeyId()}\n` }, 'Settings');
    commit(repo, { '.gitleaksignore': `${sha}:app.env:aws-access-token:1\n` }, 'Accept');
    const out = JSON.parse(runCli(['git', repo, '--format', 'json', '--explain']).stdout) as Explained;
    expect(out.findings).toEqual([]);
    expect(out.suppressed.map((s) => s.reason)).toContain(`fingerprint ${sha}:app.env:aws-access-token:1 in .gitleaksignore line 1`);
  });
});

describe('snippets keep harmless context readable', () => {
  it('a connection string keeps its host (localhost) and masks the password', () => {
    const dir = tempDir();
    const password = base62(16);
    writeTree(dir, { 'app.env': `DATABASE_URL=postgres://app:${password}@localhost:5432/app\nREDIS_HOST=localhost\n` });
    const out = JSON.parse(runCli(['scan', dir, '--format', 'json']).stdout) as Explained;
    const uri = out.findings.find((f) => f.ruleId === 'postgres-connection-uri');
    expect(uri?.snippet).toMatch(/^DATABASE_URL=postgres:\/\/app:[^@]*\*+@localhost:5432\/app$/);
    expect(uri?.snippet).not.toContain(password.slice(0, 8));
  });

  it('a PEM private key shows its armour line (the key type) and none of its body', () => {
    const dir = tempDir();
    const body = Array.from({ length: 8 }, () => base62(64)).join('\n');
    writeTree(dir, { 'deploy/id_rsa': `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\n` });
    const result = runCli(['scan', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('\n  -----BEGIN RSA PRIVATE KEY-----\n');
    for (const line of body.split('\n')) expect(result.stdout).not.toContain(line.slice(0, 8));
    const json = JSON.parse(runCli(['scan', path.join(dir, 'deploy'), '--format', 'json']).stdout) as Explained;
    expect(json.findings[0]?.snippet).toBe('-----BEGIN RSA PRIVATE KEY-----');
  });
});
