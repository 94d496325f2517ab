import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { fake } from '../helpers/providers.js';
import { githubToken } from '../helpers/tokens.js';

const BASELINE = '.keyhound-baseline.jsonl';

function entries(file: string): { rule: string; path: string }[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => JSON.parse(line) as { rule: string; path: string });
}

function scanJson(dir: string) {
  const run = runCli(['scan', dir, '--format', 'json', '-j', '1', '--baseline', path.join(dir, BASELINE)]);
  return {
    code: run.code,
    report: JSON.parse(run.stdout) as { findings: { path: string }[]; moved?: { path: string; movedFrom: string }[] },
  };
}

/** Runs the real CLI without waiting, so several run at once. */
function start(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('baseline update prunes only what it scanned (real CLI)', () => {
  it('keeps the entries of files skipped as too large or gitignored and of disabled rules; prunes a deleted file', () => {
    const dir = tempDir();
    const [big, ignored, gone, kept] = [githubToken(), githubToken(), githubToken(), githubToken()];
    const off = fake.awsKeyId();
    writeTree(dir, {
      'big.env': `T=${big}\n`,
      'ignored.env': `T=${ignored}\n`,
      'notes.txt': `${off}\n`,
      'gone.env': `T=${gone}\n`,
      'kept.env': `T=${kept}\n`,
    });
    expect(runCli(['baseline', 'create', dir, '-j', '1']).code).toBe(0);
    expect(entries(path.join(dir, BASELINE))).toHaveLength(5);
    writeTree(dir, { 'big.env': `T=${big}\n${'#'.repeat(4096)}\n`, '.gitignore': 'ignored.env\n' });
    rmSync(path.join(dir, 'gone.env'));
    const update = runCli(['baseline', 'update', dir, '-j', '1', '--max-file-size', '1KB', '--disable', 'aws-access-key-id']);
    expect(update.code, update.stderr).toBe(0);
    expect(update.stderr).toMatch(/updated .*: 4 entries \(0 added, 4 kept, 1 pruned\)/);
    expect(entries(path.join(dir, BASELINE)).map((e) => e.path)).toEqual(['big.env', 'ignored.env', 'kept.env', 'notes.txt']);
  });
});

describe('baselines tell a copy from a move (real CLI)', () => {
  it('reports a copied secret as new, a moved one as moved', () => {
    const dir = tempDir();
    const secret = githubToken();
    writeTree(dir, { 'config/prod.env': `GITHUB_TOKEN=${secret}\n` });
    expect(runCli(['baseline', 'create', dir]).code).toBe(0);

    copyFileSync(path.join(dir, 'config/prod.env'), path.join(dir, 'config/copy.env'));
    const copied = scanJson(dir);
    expect(copied.code).toBe(1);
    expect(copied.report.findings.map((f) => f.path)).toEqual(['config/copy.env']);
    expect(copied.report.moved ?? []).toEqual([]);

    rmSync(path.join(dir, 'config/prod.env'));
    const moved = scanJson(dir);
    expect(moved.code).toBe(0);
    expect(moved.report.moved?.map((m) => [m.path, m.movedFrom])).toEqual([['config/copy.env', 'config/prod.env']]);

    // Two places for one old place: one of them is a copy.
    copyFileSync(path.join(dir, 'config/copy.env'), path.join(dir, 'config/second.env'));
    const both = scanJson(dir);
    expect(both.code).toBe(1);
    expect(both.report.findings.map((f) => f.path)).toEqual(['config/second.env']);
  });
});

describe('concurrent baseline updates (real CLI)', () => {
  it('ten updates at once, each adding its own finding, lose no entry', async () => {
    const dir = tempDir();
    const tokens = Array.from({ length: 10 }, () => githubToken());
    writeTree(dir, Object.fromEntries(tokens.map((token, i) => [`team${i}/app.env`, `GITHUB_TOKEN=${token}\n`])));
    const file = path.join(dir, BASELINE);
    const runs = await Promise.all(
      tokens.map((_token, i) => start(['baseline', 'update', `team${i}`, '--baseline', file, '--threads', '1', '--no-gitattributes'], dir)),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(entries(file).map((e) => e.path)).toEqual(tokens.map((_token, i) => `team${i}/app.env`));
    // One salt for all: every entry matches its secret.
    const { code, report } = scanJson(dir);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
  }, 120_000);
});
