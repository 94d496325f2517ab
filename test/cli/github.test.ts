import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { commit, initRepo, pullFilesFromGit, spawnAsync, type SpawnResult } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { tempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

let api: FakeGitHub;
beforeEach(async () => {
  api = await new FakeGitHub().start();
});
afterEach(async () => {
  await api.close();
});

/** The real CLI process, asynchronously so the fake API in this process can answer it. */
function keyhound(args: string[], env: NodeJS.ProcessEnv = {}): Promise<SpawnResult> {
  return spawnAsync(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH, HOME: tempDir(), GITHUB_API_URL: api.url, ...env },
  });
}

describe('keyhound github pr', () => {
  function pull(): { secret: string; old: string } {
    const dir = initRepo(tempDir());
    const old = githubToken();
    const base = commit(dir, { 'src/app.py': `import os\nOLD = "${old}"\n` }, 'base');
    const secret = githubToken();
    const head = commit(dir, { 'src/app.py': `import os\nOLD = "${old}"\nTOKEN = "${secret}"\n` }, 'head');
    api.repos.push({ full_name: 'acme/app', clone_url: 'file:///unused' });
    api.addPull({ owner: 'acme', repo: 'app', number: 12, baseSha: base, headSha: head, files: pullFilesFromGit(dir, base, head) });
    return { secret, old };
  }

  it('reports the added secret only, redacted, without cloning, and exits 1', async () => {
    const { secret, old } = pull();
    const result = await keyhound(['github', 'pr', 'acme/app#12', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { path: string; line: number; secret: string; repository: string }[] };
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ path: 'src/app.py', line: 3, repository: 'acme/app' });
    expect(result.stdout + result.stderr).not.toContain(secret);
    expect(result.stdout).not.toContain(old.slice(8));
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/app/pulls/12',
      'GET /repos/acme/app/pulls/12/files',
    ]);
  });

  it("with --comment, posts the Action's comment once and updates it on the next run", async () => {
    const { secret } = pull();
    api.tokens.set('ghp_writer', { login: 'dev' });
    const first = await keyhound(['github', 'pr', 'https://github.com/acme/app/pull/12', '--comment', '-q'], {
      GITHUB_TOKEN: 'ghp_writer',
    });
    expect(first.code).toBe(1);
    const second = await keyhound(['github', 'pr', 'acme/app#12', '--comment', '--token', 'ghp_writer']);
    expect(second.stderr).toMatch(/pull request comment updated: https:\/\/github\.com\/acme\/app\/pull\/12#issuecomment-\d+/);
    const comments = api.commentsOn('acme', 'app', 12);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('<!-- keyhound:pull-request-comment -->');
    expect(comments[0]!.body).toContain('`github-pat-classic`');
    expect(comments[0]!.body).not.toContain(secret);
    expect(api.requests.filter((r) => r.method !== 'GET').every((r) => r.authorization === 'token ghp_writer')).toBe(true);
  });

  it('says clearly what is wrong: bad target, missing pull request, --comment without a token', async () => {
    pull();
    const bad = await keyhound(['github', 'pr', 'acme-app-12']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a pull request: use OWNER/NAME#NUMBER');
    const missing = await keyhound(['github', 'pr', 'acme/app#99']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('keyhound: GitHub API: reading pull request acme/app#99 failed with 404 (Not Found)');
    const noToken = await keyhound(['github', 'pr', 'acme/app#12', '--comment']);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('--comment needs a token');
    const badWait = await keyhound(['github', 'pr', 'acme/app#12', '--max-wait', 'soon']);
    expect(badWait.code).toBe(2);
    expect(badWait.stderr).toContain('--max-wait: give a number of seconds, 0 or more');
  });

  it('stops with a clear message when the rate limit is used up for longer than --max-wait', async () => {
    pull();
    api.rate = { limit: 60, remaining: 0, reset: Math.floor(Date.now() / 1000) + 900 };
    const result = await keyhound(['github', 'pr', 'acme/app#12', '--max-wait', '5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /keyhound: GitHub API rate limit exhausted \(limit 60 requests an hour\): it resets at \S+Z, in about 15 minutes, longer than the 5 s we may wait/,
    );
  });
});

describe('keyhound github repo | org | user', () => {
  /** A real repository whose history holds a secret that is no longer in its tree. */
  function repoWithHistory(name: string): { url: string; secret: string } {
    const dir = initRepo(tempDir());
    const secret = githubToken();
    commit(dir, { 'README.md': `# ${name}\n` }, 'init');
    commit(dir, { 'config/prod.env': `GITHUB_TOKEN=${secret}\n` }, 'add config');
    commit(dir, { 'config/prod.env': 'GITHUB_TOKEN=${GITHUB_TOKEN}\n' }, 'use the environment');
    return { url: `file://${dir}`, secret };
  }

  it('audits every repository of an organization through its history, leaves forks out, and deletes the clones', async () => {
    const api2 = repoWithHistory('api');
    const web = repoWithHistory('web');
    const fork = repoWithHistory('fork');
    api.repos.push(
      { full_name: 'acme/api', clone_url: api2.url },
      { full_name: 'acme/web', clone_url: web.url, archived: true },
      { full_name: 'acme/forked', clone_url: fork.url, fork: true },
    );
    api.defaultPerPage = 1;
    const temp = tempDir();
    const result = await keyhound(['github', 'org', 'acme', '--format', 'json'], { TMPDIR: temp });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      findings: { repository: string; path: string; line: number; commit: string; message: string }[];
      stats: Record<string, unknown>;
    };
    expect(report.findings.map((f) => [f.repository, f.path, f.line, f.message])).toEqual([
      ['acme/api', 'config/prod.env', 1, 'add config'],
      ['acme/web', 'config/prod.env', 1, 'add config'],
    ]);
    expect(report.stats.repositories).toBe(2);
    expect(result.stderr).toContain('keyhound: 2 repositories to audit; left out 1 fork (--include-forks)');
    expect(result.stderr).toMatch(/\[1\/2\] acme\/api: 1 finding\n/);
    for (const secret of [api2.secret, web.secret]) expect(result.stdout + result.stderr).not.toContain(secret);
    expect(readdirSync(temp)).toEqual([]);

    const all = await keyhound(['github', 'org', 'acme', '--include-forks', '--skip-archived', '--format', 'json'], { TMPDIR: temp });
    expect((JSON.parse(all.stdout) as { findings: { repository: string }[] }).findings.map((f) => f.repository)).toEqual(
      ['acme/forked', 'acme/api'].sort(),
    );
    expect(all.stderr).toContain('left out 1 archived');
  });

  it('audits one named repository, sending the token to the API', async () => {
    const one = repoWithHistory('one');
    api.repos.push({ full_name: 'acme/one', clone_url: one.url, private: true });
    api.tokens.set('ghp_reader', { login: 'dev' });
    const denied = await keyhound(['github', 'repo', 'acme/one']);
    expect(denied.code).toBe(2);
    expect(denied.stderr).toContain('reading repository acme/one failed with 404 (Not Found): not found, or the token cannot see it');
    const result = await keyhound(['github', 'repo', 'acme/one', '--format', 'json'], { GITHUB_TOKEN: 'ghp_reader' });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { findings: { repository: string }[] }).findings).toEqual([
      expect.objectContaining({ repository: 'acme/one' }),
    ]);
    expect(api.requests.at(-1)!.authorization).toBe('token ghp_reader');
    const text = await keyhound(['github', 'repo', 'acme/one'], { GITHUB_TOKEN: 'ghp_reader' });
    expect(text.stdout).toMatch(/acme\/one:config\/prod\.env:1:14/);
    expect(text.stdout).toContain('add config');
  });

  it('goes on past a repository that cannot be cloned and says which, exiting 3 (incomplete) when nothing was found', async () => {
    const clean = initRepo(tempDir());
    commit(clean, { 'a.txt': 'nothing here\n' }, 'init');
    api.repos.push(
      { full_name: 'dev/broken', clone_url: 'file:///nonexistent/broken.git', ownerType: 'User' },
      { full_name: 'dev/clean', clone_url: `file://${clean}`, ownerType: 'User' },
    );
    const result = await keyhound(['github', 'user', 'dev']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('No secrets found');
    expect(result.stdout).toContain('Incomplete: 1 input was not scanned (1 failed): dev/broken (failed)');
    const json = await keyhound(['github', 'user', 'dev', '--format', 'json']);
    expect(JSON.parse(json.stdout).stats.incomplete.examples).toEqual([{ path: 'dev/broken', reason: 'failed' }]);
    // The report itself names each repository that failed, and why.
    expect(JSON.parse(json.stdout).failed).toEqual([{ input: 'dev/broken', reason: expect.stringMatching(/git clone .* failed/) }]);
    expect(result.stdout).toMatch(/failed: dev\/broken: .*git clone/);
    expect(result.stderr).toMatch(/\[1\/2\] dev\/broken: failed: git clone of file:\/\/\/nonexistent\/broken\.git failed \(exit 128\)/);
    expect(result.stderr).toContain('keyhound: 1 of 2 repositories could not be audited:\n  dev/broken: git clone');
  });

  it('rejects --comment outside pr and unknown kinds', async () => {
    expect((await keyhound(['github', 'org', 'acme', '--comment'])).stderr).toContain('--comment applies to `keyhound github pr` only');
    const unknown = await keyhound(['github', 'team', 'acme']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Invalid values:[\s\S]*kind/);
  });
});
