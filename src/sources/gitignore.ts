import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Which paths (POSIX, relative to the walked folder) are ignored. */
export interface Ignored {
  readonly empty: boolean;
  ignores(relative: string): boolean;
}

/**
 * `.gitignore` semantics for a walked tree outside a git work tree (inside
 * one, git answers: sources/git/ignored.ts): each `.gitignore` applies to paths
 * below its folder, relative to that folder; the root's `.git/info/exclude` too.
 */
export class GitignoreMatcher implements Ignored {
  private readonly byDirectory = new Map<string, Ignore>();

  /** `files` are POSIX paths of `.gitignore` files relative to `root`. */
  static async load(root: string, files: readonly string[]): Promise<GitignoreMatcher> {
    const matcher = new GitignoreMatcher();
    const sources = [
      ...files.map((file) => ({ dir: path.posix.dirname(file), file: path.join(root, file) })),
      { dir: '.', file: path.join(root, '.git', 'info', 'exclude') },
    ];
    for (const { dir, file } of sources) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        continue;
      }
      const key = dir === '.' ? '' : dir;
      const existing = matcher.byDirectory.get(key);
      if (existing) existing.add(text);
      else matcher.byDirectory.set(key, ignore().add(text));
    }
    return matcher;
  }

  get empty(): boolean {
    return this.byDirectory.size === 0;
  }

  /** True when a POSIX path relative to the root is ignored by any `.gitignore` above it. */
  ignores(relative: string): boolean {
    for (const [dir, rules] of this.byDirectory) {
      if (dir === '') {
        if (rules.ignores(relative)) return true;
      } else if (relative.startsWith(`${dir}/`) && rules.ignores(relative.slice(dir.length + 1))) {
        return true;
      }
    }
    return false;
  }
}
