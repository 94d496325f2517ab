import { gitAuthEnv, runGit } from '../sources/github/clone.js';

/** How the commits of a range were made available. */
export type RangeAvailability = { status: 'present' } | { status: 'fetched' } | { status: 'missing'; reason: string };

async function hasCommit(repo: string, rev: string): Promise<boolean> {
  return (await runGit(['cat-file', '-e', `${rev}^{commit}`], { cwd: repo })).code === 0;
}

async function isShallow(repo: string): Promise<boolean> {
  return (await runGit(['rev-parse', '--is-shallow-repository'], { cwd: repo })).stdout.trim() === 'true';
}

export interface FetchOptions {
  /** Token for the fetch, sent as a header scoped to `serverUrl` (works with `persist-credentials: false`). */
  token?: string;
  /** `https://github.com` or the GHES host: the origin the token may be sent to. */
  serverUrl: string;
  log?: (message: string) => void;
}

/**
 * Makes sure both ends of `base..head` and the history between them are in the
 * local clone. A range over a shallow clone would silently stop at the
 * shallow boundary, so a shallow clone is deepened even when both commits are
 * there. Missing commits are fetched from `origin` by id (GitHub serves any
 * reachable commit); when that fails the caller falls back to the API.
 */
export async function ensureRange(repo: string, base: string, head: string, options: FetchOptions): Promise<RangeAvailability> {
  const shallow = await isShallow(repo);
  const haveBase = await hasCommit(repo, base);
  const haveHead = await hasCommit(repo, head);
  if (haveBase && haveHead && !shallow) return { status: 'present' };
  const remote = (await runGit(['remote', 'get-url', 'origin'], { cwd: repo })).stdout.trim();
  if (!remote) return { status: 'missing', reason: 'the checkout has no "origin" remote to fetch from' };
  // Only the server's own origin ever gets the token; a remote elsewhere is fetched without it.
  const sameServer = (() => {
    try {
      return new URL(remote).origin === new URL(options.serverUrl).origin;
    } catch {
      return false;
    }
  })();
  const env = gitAuthEnv(remote, sameServer ? options.token : undefined);
  const wanted = [base, head].filter((rev) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i.test(rev));
  const args = ['fetch', '--no-tags', '--quiet', ...(shallow ? ['--unshallow'] : []), 'origin', ...wanted];
  options.log?.(`git ${args.join(' ')}`);
  const fetched = await runGit(args, { cwd: repo, env });
  if (fetched.code !== 0) {
    const said = fetched.stderr.trim().split('\n').slice(-2).join(' ');
    return { status: 'missing', reason: `git fetch failed (exit ${fetched.code}): ${said || 'no message'}` };
  }
  if (!(await hasCommit(repo, base)) || !(await hasCommit(repo, head)))
    return { status: 'missing', reason: 'git fetch did not bring the commits' };
  if (await isShallow(repo)) return { status: 'missing', reason: 'the clone is still shallow after fetching' };
  return { status: 'fetched' };
}
