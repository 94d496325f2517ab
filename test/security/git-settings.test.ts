import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullRequestEvent, runAction } from '../helpers/action.js';
import { CLI, runCli } from '../helpers/cli.js';
import { commit, git, initRepo } from '../helpers/github-repos.js';
import { spawnAsync } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { tempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * A scanned repository runs no code in keyhound (issue "Nothing leaks", case
 * 9): every git setting that can start a program is set in the scanned
 * repository to one that leaves a mark, and no command, of the CLI or the
 * Action, may leave one.
 */
let api: FakeGitHub;
beforeEach(async () => {
  api = await new FakeGitHub().start();
});
afterEach(async () => {
  await api.close();
});

/** A repository whose own config would run `touch MARKS/<setting>` wherever git lets config start a program. */
function trapped(): { repo: string; marks: string; base: string; head: string } {
  const marks = tempDir('keyhound-marks-');
  const repo = initRepo(tempDir());
  const base = commit(repo, { 'README.md': '# app\n', '.gitattributes': '*.env diff=conv filter=f\n' }, 'start');
  const head = commit(repo, { 'app.env': `GITHUB_TOKEN=${githubToken()}\n` }, 'env');
  writeFileSync(path.join(repo, 'staged.env'), `GITHUB_TOKEN=${githubToken()}\n`);
  git(repo, 'add', 'staged.env');
  const touch = (name: string) => `touch ${path.join(marks, name)}`;
  const hooks = path.join(repo, 'trap-hooks');
  mkdirSync(hooks);
  for (const hook of ['pre-commit', 'post-checkout', 'reference-transaction', 'post-index-change', 'fsmonitor-watchman', 'pre-push']) {
    writeFileSync(path.join(hooks, hook), `#!/bin/sh\n${touch(`hook-${hook}`)}\n`);
    chmodSync(path.join(hooks, hook), 0o755);
  }
  // The same hooks where git looks by default, too.
  for (const hook of ['reference-transaction', 'post-index-change']) {
    writeFileSync(path.join(repo, '.git', 'hooks', hook), `#!/bin/sh\n${touch(`default-hook-${hook}`)}\n`);
    chmodSync(path.join(repo, '.git', 'hooks', hook), 0o755);
  }
  const settings: Record<string, string> = {
    'core.fsmonitor': touch('fsmonitor'),
    'core.hooksPath': hooks,
    'diff.external': touch('diff-external'),
    'diff.conv.textconv': `${touch('textconv')}; cat`,
    'filter.f.clean': `${touch('filter-clean')}; cat`,
    'filter.f.smudge': `${touch('filter-smudge')}; cat`,
    'filter.f.process': touch('filter-process'),
    'core.sshCommand': touch('ssh'),
    'core.pager': touch('pager'),
    'core.askPass': touch('askpass'),
    'core.gitProxy': touch('git-proxy'),
    'core.alternateRefsCommand': touch('alternate-refs'),
    'uploadpack.packObjectsHook': touch('pack-objects-hook'),
    'gpg.program': touch('gpg'),
    'credential.helper': `!${touch('credential')}`,
    'remote.origin.url': pathToFileURL(repo).href,
    'remote.origin.uploadpack': touch('upload-pack'),
    'log.showSignature': 'true',
  };
  for (const [key, value] of Object.entries(settings)) git(repo, 'config', key, value);
  return { repo, marks, base, head };
}

describe('git settings of a scanned repository never run a program', () => {
  it('in scan, git, staged, hook and github audits', async () => {
    const { repo, marks } = trapped();
    const env = { PATH: process.env.PATH, HOME: tempDir() };
    expect(runCli(['scan', repo], { env }).code).toBe(1);
    expect(runCli(['git', repo], { env }).code).toBe(1);
    expect(runCli(['git', repo, '--range', 'HEAD~1..HEAD'], { env }).code).toBe(1);
    expect(runCli(['staged', repo], { env }).code).toBe(1);
    expect(runCli(['staged', repo, '--config-from', 'HEAD'], { env }).code).toBe(1);
    // The repository's hooks folder has a pre-commit hook of its own: --force keeps it as a backup (and runs it never).
    expect(runCli(['hook', 'install', repo, '--force'], { env }).code).toBe(0);
    expect(runCli(['baseline', 'create', repo, '--git', '--no-gitattributes', '-q'], { env }).code).toBe(0);
    api.repos.push({ full_name: 'acme/app', clone_url: pathToFileURL(repo).href, ownerType: 'Organization' });
    const audit = await spawnAsync(process.execPath, [CLI, 'github', 'repo', 'acme/app'], { env: { ...env, GITHUB_API_URL: api.url } });
    expect(audit.code, audit.stderr).toBe(1);
    expect(readdirSync(marks)).toEqual([]);
  });

  it('in the Action, in every mode (full, history, a pull request range that fetches from origin)', async () => {
    const { repo, marks, base, head } = trapped();
    for (const mode of ['full', 'history']) {
      const run = await runAction({ workspace: repo, eventName: 'workflow_dispatch', event: {}, apiUrl: api.url, inputs: { mode } });
      expect(run.code, run.stdout).toBe(1);
    }
    // A shallow-looking range: the Action fetches from origin, which is the trapped repository itself.
    const run = await runAction({
      workspace: repo,
      eventName: 'pull_request',
      apiUrl: api.url,
      event: pullRequestEvent({ number: 2, baseSha: base, headSha: head }),
    });
    expect(run.code, run.stdout).toBe(1);
    expect(readdirSync(marks)).toEqual([]);
  });
});
