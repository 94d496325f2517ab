import { readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { pullRequestInfo, type PullRequestInfo } from '../sources/github/pull.js';
import type { Mode } from './inputs.js';

/** What the runner tells a step about the run (the `GITHUB_*` variables and the event payload). */
export interface ActionContext {
  workspace: string;
  eventName: string;
  event: Record<string, unknown>;
  owner: string;
  repo: string;
  /** `GITHUB_SHA`: on a pull request, the merge commit GitHub checked out. */
  sha: string;
  /** `GITHUB_REF`: `refs/pull/N/merge` on a pull request. */
  ref: string;
  apiUrl: string;
  serverUrl: string;
}

export function readContext(env: NodeJS.ProcessEnv, cwd: string): ActionContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let event: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${(error as Error).message}`);
    }
  }
  return {
    workspace: env.GITHUB_WORKSPACE || cwd,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    event,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
  };
}

/** A payload field that should be a string (a sha), or empty when it is not one. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A commit that is not there (`before` of a push that created a branch). */
const NULL_SHA = /^0+$/;

/** What the Action scans. */
export type Plan =
  | { kind: 'range'; base: string; head: string; pr?: PullRequestInfo; why: string }
  /**
   * A push that created a branch (`before` is all zeros): the commits of
   * `head` that `against` (the default branch) lacks, or, when the pushed
   * branch is the default branch itself (the first push of a repository),
   * every commit reachable from `head`.
   */
  | { kind: 'pushed'; head: string; against?: string; why: string }
  | { kind: 'full'; why: string }
  | { kind: 'history'; why: string };

type PullPayload = Parameters<typeof pullRequestInfo>[2];

/** The pull request of a `pull_request`/`pull_request_target` event, else undefined. */
export function eventPullRequest(context: ActionContext): PullRequestInfo | undefined {
  // The payload is data from outside: any field may be missing.
  const pull = context.event.pull_request as Partial<PullPayload> | undefined;
  if (!pull?.head?.sha || !pull.base?.sha) return undefined;
  return pullRequestInfo(context.owner, context.repo, pull as PullPayload);
}

/** The commit range of the event: a pull request's `base..head`, a push's `before..after`, a merge queue's `base_sha..head_sha`. */
function eventRange(context: ActionContext): Extract<Plan, { kind: 'range' | 'pushed' }> | { kind: 'none'; why: string } {
  const pr = eventPullRequest(context);
  if (pr)
    return {
      kind: 'range',
      base: pr.baseSha,
      head: pr.headSha,
      pr,
      why: `pull request #${pr.number}: commits ${pr.baseSha.slice(0, 12)}..${pr.headSha.slice(0, 12)}`,
    };
  const group = context.event.merge_group as { base_sha?: string; head_sha?: string } | undefined;
  if (context.eventName === 'merge_group' && group?.base_sha && group.head_sha) {
    return {
      kind: 'range',
      base: group.base_sha,
      head: group.head_sha,
      why: `merge group: commits ${group.base_sha.slice(0, 12)}..${group.head_sha.slice(0, 12)}`,
    };
  }
  if (context.eventName === 'push') {
    const before = text(context.event.before);
    const after = text(context.event.after) || context.sha;
    if (before && !NULL_SHA.test(before))
      return { kind: 'range', base: before, head: after, why: `push: commits ${before.slice(0, 12)}..${after.slice(0, 12)}` };
    if (!after) return { kind: 'none', why: 'push event without an "after" commit' };
    // A new branch has no `before`: its commits are those the default branch lacks.
    const repository = context.event.repository as { default_branch?: unknown } | undefined;
    const defaultBranch = text(repository?.default_branch);
    const ref = text(context.event.ref) || context.ref;
    const branch = ref.replace(/^refs\/(?:heads|tags)\//, '');
    if (defaultBranch && ref !== `refs/heads/${defaultBranch}`) {
      return {
        kind: 'pushed',
        head: after,
        against: defaultBranch,
        why: `push of a new ${ref.startsWith('refs/tags/') ? 'tag' : 'branch'} ${branch}: commits not on ${defaultBranch}`,
      };
    }
    // The default branch created (the first push of a repository): nothing came before it.
    return {
      kind: 'pushed',
      head: after,
      why: `first push of ${branch || 'the branch'}: every commit reachable from ${after.slice(0, 12)}`,
    };
  }
  return { kind: 'none', why: `event ${context.eventName || '(none)'} has no commit range` };
}

/** Picks what to scan from the mode and the event. */
export function planScan(mode: Mode, context: ActionContext): Plan {
  if (mode === 'full') return { kind: 'full', why: 'mode full: every file in the working tree' };
  if (mode === 'history') return { kind: 'history', why: 'mode history: every commit reachable from any branch or tag of origin' };
  const range = eventRange(context);
  if (range.kind !== 'none') return range;
  if (mode === 'diff')
    throw new UsageError(`mode diff needs a pull_request, push or merge_group event; ${range.why} (use mode full or history)`);
  return { kind: 'full', why: `${range.why}, so every file in the working tree` };
}
