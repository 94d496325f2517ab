import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSpec } from '../../../src/core/types.js';
import { buildRuleSet } from '../../../src/scan/ruleset.js';
import { HistorySource, type HistoryOptions } from '../../../src/sources/git/history-scan.js';
import { linesNewInMerge, mergeHunks } from '../../../src/sources/git/merge-lines.js';
import { openRepository } from '../../../src/sources/git/repo.js';
import { commit, git, GIT_ENV, head, initRepo } from '../../helpers/git.js';
import { scanSource } from '../../helpers/scan.js';
import { githubToken } from '../../helpers/tokens.js';

let rules: RuleSpec[];
beforeAll(async () => {
  rules = await buildRuleSet();
});

const scan = async (repo: string, options: HistoryOptions = {}) =>
  scanSource(new HistorySource(await openRepository(repo, GIT_ENV), options), { rules, explain: true });

/** Merges `branch` into the current branch without committing; a conflict is expected and left to the test to resolve. */
function mergeNoCommit(repo: string, ...branches: string[]): void {
  try {
    git(repo, ['merge', '--quiet', '--no-ff', '--no-commit', ...branches]);
  } catch {
    // A conflict: the test writes the resolution.
  }
}

function commitMerge(repo: string, files: Record<string, string>, message: string): string {
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(repo, name), content);
  git(repo, ['add', '--all']);
  git(repo, ['commit', '--quiet', '--no-edit', '-m', message]);
  return head(repo);
}

const bySecret = (findings: readonly { secret: string; origin: { commit?: { sha: string } }; line: number; path: string }[]) =>
  new Map(findings.map((f) => [f.secret, { sha: f.origin.commit?.sha, line: f.line, path: f.path }]));

describe('merges in a history scan', () => {
  it('attributes a secret written only in a conflict resolution to the merge, and a branch secret in the same file to the branch', async () => {
    const repo = initRepo();
    commit(repo, { 'config.ini': '[app]\nname = demo\nmode = base\n' }, 'Base');
    git(repo, ['checkout', '--quiet', '-b', 'side']);
    const branchToken = githubToken();
    const side = commit(repo, { 'config.ini': `[app]\nname = demo\nmode = side\ntoken = ${branchToken}\n` }, 'Side');
    git(repo, ['checkout', '--quiet', 'main']);
    commit(repo, { 'config.ini': '[app]\nname = demo\nmode = main\n' }, 'Main');
    mergeNoCommit(repo, 'side');
    const mergeToken = githubToken();
    // The resolution keeps the branch's token line and writes a secret neither parent had.
    const merge = commitMerge(
      repo,
      { 'config.ini': `[app]\nname = demo\nmode = both\nresolved = ${mergeToken}\ntoken = ${branchToken}\n` },
      'Merge side',
    );
    expect(git(repo, ['rev-list', '--parents', '-n1', 'HEAD']).trim().split(' ')).toHaveLength(3);
    const report = await scan(repo);
    const found = bySecret(report.findings);
    expect(found.get(mergeToken)).toEqual({ sha: merge, line: 4, path: 'config.ini' });
    expect(found.get(branchToken)).toEqual({ sha: side, line: 4, path: 'config.ini' });
    expect(report.findings).toHaveLength(2);
    // The merge's line with the branch's token is not the merge's own: one commit added it.
    expect(report.findings.find((f) => f.secret === branchToken)!.occurrences).toBe(1);
    expect(report.stats).toMatchObject({ merges: 1, mergeVersionsRead: 1 });
  });

  it("attributes what a merged branch brought in to the branch's commit, not the merge", async () => {
    const repo = initRepo();
    commit(repo, { 'README.md': '# app\n' }, 'Base');
    git(repo, ['checkout', '--quiet', '-b', 'feature']);
    const token = githubToken();
    const added = commit(repo, { 'deploy/.env': `DEPLOY_TOKEN=${token}\n` }, 'Feature secret');
    commit(repo, { 'deploy/run.sh': 'echo deploy\n' }, 'Feature script');
    git(repo, ['checkout', '--quiet', 'main']);
    commit(repo, { 'README.md': '# app\n\nMore.\n' }, 'Main work');
    git(repo, ['merge', '--quiet', '--no-ff', '-m', 'Merge feature', 'feature']);
    const report = await scan(repo);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ secret: token, path: 'deploy/.env', line: 1, occurrences: 1 });
    expect(report.findings[0]!.origin.commit!.sha).toBe(added);
    // Every version the merge has came from a parent: none was read for the merge.
    expect(report.stats).toMatchObject({ merges: 1, mergeVersions: 0, mergeVersionsRead: 0 });
  });

  it('reads an octopus merge: each branch keeps its secret, and what the merge wrote is the merge', async () => {
    const repo = initRepo();
    commit(repo, { 'shared.txt': 'one\ntwo\n' }, 'Base');
    const tokens: Record<string, string> = {};
    const commits: Record<string, string> = {};
    for (const name of ['a', 'b', 'c']) {
      git(repo, ['checkout', '--quiet', '-b', name, 'main']);
      tokens[name] = githubToken();
      commits[name] = commit(repo, { [`${name}.env`]: `TOKEN_${name.toUpperCase()}=${tokens[name]}\n` }, `Branch ${name}`);
    }
    git(repo, ['checkout', '--quiet', 'main']);
    git(repo, ['merge', '--quiet', '--no-ff', '--no-commit', 'a', 'b', 'c']);
    const evil = githubToken();
    const octopus = commitMerge(repo, { 'shared.txt': `one\ntwo\nextra = ${evil}\n` }, 'Octopus');
    expect(git(repo, ['rev-list', '--parents', '-n1', 'HEAD']).trim().split(' ')).toHaveLength(5);
    const report = await scan(repo);
    const found = bySecret(report.findings);
    for (const name of ['a', 'b', 'c']) expect(found.get(tokens[name]!)).toEqual({ sha: commits[name], line: 1, path: `${name}.env` });
    expect(found.get(evil)).toEqual({ sha: octopus, line: 3, path: 'shared.txt' });
    expect(report.findings).toHaveLength(4);
  });

  it('reports nothing new for a merge that reverts a file to an earlier version', async () => {
    const repo = initRepo();
    const token = githubToken();
    const added = commit(repo, { 'app.env': `NAME=demo\nTOKEN=${token}\n` }, 'Add secret');
    git(repo, ['checkout', '--quiet', '-b', 'side']);
    commit(repo, { 'app.env': `NAME=side\nTOKEN=${token}\n` }, 'Side edit');
    git(repo, ['checkout', '--quiet', 'main']);
    commit(repo, { 'app.env': 'NAME=demo\n' }, 'Remove secret');
    mergeNoCommit(repo, 'side');
    // The resolution is the very first version: neither parent has it, but history does.
    const merge = commitMerge(repo, { 'app.env': `NAME=demo\nTOKEN=${token}\n` }, 'Merge side, back to the start');
    expect(git(repo, ['rev-parse', `${merge}:app.env`])).toBe(git(repo, ['rev-parse', `${added}:app.env`]));
    const report = await scan(repo);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.origin.commit!.sha).toBe(added);
    expect(report.findings[0]).toMatchObject({ path: 'app.env', line: 2, occurrences: 1 });
    // The merge made that version itself (no parent had it), but it was no new blob: nothing was read for it.
    expect(report.stats).toMatchObject({ mergeVersions: 1, mergeVersionsRead: 0 });
  });

  it('keeps line numbers of a merge with context lines around its own lines', async () => {
    const repo = initRepo();
    const body = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`);
    commit(repo, { 'notes.txt': `${body.join('\n')}\n` }, 'Base');
    git(repo, ['checkout', '--quiet', '-b', 'side']);
    commit(repo, { 'notes.txt': `${body.map((l, i) => (i === 1 ? 'side 2' : l)).join('\n')}\n` }, 'Side');
    git(repo, ['checkout', '--quiet', 'main']);
    commit(repo, { 'notes.txt': `${body.map((l, i) => (i === 10 ? 'main 11' : l)).join('\n')}\n` }, 'Main');
    mergeNoCommit(repo, 'side');
    const token = githubToken();
    const merged = body.map((l, i) => (i === 1 ? 'side 2' : i === 10 ? 'main 11' : i === 6 ? `key = ${token}` : l));
    const merge = commitMerge(repo, { 'notes.txt': `${merged.join('\n')}\n` }, 'Merge');
    for (const context of [0, 3]) {
      const report = await scan(repo, { context });
      expect(report.findings).toHaveLength(1);
      expect(report.findings[0]).toMatchObject({ secret: token, line: 7 });
      expect(report.findings[0]!.origin.commit!.sha).toBe(merge);
    }
  });
});

describe('linesNewInMerge and mergeHunks', () => {
  const lines = (...list: string[]) => Buffer.from(list.map((l) => `${l}\n`).join(''));

  it('counts a line as new only when no parent has it', () => {
    const merged = lines('a', 'B', 'C', 'evil', 'd');
    expect(linesNewInMerge(merged, [lines('a', 'b', 'C', 'd'), lines('a', 'B', 'c', 'd')])).toEqual([{ start: 4, end: 4 }]);
    // A line moved within the file is not new.
    expect(linesNewInMerge(lines('d', 'a', 'b'), [lines('a', 'b', 'd'), lines('a', 'b', 'c')])).toEqual([]);
    // Without any parent's version (a root commit, a path new in the merge) every line is new.
    expect(linesNewInMerge(lines('x', 'y'), [undefined, undefined])).toEqual([{ start: 1, end: 2 }]);
    expect(linesNewInMerge(Buffer.from('x\ny'), [])).toEqual([{ start: 1, end: 2 }]);
    expect(linesNewInMerge(Buffer.alloc(0), [])).toEqual([]);
  });

  it('gives hunks with context and true line numbers, as a diff would', () => {
    const merged = lines('1', '2', 'new3', '4', '5', '6', '7', 'new8');
    const added = linesNewInMerge(merged, [lines('1', '2', '4', '5', '6', '7')]);
    expect(added).toEqual([
      { start: 3, end: 3 },
      { start: 8, end: 8 },
    ]);
    expect(mergeHunks(merged, added, 0)).toEqual([
      { firstLine: 3, lineCount: 1, text: 'new3\n', added: [{ start: 3, end: 3 }] },
      { firstLine: 8, lineCount: 1, text: 'new8\n', added: [{ start: 8, end: 8 }] },
    ]);
    // Context that reaches the next change joins the hunks.
    expect(mergeHunks(merged, added, 2)).toEqual([
      {
        firstLine: 1,
        lineCount: 8,
        text: '1\n2\nnew3\n4\n5\n6\n7\nnew8\n',
        added: [
          { start: 3, end: 3 },
          { start: 8, end: 8 },
        ],
      },
    ]);
    // A whole file without a final newline, and a lone CR read as a space (as the engine counts lines).
    expect(mergeHunks(Buffer.from('a\rb\nc'), [{ start: 1, end: 2 }], 0)).toEqual([
      { firstLine: 1, lineCount: 2, text: 'a b\nc\n', added: [{ start: 1, end: 2 }] },
    ]);
  });
});
