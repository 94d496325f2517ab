import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commit, GIT_ENV, initRepo } from '../helpers/git.js';
import { tempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

interface Json {
  findings: { path: string; line: number; commit: string; message: string; occurrences?: number; fingerprint: string; secret: string }[];
  stats: Record<string, unknown>;
}

function keyhound(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  return runCli(args, { cwd, env: { ...GIT_ENV, HOME: cwd } });
}

function json(args: string[], cwd: string): Json {
  const result = keyhound([...args, '--format', 'json'], cwd);
  expect([0, 1], result.stderr).toContain(result.code);
  return JSON.parse(result.stdout) as Json;
}

/**
 * A history of 12 commits whose secret is introduced in the first half,
 * deleted, and committed again (the same blob) in the second half, and also
 * copied to another path there; a second secret is introduced in the second
 * half only. Split in two by commit, the second shard alone sees the
 * re-added blob as new.
 */
function history(): { repo: string; first: string; again: string; copy: string; late: string; secret: string; other: string } {
  const repo = initRepo();
  const secret = githubToken();
  const other = githubToken();
  const env = `GITHUB_TOKEN=${secret}\n`;
  commit(repo, { 'README.md': '# app\n' }, 'start');
  const first = commit(repo, { 'config/app.env': env }, 'add the token');
  commit(repo, { 'a.txt': 'a\n' }, 'work a');
  commit(repo, {}, 'drop the token', { remove: ['config/app.env'] });
  commit(repo, { 'b.txt': 'b\n' }, 'work b');
  commit(repo, { 'c.txt': 'c\n' }, 'work c');
  commit(repo, { 'd.txt': 'd\n' }, 'work d');
  const again = commit(repo, { 'config/app.env': env }, 'restore the token');
  const copy = commit(repo, { 'deploy/app.env': env }, 'copy the settings');
  const late = commit(repo, { 'src/late.py': `TOKEN = "${other}"\n` }, 'a late secret');
  commit(repo, { 'e.txt': 'e\n' }, 'work e');
  commit(repo, { 'f.txt': 'f\n' }, 'work f');
  return { repo, first, again, copy, late, secret, other };
}

describe('keyhound git --shard I/N and keyhound merge', () => {
  it('splits the history by commit; merged, the shards report what one run does, each secret at its first introduction', () => {
    const h = history();
    const whole = json(['git', '.'], h.repo);
    expect(whole.findings.map((f) => [f.path, f.commit, f.message])).toEqual([
      ['config/app.env', h.first, 'add the token'],
      ['deploy/app.env', h.copy, 'copy the settings'],
      ['src/late.py', h.late, 'a late secret'],
    ]);

    const dir = tempDir();
    const files: string[] = [];
    for (const shard of ['1/2', '2/2']) {
      const result = keyhound(['git', '.', '--shard', shard, '--format', 'json'], h.repo);
      const file = path.join(dir, `shard-${shard[0]!}.json`);
      writeFileSync(file, result.stdout);
      files.push(file);
      const report = JSON.parse(result.stdout) as Json;
      expect(report.stats.shard).toBe(shard);
      expect(report.stats.commits).toBe(6);
    }
    // The second shard never saw the first introduction: alone, it credits the restoring commit.
    const second = JSON.parse(keyhound(['git', '.', '--shard', '2/2', '--format', 'json'], h.repo).stdout) as Json;
    expect(second.findings.find((f) => f.path === 'config/app.env')).toMatchObject({ commit: h.again, message: 'restore the token' });

    const merged = keyhound(['merge', ...files, '--format', 'json'], dir);
    expect(merged.code, merged.stderr).toBe(1);
    const report = JSON.parse(merged.stdout) as Json;
    expect(report.findings).toEqual(whole.findings);
    expect(report.stats.commits).toBe(12);
    expect(report.stats.shards).toEqual({ count: 2, merged: [1, 2], missing: [] });
    expect(report.stats.complete).toBe(true);
    expect(merged.stderr).toContain('keyhound: merged 2 of 2 shards: 3 secrets');
    for (const secret of [h.secret, h.other]) expect(merged.stdout + merged.stderr).not.toContain(secret);
  });

  // 17 CLI runs one after another: past the default timeout when the machine is busy.
  it('gives the same findings for any number of shards, in any order of the files', () => {
    const h = history();
    const whole = json(['git', '.'], h.repo);
    const dir = tempDir();
    for (const count of [3, 12]) {
      const files: string[] = [];
      for (let index = count; index >= 1; index--) {
        const file = path.join(dir, `${count}-${index}.sarif`);
        // SARIF shards merge as JSON ones do.
        writeFileSync(file, keyhound(['git', '.', '--shard', `${index}/${count}`, '--format', 'sarif'], h.repo).stdout);
        files.push(file);
      }
      const merged = keyhound(['merge', ...files, '--format', 'json'], dir);
      expect(merged.code, merged.stderr).toBe(1);
      expect((JSON.parse(merged.stdout) as Json).findings, `${count} shards`).toEqual(whole.findings);
    }
  }, 120_000);

  it('makes the merge incomplete (exit 3) when a shard is missing, and refuses a shard given twice', () => {
    const repo = initRepo();
    for (let i = 0; i < 6; i++) commit(repo, { [`f${i}.txt`]: `line ${i}\n` }, `commit ${i}`);
    const dir = tempDir();
    const write = (shard: string): string => {
      const file = path.join(dir, `s${shard.replace('/', '-')}.json`);
      writeFileSync(file, keyhound(['git', '.', '--shard', shard, '--format', 'json'], repo).stdout);
      return file;
    };
    const one = write('1/3');
    const three = write('3/3');
    const merged = keyhound(['merge', one, three, '--format', 'json'], dir);
    expect(merged.code).toBe(3);
    const stats = (JSON.parse(merged.stdout) as Json).stats;
    expect(stats.complete).toBe(false);
    expect(stats.incomplete).toEqual({
      count: 1,
      reasons: { 'missing-shard': 1 },
      examples: [{ path: 'shard 2/3', reason: 'missing-shard' }],
    });
    expect(merged.stderr).toContain('keyhound: no report from shard 2 of 3');
    expect(keyhound(['merge', one, three, '--allow-incomplete', '-q'], dir).code).toBe(0);
    const text = keyhound(['merge', one, three], dir);
    expect(text.stdout).toContain('Incomplete: 1 input was not scanned (1 missing-shard): shard 2/3 (missing-shard)');

    const twice = keyhound(['merge', one, one], dir);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('are both shard 1/3: give each shard');
    const expected = keyhound(['merge', one, three, '--shards', '4'], dir);
    expect(expected.code).toBe(2);
    expect(expected.stderr).toContain('is shard 1/3, but 4 shards were expected');
    // No report at all, but N expected: every shard is missing.
    const none = keyhound(['merge', '--shards', '2', '--format', 'json'], dir);
    expect(none.code).toBe(3);
    expect((JSON.parse(none.stdout) as Json).stats.incomplete).toMatchObject({ reasons: { 'missing-shard': 2 } });
  });

  it('refuses bad --shard values with exit 2 and says what a shard is', () => {
    const repo = initRepo();
    commit(repo, { 'a.txt': 'a\n' }, 'a');
    for (const bad of ['0/4', '5/4', '1/0', 'two/four', '1/4/2', '-1/4', '1/999']) {
      const result = keyhound(['git', '.', `--shard=${bad}`], repo);
      expect(result.code, bad).toBe(2);
      expect(result.stderr, bad).toContain(`--shard: "${bad}" is not a shard: give I/N with 1 ≤ I ≤ N ≤ 256`);
    }
    expect(keyhound(['scan', '.', '--shard', '1/2'], repo).code).toBe(2);
    expect(keyhound(['git', '.', '--shard', '1/1'], repo).code).toBe(0);
  });
});
