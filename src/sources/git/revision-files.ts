import type { RevisionFiles } from '../config-snapshot.js';
import type { Repository } from './repo.js';
import { runGit } from './run.js';

/**
 * The files of one revision of a local repository, read from its objects
 * (`git cat-file`, `git ls-tree`): no checkout, no work tree, nothing the
 * revision's own content could run.
 */
export function gitRevisionFiles(repo: Repository, rev: string, label = rev.slice(0, 12)): RevisionFiles {
  return {
    label,
    async file(path) {
      // 128: no such path in the revision (or it is a folder).
      const result = await runGit(['cat-file', 'blob', `${rev}:${path}`], { cwd: repo.cwd, env: repo.env, okCodes: [128] });
      return result.code === 0 ? result.stdout : undefined;
    },
    async list(folder) {
      const result = await runGit(['ls-tree', '-r', '-z', '--name-only', '--full-tree', rev, '--', `:(literal)${folder}`], {
        cwd: repo.cwd,
        env: repo.env,
        okCodes: [128],
      });
      return result.code === 0 ? result.stdout.toString('utf8').split('\0').filter(Boolean) : [];
    },
  };
}
