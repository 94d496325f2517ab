import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';
import { commit, git, GIT_ENV, head, initRepo } from '../helpers/git.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * The pre-commit framework installs node hooks from git (npm install, npm
 * pack, npm install -g) and runs the package's bins; these are the promises
 * that depends on. test/cli/pre-commit-framework.slow.test.ts runs them under
 * pre-commit itself.
 */
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  files: string[];
  scripts: Record<string, string>;
};
const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];

/** The keys a hook definition may have, the same in pre-commit 3.0 and 4.x (pre_commit/clientlib.py, MANIFEST_HOOK_DICT). */
const MANIFEST_KEYS = new Set(
  'id name entry language alias files exclude types types_or exclude_types additional_dependencies args always_run fail_fast pass_filenames description language_version log_file minimum_pre_commit_version require_serial stages verbose'.split(
    ' ',
  ),
);
/** Debian 12's pre-commit package, the oldest version the hooks must load in. */
const DEBIAN_12_PRE_COMMIT = [3, 0, 4];

describe('.pre-commit-hooks.yaml and the package entry points', () => {
  it('declares the staged and pre-push hooks as node hooks without file names', () => {
    expect(hooks.map((h) => [h.id, h.entry, h.language, h.pass_filenames, h.always_run])).toEqual([
      ['keyhound', 'keyhound-pre-commit staged', 'node', false, true],
      ['keyhound-push', 'keyhound-pre-commit push', 'node', false, true],
    ]);
  });

  it('loads in pre-commit 3.0 and 4.x alike: known keys, no stage names, a minimum version 3.0.4 meets', () => {
    for (const hook of hooks) {
      expect(Object.keys(hook).filter((key) => !MANIFEST_KEYS.has(key))).toEqual([]);
      // 3.0 knows only `commit`/`push`, which 4.x reports as deprecated; 4.x's
      // `pre-commit`/`pre-push` are an InvalidManifestError in 3.0. The entry finds the stage.
      expect(hook).not.toHaveProperty('stages');
      const minimum = String(hook.minimum_pre_commit_version).split('.').map(Number);
      const cmp = minimum.map((part, i) => part - (DEBIAN_12_PRE_COMMIT[i] ?? 0)).find((d) => d !== 0) ?? 0;
      expect(cmp, `minimum_pre_commit_version ${minimum.join('.')}`).toBeLessThanOrEqual(0);
    }
  });

  it('ships the committed entry points, which run without a build step', () => {
    expect(pkg.bin).toEqual({ keyhound: 'dist/cli/keyhound.js', 'keyhound-pre-commit': 'scripts/pre-commit-hook.mjs' });
    expect(pkg.files).toEqual(expect.arrayContaining(['dist/', 'scripts/pre-commit-hook.mjs']));
    for (const bin of Object.values(pkg.bin))
      expect(readFileSync(path.join(ROOT, bin), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    // dist/cli is committed: it must not be ignored (dist/lib is built when packing).
    const ignored = readFileSync(path.join(ROOT, '.gitignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(ignored).not.toContain('dist/');
    expect(ignored).not.toContain('dist/cli/');
  });

  it('keeps the prepack build off stdout, where pre-commit reads the name of the packed tarball', () => {
    // pre-commit runs `npm pack` in its copy of this repository (with the dev
    // dependencies installed) and installs the file named by its stdout;
    // test/package/pack.slow.test.ts checks that stdout is exactly that name.
    expect(pkg.scripts.prepack).toBeDefined();
    expect(pkg.scripts.prepare).toBeUndefined();
    const npmrc = readFileSync(path.join(ROOT, '.npmrc'), 'utf8');
    expect(npmrc.split('\n').map((l) => l.trim())).toContain('foreground-scripts=false');
  });
});

describe('keyhound-pre-commit (the entry of the pre-commit hooks)', () => {
  const script = path.join(ROOT, pkg.bin['keyhound-pre-commit']!);
  const run = (repo: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
    const result = spawnSync(process.execPath, [script, ...args], {
      cwd: repo,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...GIT_ENV, ...env },
    });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  };

  /** A repository with one clean commit pushed (`pushed`), then a commit adding a token, also staged again in config.py. */
  function repoWithToken(): { repo: string; pushed: string; local: string; token: string } {
    const repo = initRepo();
    const pushed = commit(repo, { 'README.md': '# demo\n' }, 'Start');
    const token = githubToken();
    const local = commit(repo, { 'deploy.sh': `export GITHUB_TOKEN=${token}\n` }, 'Deploy');
    writeFileSync(path.join(repo, 'config.py'), `TOKEN = "${token}"\n`);
    git(repo, ['add', 'config.py']);
    return { repo, pushed, local, token };
  }

  it('staged: scans the index at commit time, and does nothing during a push', () => {
    const { repo, pushed, local, token } = repoWithToken();
    const commitTime = run(repo, ['staged']);
    expect(commitTime.code, commitTime.output).toBe(1);
    expect(commitTime.output).toContain('config.py:1');
    expect(commitTime.output).not.toContain('deploy.sh');
    expect(commitTime.output).not.toContain(token);

    const pushTime = run(repo, ['staged'], { PRE_COMMIT_FROM_REF: pushed, PRE_COMMIT_TO_REF: local });
    expect(pushTime.code, pushTime.output).toBe(0);
    expect(pushTime.output).toContain('nothing to do in this stage');
  });

  it('push: scans the pushed commits (range, or a branch new to the remote), and does nothing at commit time', () => {
    const { repo, pushed, local, token } = repoWithToken();
    const range = run(repo, ['push', '--format', 'json'], { PRE_COMMIT_FROM_REF: pushed, PRE_COMMIT_TO_REF: local });
    expect(range.code, range.output).toBe(1);
    expect(range.output).toContain('"path": "deploy.sh"');
    expect(range.output).toContain(local);
    expect(range.output).not.toContain('config.py');
    expect(range.output).not.toContain(token);

    const newBranch = run(repo, ['push'], { PRE_COMMIT_LOCAL_BRANCH: 'refs/heads/main', PRE_COMMIT_REMOTE_NAME: 'origin' });
    expect(newBranch.code, newBranch.output).toBe(1);
    expect(newBranch.output).toContain('deploy.sh:1');

    const commitTime = run(repo, ['push']);
    expect(commitTime.code, commitTime.output).toBe(0);
    expect(commitTime.output).toContain('nothing to do in this stage');
    expect(head(repo)).toBe(local);
  });

  it('refuses a missing or unknown mode with exit 2 and its usage', () => {
    const { repo } = repoWithToken();
    for (const args of [[], ['commit']]) {
      const result = run(repo, args);
      expect(result.code, result.output).toBe(2);
      expect(result.output).toContain('usage: keyhound-pre-commit staged|push');
    }
  });
});
