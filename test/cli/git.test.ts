import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commit, git, GIT_ENV, head, initRepo } from '../helpers/git.js';
import { tempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

const run = (args: string[], options: { cwd?: string; input?: string } = {}) => runCli(args, { ...options, env: GIT_ENV });

/**
 * Two rules that pass the linter yet are quadratic on a run of spaces (see
 * test/cli/timeout.test.ts): the first overshoots the budget, the engine's
 * clock check before the second stops the chunk.
 */
function slowRules(dir: string): string {
  const file = path.join(dir, 'slow.yaml');
  const rule = (id: string) => [
    `  - id: ${id}`,
    `    title: Slow probe ${id}`,
    '    severity: low',
    '    confidence: low',
    "    keywords: ['   ']",
    "    pattern: ' *x(?<secret>[a-z0-9]{12})'",
    '    references: [https://example.org/slow]',
    '    remediation: Nothing to revoke; a test rule.',
    '    examples:',
    "      positive: ['   xk3j9d8f7q2w1']",
    "      negative: ['nothing here']",
  ];
  writeFileSync(file, ['provider: Slow', 'rules:', ...rule('slow-first'), ...rule('slow-second'), ''].join('\n'));
  return file;
}

describe('keyhound git (real process)', () => {
  it('reports history findings with commit, author, email, date and message in JSON, redacted', () => {
    const repo = initRepo();
    const token = githubToken();
    const sha = commit(repo, { 'ci/deploy.sh': `export GH_TOKEN=${token}\n` }, 'Deploy script\n\nmore text', {
      author: 'Grace Hopper',
      email: 'grace@example.com',
    });
    commit(repo, { 'ci/deploy.sh': 'export GH_TOKEN="$1"\n' }, 'Use an argument');
    const result = run(['git', repo, '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      ruleId: 'github-pat-classic',
      path: 'ci/deploy.sh',
      line: 1,
      column: 17,
      commit: sha,
      author: 'Grace Hopper',
      email: 'grace@example.com',
      message: 'Deploy script',
      occurrences: 1,
    });
    expect(report.findings[0].date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    expect(result.stdout).not.toContain(token);
    expect(report.stats).toMatchObject({ commits: 2, blobs: 2, blobsScanned: 2, shallow: false });
  });

  it('puts commit details in SARIF result properties with a location naming the file', () => {
    const repo = initRepo();
    const token = githubToken();
    const sha = commit(repo, { 'my dir/app.env': `TOKEN=${token}\n` }, 'Add env');
    const sarif = JSON.parse(run(['git', repo, '--format', 'sarif']).stdout);
    const [result] = sarif.runs[0].results;
    expect(result.properties).toMatchObject({ commit: sha, author: 'Ada Lovelace', email: 'ada@example.com', message: 'Add env' });
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('my%20dir/app.env');
    expect(result.message.text).toContain(sha.slice(0, 12));
  });

  it('shows the commit in the text report and exits 0 on a clean history', () => {
    const repo = initRepo();
    commit(repo, { 'a.txt': 'hello\n' }, 'Clean');
    const clean = run(['git', repo]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/No secrets found/);
    const sha = commit(repo, { 'b.txt': `token ${githubToken()}\n` }, 'Oops');
    const dirty = run(['git'], { cwd: repo });
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toContain(`commit ${sha.slice(0, 12)} by Ada Lovelace <ada@example.com>`);
  });

  it('scans only the range given with --range', () => {
    const repo = initRepo();
    commit(repo, { 'a.txt': `old ${githubToken()}\n` }, 'Old');
    const base = head(repo);
    const fresh = githubToken();
    commit(repo, { 'b.txt': `new ${fresh}\n` }, 'New');
    const report = JSON.parse(run(['git', repo, '--range', `${base}..HEAD`, '--format', 'json', '--no-redact']).stdout);
    expect(report.findings.map((f: { secret: string }) => f.secret)).toEqual([fresh]);
  });

  it("exits 2 with git's reason for a bad range, and for a folder that is not a repository", () => {
    const repo = initRepo();
    commit(repo, { 'a.txt': 'x\n' }, 'One');
    const bad = run(['git', repo, '--range', 'nope..HEAD']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/nope/);
    const notRepo = run(['git', tempDir()]);
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toMatch(/not a git repository/);
    expect(run(['git', repo, '--range', 'a..b', '--branch', 'main']).code).toBe(2);
  });

  it('skips and counts a change that runs past --file-timeout, in history and staged alike, and scans the rest', () => {
    const repo = initRepo();
    const rules = slowRules(tempDir());
    const token = githubToken();
    commit(repo, { 'stall.txt': `${' '.repeat(40_000)}\n`, 'app.env': `GITHUB_TOKEN=${token}\n` }, 'Stall');
    const history = run(['git', repo, '--rules', rules, '--file-timeout', '0.3', '--format', 'json']);
    expect(history.code, history.stderr).toBe(1);
    const report = JSON.parse(history.stdout);
    expect(report.findings.map((f: { path: string }) => f.path)).toEqual(['app.env']);
    expect(report.stats.skipped.timeout).toBe(1);
    writeFileSync(path.join(repo, 'more.txt'), `${' '.repeat(40_000)}\n`);
    writeFileSync(path.join(repo, 'more.env'), `TOKEN=${githubToken()}\n`);
    git(repo, ['add', 'more.txt', 'more.env']);
    const staged = run(['staged', '--rules', rules, '--file-timeout', '0.3', '--format', 'json'], { cwd: repo });
    expect(staged.code, staged.stderr).toBe(1);
    expect(JSON.parse(staged.stdout).stats.skipped.timeout).toBe(1);
  }, 60_000);

  it("scans the commits a push sends (--pre-push, git's hook input on stdin)", () => {
    const remote = initRepo({ bare: true });
    const repo = initRepo();
    commit(repo, { 'a.txt': `pushed ${githubToken()}\n` }, 'Already pushed');
    git(repo, ['remote', 'add', 'origin', remote]);
    git(repo, ['push', '--quiet', 'origin', 'main']);
    const pushed = head(repo);
    const fresh = githubToken();
    const local = commit(repo, { 'b.txt': `local ${fresh}\n` }, 'Not pushed yet');
    const input = `refs/heads/main ${local} refs/heads/main ${pushed}\n`;
    const result = run(['git', '--pre-push', '--format', 'json', '--no-redact'], { cwd: repo, input });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { secret: string }) => f.secret)).toEqual([fresh]);
    expect(result.stderr).toMatch(/this push was stopped/);
    // pre-commit's pre-push stage passes the range in the environment instead.
    const framework = runCli(['git', '--pre-push', '--format', 'json', '--no-redact'], {
      cwd: repo,
      env: { ...GIT_ENV, PRE_COMMIT_FROM_REF: pushed, PRE_COMMIT_TO_REF: local },
    });
    expect(JSON.parse(framework.stdout).findings.map((f: { secret: string }) => f.secret)).toEqual([fresh]);
    // A push that only deletes a branch sends nothing.
    const deletion = run(['git', '--pre-push'], {
      cwd: repo,
      input: `(delete) 0000000000000000000000000000000000000000 refs/heads/old ${pushed}\n`,
    });
    expect(deletion.code).toBe(0);
  });
});

describe('keyhound git --threads', () => {
  it('runs as many git processes on the diffs as --threads allows (the scan itself stays on one thread)', () => {
    const repo = initRepo();
    // 2,000 commits in one fast-import stream: enough for two slices of the history (1,000 commits each at least).
    const stream: string[] = [];
    const data = (text: string) => [`data ${Buffer.byteLength(text)}`, text];
    for (let i = 1; i <= 2000; i++) {
      stream.push(
        'commit refs/heads/main',
        `mark :${i}`,
        `committer Test <test@example.com> ${1_700_000_000 + i} +0000`,
        ...data(`change ${i}`),
      );
      if (i > 1) stream.push(`from :${i - 1}`);
      stream.push(`M 100644 inline file${i % 50}.txt`, ...data(`value ${i}\n`));
    }
    git(repo, ['fast-import', '--quiet'], { input: `${stream.join('\n')}\n` });
    const partitions = (threads: string) => {
      const result = run(['git', repo, '--format', 'json', '--threads', threads]);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as { stats: { partitions: number; commits: number } };
      expect(report.stats.commits).toBe(2000);
      return report.stats.partitions;
    };
    expect(partitions('1')).toBe(1);
    expect(partitions('2')).toBe(2);
  }, 60_000);
});

describe('files that .gitattributes marks binary (-diff, binary)', () => {
  it('keyhound git still reads them when they are text, and attributes the secret to the version that added it', () => {
    const repo = initRepo();
    const token = githubToken();
    commit(repo, { '.gitattributes': '*.env -diff\n*.raw binary\n', 'notes.txt': 'nothing\n' }, 'Attributes');
    const added = commit(repo, { 'app.env': `A=1\nGITHUB_TOKEN=${token}\n` }, 'Add env');
    commit(
      repo,
      { 'app.env': `A=2\nGITHUB_TOKEN=${token}\n`, 'logo.raw': Buffer.from([0x89, 0x50, 0x00, 0x01, 0x02, 0x00, 0x41]) },
      'Change env, add a real binary',
    );
    const result = run(['git', repo, '--format', 'json']);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as {
      findings: { path: string; line: number; commit: string; occurrences: number }[];
      stats: { skipped: Record<string, number>; textMarkedBinary: number };
    };
    expect(report.findings.map((f) => [f.path, f.line, f.commit])).toEqual([['app.env', 2, added]]);
    expect(report.findings[0]!.occurrences).toBe(2);
    expect(report.stats.textMarkedBinary).toBe(2);
    // The real binary is read too: its printable runs are scanned with the certain rules, not skipped.
    expect(report.stats.skipped.binary).toBeUndefined();
  });

  it('keyhound staged blocks a secret added to such a file, and only for its changed lines', () => {
    const repo = initRepo();
    const old = githubToken();
    commit(
      repo,
      { '.gitattributes': '*.env -diff\n', 'old.env': `LEGACY=${old}\nA=1\n` },
      'Attributes, and a file committed before the hook',
    );
    writeFileSync(path.join(repo, 'old.env'), `LEGACY=${old}\nA=1\nB=2\n`);
    git(repo, ['add', 'old.env']);
    const unchanged = run(['staged', '--format', 'json'], { cwd: repo });
    expect(unchanged.code, unchanged.stderr).toBe(0);
    expect(JSON.parse(unchanged.stdout).stats.textMarkedBinary).toBe(1);

    const token = githubToken();
    writeFileSync(path.join(repo, 'app.env'), `A=1\nGITHUB_TOKEN=${token}\n`);
    git(repo, ['add', 'app.env']);
    const blocked = run(['staged', '--format', 'json'], { cwd: repo });
    expect(blocked.code, blocked.stderr).toBe(1);
    expect(JSON.parse(blocked.stdout).findings.map((f: { path: string; line: number }) => [f.path, f.line])).toEqual([['app.env', 2]]);
  });
});

describe('git settings that change what diffs look like', () => {
  it('reads the same history whatever the repository config says about diff output', () => {
    const repo = initRepo();
    const token = githubToken();
    commit(repo, { 'f.txt': 'a\n\nb\n\nc\n' }, 'Start');
    const added = commit(repo, { 'f.txt': `a\n\nb\nTOKEN=${token}\n\nc\n` }, 'Add a token between blank lines');
    // Each of these changes git's patch text: blank context lines lose their space, prefixes change, colour codes appear.
    for (const [key, value] of [
      ['diff.suppressBlankEmpty', 'true'],
      ['diff.noprefix', 'true'],
      ['diff.mnemonicPrefix', 'true'],
      ['color.ui', 'always'],
      ['core.quotePath', 'true'],
    ]) {
      git(repo, ['config', key!, value!]);
    }
    for (const context of ['0', '2']) {
      const result = run(['git', repo, '--format', 'json', '--context', context]);
      expect(result.code, result.stderr).toBe(1);
      const findings = JSON.parse(result.stdout).findings as { path: string; line: number; commit: string }[];
      expect(
        findings.map((f) => [f.path, f.line, f.commit]),
        `--context ${context}`,
      ).toEqual([['f.txt', 4, added]]);
    }
  });
});

describe('replaced commits', () => {
  it('reads history as stored, so a commit hidden behind `git replace` is still scanned', () => {
    const repo = initRepo();
    const token = githubToken();
    const base = commit(repo, { 'f.txt': 'base\n' }, 'Base');
    const leaky = commit(repo, { 'app.env': `GITHUB_TOKEN=${token}\n` }, 'Add a token');
    commit(repo, { 'f.txt': 'base\nmore\n' }, 'Remove it', { remove: ['app.env'] });
    // A harmless stand-in on a side branch, then swapped in for the leaky commit.
    git(repo, ['checkout', '--quiet', '-b', 'side', base]);
    const standIn = commit(repo, { 'app.env': 'GITHUB_TOKEN=\n' }, 'Add a token');
    git(repo, ['checkout', '--quiet', 'main']);
    git(repo, ['replace', leaky, standIn]);
    // Through the replacement, git no longer shows the token in that commit.
    expect(git(repo, ['show', '--format=', leaky])).not.toContain(token);
    const result = run(['git', repo, '--format', 'json']);
    expect(result.code, result.stderr).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { path: string; commit: string }) => [f.path, f.commit])).toEqual([
      ['app.env', leaky],
    ]);
  });
});

describe('refs that name a blob or a tree', () => {
  it('scans them when scanning every ref, since no commit shows their content', () => {
    const repo = initRepo();
    commit(repo, { 'README.md': 'hello\n' }, 'Start');
    const onBlob = githubToken();
    const onTree = githubToken();
    // A tag on a bare blob, and an annotated tag on a tree built outside any commit.
    const blob = git(repo, ['hash-object', '-w', '--stdin'], { input: `GITHUB_TOKEN=${onBlob}\n` }).trim();
    git(repo, ['tag', 'leak', blob]);
    const inner = git(repo, ['hash-object', '-w', '--stdin'], { input: `A=1\nGITHUB_TOKEN=${onTree}\n` }).trim();
    const sub = git(repo, ['mktree'], { input: `100644 blob ${inner}\tapp.env\n` }).trim();
    const tree = git(repo, ['mktree'], { input: `040000 tree ${sub}\tconfig\n` }).trim();
    git(repo, ['tag', '-a', 'snapshot', '-m', 'a tree', tree]);

    const all = run(['git', repo, '--format', 'json']);
    expect(all.code, all.stderr).toBe(1);
    const report = JSON.parse(all.stdout) as {
      findings: { path: string; line: number; secret: string; commit?: string }[];
      stats: { refObjects: number };
    };
    expect(report.findings.map((f) => [f.path, f.line, f.commit])).toEqual([
      ['refs/tags/leak', 1, undefined],
      ['refs/tags/snapshot:config/app.env', 2, undefined],
    ]);
    expect(report.stats.refObjects).toBe(2);
    // Redacted like any finding.
    expect(all.stdout).not.toContain(onBlob);

    // A branch or a range names commits only.
    expect(run(['git', repo, '--branch', 'main', '--format', 'json']).code).toBe(0);
  });
});

describe('keyhound git judges every path a secret was committed at', () => {
  for (const allowlisted of ['assets/logo.png', '.venv/x', 'a.min.js']) {
    it(`the same content at an allowlisted path (${allowlisted}) does not hide config/prod.env`, () => {
      const repo = initRepo();
      const token = githubToken();
      const text = `GITHUB_TOKEN=${token}\n`;
      commit(repo, { [allowlisted]: text, 'config/prod.env': text }, 'Add settings');
      const run = runCli(['git', repo, '--format', 'json'], { env: GIT_ENV });
      expect(run.code, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout) as { findings: { path: string }[]; stats: { skipped: Record<string, number> } };
      expect(report.findings.map((f) => f.path)).toEqual(['config/prod.env']);
      expect(report.stats.skipped['excluded-path']).toBe(1);
    });
  }

  it('identical copies at two paths are reported at both, each with the commit that put it there', () => {
    const repo = initRepo();
    const token = githubToken();
    const first = commit(repo, { 'a/.env': `GITHUB_TOKEN=${token}\n` }, 'one');
    const second = commit(repo, { 'b/.env': `GITHUB_TOKEN=${token}\n` }, 'copy');
    const run = runCli(['git', repo, '--format', 'json'], { env: GIT_ENV });
    const report = JSON.parse(run.stdout) as { findings: { path: string; commit: string }[] };
    expect(report.findings.map((f) => [f.path, f.commit])).toEqual([
      ['a/.env', first],
      ['b/.env', second],
    ]);
    const sarif = JSON.parse(runCli(['git', repo, '--format', 'sarif'], { env: GIT_ENV }).stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(sarif.runs[0]!.results.map((r) => r.locations.map((l) => l.physicalLocation.artifactLocation.uri))).toEqual([
      ['a/.env'],
      ['b/.env'],
    ]);
  });
});
