import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commit, git, GIT_ENV, head, initRepo } from '../helpers/git.js';
import { copyWorkingTree } from '../helpers/snapshot.js';
import { fileTempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * keyhound's `.pre-commit-hooks.yaml` under the real pre-commit framework,
 * whichever version is installed (.ci/run installs Debian's, 3.0.4): pre-commit
 * installs the hooks from a git repository holding this checkout (npm install,
 * npm pack, npm install -g) and runs them in real commits and pushes.
 */
const probe = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const preCommitVersion = probe.status === 0 ? probe.stdout.trim() : undefined;
if (!preCommitVersion) {
  console.warn(
    'SKIPPED: the pre-commit framework tests (test/cli/pre-commit-framework.slow.test.ts) need `pre-commit` on PATH; ' +
      '.ci/run installs it (apt-get install -y pre-commit).',
  );
}

interface Run {
  code: number;
  output: string;
}

describe.skipIf(!preCommitVersion)(`the pre-commit framework (${preCommitVersion ?? 'not installed: skipped'})`, () => {
  let hooks: string;
  let rev: string;
  let env: NodeJS.ProcessEnv;

  /** A command as a user runs it in `cwd`, with pre-commit's store in a temp folder. */
  const run = (cwd: string, command: string, args: string[]): Run => {
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
  };
  const withToken = (token: string): string => `API = "https://api.github.com"\nTOKEN = "${token}"\n`;

  beforeAll(() => {
    hooks = fileTempDir('keyhound-hook-repo-');
    copyWorkingTree(hooks);
    initRepo({ dir: hooks });
    rev = commit(hooks, {}, 'keyhound as pre-commit installs it');
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...GIT_ENV,
      PRE_COMMIT_HOME: fileTempDir('keyhound-pre-commit-home-'),
      // pre-commit runs `npm install` in its copy of the hook repository: from
      // npm's cache when it has the packages (it does after `npm ci`).
      npm_config_prefer_offline: 'true',
      npm_config_update_notifier: 'false',
    };
  });

  it('loads the hook definitions (no InvalidManifestError, no warning) and runs each hook in its own stage (try-repo)', () => {
    const repo = initRepo();
    commit(repo, { 'README.md': '# demo\n' }, 'Start');
    const token = githubToken();
    writeFileSync(path.join(repo, 'config.py'), withToken(token));
    git(repo, ['add', 'config.py']);

    const blocked = run(repo, 'pre-commit', ['try-repo', hooks, 'keyhound', '--ref', rev, '--verbose']);
    expect(blocked.code, blocked.output).toBe(1);
    expect(blocked.output).toMatch(/keyhound \(secrets in staged changes\)\.+Failed/);
    expect(blocked.output).toContain('github-pat-classic');
    expect(blocked.output).toContain('config.py:2');
    expect(blocked.output).not.toContain(token);
    expect(blocked.output).not.toContain('InvalidManifestError');
    expect(blocked.output).not.toContain('[WARNING]');

    // The push hook has nothing to do at commit time, as with `stages: [pre-push]`.
    const pushHook = run(repo, 'pre-commit', ['try-repo', hooks, 'keyhound-push', '--ref', rev, '--verbose']);
    expect(pushHook.code, pushHook.output).toBe(0);
    expect(pushHook.output).toContain('nothing to do in this stage');
    expect(pushHook.output).not.toContain('[WARNING]');

    writeFileSync(path.join(repo, 'config.py'), 'API = "https://api.github.com"\n');
    git(repo, ['add', 'config.py']);
    const clean = run(repo, 'pre-commit', ['try-repo', hooks, 'keyhound', '--ref', rev]);
    expect(clean.code, clean.output).toBe(0);
    expect(clean.output).toMatch(/keyhound \(secrets in staged changes\)\.+Passed/);
    expect(clean.output).not.toContain('[WARNING]');
  });

  it('installed as git hooks: stops a commit and pushes that add a token, lets clean ones through', () => {
    const repo = initRepo();
    writeFileSync(
      path.join(repo, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: keyhound\n      - id: keyhound-push\n`,
    );
    commit(repo, { 'README.md': '# demo\n' }, 'Start');
    const installed = run(repo, 'pre-commit', ['install', '-t', 'pre-commit', '-t', 'pre-push']);
    expect(installed.code, installed.output).toBe(0);
    const remote = initRepo({ bare: true });
    git(repo, ['remote', 'add', 'origin', remote]);
    const remoteMain = (): string => run(remote, 'git', ['rev-parse', '--verify', '--quiet', 'refs/heads/main']).output.trim();

    // The pre-commit stage: a staged token stops the commit; a clean change passes.
    const token = githubToken();
    writeFileSync(path.join(repo, 'config.py'), withToken(token));
    git(repo, ['add', 'config.py']);
    const before = head(repo);
    const blockedCommit = run(repo, 'git', ['commit', '-m', 'Add config']);
    expect(blockedCommit.code, blockedCommit.output).not.toBe(0);
    expect(blockedCommit.output).toMatch(/keyhound \(secrets in staged changes\)\.+Failed/);
    expect(blockedCommit.output).toContain('config.py:2');
    expect(blockedCommit.output).not.toContain(token);
    expect(head(repo)).toBe(before);
    writeFileSync(path.join(repo, 'config.py'), 'API = "https://api.github.com"\n');
    git(repo, ['add', 'config.py']);
    const cleanCommit = run(repo, 'git', ['commit', '-m', 'Add config']);
    expect(cleanCommit.code, cleanCommit.output).toBe(0);
    expect(cleanCommit.output).toMatch(/keyhound \(secrets in staged changes\)\.+Passed/);
    expect(head(repo)).not.toBe(before);

    // The pre-push stage, first push to an empty remote (pre-commit passes the
    // local branch): a token committed past the commit hook stops it.
    const cleanTip = head(repo);
    writeFileSync(path.join(repo, 'deploy.sh'), `export GITHUB_TOKEN=${githubToken()}\n`);
    git(repo, ['add', 'deploy.sh']);
    git(repo, ['commit', '--no-verify', '-m', 'Deploy script']);
    const firstPush = run(repo, 'git', ['push', 'origin', 'main']);
    expect(firstPush.code, firstPush.output).not.toBe(0);
    expect(firstPush.output).toMatch(/keyhound \(secrets in pushed commits\)\.+Failed/);
    expect(firstPush.output).toContain('deploy.sh:1');
    expect(remoteMain()).toBe('');

    git(repo, ['reset', '--hard', cleanTip]);
    const cleanPush = run(repo, 'git', ['push', 'origin', 'main']);
    expect(cleanPush.code, cleanPush.output).toBe(0);
    expect(cleanPush.output).toMatch(/keyhound \(secrets in pushed commits\)\.+Passed/);
    expect(remoteMain()).toBe(cleanTip);

    // A later push (pre-commit passes the range from the remote's commit).
    writeFileSync(path.join(repo, 'deploy.sh'), `export GITHUB_TOKEN=${githubToken()}\n`);
    git(repo, ['add', 'deploy.sh']);
    git(repo, ['commit', '--no-verify', '-m', 'Deploy script']);
    const laterPush = run(repo, 'git', ['push', 'origin', 'main']);
    expect(laterPush.code, laterPush.output).not.toBe(0);
    expect(laterPush.output).toMatch(/keyhound \(secrets in pushed commits\)\.+Failed/);
    expect(laterPush.output).toContain('deploy.sh:1');
    expect(remoteMain()).toBe(cleanTip);

    for (const output of [installed, blockedCommit, cleanCommit, firstPush, cleanPush, laterPush].map((r) => r.output)) {
      expect(output).not.toContain('[WARNING]');
    }
  });
});
