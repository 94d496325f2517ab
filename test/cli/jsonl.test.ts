import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken } from '../helpers/tokens.js';

describe('--format jsonl', () => {
  it('writes one redacted finding per line, the same findings in the same order as JSON', () => {
    const dir = tempDir();
    const secrets = [base62(32), githubToken(), base62(40)];
    writeTree(dir, {
      'a/.env': `API_KEY=${secrets[0]}\n`,
      'b/app.py': `token = "${secrets[1]}"\n`,
      'c/x.yml': `client_secret: ${secrets[2]}\n`,
    });
    const lines = runCli(['scan', dir, '--format', 'jsonl']);
    expect(lines.code).toBe(1);
    const parsed = lines.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { path: string; ruleId: string; fingerprint: string });
    const json = JSON.parse(runCli(['scan', dir, '--format', 'json']).stdout) as { findings: { fingerprint: string }[] };
    expect(parsed.map((f) => f.fingerprint)).toEqual(json.findings.map((f) => f.fingerprint));
    expect(parsed.map((f) => f.path)).toEqual(['a/.env', 'b/app.py', 'c/x.yml']);
    for (const secret of secrets) expect(lines.stdout).not.toContain(secret);
  });

  it('streams into --output through a temporary file that is renamed at the end', () => {
    const dir = tempDir();
    writeTree(dir, { 'src/.env': `TOKEN=${base62(40)}\n` });
    const out = path.join(dir, 'findings.jsonl');
    const result = runCli(['scan', path.join(dir, 'src'), '--format', 'jsonl', '--output', out]);
    expect(result.code).toBe(1);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(result.stderr).toMatch(/1 secret found/);
  });

  it('writes nothing and exits 0 when nothing is found', () => {
    const dir = tempDir();
    writeTree(dir, { 'a.txt': 'hello' });
    const result = runCli(['scan', dir, '--format', 'jsonl']);
    expect(result).toMatchObject({ code: 0, stdout: '' });
  });
});
