import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullRequestEvent, runAction } from '../helpers/action.js';
import { runCli } from '../helpers/cli.js';
import { commit, git, initRepo } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { tempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * Content under review never configures its own scan (issue "Fail closed",
 * case 1): on a pull request the Action reads `.keyhound.yaml`,
 * `.gitleaks.toml`, rule files and the baseline from the base commit, and
 * says when the pull request changes them. `--config-from REV` gives the same
 * boundary to `keyhound git` and `keyhound staged` in any CI.
 */

let api: FakeGitHub;
beforeEach(async () => {
  api = await new FakeGitHub().start();
});
afterEach(async () => {
  await api.close();
});

interface Pull {
  upstream: string;
  base: string;
  head: string;
  token: string;
}

/**
 * A base whose configuration allowlists `fixtures/**`, and a pull request that
 * adds a real-looking token in config/prod.env, a token under fixtures/ (the
 * base's allowlist covers it), and whatever `change` writes to silence itself.
 */
function pull(change: (dir: string, token: string) => void): Pull {
  const upstream = initRepo(tempDir());
  const base = commit(upstream, { 'app.js': 'const a = 1;\n', '.keyhound.yaml': "allow:\n  paths: ['fixtures/**']\n" }, 'base');
  git(upstream, 'checkout', '--quiet', '-b', 'feature');
  const token = githubToken();
  commit(upstream, { 'config/prod.env': `GITHUB_TOKEN=${token}\n`, 'fixtures/sample.env': `GITHUB_TOKEN=${githubToken()}\n` }, 'add');
  change(upstream, token);
  git(upstream, 'add', '--all');
  git(upstream, 'commit', '--quiet', '--allow-empty', '-m', 'silence the scanner');
  return { upstream, base, head: git(upstream, 'rev-parse', 'HEAD'), token };
}

const VARIANTS: Record<string, (dir: string, token: string) => void> = {
  'allow every path': (dir) => writeFileSync(path.join(dir, '.keyhound.yaml'), "allow:\n  paths: ['**']\n"),
  'extends: none': (dir) => writeFileSync(path.join(dir, '.keyhound.yaml'), 'extends: none\n'),
  'disable the rule': (dir) => writeFileSync(path.join(dir, '.keyhound.yaml'), 'disable: [github-pat-classic, generic-api-key]\n'),
  'maxFileSize: 1': (dir) => writeFileSync(path.join(dir, '.keyhound.yaml'), 'maxFileSize: 1\n'),
  'a gitleaks config with no rules': (dir) => writeFileSync(path.join(dir, '.gitleaks.toml'), "title = 'x'\n"),
  'a baseline of its own': (dir) => {
    writeFileSync(path.join(dir, '.keyhound.yaml'), "baseline: .keyhound-baseline.jsonl\nallow:\n  paths: ['fixtures/**']\n");
    const made = runCli(['baseline', 'create', dir, '--no-gitattributes', '-q']);
    expect(made.code, made.stderr).toBe(0);
  },
};

describe('the Action on a pull request reads its configuration from the base', () => {
  for (const [name, change] of Object.entries(VARIANTS)) {
    it(`a pull request that tries "${name}" still gets its secret reported, and a warning`, async () => {
      const fixture = pull(change);
      const workspace = path.join(tempDir(), 'ws');
      git(path.dirname(workspace), 'clone', '--quiet', '--branch', 'feature', fixture.upstream, workspace);
      const run = await runAction({
        workspace,
        apiUrl: api.url,
        eventName: 'pull_request',
        ref: 'refs/pull/4/merge',
        event: pullRequestEvent({ number: 4, baseSha: fixture.base, headSha: fixture.head }),
      });
      expect(run.code, run.stdout).toBe(1);
      const annotated = run.commands.filter((c) => c.startsWith('::error file=')).map((c) => /file=([^,]+)/.exec(c)![1]);
      // The token it added is reported; the base's own allowlist (fixtures/**) still applies.
      expect(annotated).toEqual(['config/prod.env']);
      expect(run.outputs.findings).toBe('1');
      expect(run.commands.some((c) => c.startsWith('::warning') && c.includes('takes effect after merge'))).toBe(true);
      expect(run.summary).toContain('takes effect after merge');
      expect(run.stdout + run.summary).not.toContain(fixture.token);
    });
  }

  it('a pull request that leaves the configuration alone gets no warning, and push events read the pushed configuration', async () => {
    const fixture = pull(() => {});
    const workspace = path.join(tempDir(), 'ws');
    git(path.dirname(workspace), 'clone', '--quiet', '--branch', 'feature', fixture.upstream, workspace);
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 4, baseSha: fixture.base, headSha: fixture.head }),
    });
    expect(run.code).toBe(1);
    expect(run.commands.some((c) => c.includes('takes effect after merge'))).toBe(false);

    // On a push the configuration is part of what was merged: the pushed commit's applies.
    const silenced = pull(VARIANTS['allow every path']!);
    const pushed = path.join(tempDir(), 'pushed');
    git(path.dirname(pushed), 'clone', '--quiet', '--branch', 'feature', silenced.upstream, pushed);
    const push = await runAction({
      workspace: pushed,
      apiUrl: api.url,
      eventName: 'push',
      event: { before: silenced.base, after: silenced.head, repository: { default_branch: 'main' } },
    });
    expect(push.code, push.stdout).toBe(0);
  });

  it('reads the base through the contents API when the checkout does not have it', async () => {
    const fixture = pull(VARIANTS['allow every path']!);
    // A checkout of the head alone, with no origin to fetch the base from.
    const workspace = initRepo(tempDir());
    commit(workspace, { '.keyhound.yaml': "allow:\n  paths: ['**']\n", 'config/prod.env': `GITHUB_TOKEN=${fixture.token}\n` }, 'squashed');
    api.repos.push({ full_name: 'acme/app', clone_url: 'file:///unused' });
    api.files.set(`acme/app@${fixture.base}:.keyhound.yaml`, Buffer.from("allow:\n  paths: ['fixtures/**']\n"));
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'pull_request',
      inputs: { mode: 'full' },
      event: pullRequestEvent({ number: 4, baseSha: fixture.base, headSha: fixture.head }),
    });
    expect(run.code, run.stdout).toBe(1);
    expect(run.outputs.findings).toBe('1');
    expect(api.requests.some((r) => r.path.startsWith('/repos/acme/app/contents/.keyhound.yaml'))).toBe(true);
  });
});

describe('--config-from REV', () => {
  it('keyhound git --range reads the configuration of the base, not of the range it scans', () => {
    const fixture = pull(VARIANTS['allow every path']!);
    const silenced = runCli(['git', fixture.upstream, '--range', `${fixture.base}..${fixture.head}`, '--format', 'json']);
    expect(silenced.code).toBe(0);
    const run = runCli([
      'git',
      fixture.upstream,
      '--range',
      `${fixture.base}..${fixture.head}`,
      '--config-from',
      fixture.base,
      '--format',
      'json',
    ]);
    expect(run.code, run.stderr).toBe(1);
    expect((JSON.parse(run.stdout) as { findings: { path: string }[] }).findings.map((f) => f.path)).toEqual(['config/prod.env']);
  });

  it('keyhound staged --config-from HEAD ignores a staged change to the configuration', () => {
    const dir = initRepo(tempDir());
    commit(dir, { 'README.md': '# app\n' }, 'start');
    writeFileSync(path.join(dir, '.keyhound.yaml'), "allow:\n  paths: ['**']\n");
    writeFileSync(path.join(dir, 'prod.env'), `GITHUB_TOKEN=${githubToken()}\n`);
    git(dir, 'add', '--all');
    expect(runCli(['staged', dir]).code).toBe(0);
    const run = runCli(['staged', dir, '--config-from', 'HEAD', '-q']);
    expect(run.code, run.stderr).toBe(1);
    const bad = runCli(['staged', dir, '--config-from', '--all']);
    expect(bad.code).toBe(2);
  });

  it('names the revision and path of a broken configuration in its error', () => {
    const dir = initRepo(tempDir());
    const base = commit(dir, { '.keyhound.yaml': 'disable: [no-such-rule]\n' }, 'start');
    const run = runCli(['git', dir, '--config-from', base]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${base.slice(0, 12)}:.keyhound.yaml`);
    expect(run.stderr).not.toContain('keyhound-config-');
  });
});
