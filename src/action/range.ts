import { gitAuthEnv, runGit } from '../sources/github/clone.js';

/** How the commits of a plan were made available. */
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

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;

/**
 * `git fetch origin ARGS`, deepening a shallow clone to its full history. The
 * token goes as a header to the server's own origin only (never to a remote
 * elsewhere, never into `.git/config`). Returns why it failed, or undefined.
 */
async function fetchOrigin(repo: string, refspecs: readonly string[], options: FetchOptions): Promise<string | undefined> {
  const remote = (await runGit(['remote', 'get-url', 'origin'], { cwd: repo })).stdout.trim();
  if (!remote) return 'the checkout has no "origin" remote to fetch from';
  const sameServer = (() => {
    try {
      return new URL(remote).origin === new URL(options.serverUrl).origin;
    } catch {
      return false;
    }
  })();
  const env = gitAuthEnv(remote, sameServer ? options.token : undefined);
  const args = ['fetch', '--no-tags', '--quiet', ...((await isShallow(repo)) ? ['--unshallow'] : []), 'origin', ...refspecs];
  options.log?.(`git ${args.join(' ')}`);
  const fetched = await runGit(args, { cwd: repo, env });
  if (fetched.code !== 0) {
    const said = fetched.stderr.trim().split('\n').slice(-2).join(' ');
    return `git fetch failed (exit ${fetched.code}): ${said || 'no message'}`;
  }
  if (await isShallow(repo)) return 'the clone is still shallow after fetching';
  return undefined;
}

/**
 * Makes sure both ends of `base..head` and the history between them are in the
 * local clone. A range over a shallow clone would silently stop at the
 * shallow boundary, so a shallow clone is deepened even when both commits are
 * there. Missing commits are fetched from `origin` by id (GitHub serves any
 * reachable commit); when that fails the caller falls back to the API.
 */
export async function ensureRange(repo: string, base: string, head: string, options: FetchOptions): Promise<RangeAvailability> {
  if ((await hasCommit(repo, base)) && (await hasCommit(repo, head)) && !(await isShallow(repo))) return { status: 'present' };
  const failed = await fetchOrigin(
    repo,
    [base, head].filter((rev) => SHA.test(rev)),
    options,
  );
  if (failed) return { status: 'missing', reason: failed };
  if (!(await hasCommit(repo, base)) || !(await hasCommit(repo, head)))
    return { status: 'missing', reason: 'git fetch did not bring the commits' };
  return { status: 'fetched' };
}

/** Where the default branch is kept in the checkout (`actions/checkout` fetches branches there). */
export function remoteBranch(branch: string): string {
  return `refs/remotes/origin/${branch}`;
}

/**
 * For a push that created a branch: the full history of `head` and, when
 * given, the default branch `against` as `origin` has it now (a
 * `fetch-depth: 1` checkout has neither). Without them the new branch's own
 * commits cannot be told from those it shares with the default branch.
 */
export async function ensurePushed(
  repo: string,
  head: string,
  against: string | undefined,
  options: FetchOptions,
): Promise<RangeAvailability> {
  const haveBase = against === undefined || (await hasCommit(repo, remoteBranch(against)));
  if (haveBase && (await hasCommit(repo, head)) && !(await isShallow(repo))) return { status: 'present' };
  const refspecs = [
    ...(SHA.test(head) ? [head] : []),
    ...(against === undefined ? [] : [`+refs/heads/${against}:${remoteBranch(against)}`]),
  ];
  const failed = await fetchOrigin(repo, refspecs, options);
  if (failed) return { status: 'missing', reason: failed };
  if (!(await hasCommit(repo, head))) return { status: 'missing', reason: 'git fetch did not bring the pushed commit' };
  return { status: 'fetched' };
}

/**
 * For mode history: every branch and tag of `origin`, in full. A shallow
 * checkout is deepened; a complete one is scanned as it is (its refs are what
 * `fetch-depth: 0` fetched).
 */
export async function ensureHistory(repo: string, options: FetchOptions): Promise<RangeAvailability> {
  if (!(await isShallow(repo))) return { status: 'present' };
  const failed = await fetchOrigin(repo, ['+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*'], options);
  return failed ? { status: 'missing', reason: failed } : { status: 'fetched' };
}
