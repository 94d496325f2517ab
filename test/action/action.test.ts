import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullRequestEvent, runAction, type ActionRun } from '../helpers/action.js';
import { CLI } from '../helpers/cli.js';
import { commit, git, initRepo, pullFilesFromGit, spawnAsync } from '../helpers/github-repos.js';
import { GitHttpServer } from '../helpers/git-http.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { validateSarif as validate } from '../helpers/sarif-schema.js';
import { tempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

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
  const places = [
    run.stdout,
    run.stderr,
    run.summary,
    JSON.stringify(run.outputs),
    ...extra,
    ...api.commentsOn('acme', 'app', 7).map((c) => c.body),
  ];
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
    api.addPull({
      owner: 'acme',
      repo: 'app',
      number: 7,
      baseSha: fixture.base,
      headSha: fixture.head,
      files: pullFilesFromGit(fixture.upstream, fixture.base, fixture.head),
    });
    const workspace = isolatedWorkspace(fixture);
    const setup = {
      workspace,
      apiUrl: api.url,
      eventName: 'pull_request',
      sha: 'e'.repeat(40),
      ref: 'refs/pull/7/merge',
      event: pullRequestEvent({ number: 7, baseSha: fixture.base, headSha: fixture.head }),
      inputs: { comment: 'true', 'upload-sarif': 'true' },
    };
    const run = await runAction(setup);

    expect(run.code).toBe(1);
    // Says how it scanned.
    expect(run.stdout).toMatch(
      /::warning title=keyhound%3A scanned through the API::.*could not be fetched.*listed through the GitHub API/,
    );
    const errors = run.commands.filter((c) => c.startsWith('::error file='));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      /^::error file=app\/config\.js,line=3,endLine=3,col=16,endColumn=56,title=keyhound%3A critical github-pat-classic::GitHub personal access token \(classic\): ghp_[A-Za-z0-9]{3}\*{12}\. Delete the token/,
    );
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
    expect(validate(upload.decoded), JSON.stringify(validate.errors)).toBe(true);
    const results = (
      upload.decoded as {
        runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
      }
    ).runs[0]!.results;
    expect(
      results.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine]),
    ).toEqual([
      ['app/config.js', 3],
      ['deploy/env.sh', 2],
    ]);

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
    api.addPull({
      owner: 'acme',
      repo: 'app',
      number: 7,
      baseSha: fixture.base,
      headSha: fixture.head,
      headRepo: 'stranger/app',
      files: pullFilesFromGit(fixture.upstream, fixture.base, fixture.head),
    });
    const run = await runAction({
      workspace: isolatedWorkspace(fixture),
      apiUrl: api.url,
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      event: pullRequestEvent({ number: 7, baseSha: fixture.base, headSha: fixture.head, headRepository: 'stranger/app' }),
      inputs: { comment: 'true', 'upload-sarif': 'true', token: 'ghs_readonly' },
    });
    expect(run.code).toBe(1);
    expect(run.commands.filter((c) => c.startsWith('::error file='))).toHaveLength(2);
    expect(run.stdout).toContain(
      '::warning title=keyhound::Comment skipped: this pull request comes from a fork, and GitHub gives its workflows a read-only token.',
    );
    expect(run.stdout).toContain('::warning title=keyhound::SARIF upload skipped: this pull request comes from a fork');
    expect(run.summary).toContain('Comment skipped');
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(run.outputs.findings).toBe('2');
    expectNoLeak(run, fixture.secrets);
  });

  it('with on-permission-error: fail, fails with a message that names the permission when the token may not write', async () => {
    const fixture = pullFixture();
    api.addPull({
      owner: 'acme',
      repo: 'app',
      number: 7,
      baseSha: fixture.base,
      headSha: fixture.head,
      files: pullFilesFromGit(fixture.upstream, fixture.base, fixture.head),
    });
    const run = await runAction({
      workspace: isolatedWorkspace(fixture),
      apiUrl: api.url,
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      event: pullRequestEvent({ number: 7, baseSha: fixture.base, headSha: fixture.head }),
      inputs: { comment: 'true', token: 'ghs_readonly', 'fail-on-findings': 'false', 'on-permission-error': 'fail' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::keyhound: GitHub API: creating the comment on acme\/app#7 \(the token needs pull-requests: write\) failed with 403 \(Resource not accessible by integration\)/,
    );
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
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'workflow_dispatch',
      event: {},
      inputs: { 'fail-on-findings': 'false', 'sarif-file': 'out/scan.sarif' },
    });
    expect(run.code).toBe(0);
    expect(run.commands.filter((c) => c.startsWith('::error file=src/keys.txt'))).toHaveLength(10);
    expect(run.stdout).toContain(
      '::notice title=keyhound::2 more findings not annotated (GitHub shows 10 annotations per step); see the job summary or the SARIF file for all 12.',
    );
    expect(run.outputs).toEqual({ findings: '12', 'sarif-file': path.join(workspace, 'out/scan.sarif') });
    expect(existsSync(path.join(workspace, 'out/scan.sarif'))).toBe(true);
    expect(run.summary).toContain(
      'Scanned the working tree at . (event workflow\\_dispatch has no commit range, so every file in the working tree).',
    );
    expect(run.summary.match(/^\| critical \|/gm)).toHaveLength(12);
    expectNoLeak(run, secrets);
  });

  it('annotates paths relative to the workspace when a subfolder is scanned, and never prints a secret with debug logging on', async () => {
    const workspace = initRepo(tempDir());
    const secret = githubToken();
    commit(workspace, { 'services/api/.env': `GITHUB_TOKEN=${secret}\n`, 'services/web/ok.txt': 'fine\n' }, 'env');
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'schedule',
      event: {},
      inputs: { path: 'services', mode: 'full', 'sarif-file': '' },
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

  it('keys SARIF fingerprints with the fingerprint-key input or KEYHOUND_FINGERPRINT_KEY, the same either way, and never prints the key', async () => {
    const workspace = initRepo(tempDir());
    const secret = githubToken();
    commit(workspace, { 'src/.env': `GITHUB_TOKEN=${secret}\n` }, 'env');
    const key = randomBytes(32).toString('hex');
    const fingerprintsOf = async (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<string[]> => {
      const run = await runAction({
        workspace,
        apiUrl: api.url,
        eventName: 'workflow_dispatch',
        event: {},
        inputs: { 'fail-on-findings': 'false', ...inputs },
        env,
      });
      expect(run.code).toBe(0);
      expectNoLeak(run, [secret, key]);
      const sarif = JSON.parse(readFileSync(path.join(workspace, 'keyhound.sarif'), 'utf8'));
      return sarif.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['keyhound/v2']);
    };
    const plain = await fingerprintsOf({});
    const byInput = await fingerprintsOf({ 'fingerprint-key': key });
    const byEnv = await fingerprintsOf({}, { KEYHOUND_FINGERPRINT_KEY: key });
    expect(plain).toHaveLength(1);
    expect(byInput).toHaveLength(1);
    expect(byInput).toEqual(byEnv);
    expect(byInput[0]).not.toBe(plain[0]);
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

describe('the Action on commit ranges', () => {
  /** Upstream with a feature branch: a token added, another added and removed again, the base's old secret untouched. */
  function featureHistory(): PullFixture & { transient: string } {
    const fixture = pullFixture();
    const transient = githubToken('ghu_');
    commit(fixture.upstream, { 'tmp/debug.txt': `token=${transient}\n` }, 'oops');
    git(fixture.upstream, 'rm', '--quiet', 'tmp/debug.txt');
    git(fixture.upstream, 'commit', '--quiet', '-m', 'remove it');
    const head = git(fixture.upstream, 'rev-parse', 'HEAD');
    return { ...fixture, head, transient, secrets: [...fixture.secrets, transient] };
  }

  it('with fetch-depth 0, scans only base..head and finds a secret added and removed inside the pull request', async () => {
    const fixture = featureHistory();
    const workspace = path.join(tempDir(), 'ws');
    git(path.dirname(workspace), 'clone', '--quiet', '--branch', 'feature', fixture.upstream, workspace);
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      event: pullRequestEvent({ number: 7, baseSha: fixture.base, headSha: fixture.head }),
    });
    expect(run.code).toBe(1);
    const files = run.commands
      .filter((c) => c.startsWith('::error file='))
      .map((c) => /file=([^,]+),line=(\d+)/.exec(c)!.slice(1).join(':'));
    expect(files.sort()).toEqual(['app/config.js:3', 'deploy/env.sh:2', 'tmp/debug.txt:1']);
    expect(run.outputs.findings).toBe('3');
    expect(run.summary).toContain(`Scanned pull request #7: commits ${fixture.base.slice(0, 12)}..${fixture.head.slice(0, 12)}.`);
    expect(run.summary).toContain('| Commit |');
    expect(run.summary).toMatch(/\[tmp\/debug\.txt:1\]\(https:\/\/github\.com\/acme\/app\/blob\/[0-9a-f]{40}\/tmp\/debug\.txt#L1\)/);
    // No API call was needed.
    expect(api.requests).toEqual([]);
    expectNoLeak(run, fixture.secrets);
  });

  it('on a shallow checkout, fetches the range with the token in a header only, and says so', async () => {
    const fixture = featureHistory();
    const served = tempDir();
    git(served, 'clone', '--quiet', '--bare', fixture.upstream, path.join(served, 'app.git'));
    const token = 'ghs_fetchtoken0123456789';
    const gitServer = await new GitHttpServer(served, token).start();
    try {
      const workspace = path.join(tempDir(), 'ws');
      const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
      // Asynchronously: the git server runs in this process.
      const cloned = await spawnAsync(
        'git',
        [
          '-c',
          `http.extraHeader=${header}`,
          'clone',
          '--quiet',
          '--depth',
          '1',
          '--branch',
          'feature',
          `${gitServer.url}/app.git`,
          workspace,
        ],
        { env: { PATH: process.env.PATH, HOME: path.dirname(workspace), GIT_CONFIG_NOSYSTEM: '1' } },
      );
      expect(cloned.stderr).toBe('');
      expect(git(workspace, 'rev-parse', '--is-shallow-repository')).toBe('true');
      const run = await runAction({
        workspace,
        apiUrl: api.url,
        serverUrl: gitServer.url,
        eventName: 'pull_request',
        ref: 'refs/pull/7/merge',
        event: pullRequestEvent({ number: 7, baseSha: fixture.base, headSha: fixture.head }),
        inputs: { token },
      });
      expect(run.outputs.findings).toBe('3');
      expect(run.stdout).toContain('(fetched the missing commits)');
      expect(run.summary).toContain('so they were fetched from origin first (set fetch-depth: 0 on actions/checkout to skip this)');
      expect(git(workspace, 'rev-parse', '--is-shallow-repository')).toBe('false');
      expect(readFileSync(path.join(workspace, '.git', 'config'), 'utf8')).not.toContain(
        Buffer.from(`x-access-token:${token}`).toString('base64'),
      );
      expect(run.stdout).not.toContain(token);
      expectNoLeak(run, fixture.secrets);
    } finally {
      await gitServer.close();
    }
  });

  it('scans before..after on push, and a new branch against the default branch', async () => {
    const fixture = featureHistory();
    const workspace = path.join(tempDir(), 'ws');
    git(path.dirname(workspace), 'clone', '--quiet', '--no-single-branch', '--branch', 'feature', fixture.upstream, workspace);
    const middle = git(workspace, 'rev-parse', 'HEAD~2');
    const push = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'push',
      ref: 'refs/heads/feature',
      sha: fixture.head,
      event: {
        before: middle,
        after: fixture.head,
        ref: 'refs/heads/feature',
        repository: { full_name: 'acme/app', default_branch: 'main' },
      },
    });
    expect(push.commands.filter((c) => c.startsWith('::error file=')).map((c) => /file=([^,]+)/.exec(c)![1])).toEqual(['tmp/debug.txt']);
    expect(push.summary).toContain(`push: commits ${middle.slice(0, 12)}..${fixture.head.slice(0, 12)}`);

    const created = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'push',
      ref: 'refs/heads/feature',
      sha: fixture.head,
      event: {
        before: '0'.repeat(40),
        after: fixture.head,
        ref: 'refs/heads/feature',
        repository: { full_name: 'acme/app', default_branch: 'main' },
      },
    });
    expect(created.outputs.findings).toBe('3');
    expect(created.summary).toContain('push of a new branch feature: commits not on main');
    expectNoLeak(created, fixture.secrets);
  });

  it("scans every commit of every ref in history mode, the base's old secret included", async () => {
    const fixture = featureHistory();
    const workspace = path.join(tempDir(), 'ws');
    git(path.dirname(workspace), 'clone', '--quiet', '--branch', 'feature', fixture.upstream, workspace);
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'schedule',
      event: {},
      inputs: { mode: 'history', 'fail-on-findings': 'false' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs.findings).toBe('4');
    expect(run.summary).toContain('Scanned the git history (mode history: every commit reachable from any branch or tag of origin).');
    expectNoLeak(run, fixture.secrets);
  });
});

describe('the Action with a config and a baseline', () => {
  it('honours .keyhound.yaml allowlists and the baseline input, as keyhound scan does', async () => {
    const workspace = initRepo(tempDir());
    const accepted = githubToken();
    const fixture = githubToken();
    const fresh = githubToken();
    commit(
      workspace,
      {
        '.keyhound.yaml': 'allow:\n  paths:\n    - fixtures/**\n',
        'fixtures/sample.env': `GITHUB_TOKEN=${fixture}\n`,
        'src/old.js': `const t = "${accepted}";\n`,
      },
      'init',
    );
    // The baseline is written by the real CLI, as a team would.
    mkdirSync(path.join(workspace, 'ci'));
    const created = await spawnAsync(process.execPath, [CLI, 'baseline', 'create', '--baseline', 'ci/baseline.jsonl', '-q'], {
      cwd: workspace,
      env: { PATH: process.env.PATH, HOME: workspace },
    });
    expect(created.code).toBe(0);
    commit(workspace, { 'src/new.js': `const t = "${fresh}";\n` }, 'new');

    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'workflow_dispatch',
      event: {},
      inputs: { baseline: 'ci/baseline.jsonl' },
    });
    expect(run.commands.filter((c) => c.startsWith('::error file=')).map((c) => /file=([^,]+)/.exec(c)![1])).toEqual(['src/new.js']);
    expect(run.outputs.findings).toBe('1');
    expectNoLeak(run, [accepted, fixture, fresh]);

    const broken = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'workflow_dispatch',
      event: {},
      inputs: { config: 'missing.yaml' },
    });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/::error::keyhound: .*missing\.yaml/);
  });
});
