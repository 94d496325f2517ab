import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, type RunResult } from '../helpers/cli.js';
import { fake } from '../helpers/providers.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken } from '../helpers/tokens.js';

interface Report {
  findings: { path: string; line: number; column: number; endColumn: number; ruleId: string; secret: string }[];
  stats: { files: number; skipped: Record<string, number> };
}

const scan = (dir: string, ...extra: string[]): { run: RunResult; report: Report } => {
  const run = runCli(['scan', dir, '--format', 'json', '--no-redact', '--threads', '1', ...extra]);
  return { run, report: JSON.parse(run.stdout) as Report };
};
const found = (report: Report) => report.findings.map((f) => [f.path, f.ruleId, f.secret, f.line, f.column]);

describe('binary sniffing does not hide text (real CLI)', () => {
  it('finds a token in a .env that starts with a NUL byte', () => {
    const dir = tempDir();
    const token = githubToken();
    writeTree(dir, { '.env': Buffer.from(`\0\nGITHUB_TOKEN=${token}\n`) });
    const { run, report } = scan(dir);
    expect(run.code, run.stderr).toBe(1);
    expect(found(report)).toEqual([['.env', 'github-pat-classic', token, 2, 14]]);
    expect(report.stats).toMatchObject({ files: 1, skipped: {} });
  });

  it('finds a token in a UTF-16LE .env without a byte-order mark, and in UTF-32', () => {
    const dir = tempDir();
    const [a, b] = [githubToken(), githubToken()];
    const content = `A=1\nGITHUB_TOKEN=${b}\n`;
    const utf32 = Buffer.alloc(content.length * 4);
    for (let i = 0; i < content.length; i++) utf32.writeUInt32LE(content.charCodeAt(i), i * 4);
    writeTree(dir, { '.env': Buffer.from(`# prod\r\nGITHUB_TOKEN=${a}\r\n`, 'utf16le'), 'wide.cfg': utf32 });
    const { run, report } = scan(dir);
    expect(run.code, run.stderr).toBe(1);
    expect(found(report)).toEqual([
      ['.env', 'github-pat-classic', a, 2, 14],
      ['wide.cfg', 'github-pat-classic', b, 2, 14],
    ]);
  });

  it('finds a token in a gzip file, at its place in the decompressed text; refuses a decompression bomb', () => {
    const dir = tempDir();
    const token = githubToken();
    writeTree(dir, {
      'backup/prod.env.gz': gzipSync(`A=1\nB=2\nGITHUB_TOKEN=${token}\n`),
      'bomb.gz': gzipSync(Buffer.alloc(200 * 1024 * 1024)),
    });
    const { run, report } = scan(dir, '--verbose');
    expect(run.code, run.stderr).toBe(1);
    expect(found(report)).toEqual([['backup/prod.env.gz', 'github-pat-classic', token, 3, 14]]);
    expect(report.stats).toMatchObject({ files: 1, skipped: { 'decompression-bomb': 1 } });
    expect(run.stderr).toContain('keyhound: skipped bomb.gz: decompression-bomb');
  });

  it('finds a token in a real SQLite database, located by byte offset', () => {
    const dir = tempDir();
    const token = githubToken();
    const db = path.join(dir, 'app.sqlite');
    const made = spawnSync('python3', [
      '-c',
      'import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.execute("create table settings (name text, value text)")\nc.execute("insert into settings values (?, ?)", ("github", sys.argv[2]))\nc.commit()',
      db,
      token,
    ]);
    expect(made.status, made.stderr.toString()).toBe(0);
    const bytes = readFileSync(db);
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    const at = bytes.indexOf(token);
    expect(at).toBeGreaterThan(0);
    const { run, report } = scan(dir);
    expect(run.code, run.stderr).toBe(1);
    expect(found(report)).toEqual([['app.sqlite', 'github-pat-classic', token, 1, at + 1]]);
    expect(report.findings[0]!.endColumn).toBe(at + 1 + token.length);
  });

  it('finds tokens appended to a real executable, and only the certain rules run there', () => {
    const dir = tempDir();
    const token = githubToken();
    const awsKey = fake.awsKeyId();
    const exe = path.join(dir, 'tool');
    copyFileSync('/bin/ls', exe);
    const fd = openSync(exe, 'a');
    // Generic-looking assignments are noise inside binaries: the generic rules do not run there.
    writeSync(fd, Buffer.from(`\0\0\u0007ghtoken=${token}\0\u0003aws=${awsKey}\0password=${base62(20)}\0\0`));
    closeSync(fd);
    const bytes = readFileSync(exe);
    const { run, report } = scan(dir);
    expect(run.code, run.stderr).toBe(1);
    expect(found(report)).toEqual([
      ['tool', 'github-pat-classic', token, 1, bytes.indexOf(token) + 1],
      ['tool', 'aws-access-key-id', awsKey, 1, bytes.indexOf(awsKey) + 1],
    ]);
    expect(report.stats).toMatchObject({ files: 1, skipped: {} });
  });

  it('scans a binary bigger than one 16 MiB piece, each token once, where the pieces meet too', () => {
    const dir = tempDir();
    const tokens = [githubToken(), githubToken(), githubToken()];
    const size = 20 * 1024 * 1024;
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i += 3) bytes[i] = 1;
    // One at the start, one straddling the middle of the overlap between the two pieces, one at the end.
    const places = [100, 16 * 1024 * 1024 - 32 * 1024 - 10, size - 100];
    tokens.forEach((token, i) => bytes.write(` ${token} `, places[i]!, 'latin1'));
    writeTree(dir, { 'big.bin': bytes });
    const { run, report } = scan(dir, '--max-file-size', '64MB');
    expect(run.code, run.stderr).toBe(1);
    expect(found(report)).toEqual(tokens.map((token, i) => ['big.bin', 'github-pat-classic', token, 1, places[i]! + 2]));
  }, 60_000);
});
