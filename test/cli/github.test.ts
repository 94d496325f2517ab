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
  return spawnAsync(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, HOME: tempDir(), GITHUB_API_URL: api.url, ...env } });
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
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /repos/acme/app/pulls/12', 'GET /repos/acme/app/pulls/12/files']);
  });

  it('with --comment, posts the Action\'s comment once and updates it on the next run', async () => {
    const { secret } = pull();
    api.tokens.set('ghp_writer', { login: 'dev' });
    const first = await keyhound(['github', 'pr', 'https://github.com/acme/app/pull/12', '--comment', '-q'], { GITHUB_TOKEN: 'ghp_writer' });
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
  });

  it('stops with a clear message when the rate limit is used up for longer than --max-wait', async () => {
    pull();
    api.rate = { limit: 60, remaining: 0, reset: Math.floor(Date.now() / 1000) + 900 };
    const result = await keyhound(['github', 'pr', 'acme/app#12', '--max-wait', '5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/keyhound: GitHub API rate limit exhausted \(limit 60 requests an hour\): it resets at \S+Z, in about 15 minutes, longer than the 5 s we may wait/);
  });
});

