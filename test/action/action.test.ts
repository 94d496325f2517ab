import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullRequestEvent, runAction, type ActionRun } from '../helpers/action.js';
import { commit, git, initRepo, pullFilesFromGit } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { tempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

const require = createRequire(import.meta.url);
// The official SARIF 2.1.0 schema (draft-04); one of its patterns is invalid under the u flag.
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;

let api: FakeGitHub;
beforeEach(async () => {
  api = await new FakeGitHub().start();
  api.repos.push({ full_name: 'acme/app', clone_url: 'file:///unused' });
  api.tokens.set('ghs_runnertoken', {});
  api.tokens.set('ghs_readonly', { readOnly: true });
});
afterEach(async () => {
  await api.close();
});

/** Nothing a secret could hide in may contain it: stdout, stderr, summary, outputs, comments, SARIF. */
function expectNoLeak(run: ActionRun, secrets: readonly string[], extra: readonly string[] = []): void {
  const places = [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs), ...extra, ...api.commentsOn('acme', 'app', 7).map((c) => c.body)];
  for (const secret of secrets) for (const place of places) expect(place).not.toContain(secret);
}

interface PullFixture {
  /** The repository as GitHub has it: base and head commits. */
  upstream: string;
  base: string;
  head: string;
  secrets: string[];
  /** A line a secret sits on in app/config.js. */
  line: number;
}

/** Upstream history: base has an old secret (not this pull request's doing); head adds two secrets on known lines. */
function pullFixture(): PullFixture {
  const upstream = initRepo(tempDir());
  const old = githubToken();
  const base = commit(upstream, { 'app/config.js': `const a = 1;\nconst legacy = "${old}";\n`, 'README.md': '# app\n' }, 'base');
  git(upstream, 'checkout', '--quiet', '-b', 'feature');
  const first = githubToken();
  const second = githubToken('gho_');
  commit(upstream, { 'app/config.js': `const a = 1;\nconst legacy = "${old}";\nconst token = "${first}";\n` }, 'add a token');
  const head = commit(upstream, { 'deploy/env.sh': `export X=1\nexport GH="${second}"\n` }, 'add another');
  return { upstream, base, head, secrets: [old, first, second], line: 3 };
}

/** A workspace whose checkout lacks the base commit and has no origin to fetch it from: only the API can help. */
function isolatedWorkspace(fixture: PullFixture): string {
  const workspace = initRepo(tempDir());
  commit(workspace, { 'app/config.js': git(fixture.upstream, 'show', `${fixture.head}:app/config.js`) + '\n' }, 'squashed');
  return workspace;
}

describe('the Action on a pull request whose base commit is missing (API fallback)', () => {
  it('annotates, summarises, sets outputs, writes and uploads SARIF, comments once, and fails the step', async () => {
    const fixture = pullFixture();
    api.addPull({ owner: 'acme', repo: 'app', number: 7, baseSha: fixture.base, headSha: fixture.head, files: pullFilesFromGit(fixture.upstream, fixture.base, fixture.head) });
    const workspace = isolatedWorkspace(fixture);
    const setup = {
      workspace, apiUrl: api.url, eventName: 'pull_request', sha: 'e'.repeat(40), ref: 'refs/pull/7/merge',
      event: pullRequestEvent({ number: 7, baseSha: fixture.base, headSha: fixture.head }),
      inputs: { comment: 'true', 'upload-sarif': 'true' },
    };
    const run = await runAction(setup);

    expect(run.code).toBe(1);
    // Says how it scanned.
    expect(run.stdout).toMatch(/::warning title=keyhound%3A scanned through the API::.*could not be fetched.*listed through the GitHub API/);
    const errors = run.commands.filter((c) => c.startsWith('::error file='));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^::error file=app\/config\.js,line=3,endLine=3,col=16,endColumn=56,title=keyhound%3A critical github-pat-classic::GitHub personal access token \(classic\): ghp_[A-Za-z0-9]{4}\*{12}\. Delete the token/);
    expect(errors[1]).toMatch(/^::error file=deploy\/env\.sh,line=2,/);
    expect(run.commands.at(-1)).toMatch(/^::error::keyhound: 2 secrets found/);
    expect(run.outputs).toEqual({ findings: '2', 'sarif-file': path.join(workspace, 'keyhound.sarif') });
    expect(run.summary).toMatch(/^## keyhound: 2 secrets found/);
    expect(run.summary).toContain('Scanned pull request #7 through the GitHub API');
    expect(run.summary).toContain(`[app/config.js:3](https://github.com/acme/app/blob/${fixture.head}/app/config.js#L3)`);

    // The SARIF on disk and the one uploaded are the same, valid, and locate both findings.
    const sarifText = readFileSync(path.join(workspace, 'keyhound.sarif'), 'utf8');
    expect(api.sarifs).toHaveLength(1);
    const upload = api.sarifs[0]!;
    expect(upload).toMatchObject({ commit_sha: 'e'.repeat(40), ref: 'refs/pull/7/merge' });
    expect(upload.decoded).toEqual(JSON.parse(sarifText));
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    expect(validate(upload.decoded), JSON.stringify(validate.errors)).toBe(true);
    const results = (upload.decoded as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] }).runs[0]!.results;
    expect(results.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine])).toEqual([['app/config.js', 3], ['deploy/env.sh', 2]]);

    const comments = api.commentsOn('acme', 'app', 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('<!-- keyhound:pull-request-comment -->');
    expect(comments[0]!.body).toContain('2 secrets in this pull request');
    expectNoLeak(run, fixture.secrets, [sarifText]);

    // A second push: the same comment is updated, not duplicated.
    const again = await runAction({ ...setup, inputs: { ...setup.inputs, 'fail-on-findings': 'false' } });
    expect(again.code).toBe(0);
    expect(api.commentsOn('acme', 'app', 7)).toHaveLength(1);
    expect(api.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith('/repos/acme/app/issues/comments/'))).toHaveLength(1);
    expect(api.requests.filter((r) => r.method === 'POST' && r.path === '/repos/acme/app/issues/7/comments')).toHaveLength(1);
    expectNoLeak(again, fixture.secrets);
  });

  it('on a fork pull request, skips comment and upload with a warning and still scans and annotates', async () => {
    const fixture = pullFixture();
    api.addPull({ owner: 'acme', repo: 'app', number: 7, baseSha: fixture.base, headSha: fixture.head, headRepo: 'stranger/app', files: pullFilesFromGit(fixture.upstream, fixture.base, fixture.head) });
    const run = await runAction({
      workspace: isolatedWorkspace(fixture), apiUrl: api.url, eventName: 'pull_request', ref: 'refs/pull/7/merge',
      event: pullRequestEvent({ number: 7, baseSha: fixture.base, headSha: fixture.head, headRepository: 'stranger/app' }),
      inputs: { comment: 'true', 'upload-sarif': 'true', token: 'ghs_readonly' },
    });
    expect(run.code).toBe(1);
    expect(run.commands.filter((c) => c.startsWith('::error file='))).toHaveLength(2);
    expect(run.stdout).toContain('::warning title=keyhound::Comment skipped: this pull request comes from a fork, and GitHub gives its workflows a read-only token.');
    expect(run.stdout).toContain('::warning title=keyhound::SARIF upload skipped: this pull request comes from a fork');
    expect(run.summary).toContain('Comment skipped');
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(run.outputs.findings).toBe('2');
    expectNoLeak(run, fixture.secrets);
  });

  it('fails with a message that names the permission when the token may not write', async () => {
    const fixture = pullFixture();
    api.addPull({ owner: 'acme', repo: 'app', number: 7, baseSha: fixture.base, headSha: fixture.head, files: pullFilesFromGit(fixture.upstream, fixture.base, fixture.head) });
    const run = await runAction({
      workspace: isolatedWorkspace(fixture), apiUrl: api.url, eventName: 'pull_request', ref: 'refs/pull/7/merge',
      event: pullRequestEvent({ number: 7, baseSha: fixture.base, headSha: fixture.head }),
      inputs: { comment: 'true', token: 'ghs_readonly', 'fail-on-findings': 'false' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::keyhound: GitHub API: creating the comment on acme\/app#7 \(the token needs pull-requests: write\) failed with 403 \(Resource not accessible by integration\)/);
    // The results were out before the comment failed.
    expect(run.outputs.findings).toBe('2');
    expect(run.commands.filter((c) => c.startsWith('::error file='))).toHaveLength(2);
  });
});

describe('the Action on other events and inputs', () => {
  it('scans the working tree on workflow_dispatch, annotates the first 10 findings and counts the rest', async () => {
    const workspace = initRepo(tempDir());
    const secrets = Array.from({ length: 12 }, () => githubToken());
    commit(workspace, { 'src/keys.txt': secrets.map((s, i) => `key${i} = "${s}"`).join('\n') + '\n' }, 'keys');
    const run = await runAction({ workspace, apiUrl: api.url, eventName: 'workflow_dispatch', event: {}, inputs: { 'fail-on-findings': 'false', 'sarif-file': 'out/scan.sarif' } });
    expect(run.code).toBe(0);
    expect(run.commands.filter((c) => c.startsWith('::error file=src/keys.txt'))).toHaveLength(10);
    expect(run.stdout).toContain('::notice title=keyhound::2 more findings not annotated (GitHub shows 10 annotations per step); see the job summary or the SARIF file for all 12.');
    expect(run.outputs).toEqual({ findings: '12', 'sarif-file': path.join(workspace, 'out/scan.sarif') });
    expect(existsSync(path.join(workspace, 'out/scan.sarif'))).toBe(true);
    expect(run.summary).toContain('Scanned the working tree at . (event workflow\\_dispatch has no commit range, so every file in the working tree).');
    expect(run.summary.match(/^\| critical \|/gm)).toHaveLength(12);
    expectNoLeak(run, secrets);
  });

  it('annotates paths relative to the workspace when a subfolder is scanned, and never prints a secret with debug logging on', async () => {
    const workspace = initRepo(tempDir());
    const secret = githubToken();
    commit(workspace, { 'services/api/.env': `GITHUB_TOKEN=${secret}\n`, 'services/web/ok.txt': 'fine\n' }, 'env');
    const run = await runAction({
      workspace, apiUrl: api.url, eventName: 'schedule', event: {}, inputs: { path: 'services', mode: 'full', 'sarif-file': '' },
      env: { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' },
    });
    expect(run.code).toBe(1);
    expect(run.commands.some((c) => c.startsWith('::debug::'))).toBe(true);
    expect(run.commands.filter((c) => c.startsWith('::error file='))[0]).toMatch(/^::error file=services\/api\/\.env,line=1,/);
    expect(run.outputs).toEqual({ findings: '1', 'sarif-file': '' });
    expect(existsSync(path.join(workspace, 'keyhound.sarif'))).toBe(false);
    expect(run.stdout).not.toContain('ghs_runnertoken');
    expectNoLeak(run, [secret]);
  });

  it('rejects a bad input with a clear message and exit 1', async () => {
    const workspace = initRepo(tempDir());
    const run = await runAction({ workspace, apiUrl: api.url, eventName: 'push', event: {}, inputs: { 'fail-on-findings': 'yes' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::keyhound: input "fail-on-findings" must be true or false, not "yes"');
    const diff = await runAction({ workspace, apiUrl: api.url, eventName: 'workflow_dispatch', event: {}, inputs: { mode: 'diff' } });
    expect(diff.stdout).toMatch(/::error::keyhound: mode diff needs a pull_request, push or merge_group event/);
    expect(diff.stderr).toBe('');
  });
});
