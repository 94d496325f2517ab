import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinRules } from '../../../src/rules/builtin.js';
import { uploadSarif } from '../../../src/report/github/code-scanning.js';
import { upsertComment } from '../../../src/report/github/comment.js';
import { apiError, createGitHubClient } from '../../../src/sources/github/client.js';
import { PullRequestSource } from '../../../src/sources/github/pull-scan.js';
import { scanSource } from '../../helpers/scan.js';
import { getPullRequest } from '../../../src/sources/github/pull.js';
import { listRepositories, parsePullRequest, parseRepoName } from '../../../src/sources/github/repos.js';
import { commit, initRepo, pullFilesFromGit } from '../../helpers/github-repos.js';
import { FakeGitHub } from '../../helpers/github-server.js';
import { tempDir } from '../../helpers/tmp.js';
import { githubToken } from '../../helpers/tokens.js';

let server: FakeGitHub;
beforeEach(async () => {
  server = await new FakeGitHub().start();
});
afterEach(async () => {
  await server.close();
});

describe('names', () => {
  it('parses OWNER/NAME, OWNER/NAME#N and pull request URLs, and rejects the rest clearly', () => {
    expect(parseRepoName('octo/hello.js')).toEqual({ owner: 'octo', repo: 'hello.js' });
    expect(parsePullRequest('octo/app#12')).toEqual({ owner: 'octo', repo: 'app', number: 12 });
    expect(parsePullRequest('https://github.example.com/octo/app/pull/7/files')).toEqual({ owner: 'octo', repo: 'app', number: 7 });
    expect(() => parseRepoName('just-a-name')).toThrow(/use OWNER\/NAME/);
    expect(() => parsePullRequest('octo/app')).toThrow(/OWNER\/NAME#NUMBER/);
  });
});

describe('listRepositories', () => {
  it('follows link pagination and applies the fork and archived filters', async () => {
    for (let i = 0; i < 7; i++)
      server.repos.push({ full_name: `acme/r${i}`, clone_url: `file:///nowhere/r${i}`, fork: i === 2, archived: i === 3 });
    server.repos.push({ full_name: 'other/x', clone_url: 'file:///x' });
    server.defaultPerPage = 3;
    const gh = createGitHubClient({ apiUrl: server.url });
    // per_page 100 is what we ask for; make pages small to force several requests.
    const list = await listRepositories(gh, 'org', 'acme');
    expect(list.repositories.map((r) => r.fullName)).toEqual(['acme/r0', 'acme/r1', 'acme/r3', 'acme/r4', 'acme/r5', 'acme/r6']);
    expect(list.excluded).toEqual({ forks: 1, archived: 0, otherShards: 0 });
    const all = await listRepositories(gh, 'org', 'acme', { includeForks: true, skipArchived: true });
    expect(all.repositories.map((r) => r.fullName)).toContain('acme/r2');
    expect(all.excluded).toEqual({ forks: 0, archived: 1, otherShards: 0 });
    // --shard I/2: the two halves are the whole list, and each counts the other's repositories.
    const halves = await Promise.all([1, 2].map((index) => listRepositories(gh, 'org', 'acme', { shard: { index, count: 2 } })));
    expect(halves.flatMap((h) => h.repositories.map((r) => r.fullName)).sort()).toEqual(list.repositories.map((r) => r.fullName));
    expect(halves.map((h) => h.excluded.otherShards)).toEqual([halves[1]!.repositories.length, halves[0]!.repositories.length]);
  });

  it('pages through more than one page of 100', async () => {
    for (let i = 0; i < 130; i++) server.repos.push({ full_name: `big/r${String(i).padStart(3, '0')}`, clone_url: 'file:///x' });
    const list = await listRepositories(createGitHubClient({ apiUrl: server.url }), 'org', 'big');
    expect(list.repositories).toHaveLength(130);
    const pages = server.requests.filter((r) => r.path === '/orgs/big/repos');
    expect(pages.map((r) => r.query.get('page') ?? '1')).toEqual(['1', '2']);
    expect(pages[0]!.query.get('per_page')).toBe('100');
  });

  it("lists the token user's private repositories through /user/repos, others' public ones through /users/NAME/repos", async () => {
    server.repos.push(
      { full_name: 'me/secret', clone_url: 'file:///a', private: true, ownerType: 'User' },
      { full_name: 'me/open', clone_url: 'file:///b', ownerType: 'User' },
    );
    server.tokens.set('tok-me', { login: 'me' });
    const mine = await listRepositories(createGitHubClient({ apiUrl: server.url, token: 'tok-me' }), 'user', 'me');
    expect(mine.repositories.map((r) => r.fullName)).toEqual(['me/open', 'me/secret']);
    const theirs = await listRepositories(createGitHubClient({ apiUrl: server.url }), 'user', 'me');
    expect(theirs.repositories.map((r) => r.fullName)).toEqual(['me/open']);
  });

  it('says what failed and what to do on 404 and 401', async () => {
    const gh = createGitHubClient({ apiUrl: server.url });
    await expect(listRepositories(gh, 'org', 'nobody')).rejects.toThrow(
      /listing the repositories of organization nobody.*failed with 404 \(Not Found\).*keyhound github user/,
    );
    await expect(listRepositories(gh, 'repo', 'acme/missing')).rejects.toThrow(/reading repository acme\/missing failed with 404/);
    server.tokens.set('good', {});
    await expect(listRepositories(createGitHubClient({ apiUrl: server.url, token: 'bad' }), 'repo', 'acme/x')).rejects.toThrow(
      /401 \(Bad credentials\): the token was rejected/,
    );
  });

  it('reports an unreachable API as a connection problem', async () => {
    const url = server.url;
    await server.close();
    const error = (await listRepositories(createGitHubClient({ apiUrl: url }), 'org', 'acme').catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/could not reach the API/);
  });
});

describe('rate limits against the API', () => {
  it('waits for the reset when it is close, then continues', async () => {
    server.repos.push({ full_name: 'acme/a', clone_url: 'file:///a' });
    // Two seconds ahead: one ahead can pass before the first request lands (the server then resets, and nothing waits).
    server.rate = { limit: 60, remaining: 0, reset: Math.floor(Date.now() / 1000) + 2 };
    const waits: number[] = [];
    const gh = createGitHubClient({ apiUrl: server.url, maxWaitMs: 10_000, onWait: (ms) => waits.push(ms) });
    const list = await listRepositories(gh, 'repo', 'acme/a');
    expect(list.repositories).toHaveLength(1);
    expect(waits).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });

  it('stops when the reset is far away, without retrying in a loop', async () => {
    server.repos.push({ full_name: 'acme/a', clone_url: 'file:///a' });
    server.rate = { limit: 60, remaining: 0, reset: Math.floor(Date.now() / 1000) + 1800 };
    const gh = createGitHubClient({ apiUrl: server.url, maxWaitMs: 1000 });
    await expect(listRepositories(gh, 'repo', 'acme/a')).rejects.toThrow(
      /rate limit exhausted \(limit 60 requests an hour\).*in about 30 minutes/,
    );
    expect(server.requests).toHaveLength(1);
  });
});

describe('pull requests through the API', () => {
  function fixture(): { dir: string; base: string; head: string; secret: string; old: string } {
    const dir = initRepo(tempDir());
    const old = githubToken();
    const base = commit(dir, { 'config.js': `const a = 1;\nconst legacy = "${old}";\n`, 'keep.txt': 'x\n' }, 'base');
    const secret = githubToken();
    const filler = Array.from({ length: 30 }, (_, i) => `// line ${i}`).join('\n');
    const head = commit(
      dir,
      { 'config.js': `const a = 1;\nconst legacy = "${old}";\n${filler}\nconst token = "${secret}";\n`, 'new.txt': 'hello\n' },
      'head',
    );
    return { dir, base, head, secret, old };
  }

  it('reports secrets on added lines only, with the right line numbers, from patches alone', async () => {
    const { dir, base, head, secret } = fixture();
    server.repos.push({ full_name: 'acme/app', clone_url: 'file:///x' });
    server.addPull({ owner: 'acme', repo: 'app', number: 5, baseSha: base, headSha: head, files: pullFilesFromGit(dir, base, head) });
    const gh = createGitHubClient({ apiUrl: server.url });
    const pr = await getPullRequest(gh, 'acme', 'app', 5);
    expect(pr).toMatchObject({ number: 5, headSha: head, baseSha: base, fromFork: false });
    const report = await scanSource(new PullRequestSource(gh, pr), { rules: builtinRules() });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ path: 'config.js', line: 33, secret, origin: { repository: 'acme/app', pullRequest: 5 } });
    expect(report.stats.files).toBe(2);
    expect(server.requests.some((r) => r.path.includes('/git/blobs/'))).toBe(false);
  });

  it('with head contents, fetches blobs and still reports only added lines', async () => {
    const { dir, base, head, secret } = fixture();
    server.repos.push({ full_name: 'acme/app', clone_url: 'file:///x' });
    server.addPull({ owner: 'acme', repo: 'app', number: 5, baseSha: base, headSha: head, files: pullFilesFromGit(dir, base, head) });
    const gh = createGitHubClient({ apiUrl: server.url });
    const report = await scanSource(new PullRequestSource(gh, await getPullRequest(gh, 'acme', 'app', 5), { headContents: true }), {
      rules: builtinRules(),
    });
    expect(report.findings.map((f) => [f.path, f.line, f.secret])).toEqual([['config.js', 33, secret]]);
    expect(server.requests.filter((r) => r.path.includes('/git/blobs/'))).toHaveLength(2);
  });

  it('scans a file GitHub sent no patch for whole, counts it, reads a binary for its printable runs, and skips excluded files', async () => {
    const secret = githubToken();
    const inBinary = githubToken();
    server.repos.push({ full_name: 'acme/app', clone_url: 'file:///x' });
    server.addPull({
      owner: 'acme',
      repo: 'app',
      number: 9,
      baseSha: 'a'.repeat(40),
      headSha: 'b'.repeat(40),
      headRepo: 'someone/app',
      files: [
        { filename: 'huge.env', status: 'modified', content: `TOKEN=${secret}\n` },
        {
          filename: 'payload.raw',
          status: 'added',
          content: Buffer.concat([Buffer.from([0x89, 0x50, 0, 0, 1, 2]), Buffer.from(inBinary)]),
        },
        { filename: 'package-lock.json', status: 'modified', patch: `@@ -1 +1 @@\n-x\n+"t": "${githubToken()}"` },
        { filename: 'gone.txt', status: 'removed', patch: '@@ -1 +0,0 @@\n-bye' },
      ],
    });
    const gh = createGitHubClient({ apiUrl: server.url });
    const pr = await getPullRequest(gh, 'acme', 'app', 9);
    expect(pr.fromFork).toBe(true);
    const report = await scanSource(new PullRequestSource(gh, pr), { rules: builtinRules() });
    expect(report.findings.map((f) => [f.path, f.secret])).toEqual([
      ['huge.env', secret],
      ['payload.raw', inBinary],
    ]);
    expect(report.stats).toMatchObject({ files: 2, wholeFiles: 2, skipped: { 'excluded-path': 1 } });
  });
});

describe('publishing', () => {
  it('creates one comment, then updates it, found by its marker among other comments', async () => {
    server.repos.push({ full_name: 'acme/app', clone_url: 'file:///x' });
    server.comments.set('acme/app#3', [{ id: 1, body: 'LGTM', user: { login: 'alice', type: 'User' } }]);
    const gh = createGitHubClient({ apiUrl: server.url, token: 't' });
    const target = { owner: 'acme', repo: 'app', number: 3 };
    expect(await upsertComment(gh, target, '<!-- m -->\nnothing yet', '<!-- m -->', false)).toEqual({ action: 'skipped' });
    const first = await upsertComment(gh, target, '<!-- m -->\nfirst', '<!-- m -->');
    const second = await upsertComment(gh, target, '<!-- m -->\nsecond', '<!-- m -->');
    expect(first.action).toBe('created');
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    expect(server.commentsOn('acme', 'app', 3).map((c) => c.body)).toEqual(['LGTM', '<!-- m -->\nsecond']);
  });

  it("turns a read-only token's 403 into a message that names the permission", async () => {
    server.repos.push({ full_name: 'acme/app', clone_url: 'file:///x' });
    server.tokens.set('ro', { readOnly: true });
    const gh = createGitHubClient({ apiUrl: server.url, token: 'ro' });
    await expect(upsertComment(gh, { owner: 'acme', repo: 'app', number: 3 }, 'x', 'x')).rejects.toThrow(
      /creating the comment.*pull-requests: write.*403 \(Resource not accessible by integration\)/,
    );
  });

  it('uploads SARIF gzip-compressed and base64-encoded with commit and ref', async () => {
    server.repos.push({ full_name: 'acme/app', clone_url: 'file:///x' });
    const gh = createGitHubClient({ apiUrl: server.url, token: 't' });
    const sarif = JSON.stringify({ version: '2.1.0', runs: [] });
    const result = await uploadSarif(gh, { owner: 'acme', repo: 'app', commitSha: 'c'.repeat(40), ref: 'refs/heads/main', sarif });
    expect(result.id).toMatch(/^fake-/);
    expect(server.sarifs[0]).toMatchObject({ commit_sha: 'c'.repeat(40), ref: 'refs/heads/main', decoded: { version: '2.1.0', runs: [] } });
    expect(apiError(new Error('boom'), 'doing it').message).toBe('GitHub API: doing it failed: boom');
  });
});

// Keep the helpers honest: the fixtures above rely on them.
describe('test helpers', () => {
  it('pullFilesFromGit produces GitHub-style patches', () => {
    const dir = initRepo(tempDir());
    const base = commit(dir, { 'a.txt': 'one\n' }, 'base');
    const head = commit(dir, { 'a.txt': 'one\ntwo\n' }, 'head');
    const [file] = pullFilesFromGit(dir, base, head);
    expect(file).toMatchObject({ filename: 'a.txt', status: 'modified', content: 'one\ntwo\n' });
    expect(file!.patch).toBe('@@ -1 +1,2 @@\n one\n+two');
    expect(existsSync(path.join(dir, '.git'))).toBe(true);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('one\ntwo\n');
  });
});
