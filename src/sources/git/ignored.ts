import type { Ignored } from '../gitignore.js';
import { runGit } from './run.js';

/**
 * What git itself ignores under `directory`, when it is inside a work tree:
 * untracked files that `.gitignore` (any level, the repository's
 * `info/exclude`, the user's excludes file) matches. A tracked file is never
 * ignored, whatever `.gitignore` says: a force-added `prod.env` or a tracked
 * `docs/INSTALL` is part of the repository and is scanned. Undefined outside
 * a work tree (or without git), where the walker reads `.gitignore` files
 * itself.
 */
export async function gitIgnored(directory: string, env?: NodeJS.ProcessEnv): Promise<Ignored | undefined> {
  let listed;
  try {
    // In a subfolder, ls-files lists only what is below it, relative to it.
    listed = await runGit(['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'], {
      cwd: directory,
      env,
      okCodes: [128],
    });
  } catch {
    return undefined;
  }
  if (listed.code !== 0) return undefined;
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const entry of listed.stdout.toString('utf8').split('\0')) {
    if (!entry) continue;
    if (entry.endsWith('/')) folders.add(entry.slice(0, -1));
    else files.add(entry);
  }
  return {
    empty: files.size === 0 && folders.size === 0,
    ignores(relative) {
      if (files.has(relative)) return true;
      for (let slash = relative.indexOf('/'); slash !== -1; slash = relative.indexOf('/', slash + 1)) {
        if (folders.has(relative.slice(0, slash))) return true;
      }
      return false;
    },
  };
}
