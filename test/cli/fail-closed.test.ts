import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commit, git, GIT_ENV, initRepo } from '../helpers/git.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * A green keyhound run means every byte was read (issue "Fail closed"): each
 * case here once ended green with a secret unread, and now either reports the
 * secret or exits 3 saying what it could not read.
 */
interface Report {
  findings: { path: string; ruleId: string }[];
  stats: { complete: boolean; skipped: Record<string, number>; incomplete?: { reasons: Record<string, number> } };
}
const report = (stdout: string): Report => JSON.parse(stdout) as Report;
const awsKeyId = (): string =>
  `AKIA${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
    .split('')
    .sort(() => Math.random() - 0.5)
    .join('')
    .slice(0, 16)}`;

describe('fail closed, through the real CLI', () => {
  it('padding a file past the time budget does not hide the tokens in it (case 2)', () => {
    const dir = tempDir();
    const token = githubToken();
    const keyId = awsKeyId();
    writeTree(dir, { 'config.txt': `GITHUB_TOKEN=${token}\naws_access_key_id = ${keyId}\n${'pwd'.repeat(1_300_000)}\n` });
    const run = runCli(['scan', dir, '--format', 'json', '--file-timeout', '0.2', '--threads', '1']);
    expect(run.code, run.stderr).toBe(1);
    const out = report(run.stdout);
    expect(out.findings.map((f) => f.ruleId).sort()).toEqual(['aws-access-key-id', 'github-pat-classic']);
    // What the budget stopped is said, not hidden.
    expect(out.stats.complete).toBe(false);
    expect(out.stats.incomplete?.reasons).toEqual({ timeout: 1 });
    expect(run.stdout).not.toContain(token);
  }, 60_000);

  it('one leading NUL byte no longer hides a .env, in scan, staged and git (case 3)', () => {
    const repo = initRepo();
    commit(repo, { 'README.md': '# app\n' }, 'start');
    const token = githubToken();
    writeFileSync(path.join(repo, '.env'), `\0\nGITHUB_TOKEN=${token}\n`);
    expect(report(runCli(['scan', repo, '--format', 'json']).stdout).findings.map((f) => f.path)).toEqual(['.env']);
    git(repo, ['add', '.env']);
    expect(report(runCli(['staged', repo, '--format', 'json'], { env: GIT_ENV }).stdout).findings.map((f) => f.path)).toEqual(['.env']);
    git(repo, ['commit', '--quiet', '-m', 'env'], { env: { GIT_AUTHOR_DATE: '1700000000 +0000', GIT_COMMITTER_DATE: '1700000000 +0000' } });
    const history = runCli(['git', repo, '--format', 'json'], { env: GIT_ENV });
    expect(history.code, history.stderr).toBe(1);
    expect(report(history.stdout).findings.map((f) => f.path)).toEqual(['.env']);
  });

  it('an 11 MB prod.env over the default size limit makes the run incomplete, in scan and git (case 5)', () => {
    const repo = initRepo();
    const text = `GITHUB_TOKEN=${githubToken()}\n${'# padding line of a generated config\n'.repeat(300_000)}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(10 * 1024 * 1024);
    commit(repo, { 'prod.env': text }, 'config');
    for (const command of [
      ['scan', repo],
      ['git', repo],
    ]) {
      const run = runCli([...command, '--format', 'json'], { env: GIT_ENV });
      expect(run.code, `${command[0]!}: ${run.stderr}`).toBe(3);
      expect(report(run.stdout).stats.incomplete?.reasons).toEqual({ 'too-large': 1 });
    }
    // Raising the limit reads it; --allow-incomplete accepts the gap knowingly.
    expect(runCli(['scan', repo, '--max-file-size', '20MB']).code).toBe(1);
    expect(runCli(['scan', repo, '--allow-incomplete']).code).toBe(0);
  });

  it('a file the kernel says is empty is read to its end (case 10: /proc/self/environ)', () => {
    const token = githubToken();
    const run = runCli(['scan', '/proc/self/environ', '--format', 'json'], { env: { KEYHOUND_TEST_TOKEN: token } });
    expect(run.code, run.stderr).toBe(1);
    expect(report(run.stdout).findings.map((f) => f.ruleId)).toEqual(['github-pat-classic']);
  });

  it('BOM-less UTF-16 is read in history and staged changes too (case 10)', () => {
    const repo = initRepo();
    commit(repo, { 'README.md': '# app\n' }, 'start');
    const token = githubToken();
    writeFileSync(path.join(repo, 'settings.ini'), Buffer.from(`[auth]\r\ntoken = ${token}\r\n`, 'utf16le'));
    git(repo, ['add', '--all']);
    expect(report(runCli(['staged', repo, '--format', 'json'], { env: GIT_ENV }).stdout).findings.map((f) => f.path)).toEqual([
      'settings.ini',
    ]);
    git(repo, ['commit', '--quiet', '-m', 'ini'], { env: { GIT_AUTHOR_DATE: '1700000000 +0000', GIT_COMMITTER_DATE: '1700000000 +0000' } });
    expect(report(runCli(['git', repo, '--format', 'json'], { env: GIT_ENV }).stdout).findings.map((f) => f.path)).toEqual([
      'settings.ini',
    ]);
  });
});
