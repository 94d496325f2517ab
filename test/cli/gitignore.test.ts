import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { runCli } from '../helpers/cli.js';
import { commit, git, GIT_ENV, initRepo } from '../helpers/git.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

interface Report {
  findings: { path: string }[];
  stats: { skipped: Record<string, number> };
}

/**
 * `.gitignore` never hides a tracked file (issue "Fail closed", case 9): in a
 * work tree, what is scanned is what git tracks plus untracked files git does
 * not ignore, as git itself decides it.
 */
describe('.gitignore in a git work tree', () => {
  function repository(): { dir: string; tracked: string; untracked: string } {
    const dir = initRepo();
    const tracked = githubToken();
    const untracked = githubToken();
    commit(dir, { '.gitignore': '*.env\nbuild/\n', 'README.md': '# app\n' }, 'start');
    writeFileSync(path.join(dir, 'drop.env'), `GITHUB_TOKEN=${tracked}\n`);
    git(dir, ['add', '--force', 'drop.env']);
    git(dir, ['commit', '--quiet', '-m', 'force-add a config'], {
      env: { GIT_AUTHOR_DATE: '1700000000 +0000', GIT_COMMITTER_DATE: '1700000000 +0000' },
    });
    writeTree(dir, {
      'local.env': `GITHUB_TOKEN=${untracked}\n`,
      'build/out.txt': `token ${githubToken()}\n`,
      'sub/docs/INSTALL': 'nothing\n',
    });
    return { dir, tracked, untracked };
  }

  it('scans a tracked file that .gitignore matches, and skips untracked ignored ones', () => {
    const { dir } = repository();
    const run = runCli(['scan', dir, '--format', 'json'], { env: GIT_ENV });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.map((f) => f.path)).toEqual(['drop.env']);
    // local.env and build/out.txt.
    expect(report.stats.skipped.gitignored).toBe(2);
    const all = JSON.parse(runCli(['scan', dir, '--format', 'json', '--no-gitignore'], { env: GIT_ENV }).stdout) as Report;
    expect(all.findings.map((f) => f.path).sort()).toEqual(['build/out.txt', 'drop.env', 'local.env']);
  });

  it("a subfolder's scan honours the .gitignore files above it", () => {
    const dir = initRepo();
    commit(dir, { '.gitignore': 'secrets/\n', 'app/README.md': '# app\n' }, 'start');
    writeTree(dir, { 'app/secrets/key.env': `GITHUB_TOKEN=${githubToken()}\n` });
    const report = JSON.parse(runCli(['scan', path.join(dir, 'app'), '--format', 'json'], { env: GIT_ENV }).stdout) as Report;
    expect(report.findings).toEqual([]);
    expect(report.stats.skipped.gitignored).toBe(1);
  });

  it("the Action's full mode scans the tracked file too", async () => {
    const { dir } = repository();
    const run = await runAction({
      workspace: dir,
      eventName: 'workflow_dispatch',
      event: {},
      apiUrl: 'http://127.0.0.1:9',
      inputs: { mode: 'full' },
    });
    expect(run.code).toBe(1);
    expect(run.commands.filter((c) => c.startsWith('::error file=')).map((c) => /file=([^,]+)/.exec(c)![1])).toEqual(['drop.env']);
  });

  it('outside a work tree, the .gitignore files themselves decide', () => {
    const dir = tempDir();
    writeTree(dir, { '.gitignore': '*.env\n', 'a.env': `GITHUB_TOKEN=${githubToken()}\n`, 'b.txt': 'fine\n' });
    const report = JSON.parse(runCli(['scan', dir, '--format', 'json']).stdout) as Report;
    expect(report.findings).toEqual([]);
    expect(report.stats.skipped.gitignored).toBe(1);
  });
});
