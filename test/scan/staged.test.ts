import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSpec } from '../../src/core/types.js';
import { buildRuleSet } from '../../src/scan/ruleset.js';
import { openRepository } from '../../src/sources/git/repo.js';
import { StagedSource } from '../../src/sources/git/staged-scan.js';
import { scanSource } from '../helpers/scan.js';
import { commit, git, GIT_ENV, initRepo } from '../helpers/git.js';
import { githubToken } from '../helpers/tokens.js';

let rules: RuleSpec[];
beforeAll(async () => {
  rules = await buildRuleSet();
});

const scan = async (repo: string, maxFileSize?: number) =>
  scanSource(new StagedSource(await openRepository(repo, GIT_ENV), maxFileSize ? { maxFileSize } : {}), { rules });

function stage(repo: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(repo, name), content);
  git(repo, ['add', '--', ...Object.keys(files)]);
}

describe('staged scan', () => {
  it('scans the index, not the working tree: a partly staged file is scanned as staged', async () => {
    const repo = initRepo();
    commit(repo, { 'app.py': 'import os\n' }, 'Start');
    const staged = githubToken();
    const unstaged = githubToken();
    stage(repo, { 'app.py': `import os\nTOKEN = "${staged}"\n` });
    // A later edit that is not staged: the commit would not contain it.
    writeFileSync(path.join(repo, 'app.py'), `# header\nimport os\nTOKEN = "${staged}"\nOTHER = "${unstaged}"\n`);
    const report = await scan(repo);
    expect(report.findings.map((f) => [f.secret, f.path, f.line])).toEqual([[staged, 'app.py', 2]]);
  });

  it("reports only added or changed lines, with the staged file's line numbers", async () => {
    const repo = initRepo();
    const old = githubToken();
    commit(repo, { 'settings.ini': `[a]\nold = ${old}\n[b]\nx = 1\n` }, 'Existing secret');
    const fresh = githubToken();
    stage(repo, { 'settings.ini': `[top]\n[a]\nold = ${old}\n[b]\nx = 2\nnew = ${fresh}\n` });
    const report = await scan(repo);
    expect(report.findings.map((f) => [f.secret, f.line])).toEqual([[fresh, 6]]);
    expect(report.stats).toMatchObject({ files: 1, staged: 1 });
  });

  it('works in a repository with no commits yet', async () => {
    const repo = initRepo();
    const token = githubToken();
    stage(repo, { 'first.txt': `token: ${token}\n` });
    const report = await scan(repo);
    expect(report.findings.map((f) => f.secret)).toEqual([token]);
  });

  it('finds nothing when nothing is staged, in an empty repository too', async () => {
    const report = await scan(initRepo());
    expect(report.findings).toEqual([]);
    expect(report.stats.files).toBe(0);
  });

  it('reads odd paths, skips oversized files, scans binaries for printable runs, and ignores deletions', async () => {
    const repo = initRepo();
    commit(repo, { 'gone.txt': `token ${githubToken()}\n` }, 'Start');
    const token = githubToken();
    const inBinary = githubToken();
    stage(repo, {
      'a b ü.txt': `token ${token}\n`,
      'big.txt': `${'y'.repeat(3000)}\ntoken ${githubToken()}\n`,
      'data.bin': '\u0000\u0001binary\u0000',
      'blob.raw': `\u0000\u0001\u0002\u0000${inBinary}\u0000`,
    });
    git(repo, ['rm', '--quiet', 'gone.txt']);
    const report = await scan(repo, 2048);
    expect(report.findings.map((f) => f.path)).toEqual(['a b ü.txt', 'blob.raw']);
    expect(report.stats.skipped).toEqual({ 'too-large': 1 });
  });

  it('refuses a bare repository with a clear error', async () => {
    const bare = initRepo({ bare: true });
    await expect(scan(bare)).rejects.toThrow(/bare repository has no index/);
  });
});
