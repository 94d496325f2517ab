import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pullRequestEvent, runAction } from '../helpers/action.js';
import { runCli } from '../helpers/cli.js';
import { commit, git, GIT_ENV, initRepo } from '../helpers/git.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { pieceLeaks } from '../helpers/pieces.js';
import { fake } from '../helpers/providers.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken } from '../helpers/tokens.js';

/**
 * The cases of "Nothing leaks" (issue 16), each through the real CLI or the
 * real Action: no piece of 8 or more characters of a planted secret in any
 * output unless --no-redact, and no control character from scanned content
 * reaching a terminal or a log raw.
 */
// Many real CLI runs each: slow on a loaded two-core machine.
vi.setConfig({ testTimeout: 180_000 });

const FORMATS = ['text', 'json', 'jsonl', 'sarif', 'github'] as const;
/** ESC, CSI (C1), and the bidi override that reverses what follows. */
// eslint-disable-next-line no-control-regex -- the test looks for exactly these raw characters
const RAW_CONTROLS = /[\u001b\u009b\u202e]/;

function expectNoPieces(outputs: Record<string, string>, secrets: Record<string, string>): void {
  const leaked = Object.entries(outputs).flatMap(([label, text]) => pieceLeaks(text, secrets).map((what) => `${label}: ${what}`));
  expect(leaked).toEqual([]);
}

describe('commit metadata (case 1) and control characters in it (case 6)', () => {
  const fileToken = githubToken();
  const loose = fake.awsSecret();
  const inEmail = `x${base62(28)}`;
  const inMessage = fake.awsSecret();
  const crafted = githubToken();
  const byEmail = githubToken();

  function history(): string {
    const repo = initRepo();
    commit(repo, { 'config/app.env': `GITHUB_TOKEN=${fileToken}\n` }, 'add config');
    commit(repo, { 'README.md': '# app\n' }, `docs\n\nold token was ${loose}, the new one is ${fileToken}`);
    commit(repo, { 'a.env': `GITHUB_TOKEN=${byEmail}\n` }, 'tidy', { email: `${inEmail}@example.com` });
    commit(repo, { 'b.txt': 'b\n' }, `rotate\n\naws_secret_access_key = "${inMessage}"`);
    // The crafted commit adds a secret of its own, so its author and message are printed.
    commit(repo, { 'c.env': `GITHUB_TOKEN=${crafted}\n` }, 'Fix \u001b[2J\u001b[H\u009b31m\u202eevil', {
      author: 'Mallory \u001b]0;pwned\u0007\u202e',
    });
    return repo;
  }

  it('keyhound git masks messages, authors and emails in every format, and reports a secret in a message', () => {
    const repo = history();
    const outputs: Record<string, string> = {};
    for (const format of FORMATS) {
      const run = runCli(['git', repo, '--format', format], { env: GIT_ENV });
      expect(run.code, run.stderr).toBe(1);
      outputs[`git --format ${format}`] = run.stdout + run.stderr;
    }
    expectNoPieces(outputs, { fileToken, loose, inEmail, inMessage, crafted, byEmail });
    for (const format of ['text', 'github'] as const) expect(outputs[`git --format ${format}`]).not.toMatch(RAW_CONTROLS);

    const report = JSON.parse(outputs['git --format json']!) as { findings: { ruleId: string; path: string }[] };
    const sha = git(repo, ['rev-parse', 'HEAD~1']).trim();
    expect(report.findings.map((f) => [f.ruleId, f.path])).toContainEqual(['aws-secret-access-key', `commit ${sha} message`]);

    // With --no-redact the same run shows them: the checks above can fail.
    const whole = runCli(['git', repo, '--format', 'json', '--no-redact'], { env: GIT_ENV });
    expect(whole.stdout).toContain(fileToken);
    expect(whole.stdout).toContain(inMessage);
  });

  it('the terminal report shows escaped controls: the crafted author cannot clear the screen or hide the findings', () => {
    const repo = history();
    const run = runCli(['git', repo, '--format', 'text', '--verbose'], { env: GIT_ENV });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(RAW_CONTROLS);
    expect(run.stdout).toContain('github-pat-classic');
    expect(run.stdout).toContain('Mallory');
    expect(run.stdout).toMatch(/\\u001b|\\x1b|\\e/);
  });
});

describe('cut snippets (case 2)', () => {
  it('a second copy of a secret straddling the 160-character cut is masked whole', () => {
    const secrets: Record<string, string> = {};
    const lines: string[] = [];
    for (let offset = 120; offset <= 170; offset += 5) {
      const token = githubToken();
      secrets[`token at ${offset}`] = token;
      const head = `GITHUB_TOKEN=${token} # `;
      lines.push(`${head}${'-'.repeat(offset - head.length)}${token} tail`);
    }
    const dir = tempDir();
    writeTree(dir, { 'a.env': `${lines.join('\n')}\n` });
    const outputs: Record<string, string> = {};
    for (const format of FORMATS) {
      const run = runCli(['scan', dir, '--format', format]);
      expect(run.code, run.stderr).toBe(1);
      outputs[format] = run.stdout;
    }
    expectNoPieces(outputs, secrets);
    // Both copies on each line are findings of their own.
    expect((JSON.parse(outputs.json!) as { findings: unknown[] }).findings.length).toBe(2 * Object.keys(secrets).length);
  });
});

describe('error messages and --explain (cases 4 and 5)', () => {
  it('a malformed allow regex that names a token is reported without it, in every format', () => {
    const token = githubToken();
    const dir = tempDir();
    writeTree(dir, { '.keyhound.yaml': `allow:\n  regexes:\n    - '(${token}'\n`, 'a.txt': 'nothing\n' });
    for (const format of FORMATS) {
      const run = runCli(['scan', dir, '--format', format]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('.keyhound.yaml');
      expectNoPieces({ [`${format} stdout`]: run.stdout, [`${format} stderr`]: run.stderr }, { token });
    }
  });

  it('--explain reasons quoting an allow regex or a stop-word never show the secret they name', () => {
    const allowed = githubToken();
    const stopped = `zz${base62(30)}`;
    const dir = tempDir();
    writeTree(dir, {
      '.keyhound.yaml': `allow:\n  regexes:\n    - '^${allowed}$'\n  stopwords: ['${stopped.slice(0, 20)}']\n`,
      'a.env': `GITHUB_TOKEN=${allowed}\nAPI_KEY=${stopped}\n`,
    });
    const outputs: Record<string, string> = {};
    for (const format of FORMATS) {
      const run = runCli(['scan', dir, '--format', format, '--explain']);
      expect(run.code, run.stderr).toBe(0);
      outputs[format] = run.stdout + run.stderr;
    }
    expect(outputs.json).toMatch(/"filter": "allow/);
    expectNoPieces(outputs, { allowed, stopped });
  });
});

describe('--redact values (case 8)', () => {
  it('--redact=N is a percentage to hide, never less than the default; other values are usage errors', () => {
    const token = githubToken();
    const dir = tempDir();
    writeTree(dir, { 'a.env': `GITHUB_TOKEN=${token}\n` });
    for (const flag of ['--redact', '--redact=20', '--redact=1', '--redact=100', '--redact=true']) {
      const run = runCli(['scan', dir, '--format', 'json', flag]);
      expect(run.code, `${flag}: ${run.stderr}`).toBe(1);
      expectNoPieces({ [flag]: run.stdout }, { token });
      const shown = (JSON.parse(run.stdout) as { findings: { secret: string }[] }).findings[0]!.secret;
      expect(shown, flag).toMatch(/\*{12}$/);
      if (flag === '--redact=100') expect(shown).toBe('*'.repeat(12));
    }
    for (const flag of ['--redact=yes', '--redact=101', '--redact=-5', '--redact=2.5']) {
      const run = runCli(['scan', dir, flag]);
      expect(run.code, flag).toBe(2);
      expect(run.stdout + run.stderr).not.toContain(token);
    }
    expect(runCli(['scan', dir, '--format', 'json', '--no-redact']).stdout).toContain(token);
  });
});

describe('the pull request comment (case 7) and the Action (case 1)', () => {
  let api: FakeGitHub;
  beforeEach(async () => {
    api = await new FakeGitHub().start();
    api.repos.push({ full_name: 'acme/app', clone_url: 'file:///unused' });
  });
  afterEach(async () => {
    await api.close();
  });

  it('mentions, issue references and links from an author are neutralised; metadata secrets are masked everywhere', async () => {
    const token = githubToken();
    const loose = fake.awsSecret();
    const repo = initRepo();
    const base = commit(repo, { 'README.md': '# app\n' }, 'base');
    git(repo, ['checkout', '--quiet', '-b', 'feature']);
    const head = commit(repo, { 'config/app.env': `GITHUB_TOKEN=${token}\n` }, `add config\n\nold secret ${loose}`, {
      author: '@octocat @acme/admins acme/app#12 https://evil.example',
    });
    api.tokens.set('ghs_runnertoken', {});
    const run = await runAction({
      workspace: repo,
      apiUrl: api.url,
      eventName: 'pull_request',
      sha: head,
      ref: 'refs/pull/7/merge',
      event: pullRequestEvent({ number: 7, baseSha: base, headSha: head }),
      inputs: { comment: 'true', 'sarif-file': 'keyhound.sarif' },
    });
    expect(run.code, run.stdout).toBe(1);
    const comments = api.commentsOn('acme', 'app', 7);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body).toContain('github-pat-classic');
    expect(body).toContain('octocat');
    for (const live of [/(^|[^\u200b])@octocat/, /(^|[^\u200b])@acme\/admins/, /#12/, /https:\/\/evil/]) expect(body).not.toMatch(live);
    const sarif = readFileSync(path.join(repo, 'keyhound.sarif'), 'utf8');
    expectNoPieces(
      { log: run.stdout + run.stderr, summary: run.summary, comment: body, sarif, requests: JSON.stringify(api.requests) },
      { token, loose },
    );
    expect(run.stdout).not.toMatch(RAW_CONTROLS);
    writeFileSync(path.join(repo, 'keyhound.sarif'), '');
  });
});
