import type { Repository } from './repo.js';
import { runGit } from './run.js';

/**
 * The commits a `git push` is about to send, as `git log` revisions.
 *
 * - Under the pre-commit framework's `pre-push` stage: `PRE_COMMIT_FROM_REF`
 *   and `PRE_COMMIT_TO_REF` (pre-commit works them out from git's input), or,
 *   when the push brings a whole new history, `PRE_COMMIT_LOCAL_BRANCH`
 *   without the remote's branches.
 * - As a plain git `pre-push` hook (or husky): git's lines on stdin,
 *   `<local ref> <local sha> <remote ref> <remote sha>`.
 * - Run by hand (stdin is a terminal): the commits on no remote yet.
 *
 * An empty list means there is nothing to scan (a push that only deletes).
 */
export async function pushedRevisions(
  repo: Repository,
  io: { env: NodeJS.ProcessEnv; stdin: NodeJS.ReadableStream & { isTTY?: boolean } },
): Promise<string[]> {
  const { env } = io;
  // Values that would read as git options are not revisions; they are ignored like absent ones.
  const option = (value: string | undefined): boolean => value?.startsWith('-') ?? false;
  if (env.PRE_COMMIT_FROM_REF && env.PRE_COMMIT_TO_REF && !option(env.PRE_COMMIT_FROM_REF))
    return [`${env.PRE_COMMIT_FROM_REF}..${env.PRE_COMMIT_TO_REF}`];
  if (env.PRE_COMMIT_LOCAL_BRANCH && !option(env.PRE_COMMIT_LOCAL_BRANCH)) {
    return [env.PRE_COMMIT_LOCAL_BRANCH, '--not', env.PRE_COMMIT_REMOTE_NAME ? `--remotes=${env.PRE_COMMIT_REMOTE_NAME}` : '--remotes'];
  }
  if (io.stdin.isTTY) return ['HEAD', '--not', '--remotes'];
  const input = await readAll(io.stdin);
  return revisionsFromPushInput(repo, input);
}

const ZERO = /^0+$/;
/** git writes full object ids (SHA-1 or SHA-256) on the hook's input; anything else is not a push line (and must never reach git as an option). */
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

/** Revisions for git's pre-push input lines. */
export async function revisionsFromPushInput(repo: Repository, input: string): Promise<string[]> {
  const locals: string[] = [];
  const remotes: string[] = [];
  for (const line of input.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length !== 4) continue;
    const [, localSha, , remoteSha] = parts as [string, string, string, string];
    if (!OBJECT_ID.test(localSha) || !OBJECT_ID.test(remoteSha)) continue;
    if (ZERO.test(localSha)) continue; // a deletion sends no commits
    locals.push(localSha);
    if (!ZERO.test(remoteSha) && (await isCommit(repo, remoteSha))) remotes.push(remoteSha);
  }
  if (locals.length === 0) return [];
  // Commits any remote already has were checked when they were pushed.
  return [...locals, '--not', ...remotes, '--remotes'];
}

async function isCommit(repo: Repository, sha: string): Promise<boolean> {
  const result = await runGit(['cat-file', '-e', `${sha}^{commit}`], { cwd: repo.cwd, env: repo.env, okCodes: [1, 128] });
  return result.code === 0;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(typeof part === 'string' ? Buffer.from(part) : part);
  return Buffer.concat(parts).toString('utf8');
}
