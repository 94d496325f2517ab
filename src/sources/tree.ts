import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';

export interface TreeEntry {
  /** POSIX path relative to the listed folder. */
  path: string;
  name: string;
  dirent: Dirent;
}

export interface TreeProblem {
  /** POSIX path (relative to the listed folder) of a folder that could not be listed. */
  path: string;
  code: string;
}

/**
 * Every entry under `root`, folders included, sorted by path; symlinks are
 * listed, never followed. Folders named in `skip` are neither listed nor
 * entered. A folder that cannot be read is returned in `problems` (never
 * silently passed over).
 *
 * Our own walk rather than a glob library's: glob matchers test names with
 * regexes whose `.` stops at line terminators, so a file or folder named with
 * a newline (or U+2028) was silently left out, and everything under it.
 *
 * Blocking calls: the listing comes before any scanning, so nothing waits on
 * this thread meanwhile, and one promise round trip per folder cost six times
 * the listing itself (160 against 27 ms for the bench tree's 3,810 folders).
 */
export function listTree(root: string, skip: ReadonlySet<string>): { entries: TreeEntry[]; problems: TreeProblem[] } {
  const entries: TreeEntry[] = [];
  const problems: TreeProblem[] = [];
  const pending: string[] = [''];
  while (pending.length > 0) {
    const relative = pending.pop()!;
    let dirents: Dirent[];
    try {
      dirents = readdirSync(relative ? path.join(root, relative) : root, { withFileTypes: true });
    } catch (error) {
      if (relative) problems.push({ path: relative, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
      else throw error;
      continue;
    }
    for (const dirent of dirents) {
      if (dirent.isDirectory() && skip.has(dirent.name)) continue;
      const entryPath = relative ? `${relative}/${dirent.name}` : dirent.name;
      entries.push({ path: entryPath, name: dirent.name, dirent });
      if (dirent.isDirectory()) pending.push(entryPath);
    }
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries, problems };
}
