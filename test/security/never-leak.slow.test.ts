import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { pullRequestEvent, runAction } from '../helpers/action.js';
import { CLI, runCli, type RunResult } from '../helpers/cli.js';
import { leaks, plantCorpus, type Planted } from '../helpers/corpus.js';
import { commit, git, initRepo, pullFilesFromGit, spawnAsync } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { bearer, closedPort, ProviderServer, runCliAsync } from '../helpers/providers.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * One corpus of planted (fake) secrets of many formats, scanned in every mode
 * and output format keyhound has. Unless --no-redact was given, no output,
 * log, file or request body may contain any of them in full, nor an encoded
 * form that was planted (base64), nor a line of the private key. With
 * --no-redact they must appear, so the check can fail.
 */
const corpus = plantCorpus();
// A secret an inline marker allows: --explain lists it, redacted like any other.
const allowed = githubToken();
corpus.files['tests/fixture.txt'] = `TOKEN = "${allowed}"  # keyhound:allow test fixture\n`;
const planted: Planted[] = [...corpus.planted, { kind: 'inline-allowed GitHub token', needles: [allowed] }];
/** Planted values keyhound reports (the BeyondTrust client id only pairs with its secret). */
const reported = planted.filter((p) => p.kind !== 'BeyondTrust client id');

interface Captured {
  label: string;
  text: string;
}

function expectNoLeaks(captured: readonly Captured[]): void {
  const found = captured.flatMap((c) => leaks(c.text, planted).map((what) => `${c.label}: ${what}`));
  expect(found).toEqual([]);
}

const io = (label: string, run: { stdout: string; stderr: string }): Captured[] => [
  { label: `${label} (stdout)`, text: run.stdout },
  { label: `${label} (stderr)`, text: run.stderr },
];

/** Every kind of reported secret shows up whole in `text` (a --no-redact run). */
function expectAllShown(text: string, kinds: readonly Planted[] = reported, label = ''): void {
  const shown = new Set(leaks(text, planted).map((what) => what.replace(/ \(needle \d+\)$/, '')));
  expect(
    kinds.map((p) => p.kind).filter((kind) => !shown.has(kind)),
    label,
  ).toEqual([]);
}

function corpusDir(): string {
  const dir = tempDir();
  writeTree(dir, corpus.files);
  return dir;
}

describe('never leak: keyhound scan', () => {
  it('text, json, jsonl, sarif and github formats, with and without --explain and --verbose, on one thread and several', () => {
    const dir = corpusDir();
    const captured: Captured[] = [];
    for (const format of FORMAT_NAMES) {
      for (const extra of [[], ['--explain', '--verbose', '--threads', '1']]) {
        // Several threads even on this small tree (pool.ts, workerThresholdMs): findings cross threads.
        const run = runCli(['scan', dir, '--format', format, ...extra], { env: { KEYHOUND_THREADS_FROM_MS: '0' } });
        expect(run.code, run.stderr).toBe(1);
        captured.push(...io(`scan --format ${format} ${extra.join(' ')}`, run));
      }
    }
    // The inline-allowed secret really is listed by --explain (redacted), so its check means something.
    const explained = runCli(['scan', dir, '--format', 'json', '--explain']);
    expect(explained.stdout).toMatch(/"filter": "inline"/);
    // Reports written to a file, and an error after a scan that found everything.
    const file = path.join(dir, 'out', 'report.sarif');
    runCli(['scan', dir, '--format', 'json', '--output', path.join(dir, 'report.json')]);
    runCli(['scan', dir, '--format', 'jsonl', '--output', path.join(dir, 'report.jsonl')]);
    captured.push({ label: 'report.jsonl', text: readFileSync(path.join(dir, 'report.jsonl'), 'utf8') });
    const failed = runCli(['scan', dir, '--format', 'sarif', '--output', file]);
    expect(failed.code).toBe(2);
    captured.push({ label: 'report.json', text: readFileSync(path.join(dir, 'report.json'), 'utf8') }, ...io('failed --output', failed));
    // Standard input, and a file that runs out of time (its error names the path only).
    captured.push(...io('scan -', runCli(['scan', '-', '--format', 'text'], { input: corpus.files['config/app.env'] })));
    captured.push(...io('scan --file-timeout', runCli(['scan', dir, '--file-timeout', '0.000001', '--verbose'])));
    expectNoLeaks(captured);
  });

  it('shows them whole with --no-redact (so the checks above can fail)', () => {
    const dir = corpusDir();
    for (const format of FORMAT_NAMES) {
      const run = runCli(['scan', dir, '--format', format, '--no-redact', '--explain']);
      expect(run.code).toBe(1);
      // SARIF and annotations carry no secret field; JSON, JSON lines and text do.
      // Only JSON and text list --explain's dropped candidates; the other formats list findings only.
      if (format !== 'json' && format !== 'text' && format !== 'sarif' && format !== 'github')
        expectAllShown(
          run.stdout,
          reported.filter((p) => p.kind !== 'inline-allowed GitHub token'),
        );
      else if (format !== 'sarif' && format !== 'github') expectAllShown(run.stdout, reported, format);
    }
  });
});

describe('never leak: git history, staged changes, the pre-commit hook, baselines', () => {
  /** History: the corpus arrives in one commit whose message quotes two of the secrets, and the key file is deleted later. */
  function history(): string {
    const repo = initRepo(tempDir());
    commit(repo, { 'README.md': '# app\n' }, 'start');
    const github = corpus.planted.find((p) => p.kind === 'GitHub personal access token')!.needles[0]!;
    const aws = corpus.planted.find((p) => p.kind === 'AWS secret access key')!.needles[0]!;
    commit(repo, corpus.files, `add config (the old token was ${github}, aws ${aws})\n\nrotated since`);
    git(repo, 'rm', '--quiet', 'keys/deploy_key.pem');
    git(repo, 'commit', '--quiet', '-m', 'remove the key');
    return repo;
  }

  it('keyhound git in every format, with --explain, and commit messages that quote a secret', () => {
    const repo = history();
    const captured: Captured[] = [];
    for (const format of FORMAT_NAMES) {
      const run = runCli(['git', repo, '--format', format, '--explain', '--verbose']);
      expect(run.code, run.stderr).toBe(1);
      captured.push(...io(`git --format ${format}`, run));
    }
    expectNoLeaks(captured);
    const shown = runCli(['git', repo, '--format', 'json', '--no-redact', '--explain']).stdout;
    expectAllShown(shown);
    // The commit message quotes the secrets, and is shown as it is only with --no-redact.
    const messages = (JSON.parse(shown) as { findings: { message: string }[] }).findings.map((f) => f.message);
    expect(messages.some((m) => m.startsWith('add config (the old token was ghp_') && leaks(m, planted).length === 2)).toBe(true);
  });

  it("keyhound staged, and the pre-commit hook's blocking message", () => {
    const repo = initRepo(tempDir());
    commit(repo, { 'README.md': '# app\n' }, 'start');
    writeTree(repo, corpus.files);
    git(repo, 'add', '--all');
    const captured: Captured[] = [];
    for (const format of FORMAT_NAMES) {
      const run = runCli(['staged', repo, '--format', format, '--explain']);
      expect(run.code, run.stderr).toBe(1);
      captured.push(...io(`staged --format ${format}`, run));
    }
    expect(runCli(['hook', 'install', repo]).code).toBe(0);
    const hook = spawnSync('git', ['commit', '-m', 'add config'], {
      cwd: repo,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: repo,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'Dev',
        GIT_AUTHOR_EMAIL: 'dev@example.org',
        GIT_COMMITTER_NAME: 'Dev',
        GIT_COMMITTER_EMAIL: 'dev@example.org',
      },
    });
    expect(hook.status).not.toBe(0);
    expect(hook.stderr).toMatch(/the commit was stopped/);
    captured.push(...io('pre-commit hook', hook));
    expectNoLeaks(captured);
    expectAllShown(runCli(['staged', repo, '--format', 'json', '--no-redact', '--explain']).stdout);
  });

  it('baseline create and update write hashes only, and scans against the baseline stay quiet', () => {
    const dir = corpusDir();
    const baseline = path.join(dir, '.keyhound-baseline.jsonl');
    const create = runCli(['baseline', 'create', dir, '--baseline', baseline]);
    expect(create.code, create.stderr).toBe(0);
    const update = runCli(['baseline', 'update', dir, '--baseline', baseline]);
    expect(update.code, update.stderr).toBe(0);
    const text = readFileSync(baseline, 'utf8');
    expect(text.split('\n').filter(Boolean).length).toBeGreaterThan(10);
    const against = runCli(['scan', dir, '--baseline', baseline, '--format', 'json', '--explain']);
    expect(against.code).toBe(0);
    expectNoLeaks([
      { label: 'baseline file', text },
      ...io('baseline create', create),
      ...io('baseline update', update),
      ...io('scan --baseline', against),
    ]);
  });
});

describe('never leak: verification', () => {
  it('a provider that echoes the token back, and one that is down: reasons and errors stay redacted', async () => {
    const dir = corpusDir();
    // A hostile or careless provider: its answers quote the credential it was sent.
    const echo = await ProviderServer.start((request) => {
      const token = bearer(request) ?? request.headers.authorization ?? '';
      return request.path === '/user'
        ? { status: 200, body: { login: token, name: `user of ${token}` }, headers: { 'x-oauth-scopes': token } }
        : { status: 401, body: { message: `bad credentials: ${token}`, error: { message: token } } };
    });
    const down = await closedPort();
    const captured: Captured[] = [];
    for (const format of FORMAT_NAMES) {
      const run = await runCliAsync([
        'scan',
        dir,
        '--format',
        format,
        '--verify',
        '--verify-endpoint',
        `github=${echo.url}`,
        '--verify-endpoint',
        `stripe=${down}`,
        '--verify-endpoint',
        `slack=${echo.url}`,
        '--verify-endpoint',
        `openai=${echo.url}`,
      ]);
      expect(run.code, run.stderr).toBe(1);
      captured.push(...io(`scan --verify --format ${format}`, run));
    }
    expect(echo.requests.length).toBeGreaterThan(0);
    expectNoLeaks(captured);
  });
});

describe('never leak: GitHub', () => {
  let api: FakeGitHub;
  beforeEach(async () => {
    api = await new FakeGitHub().start();
    api.repos.push({ full_name: 'acme/app', clone_url: 'file:///unused' });
  });
  afterEach(async () => {
    await api.close();
  });

  /** A repository whose pull request #7 adds the corpus. */
  function pull(): { repo: string; base: string; head: string } {
    const repo = initRepo(tempDir());
    const base = commit(repo, { 'README.md': '# app\n' }, 'base');
    git(repo, 'checkout', '--quiet', '-b', 'feature');
    const head = commit(repo, corpus.files, 'add config');
    api.addPull({ owner: 'acme', repo: 'app', number: 7, baseSha: base, headSha: head, files: pullFilesFromGit(repo, base, head) });
    return { repo, base, head };
  }

  it('keyhound github pr: report and the pull request comment body', async () => {
    pull();
    api.tokens.set('ghp_writer', { login: 'dev' });
    const run = await spawnAsync(
      process.execPath,
      [CLI, 'github', 'pr', 'acme/app#7', '--comment', '--token', 'ghp_writer', '--format', 'json', '--verbose'],
      {
        env: { PATH: process.env.PATH, HOME: tempDir(), GITHUB_API_URL: api.url },
      },
    );
    expect(run.code, run.stderr).toBe(1);
    expect((JSON.parse(run.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(10);
    const comments = api.commentsOn('acme', 'app', 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('github-pat-classic');
    expectNoLeaks([
      ...io('github pr', run),
      { label: 'PR comment', text: comments[0]!.body },
      { label: 'API requests', text: JSON.stringify(api.requests) },
    ]);
  });

  it('the Action: annotations, job summary, outputs, PR comment, SARIF file and upload, debug logs', async () => {
    const { repo, base, head } = pull();
    api.tokens.set('ghs_runnertoken', {});
    const run = await runAction({
      workspace: repo,
      apiUrl: api.url,
      eventName: 'pull_request',
      sha: head,
      ref: 'refs/pull/7/merge',
      event: pullRequestEvent({ number: 7, baseSha: base, headSha: head }),
      inputs: { comment: 'true', 'upload-sarif': 'true', 'sarif-file': 'keyhound.sarif' },
      env: { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' },
    });
    expect(run.code, run.stdout).toBe(1);
    expect(run.commands.filter((c) => c.startsWith('::error file=')).length).toBeGreaterThan(0);
    expect(run.commands.some((c) => c.startsWith('::debug::'))).toBe(true);
    expect(api.sarifs).toHaveLength(1);
    const comments = api.commentsOn('acme', 'app', 7);
    expect(comments).toHaveLength(1);
    const sarif = readFileSync(path.join(repo, 'keyhound.sarif'), 'utf8');
    expectNoLeaks([
      ...io('Action', run),
      { label: 'job summary', text: run.summary },
      { label: 'step outputs', text: JSON.stringify(run.outputs) },
      { label: 'SARIF file', text: sarif },
      { label: 'uploaded SARIF', text: api.sarifs[0]!.sarif },
      { label: 'PR comment', text: comments[0]!.body },
      { label: 'API requests', text: JSON.stringify(api.requests) },
    ]);
    // Nothing else written into the workspace holds them either (temp files, caches).
    const written = readdirSync(repo, { recursive: true, withFileTypes: true }).filter(
      (e) =>
        e.isFile() && !e.parentPath.includes(`${path.sep}.git`) && !(path.relative(repo, path.join(e.parentPath, e.name)) in corpus.files),
    );
    expectNoLeaks(
      written.map((e) => ({ label: path.join(e.parentPath, e.name), text: readFileSync(path.join(e.parentPath, e.name), 'latin1') })),
    );
    rmSync(path.join(repo, 'keyhound.sarif'));
  });
});

// Kept for the type checker: RunResult is the shape `io` reads.
export type { RunResult };
