import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchArguments } from '../../../src/sources/git/history.js';
import { PatchParser, type PatchedCommit } from '../../../src/sources/git/patch.js';
import { commit, git, GIT_ENV, initRepo } from '../../helpers/git.js';

/** `git log -p` output for every commit, oldest first, as keyhound asks for it (and root commits' patches, which the history scan reads apart). */
function logOutput(repo: string, context = 0, extra: readonly string[] = ['--root']): Buffer {
  const commits = git(repo, ['rev-list', '--topo-order', '--reverse', '--all']);
  return execFileSync('git', [...patchArguments({ context, maxFileSize: 1024 * 1024 }), ...extra], {
    cwd: repo,
    input: commits,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...GIT_ENV },
  });
}

/** Parses `output` fed in pieces of `size` bytes. */
function parse(output: Buffer, size: number, text = true): PatchedCommit[] {
  const commits: PatchedCommit[] = [];
  const parser = new PatchParser({ headers: true, text }, (c) => commits.push(c));
  for (let at = 0; at < output.length; at += size) parser.push(output.subarray(at, at + size));
  parser.end();
  return commits;
}

describe('PatchParser', () => {
  it('reads headers, raw entries (odd paths, renames) and hunks the same however the output is split', () => {
    const repo = initRepo();
    commit(repo, { 'dir with space/ä ö.txt': 'one\ntwo\nthree\n', 'plain.txt': 'keep\n' }, 'First\n\nbody line', {
      author: 'Grace Hopper',
      email: 'grace@example.com',
    });
    git(repo, ['mv', 'plain.txt', 'moved.txt']);
    commit(repo, { 'dir with space/ä ö.txt': 'one\nTWO\nthree\nfour\n' }, 'Second');
    const output = logOutput(repo);
    const whole = parse(output, output.length);
    for (const size of [1, 7, 4096]) expect(parse(output, size)).toEqual(whole);

    expect(whole).toHaveLength(2);
    const [first, second] = whole;
    expect(first!.info).toMatchObject({ author: 'Grace Hopper', email: 'grace@example.com', message: 'First' });
    expect(first!.parents).toEqual([]);
    expect(first!.files.map((f) => [f.entry.path, f.entry.status, f.hunks[0]!.text, f.hunks[0]!.added])).toEqual([
      ['dir with space/ä ö.txt', 'A', 'one\ntwo\nthree\n', [{ start: 1, end: 3 }]],
      ['plain.txt', 'A', 'keep\n', [{ start: 1, end: 1 }]],
    ]);
    expect(second!.parents).toEqual([first!.info!.sha]);
    const rename = second!.entries.find((e) => e.status === 'R')!;
    expect(rename).toMatchObject({ oldPath: 'plain.txt', path: 'moved.txt' });
    // A pure rename has no patch; the edit has one hunk: line 2 changed, line 4 added.
    expect(second!.files.map((f) => [f.entry.path, f.hunks.map((h) => [h.firstLine, h.text, h.added])])).toEqual([
      [
        'dir with space/ä ö.txt',
        [
          [2, 'TWO\n', [{ start: 2, end: 2 }]],
          [4, 'four\n', [{ start: 4, end: 4 }]],
        ],
      ],
    ]);
  });

  it('gives context lines as text but only added lines as ranges', () => {
    const repo = initRepo();
    commit(repo, { 'f.txt': 'a\nb\nc\nd\ne\n' }, 'One');
    commit(repo, { 'f.txt': 'a\nb\nC\nd\ne\n' }, 'Two');
    const [, second] = parse(logOutput(repo, 2), 5);
    expect(second!.files[0]!.hunks).toEqual([{ firstLine: 1, lineCount: 5, text: 'a\nb\nC\nd\ne\n', added: [{ start: 3, end: 3 }] }]);
  });

  it('reads combined diffs of merges: a line is added only when no parent had it', () => {
    const repo = initRepo();
    commit(repo, { 'f.txt': 'a\nb\nc\n' }, 'Base');
    git(repo, ['checkout', '--quiet', '-b', 'side']);
    commit(repo, { 'f.txt': 'a\nB\nc\n' }, 'Side');
    git(repo, ['checkout', '--quiet', 'main']);
    commit(repo, { 'f.txt': 'a\nb\nC\n' }, 'Main');
    try {
      git(repo, ['merge', '--quiet', 'side']);
    } catch {
      // The conflict is the point: the merge resolves it and adds a line of its own.
    }
    writeFileSync(path.join(repo, 'f.txt'), 'a\nB\nC\nevil\n');
    git(repo, ['add', 'f.txt']);
    git(repo, ['commit', '--quiet', '-m', 'Merge']);
    // The history scan asks for no merge diffs (merges.ts reads them apart); the parser still reads combined ones.
    expect(parse(logOutput(repo), 3).find((c) => c.parents.length === 2)!.entries).toEqual([]);
    const commits = parse(logOutput(repo, 0, ['--root', '--diff-merges=dense-combined']), 3);
    const merge = commits.find((c) => c.parents.length === 2)!;
    expect(merge.files).toHaveLength(1);
    expect(merge.files[0]!.hunks.flatMap((h) => h.added)).toEqual([{ start: 4, end: 4 }]);
    expect(merge.files[0]!.hunks.map((h) => h.text).join('')).toContain('evil\n');
  });

  it('marks binary files, skips unwanted patches, and keeps line numbers of CR-only files', () => {
    const repo = initRepo();
    commit(repo, { 'bin.dat': Buffer.from([0, 1, 2, 0, 3]), 'mac.txt': 'one\rtwo\nthree\n', 'skip.txt': 'x\n' }, 'Mixed');
    const output = logOutput(repo);
    const commits: PatchedCommit[] = [];
    const parser = new PatchParser({ headers: true, wants: (entry) => entry.path !== 'skip.txt' }, (c) => commits.push(c));
    parser.push(output);
    parser.end();
    const files = commits[0]!.files;
    expect(files.map((f) => [f.entry.path, f.binary])).toEqual([
      ['bin.dat', true],
      ['mac.txt', false],
    ]);
    // git counts two lines; a lone \r would make the engine count three.
    expect(files[1]!.hunks[0]).toMatchObject({ text: 'one two\nthree\n', added: [{ start: 1, end: 2 }] });
  });

  it('gives added line ranges without text when asked (the staged scan)', () => {
    const repo = initRepo();
    commit(repo, { 'f.txt': 'a\n' }, 'One');
    const [only] = parse(logOutput(repo), 64, false);
    expect(only!.files[0]!.hunks).toEqual([{ firstLine: 1, lineCount: 1, text: '', added: [{ start: 1, end: 1 }] }]);
  });
});
