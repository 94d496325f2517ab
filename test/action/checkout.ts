import path from 'node:path';
import { git } from '../helpers/github-repos.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * A workspace made the way actions/checkout makes one: `git init`, an
 * `origin` remote, then either `fetch-depth: 1` (one commit, shallow, fetched
 * by id into `refs/remotes/origin/BRANCH`) or `fetch-depth: 0` (every branch
 * and tag), and the branch checked out. `upstream` is served as `file://`, so
 * a later `git fetch` really talks to it.
 */
export function checkout(upstream: string, options: { branch: string; sha?: string; depth: 0 | 1 }): string {
  const workspace = path.join(tempDir('keyhound-checkout-'), 'ws');
  git(path.dirname(workspace), 'init', '--quiet', '--initial-branch=unused', workspace);
  git(workspace, 'remote', 'add', 'origin', `file://${upstream}`);
  const sha = options.sha ?? git(upstream, 'rev-parse', `refs/heads/${options.branch}`);
  if (options.depth === 1) {
    git(workspace, 'fetch', '--quiet', '--no-tags', '--depth=1', 'origin', `+${sha}:refs/remotes/origin/${options.branch}`);
  } else {
    git(workspace, 'fetch', '--quiet', '--no-tags', 'origin', '+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*');
  }
  git(workspace, 'checkout', '--quiet', '--force', '-B', options.branch, `refs/remotes/origin/${options.branch}`);
  return workspace;
}

/** A `push` event payload with GitHub's shape (the fields that matter). */
export function pushEvent(options: { before?: string; after: string; ref: string; defaultBranch?: string }): Record<string, unknown> {
  const created = options.before === undefined;
  return {
    ref: options.ref,
    before: options.before ?? '0'.repeat(40),
    after: options.after,
    created,
    deleted: false,
    forced: false,
    base_ref: null,
    repository: { full_name: 'acme/app', default_branch: options.defaultBranch ?? 'main' },
  };
}
