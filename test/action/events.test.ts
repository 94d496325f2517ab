import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullRequestEvent, runAction, type ActionRun } from '../helpers/action.js';
import { commit, git, initRepo } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { tempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';
import { checkout, pushEvent } from './checkout.js';

let api: FakeGitHub;
beforeEach(async () => {
  api = await new FakeGitHub().start();
  api.repos.push({ full_name: 'acme/app', clone_url: 'file:///unused' });
});
afterEach(async () => {
  await api.close();
});

/** Where each annotated finding is, as `path:line`, sorted. */
function annotated(run: ActionRun): string[] {
  return run.commands
    .filter((c) => /^::(?:error|warning|notice) file=/.test(c))
    .map((c) => /file=([^,]+),line=(\d+)/.exec(c)!.slice(1).join(':'))
    .sort();
}

function expectNoLeak(run: ActionRun, secrets: readonly string[]): void {
  for (const secret of secrets) for (const place of [run.stdout, run.stderr, run.summary]) expect(place).not.toContain(secret);
}

/** A new repository's main branch: a secret added then deleted, and one still in the tree under `sub/`. */
function newRepository(): { upstream: string; head: string; secrets: string[] } {
  const upstream = initRepo(tempDir());
  const gone = githubToken();
  const kept = githubToken('gho_');
  commit(upstream, { 'README.md': '# app\n', 'old.env': `TOKEN=${gone}\n` }, 'initial');
  git(upstream, 'rm', '--quiet', 'old.env');
  git(upstream, 'commit', '--quiet', '-m', 'remove it');
  const head = commit(upstream, { 'sub/config.js': `module.exports = { token: "${kept}" };\n` }, 'config');
  return { upstream, head, secrets: [gone, kept] };
}

describe('the first push of a new repository (before is all zeros)', () => {
  for (const depth of [0, 1] as const) {
    it(`scans every pushed commit at fetch-depth ${depth}`, async () => {
      const repo = newRepository();
      const workspace = checkout(repo.upstream, { branch: 'main', depth });
      const run = await runAction({
        workspace,
        apiUrl: api.url,
        eventName: 'push',
        sha: repo.head,
        event: pushEvent({ after: repo.head, ref: 'refs/heads/main' }),
        inputs: { 'fail-on-findings': 'true' },
      });
      expect(run.code).toBe(1);
      expect(annotated(run)).toEqual(['old.env:1', 'sub/config.js:1']);
      expect(run.outputs.findings).toBe('2');
      expect(run.summary).toContain(`first push of main: every commit reachable from ${repo.head.slice(0, 12)}`);
      if (depth === 1) expect(run.summary).toContain('the history was fetched from origin first');
      expect(git(workspace, 'rev-parse', '--is-shallow-repository')).toBe('false');
      expectNoLeak(run, repo.secrets);
    });
  }
});

describe('the push of a new branch', () => {
  /** main has a secret in its tree; `feature` branches off it. */
  function branched(): { upstream: string; onMain: string } {
    const upstream = initRepo(tempDir());
    const onMain = githubToken();
    commit(upstream, { 'legacy.env': `TOKEN=${onMain}\n`, 'README.md': '# app\n' }, 'main');
    git(upstream, 'checkout', '--quiet', '-b', 'feature');
    return { upstream, onMain };
  }

  it('at fetch-depth 1, fetches the default branch and does not fail on a secret already on it', async () => {
    const { upstream, onMain } = branched();
    const head = commit(upstream, { 'docs/notes.md': 'nothing secret here\n' }, 'notes');
    const workspace = checkout(upstream, { branch: 'feature', depth: 1 });
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'push',
      sha: head,
      ref: 'refs/heads/feature',
      event: pushEvent({ after: head, ref: 'refs/heads/feature' }),
    });
    expect(run.stdout).not.toMatch(/::error/);
    expect(run.code).toBe(0);
    expect(run.outputs.findings).toBe('0');
    expect(run.summary).toContain('push of a new branch feature: commits not on main');
    expect(run.summary).not.toContain('working tree');
    expectNoLeak(run, [onMain]);
  });

  it("at fetch-depth 1, still reports the branch's own secret, and only it", async () => {
    const { upstream, onMain } = branched();
    const added = githubToken();
    const head = commit(upstream, { 'src/new.js': `const t = "${added}";\n` }, 'new');
    const workspace = checkout(upstream, { branch: 'feature', depth: 1 });
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'push',
      sha: head,
      ref: 'refs/heads/feature',
      event: pushEvent({ after: head, ref: 'refs/heads/feature' }),
    });
    expect(run.code).toBe(1);
    expect(annotated(run)).toEqual(['src/new.js:1']);
    expectNoLeak(run, [onMain, added]);
  });

  it('fails, naming fetch-depth: 0, when the history cannot be fetched, rather than scan the working tree', async () => {
    const { upstream } = branched();
    const head = commit(upstream, { 'docs/notes.md': 'fine\n' }, 'notes');
    const workspace = checkout(upstream, { branch: 'feature', depth: 1 });
    git(workspace, 'remote', 'set-url', 'origin', `file://${tempDir()}/gone.git`);
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'push',
      sha: head,
      ref: 'refs/heads/feature',
      event: pushEvent({ after: head, ref: 'refs/heads/feature' }),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::keyhound: push of a new branch feature: .*git fetch failed.*Set fetch-depth: 0 on actions\/checkout/,
    );
    expect(run.outputs.findings).toBeUndefined();
  });
});

describe('mode history on a shallow checkout', () => {
  it('deepens the checkout and scans every branch, old commits included', async () => {
    const repo = newRepository();
    git(repo.upstream, 'checkout', '--quiet', '-b', 'other');
    const elsewhere = githubToken('ghu_');
    commit(repo.upstream, { 'other.txt': `t=${elsewhere}\n` }, 'other');
    git(repo.upstream, 'checkout', '--quiet', 'main');
    const workspace = checkout(repo.upstream, { branch: 'main', depth: 1 });
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'schedule',
      event: {},
      inputs: { mode: 'history', 'fail-on-findings': 'false' },
    });
    expect(run.code).toBe(0);
    expect(annotated(run)).toEqual(['old.env:1', 'other.txt:1', 'sub/config.js:1']);
    expect(run.summary).toContain('the history was fetched from origin first');
    expectNoLeak(run, [...repo.secrets, elsewhere]);
  });

  it('fails closed when it cannot deepen, and with on-incomplete: warn says the scan is incomplete', async () => {
    const repo = newRepository();
    const workspace = checkout(repo.upstream, { branch: 'main', depth: 1 });
    rmSync(repo.upstream, { recursive: true, force: true });
    const setup = { workspace, apiUrl: api.url, eventName: 'schedule', event: {} };
    const run = await runAction({ ...setup, inputs: { mode: 'history' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::keyhound: mode history needs the full history, but the checkout is shallow .*Set fetch-depth: 0/);
    expect(run.summary).not.toContain('every commit reachable');

    const warned = await runAction({ ...setup, inputs: { mode: 'history', 'on-incomplete': 'warn', 'fail-on-findings': 'false' } });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/::warning title=keyhound%3A incomplete scan::mode history needs the full history/);
    expect(warned.summary).toContain('Incomplete: scanned only the commits of a shallow checkout');
    expect(warned.summary).not.toContain('every commit reachable');
    expectNoLeak(warned, repo.secrets);
  });
});

describe('the path input', () => {
  it('is an input error when it does not exist', async () => {
    const workspace = initRepo(tempDir());
    commit(workspace, { 'a.txt': 'a\n' }, 'a');
    const run = await runAction({ workspace, apiUrl: api.url, eventName: 'workflow_dispatch', event: {}, inputs: { path: 'nope' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::keyhound: input "path": nope does not exist in the workspace');
    expect(run.stdout).not.toContain('internal error');
    expect(api.requests).toEqual([]);
  });

  it('scopes a pull request range to a folder, and takes a file', async () => {
    const upstream = initRepo(tempDir());
    const base = commit(upstream, { 'README.md': '# app\n' }, 'base');
    git(upstream, 'checkout', '--quiet', '-b', 'feature');
    const inside = githubToken();
    const outside = githubToken();
    const head = commit(upstream, { 'sub/a.js': `const t = "${inside}";\n`, 'other/b.js': `const t = "${outside}";\n` }, 'both');
    const workspace = checkout(upstream, { branch: 'feature', depth: 0 });
    const setup = {
      workspace,
      apiUrl: api.url,
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      event: pullRequestEvent({ number: 7, baseSha: base, headSha: head }),
    };
    const scoped = await runAction({ ...setup, inputs: { path: 'sub' } });
    expect(annotated(scoped)).toEqual(['sub/a.js:1']);
    expect(scoped.summary).toContain('(only sub)');

    const file = await runAction({ ...setup, inputs: { path: 'other/b.js' } });
    expect(file.stdout).not.toContain('internal error');
    expect(annotated(file)).toEqual(['other/b.js:1']);

    const full = await runAction({ ...setup, eventName: 'workflow_dispatch', event: {}, inputs: { path: 'other/b.js' } });
    expect(full.stdout).not.toContain('internal error');
    expect(annotated(full)).toEqual(['other/b.js:1']);
    expectNoLeak(full, [inside, outside]);
  });
});
