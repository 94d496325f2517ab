import type { LineRange } from '../../core/types.js';
import { PatchParser, type RawEntry } from './patch.js';
import type { Repository } from './repo.js';
import { runGit } from './run.js';

/**
 * What `git commit` would record now: the index against `HEAD` (or against
 * nothing, before the first commit). One `git diff --cached` gives the
 * changed paths (`--raw -z`, so any path survives) and, with `-U0`, exactly
 * the added lines of each as hunk headers.
 */

export interface StagedFile {
  entry: RawEntry;
  /** Added or changed lines of the staged version, 1-based. */
  added: LineRange[];
}

export interface StagedChanges {
  files: StagedFile[];
  /** Files git called binary (including those over the size limit, and text a `.gitattributes` entry marks binary). */
  binaries: RawEntry[];
  submodules: number;
  symlinks: number;
}

const SUBMODULE_MODE = '160000';
const SYMLINK_MODE = '120000';

export function stagedDiffArguments(maxFileSize: number): string[] {
  return [
    '-c',
    `core.bigFileThreshold=${Math.max(1, maxFileSize)}`,
    'diff',
    '--cached',
    '-p',
    '--raw',
    '-z',
    '--no-abbrev',
    '--full-index',
    '-U0',
    '-M',
    '--diff-algorithm=myers',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-relative',
    '--ignore-submodules=none',
  ];
}

/**
 * Reads the staged changes. In a repository without commits every staged file
 * is new. `asText`: only these paths, diffed as text whatever git would call
 * them (for text files that `.gitattributes` marks binary).
 */
export async function readStaged(repo: Repository, maxFileSize: number, asText?: readonly string[]): Promise<StagedChanges> {
  const args = asText
    ? [...stagedDiffArguments(maxFileSize), '--text', '--', ...asText.map((p) => `:(literal)${p}`)]
    : stagedDiffArguments(maxFileSize);
  const result = await runGit(args, { cwd: repo.cwd, env: repo.env });
  const changes: StagedChanges = { files: [], binaries: [], submodules: 0, symlinks: 0 };
  const parser = new PatchParser(
    {
      headers: false,
      text: false,
      wants: (entry) => {
        if (entry.status === 'D' || /^0+$/.test(entry.newId)) return false;
        if (entry.newMode === SUBMODULE_MODE) {
          changes.submodules++;
          return false;
        }
        if (entry.newMode === SYMLINK_MODE) {
          changes.symlinks++;
          return false;
        }
        return true;
      },
    },
    (commit) => {
      for (const file of commit.files) {
        if (file.binary) changes.binaries.push(file.entry);
        else if (file.hunks.length > 0) changes.files.push({ entry: file.entry, added: file.hunks.flatMap((hunk) => hunk.added) });
      }
    },
  );
  parser.push(result.stdout);
  parser.end();
  return changes;
}
