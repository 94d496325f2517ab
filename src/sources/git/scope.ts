import { UsageError } from '../../core/errors.js';
import { listCommits } from './history.js';
import type { Repository } from './repo.js';

/** Which commits a history scan covers. All refs when nothing is given. */
export interface HistoryScope {
  /** A revision range (`base..head`): only blobs introduced by commits in it. */
  range?: string;
  /** Only commits after this one (reachable from the scanned refs but not from it). */
  sinceCommit?: string;
  /** Refs to scan instead of all refs. */
  branches?: readonly string[];
  /** Raw revision arguments for `git rev-list` (e.g. `A --not --remotes=origin`); overrides range, branches and sinceCommit. */
  revisions?: readonly string[];
}

/** The `git rev-list` revisions for the scope: all refs by default. */
export function historyRevisions(scope: HistoryScope): string[] {
  if (scope.revisions) return [...scope.revisions];
  if (scope.range) {
    if (scope.branches?.length || scope.sinceCommit)
      throw new UsageError('--range cannot be combined with --branch or --since-commit (the range names its own commits)');
    return [revision(scope.range, '--range')];
  }
  const refs = scope.branches && scope.branches.length > 0 ? scope.branches.map((branch) => revision(branch, '--branch')) : ['--all'];
  return scope.sinceCommit ? [...refs, '--not', revision(scope.sinceCommit, '--since-commit')] : refs;
}

/**
 * The commits a history scan covers (`git rev-list`, in the background):
 * the CLI starts this before reading its configuration and rules.
 */
export function listHistory(repo: Repository, scope: HistoryScope): Promise<string[]> {
  return listCommits(repo, historyRevisions(scope));
}

/**
 * A revision given by the user goes to `git rev-list` as an argument: one
 * that starts with "-" would be read as an option (`--output=FILE` truncates
 * a file), and no revision does.
 */
function revision(value: string, option: string): string {
  if (value.startsWith('-')) throw new UsageError(`${option}: "${value}" is not a revision (revisions never start with "-")`);
  return value;
}
