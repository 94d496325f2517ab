import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, openSync, symlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli, type RunResult } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { commit, git, initRepo } from '../helpers/github-repos.js';
import { base62, githubToken } from '../helpers/tokens.js';
import { unprivilegedCli } from '../helpers/unprivileged.js';

interface Json {
  findings: { path: string; line: number; column: number; endColumn: number; ruleId: string; secret: string }[];
  stats: { files: number; bytes: number; skipped: Record<string, number> };
}

const json = (run: RunResult): Json => JSON.parse(run.stdout) as Json;
const places = (report: Json) => report.findings.map((f) => `${f.path}:${f.line}:${f.column}`);

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (order === 'be') body.swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

/** Makes `depth` nested folders of 200-character names under `dir`, with a file at the bottom: one relative `chdir` at a time, since absolute paths past 4096 bytes cannot be used. */
function deepFile(dir: string, depth: number, content: string): void {
  const script = `const fs = require('fs'); fs.mkdirSync(process.argv[1], { recursive: true }); process.chdir(process.argv[1]);
    for (let i = 0; i < ${depth}; i++) { fs.mkdirSync('${'d'.repeat(200)}'); process.chdir('${'d'.repeat(200)}'); }
    fs.writeFileSync('deep.txt', process.argv[2]);`;
  execFileSync(process.execPath, ['-e', script, dir, content]);
}

describe('odd files through the real CLI', () => {
  it('decodes, scans, skips and counts every odd file, without hanging or crashing', () => {
    const root = tempDir();
    const dir = path.join(root, 'repo');
    const t = Array.from({ length: 10 }, () => githubToken());
    writeTree(dir, {
      'empty.txt': '',
      'zeros.txt': Buffer.alloc(64 * 1024),
      'utf16le.txt': utf16(`first line\r\nGITHUB_TOKEN=${t[0]}\r\n`, 'le'),
      'utf16be.txt': utf16(`first line\nGITHUB_TOKEN=${t[1]}\n`, 'be'),
      // Not UTF-8: read as Latin-1, one column per byte.
      'latin1.txt': Buffer.concat([Buffer.from([0xe9, 0xff, 0xc3, 0x28, 0x20]), Buffer.from(`${t[2]}\n`)]),
      'crlf.txt': `a\r\nb\r\nkey = ${t[3]}\r\n`,
      'cr.txt': `a\rb\rkey = ${t[4]}\r`,
      'new\nline.txt': `x = "${t[5]}"\n`,
      'quo"te\'s.txt': `x = "${t[6]}"\n`,
      '.../dots.txt': `x = "${t[7]}"\n`,
      'ansi\u001b[2J.txt': `x = "${t[8]}"\n`,
    });
    // Long but within the system's limit: found. Past it (over 4096 bytes): skipped and counted.
    deepFile(dir, 14, `x = "${t[9]}"\n`);
    deepFile(path.join(dir, 'deeper'), 22, 'never read\n');
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    symlinkSync(path.join(dir, 'loop-b'), path.join(dir, 'loop-a'));
    symlinkSync(path.join(dir, 'loop-a'), path.join(dir, 'loop-b'));
    symlinkSync('/etc/hostname', path.join(dir, 'outside'));
    symlinkSync('/dev/zero', path.join(dir, 'zero-device'));
    symlinkSync(dir, path.join(dir, 'self'));
    symlinkSync(path.join(dir, 'missing'), path.join(dir, 'dangling'));
    try {
      // A device named on the command line is refused too, never opened (reading /dev/zero never ends).
      for (const follow of [[], ['--follow-symlinks']]) {
        const run = runCli(['scan', dir, '/dev/zero', '--format', 'json', '--threads', '1', '--verbose', ...follow], { cwd: dir });
        expect(run.code, run.stderr).toBe(1);
        const report = json(run);
        const deepPath = `${Array.from({ length: 14 }, () => 'd'.repeat(200)).join('/')}/deep.txt`;
        expect(places(report).sort()).toEqual(
          [
            '.../dots.txt:1:6',
            `${deepPath}:1:6`,
            'ansi\u001b[2J.txt:1:6',
            'cr.txt:3:7',
            'crlf.txt:3:7',
            'latin1.txt:1:6',
            'new\nline.txt:1:6',
            'quo"te\'s.txt:1:6',
            'utf16be.txt:2:14',
            'utf16le.txt:2:14',
          ].sort(),
        );
        expect(report.findings.every((f) => f.ruleId === 'github-pat-classic')).toBe(true);
        // empty.txt, zeros.txt (its name says text: NULs read as spaces) and the ten files with a secret.
        expect(report.stats.files).toBe(12);
        expect(report.stats.skipped).toEqual({
          // pipe and /dev/zero; with --follow-symlinks also `self`, a link to the scanned folder (folders are not followed).
          'path-too-long': 1,
          'symlink-loop': 2,
          'symlink-outside-root': 2,
          'broken-symlink': 1,
          ...(follow.length ? { 'not-regular-file': 3 } : { 'not-regular-file': 2, symlink: 1 }),
        });
      }

      // Text output names such files without letting their names break lines or reach the terminal.
      const text = runCli(['scan', dir, '--threads', '2'], { cwd: dir, env: { KEYHOUND_THREADS_FROM_MS: '0' } });
      expect(text.code).toBe(1);
      expect(text.stdout).toContain('new\\nline.txt:1:6');
      expect(text.stdout).toContain('ansi\\x1b[2J.txt:1:6');
      expect(text.stdout).not.toContain('\u001b');
      // Workflow commands escape them as GitHub specifies.
      const github = runCli(['scan', dir, '--format', 'github', '--threads', '1'], { cwd: dir });
      expect(github.stdout).toContain('::error file=new%0Aline.txt,line=1,');
    } finally {
      // Node cannot remove paths past the limit; rm works down them one folder at a time.
      execFileSync('rm', ['-rf', path.join(dir, 'deeper'), path.join(dir, 'd'.repeat(200))]);
    }
  }, 120_000);

  it('scans a 100 MB single-line minified file in pieces when allowed, and skips it by default', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bundle.txt');
    const first = githubToken();
    const last = githubToken();
    const size = 100 * 1024 * 1024;
    const fd = openSync(file, 'w');
    const block = Buffer.from('var a=function(b){return b+1};'.repeat(34_000));
    let written = 0;
    // A secret just past the first 16 MiB piece's border and one near the end, on the one line.
    const plants = new Map([
      [16 * 1024 * 1024 - 20, `"${first}"`],
      [size - 200, `"${last}"`],
    ]);
    for (const [at, text] of [...plants].sort((a, b) => a[0] - b[0])) {
      while (written + block.length <= at) written += writeSync(fd, block);
      written += writeSync(fd, block.subarray(0, at - written));
      written += writeSync(fd, text);
    }
    while (written < size) written += writeSync(fd, block.subarray(0, Math.min(block.length, size - written)));
    closeSync(fd);

    const skipped = json(runCli(['scan', dir, '--format', 'json']));
    expect(skipped.stats.skipped).toEqual({ 'too-large': 1 });

    const run = runCli(['scan', dir, '--format', 'json', '--max-file-size', '200MB', '--threads', '1']);
    expect(run.code, run.stderr).toBe(1);
    const report = json(run);
    expect(report.stats).toMatchObject({ files: 1, bytes: size, skipped: {} });
    expect(report.findings.map((f) => [f.line, f.column])).toEqual([
      [1, 16 * 1024 * 1024 - 20 + 2],
      [1, size - 200 + 2],
    ]);
  }, 300_000);

  it('counts files and folders it may not read (as an unprivileged user), and scans the rest', () => {
    const root = tempDir();
    const dir = path.join(root, 'repo');
    const token = githubToken();
    writeTree(dir, {
      'open.txt': `x = "${token}"\n`,
      'locked.txt': `x = "${githubToken()}"\n`,
      'locked-dir/inner.txt': `x = "${githubToken()}"\n`,
    });
    chmodSync(path.join(dir, 'locked.txt'), 0o000);
    chmodSync(path.join(dir, 'locked-dir'), 0o000);
    chmodSync(root, 0o755);
    try {
      const { command, args } = unprivilegedCli(root, ['scan', dir, '--format', 'json', '--verbose']);
      const result = spawnSync(command, args, {
        cwd: root,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: root },
      });
      expect(result.status, result.stderr).toBe(1);
      const report = JSON.parse(result.stdout) as Json;
      expect(report.findings.map((f) => f.path)).toEqual(['open.txt']);
      expect(report.stats.skipped).toEqual({ unreadable: 2 });
      expect(result.stderr).toContain('keyhound: skipped locked-dir: unreadable');
      expect(result.stderr).toContain('keyhound: skipped locked.txt: unreadable');
    } finally {
      chmodSync(path.join(dir, 'locked-dir'), 0o755);
    }
  });
});

describe('odd files given on standard input', () => {
  it('scans NUL bytes as binary (their printable runs) and decodes UTF-16', () => {
    const token = githubToken();
    const nul = runCli(['scan', '-', '--format', 'json'], { input: '\0\0\0\0' });
    expect(json(nul).stats).toMatchObject({ files: 1, skipped: {} });
    // Standard input is held to --max-file-size too: read to the end, not kept.
    const big = runCli(['scan', '-', '--format', 'json', '--max-file-size', '1KB'], { input: `t=${token}\n${'x'.repeat(4096)}\n` });
    // Not read to the end: the run is incomplete (exit 3), and says so.
    expect(big.code).toBe(3);
    expect(json(big).stats.skipped).toEqual({ 'too-large': 1 });
    const run = spawnSync(process.execPath, [CLI, 'scan', '-', '--format', 'json'], {
      input: utf16(`t=${token}\n`, 'le'),
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(places(JSON.parse(run.stdout) as Json)).toEqual(['-:1:3']);
  });

  it("reports values holding a tokenizer's special tokens, which once ended the scan in an internal error", () => {
    // gpt-tokenizer threw on `<|endoftext|>` by default; the BPE check (src/detect/bpe.ts) reads it as text.
    const dir = tempDir();
    const value = (special: string) => `${special}${base62(12)}`;
    writeTree(dir, { 'a.env': `db_password = "${value('<|endoftext|>')}"\nAPI_TOKEN="${value('<|fim_prefix|>')}"\n` });
    const run = runCli(['scan', dir, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(places(json(run))).toEqual(['a.env:1:16', 'a.env:2:12']);
  });
});

describe('odd paths in git history and the index', () => {
  const ODD_NAMES = [
    'new\nline.txt',
    'quo"te\'s.txt',
    'tab\there.txt',
    ' leading space.txt',
    'back\\slash.txt',
    'a b/c d.txt',
    '.../dots.txt',
    'ansi\u001b[2J.txt',
    'ünï/ключ.txt',
    `${'long-folder-name/'.repeat(150)}deep.txt`,
  ];

  it('keyhound git reports each secret at its exact path, through adds and renames', () => {
    const repo = initRepo(tempDir());
    commit(repo, { 'README.md': '# app\n' }, 'first');
    const tokens = new Map(ODD_NAMES.map((name) => [name, githubToken()]));
    commit(repo, Object.fromEntries([...tokens].map(([name, token]) => [name, `x = "${token}"\n`])), 'odd names');
    // A rename to another odd name, with one more secret added.
    const renamed = 'renamed\n"again".txt';
    const extra = githubToken();
    git(repo, 'mv', 'tab\there.txt', renamed);
    commit(repo, { [renamed]: `x = "${tokens.get('tab\there.txt')}"\ny = "${extra}"\n` }, 'rename');

    const run = runCli(['git', repo, '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    const report = json(run);
    const found = report.findings.map((f) => `${f.path}:${f.line}:${f.secret.slice(0, 4)}`).sort();
    expect(found).toEqual([...ODD_NAMES.map((name) => `${name}:1:ghp_`), `${renamed}:2:ghp_`].sort());
    // Text output keeps every path on its own line.
    const text = runCli(['git', repo]);
    expect(text.stdout).toContain('new\\nline.txt:1:6');
    expect(text.stdout).not.toContain('\u001b');
  });

  it('keyhound staged reports staged secrets at their exact paths', () => {
    const repo = initRepo(tempDir());
    commit(repo, { 'README.md': '# app\n' }, 'first');
    writeTree(repo, Object.fromEntries(ODD_NAMES.map((name) => [name, `x = "${githubToken()}"\n`])));
    git(repo, 'add', '--all');
    const run = runCli(['staged', repo, '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    expect(
      json(run)
        .findings.map((f) => f.path)
        .sort(),
    ).toEqual([...ODD_NAMES].sort());
  });
});
