import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { pullRequestEvent, runAction } from '../helpers/action.js';
import { CLI, runCli } from '../helpers/cli.js';
import { commit, git, GIT_ENV, initRepo } from '../helpers/git.js';
import { pullFilesFromGit, spawnAsync } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { slowRules, STALLING_TEXT } from '../helpers/slow-rules.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * Every front end goes through the one runner (src/scan/runner.ts), so the
 * same input is handled the same way whichever command reads it. These tests
 * hold each front end to that, through real processes.
 */

let api: FakeGitHub;
beforeEach(async () => {
  api = await new FakeGitHub().start();
});
afterEach(async () => {
  await api.close();
});

interface JsonReport {
  findings: { path: string; ruleId: string; secret: string }[];
  stats: { skipped: Record<string, number> };
}

describe('a file past --file-timeout is skipped and counted by every front end', () => {
  /** A repository whose last commit adds a stalling file and a token, with a config that loads the slow rules. */
  function fixture(): { repo: string; base: string; head: string; token: string } {
    const repo = initRepo();
    // The rule file holds its own examples: kept outside what is scanned.
    const rules = slowRules(tempDir());
    writeFileSync(path.join(repo, '.keyhound.yaml'), `ruleFiles: [${JSON.stringify(rules)}]\n`);
    const base = commit(repo, { 'README.md': '# app\n' }, 'Start');
    const token = githubToken();
    writeTree(repo, { 'zz-stall.txt': STALLING_TEXT, 'app.env': `GITHUB_TOKEN=${token}\n` });
    return { repo, base, head: base, token };
  }

  const check = (stdout: string, token: string): void => {
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.findings.map((f) => f.ruleId)).toEqual(['github-pat-classic']);
    expect(report.findings[0]!.secret).not.toBe(token);
    expect(report.stats.skipped.timeout).toBe(1);
  };

  it('scan, git and staged', () => {
    const { repo, token } = fixture();
    const flags = ['--file-timeout', '0.3', '--format', 'json', '--threads', '1'];
    const scan = runCli(['scan', repo, ...flags]);
    expect(scan.code, scan.stderr).toBe(1);
    check(scan.stdout, token);

    git(repo, ['add', '--all']);
    const staged = runCli(['staged', repo, ...flags], { env: GIT_ENV });
    expect(staged.code, staged.stderr).toBe(1);
    check(staged.stdout, token);

    git(repo, ['commit', '--quiet', '-m', 'stall'], {
      env: { GIT_AUTHOR_DATE: '1700000000 +0000', GIT_COMMITTER_DATE: '1700000000 +0000' },
    });
    const history = runCli(['git', repo, ...flags], { env: GIT_ENV });
    expect(history.code, history.stderr).toBe(1);
    check(history.stdout, token);
  }, 60_000);

  it('github pr and the Action scanning a pull request through the API', async () => {
    const { repo, base, token } = fixture();
    git(repo, ['add', '--all']);
    git(repo, ['commit', '--quiet', '-m', 'stall']);
    const head = git(repo, ['rev-parse', 'HEAD']).trim();
    api.repos.push({ full_name: 'acme/app', clone_url: 'file:///unused' });
    api.addPull({ owner: 'acme', repo: 'app', number: 3, baseSha: base, headSha: head, files: pullFilesFromGit(repo, base, head) });

    const pr = await spawnAsync(process.execPath, [CLI, 'github', 'pr', 'acme/app#3', '--file-timeout', '0.3', '--format', 'json'], {
      cwd: repo,
      env: { PATH: process.env.PATH, HOME: tempDir(), GITHUB_API_URL: api.url },
    });
    expect(pr.code, pr.stderr).toBe(1);
    check(pr.stdout, token);

    // A checkout without the pull request's commits and no origin: only the API can serve them.
    // The configuration comes from the pull request's base (through the contents API here, the base not being checked out).
    const workspace = tempDir();
    api.files.set(`acme/app@${base}:.keyhound.yaml`, Buffer.from(`ruleFiles: [${JSON.stringify(slowRules(tempDir()))}]\n`));
    const run = await runAction({
      workspace,
      eventName: 'pull_request',
      event: pullRequestEvent({ number: 3, baseSha: base, headSha: head }),
      apiUrl: api.url,
      inputs: { 'file-timeout': '0.3' },
    });
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toContain('scanned through the API');
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'keyhound.sarif'), 'utf8')) as {
      runs: { results: { ruleId: string }[]; properties: { stats: { skipped: Record<string, number> } } }[];
    };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['github-pat-classic']);
    expect(sarif.runs[0]!.properties.stats.skipped.timeout).toBe(1);
  }, 60_000);
});

describe('--output', () => {
  const tree = (): string => {
    const dir = tempDir();
    writeTree(dir, { 'app.env': `GITHUB_TOKEN=${githubToken()}\n` });
    return dir;
  };

  for (const format of FORMAT_NAMES) {
    it(`writes into a FIFO without replacing it (--format ${format})`, async () => {
      const dir = tree();
      const fifo = path.join(tempDir(), 'report.fifo');
      execFileSync('mkfifo', [fifo]);
      const reader = new Promise<string>((resolve, reject) => {
        const cat = spawn('cat', [fifo]);
        let text = '';
        cat.stdout.setEncoding('utf8').on('data', (data: string) => (text += data));
        cat.on('error', reject);
        cat.on('close', () => resolve(text));
      });
      const run = await spawnAsync(process.execPath, [CLI, 'scan', dir, '--format', format, '-o', fifo], {
        env: { PATH: process.env.PATH, HOME: dir },
      });
      expect(run.code, run.stderr).toBe(1);
      expect((await reader).length).toBeGreaterThan(10);
      expect(statSync(fifo).isFIFO()).toBe(true);
    });
  }

  it('leaves /dev/null a character device in every format', () => {
    const dir = tree();
    for (const format of FORMAT_NAMES) {
      const run = runCli(['scan', dir, '--format', format, '-o', '/dev/null']);
      expect(run.code, run.stderr).toBe(1);
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    }
  });

  it('refuses a missing folder or a folder before scanning, in one line', () => {
    const dir = tree();
    for (const [target, message] of [
      [path.join(dir, 'no', 'such', 'report.json'), 'does not exist'],
      [dir, 'is a folder'],
    ] as const) {
      const run = runCli(['scan', dir, '--format', 'json', '-o', target]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toContain('internal error');
    }
  });
});

describe('option values', () => {
  const repo = (): string => {
    const dir = initRepo();
    commit(dir, { 'README.md': '# app\n' }, 'Start');
    return dir;
  };

  it('an invalid value exits 2 in every command that takes the option', () => {
    const dir = repo();
    const commands: string[][] = [
      ['scan', dir],
      ['git', dir],
      ['staged', dir],
      ['baseline', 'create', dir],
      ['github', 'repo', 'acme/app'],
    ];
    for (const command of commands) {
      for (const bad of [
        ['--threads', 'abc'],
        ['--threads', '0'],
        ['--file-timeout', '-1'],
        ['--max-file-size', 'big'],
      ]) {
        const run = runCli([...command, ...bad], { env: { ...GIT_ENV, GITHUB_API_URL: 'http://127.0.0.1:9' } });
        expect(run.code, `${command.join(' ')} ${bad.join(' ')}: ${run.stderr}`).toBe(2);
        expect(run.stderr).toContain(bad[0]);
      }
    }
  });

  it('a boolean flag takes no value but true or false: --redact=yes is refused, not read as --no-redact', () => {
    const dir = repo();
    for (const flag of ['--redact=yes', '--quiet=maybe', '--no-redact=1', '--explain=on']) {
      const run = runCli(['scan', dir, flag]);
      expect(run.code, flag).toBe(2);
      expect(run.stderr).toContain('takes no value, or true or false');
    }
    expect(runCli(['scan', dir, '--redact=true']).code).toBe(0);
  });

  it('"-" is standard input only for scan; elsewhere it is refused as what the user typed', () => {
    const dir = repo();
    for (const command of [
      ['git', '-'],
      ['staged', '-'],
      ['config', 'print', '-'],
      ['hook', 'install', '-'],
      ['baseline', 'create', '-'],
    ]) {
      const run = runCli(command, { cwd: dir, env: GIT_ENV });
      expect(run.code, command.join(' ')).toBe(2);
      expect(run.stderr).toContain('"-"');
      expect(run.stderr).not.toContain('\0');
      expect(run.stderr).not.toContain('internal error');
    }
    const token = githubToken();
    const stdin = runCli(['scan', '-', '--format', 'json'], { input: `GITHUB_TOKEN=${token}\n` });
    expect(stdin.code).toBe(1);
    expect((JSON.parse(stdin.stdout) as JsonReport).findings[0]!.path).toBe('-');
  });

  it('paths after -- are scanned, even ones that look like options', () => {
    const dir = tempDir();
    const token = githubToken();
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, '-odd.env'), `GITHUB_TOKEN=${token}\n`);
    const run = runCli(['scan', '--format', 'json', '--', '-odd.env'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    expect((JSON.parse(run.stdout) as JsonReport).findings.map((f) => f.path)).toEqual(['-odd.env']);
    // Nothing but what follows -- : the current folder is not scanned as well.
    writeFileSync(path.join(dir, 'sub', 'other.env'), `GITHUB_TOKEN=${githubToken()}\n`);
    const only = runCli(['scan', '--format', 'json', '--', '-odd.env'], { cwd: dir });
    expect((JSON.parse(only.stdout) as JsonReport).findings).toHaveLength(1);
  });
});

describe('edges', () => {
  it('a closed pipe ends the run quietly: no stack trace, and never a green exit it did not earn', () => {
    for (const command of [
      ['rules', 'list'],
      ['rules', 'list', '--format', 'json'],
    ]) {
      const errors = path.join(tempDir(), 'stderr');
      const out = execFileSync(
        'bash',
        ['-c', '"$0" "$1" "${@:3}" 2>"$2" | head -1; echo "exit=${PIPESTATUS[0]}"', process.execPath, CLI, errors, ...command],
        { encoding: 'utf8' },
      );
      expect(out.split('\n')[0]!.length).toBeGreaterThan(0);
      expect(readFileSync(errors, 'utf8')).toBe('');
      // 141 when the reader left while keyhound still wrote (as SIGPIPE ends any writer), 0 when it had written everything.
      expect(out.trim()).toMatch(/exit=(0|141)$/);
    }
  });
});
