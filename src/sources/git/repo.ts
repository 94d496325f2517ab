import { statSync } from 'node:fs';
import path from 'node:path';
import { SourceError } from '../../core/errors.js';
import { runGit } from './run.js';

/** What a scan needs to know about a repository before it starts. */
export interface Repository {
  /** Folder git commands run in: the work tree's top level, or the git dir of a bare repository. */
  cwd: string;
  /** Absolute path of the git dir. */
  gitDir: string;
  /** The work tree's top level; absent for bare repositories. */
  workTree?: string;
  bare: boolean;
  /** A shallow clone: history stops at grafted boundary commits. */
  shallow: boolean;
  /** `sha1` or `sha256`. */
  objectFormat: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Opens the repository at (or above) `dir` with one `rev-parse` call. A folder
 * that is not in a repository is a SourceError that says so.
 */
export async function openRepository(dir: string, env?: NodeJS.ProcessEnv): Promise<Repository> {
  const absolute = path.resolve(dir);
  const info = statSync(absolute, { throwIfNoEntry: false });
  if (!info) throw new SourceError(`${dir}: no such folder`);
  if (!info.isDirectory()) throw new SourceError(`${dir}: not a folder (give the repository's folder)`);
  // One call: --show-toplevel comes last because it fails in a bare repository
  // (after the other answers are printed), which is how a bare repository shows.
  const result = await runGit(
    ['rev-parse', '--is-bare-repository', '--is-shallow-repository', '--absolute-git-dir', '--show-object-format', '--show-toplevel'],
    { cwd: absolute, env, okCodes: [128] },
  );
  const [bare, shallow, gitDir, objectFormat, workTree] = result.stdout.toString('utf8').split('\n');
  if (!gitDir) {
    throw new SourceError(`${dir}: not a git repository (or any of its parents); run keyhound inside a repository or name its folder`);
  }
  const repo: Repository = {
    cwd: workTree || gitDir,
    gitDir,
    bare: bare === 'true',
    shallow: shallow === 'true',
    objectFormat: objectFormat || 'sha1',
    env,
  };
  if (workTree) repo.workTree = workTree;
  return repo;
}

/** Whether `HEAD` names a commit (false in a repository with no commits yet). */
export async function hasHead(repo: Repository): Promise<boolean> {
  const result = await runGit(['rev-parse', '--verify', '-q', 'HEAD^{commit}'], { cwd: repo.cwd, env: repo.env, okCodes: [1, 128] });
  return result.code === 0;
}

/** The id of the empty tree in this repository's hash. */
export function emptyTree(repo: Repository): string {
  return repo.objectFormat === 'sha256'
    ? '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321'
    : '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
}
