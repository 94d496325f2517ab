import type { UploadTarget } from '../report/github/sinks.js';
import type { PullRequestInfo } from '../sources/github/pull.js';
import type { ActionContext, Plan } from './context.js';
import type { ActionInputs } from './inputs.js';

/** Where and how the SARIF goes to code scanning. */
export interface UploadPlan extends UploadTarget {
  category: string;
  /**
   * Upload a scan of the whole working tree rather than the event's commits.
   * Code scanning closes every alert of a branch that the latest analysis of
   * its category no longer lists: a push's range lists only what that push
   * added, so an alert for a secret still in the tree would close.
   */
  tree: boolean;
}

/** The category a plan's results belong to (`tree`: the working tree scanned for the upload). */
export function categoryOf(plan: Plan, tree: boolean): string {
  if (tree || plan.kind === 'full') return 'keyhound/full';
  if (plan.kind === 'history') return 'keyhound/history';
  return 'keyhound/diff';
}

/**
 * The commit, ref and category of the upload. On `pull_request_target` the
 * run's own `GITHUB_SHA`/`GITHUB_REF` are the base branch's: results of the
 * pull request's commits go to its head (`refs/pull/N/head` at the head sha)
 * instead, or they would show as alerts on the base branch.
 */
export function planUpload(inputs: ActionInputs, context: ActionContext, plan: Plan, pr: PullRequestInfo | undefined): UploadPlan {
  const tree = context.eventName === 'push' && (plan.kind === 'range' || plan.kind === 'pushed');
  const target =
    context.eventName === 'pull_request_target' && pr
      ? { commitSha: pr.headSha, ref: `refs/pull/${pr.number}/head` }
      : { commitSha: context.sha, ref: context.ref };
  return {
    owner: context.owner,
    repo: context.repo,
    workspace: context.workspace,
    ...target,
    category: inputs.sarifCategory ?? categoryOf(plan, tree),
    tree,
  };
}
