import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { commit, git, GIT_ENV, initRepo } from '../helpers/git.js';
import { githubToken } from '../helpers/tokens.js';

const run = (args: string[], cwd: string) => runCli(args, { cwd, env: GIT_ENV });

/** `git commit` as a user runs it: the hook decides. */
function gitCommit(repo: string, message: string): { code: number; output: string } {
  const result = spawnSync('git', ['commit', '-m', message], {
    cwd: repo,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...GIT_ENV },
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

describe('keyhound hook (real git commits)', () => {
  it('installs a pre-commit hook that blocks a commit adding a secret and lets a clean one through', () => {
    const repo = initRepo();
    commit(repo, { 'README.md': '# demo\n' }, 'Start');
    const install = run(['hook', 'install'], repo);
    expect(install.code).toBe(0);
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    const script = readFileSync(hook, 'utf8');
    // The same Node and entry point that installed it, by absolute path.
    expect(script).toContain(`node='${process.execPath}'`);
    expect(script).toContain(`keyhound='${CLI}'`);
    expect(statSync(hook).mode & 0o111).not.toBe(0);

    const token = githubToken();
    writeFileSync(path.join(repo, 'config.py'), `API = "https://api.github.com"\nTOKEN = "${token}"\n`);
    git(repo, ['add', 'config.py']);
    const blocked = gitCommit(repo, 'Add config');
    expect(blocked.code).not.toBe(0);
    expect(blocked.output).toContain('config.py:2');
    expect(blocked.output).toContain('github-pat-classic');
    expect(blocked.output).not.toContain(token);
    expect(blocked.output).toMatch(/Remove it/);
    expect(blocked.output).toMatch(/keyhound:allow/);
    expect(blocked.output).toMatch(/baseline/);
    expect(git(repo, ['log', '--oneline']).trim().split('\n')).toHaveLength(1);

    writeFileSync(path.join(repo, 'config.py'), 'API = "https://api.github.com"\nTOKEN = os.environ["TOKEN"]\n');
    git(repo, ['add', 'config.py']);
    const clean = gitCommit(repo, 'Add config');
    expect(clean.code).toBe(0);
    expect(git(repo, ['log', '--oneline']).trim().split('\n')).toHaveLength(2);
  });

  it('respects core.hooksPath', () => {
    const repo = initRepo();
    git(repo, ['config', 'core.hooksPath', '.githooks']);
    expect(run(['hook', 'install'], repo).code).toBe(0);
    expect(existsSync(path.join(repo, '.githooks', 'pre-commit'))).toBe(true);
    expect(existsSync(path.join(repo, '.git', 'hooks', 'pre-commit'))).toBe(false);
    writeFileSync(path.join(repo, 'k.txt'), `token ${githubToken()}\n`);
    git(repo, ['add', 'k.txt']);
    expect(gitCommit(repo, 'First').code).not.toBe(0);
  });

  it('refuses to replace a foreign hook without --force, keeps it as a backup with --force, and uninstall removes only its own', () => {
    const repo = initRepo();
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho lint\n', { mode: 0o755 });
    const refused = run(['hook', 'install'], repo);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not keyhound's/);
    expect(readFileSync(hook, 'utf8')).toContain('echo lint');

    expect(run(['hook', 'uninstall'], repo).code).toBe(2);
    expect(readFileSync(hook, 'utf8')).toContain('echo lint');

    const forced = run(['hook', 'install', '--force'], repo);
    expect(forced.code).toBe(0);
    expect(readFileSync(`${hook}.keyhound-backup`, 'utf8')).toContain('echo lint');
    expect(readFileSync(hook, 'utf8')).toContain('keyhound-hook');
    // Installing again updates our own hook without --force.
    expect(run(['hook', 'install'], repo).code).toBe(0);

    const removed = run(['hook', 'uninstall'], repo);
    expect(removed.code).toBe(0);
    expect(readFileSync(hook, 'utf8')).toContain('echo lint');
    expect(existsSync(`${hook}.keyhound-backup`)).toBe(false);
    expect(run(['hook', 'uninstall'], repo).code).toBe(2);
  });

  it('falls back to keyhound on PATH when the recorded entry point is gone, and blocks with a message when there is none', () => {
    const repo = initRepo();
    expect(run(['hook', 'install'], repo).code).toBe(0);
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, readFileSync(hook, 'utf8').replace(/^keyhound=.*$/m, "keyhound='/nonexistent/keyhound.js'"));
    // A `keyhound` on PATH: a shim that runs this build.
    const bin = path.join(repo, '.bin');
    const shim = path.join(bin, 'keyhound');
    git(repo, ['config', 'core.excludesFile', '/dev/null']);
    writeFileSync(path.join(repo, '.git', 'info', 'exclude'), '.bin/\n');
    mkdirSync(bin);
    writeFileSync(shim, `#!/bin/sh\nexec '${process.execPath}' '${CLI}' "$@"\n`, { mode: 0o755 });
    writeFileSync(path.join(repo, 'k.txt'), `token ${githubToken()}\n`);
    git(repo, ['add', 'k.txt']);
    const viaPath = spawnSync('git', ['commit', '-m', 'x'], {
      cwd: repo,
      env: { PATH: `${bin}:${process.env.PATH}`, HOME: process.env.HOME, ...GIT_ENV },
      encoding: 'utf8',
    });
    expect(viaPath.status).not.toBe(0);
    expect(`${viaPath.stdout}${viaPath.stderr}`).toContain('github-pat-classic');
    const none = spawnSync('git', ['commit', '-m', 'x'], {
      cwd: repo,
      env: { PATH: '/usr/bin:/bin', HOME: process.env.HOME, ...GIT_ENV },
      encoding: 'utf8',
    });
    expect(none.status).not.toBe(0);
    expect(none.stderr).toMatch(/cannot run the secret scan/);
  });

  it('refuses a bare repository', () => {
    const bare = initRepo({ bare: true });
    const result = run(['hook', 'install'], bare);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bare repository/);
  });
});
