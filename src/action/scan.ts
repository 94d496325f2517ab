import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { SourceError } from '../core/errors.js';
import type { Workflow } from '../report/github/workflow.js';
import type { ScanSetup } from '../scan/setup.js';
import { FileSource } from '../sources/files.js';
import { HistorySource } from '../sources/git/history-scan.js';
import { openRepository } from '../sources/git/repo.js';
import { createGitHubClient } from '../sources/github/client.js';
import { runGit } from '../sources/github/clone.js';
import { PullRequestSource } from '../sources/github/pull-scan.js';
import type { Source } from '../sources/source.js';
import type { ActionContext, Plan } from './context.js';
import type { ActionInputs } from './inputs.js';
import { ensureHistory, ensurePushed, ensureRange, remoteBranch, type RangeAvailability } from './range.js';

/** The source the Action scans, and what to say about it. */
export interface ChosenSource {
  source: Source;
  /** What was scanned and how, for the log and the job summary. */
  scope: string;
}

/** The top folder of the git repository at `dir`, or `dir` itself when it is not in one. */
async function repositoryRoot(dir: string): Promise<string> {
  const result = await runGit(['rev-parse', '--show-toplevel'], { cwd: dir });
  return result.code === 0 ? path.resolve(result.stdout.trim()) : dir;
}

/** The folder a `path` input stands in: itself, or a file's folder. */
function folderOf(target: string): string {
  return statSync(target).isDirectory() ? target : path.dirname(target);
}

/** The folder findings will be relative to, and where the config is looked for: the scanned folder, or its repository for git scans. */
export async function scanRoot(plan: Plan, target: string): Promise<string> {
  return plan.kind === 'full' ? folderOf(target) : repositoryRoot(folderOf(target));
}

/**
 * The `path` input as a filter on repository paths, for git scans (which
 * read the whole repository's commits): a path outside it is left out.
 * Undefined when the input is the repository itself.
 */
export function outsidePath(root: string, target: string): ((file: string) => boolean) | undefined {
  const scoped = path.relative(root, target).split(path.sep).join('/');
  if (scoped === '' || scoped.startsWith('..')) return undefined;
  return (file) => file !== scoped && !file.startsWith(`${scoped}/`);
}

export interface PlanContext {
  inputs: ActionInputs;
  context: ActionContext;
  workflow: Workflow;
  /** Config, allowlists and baseline (docs/config.md). */
  setup: ScanSetup;
  /** From {@link scanRoot}. */
  root: string;
  token?: string;
  /** For range plans: whether the commits are in the checkout ({@link fetchRange}). */
  available?: RangeAvailability;
}

/**
 * Makes the commits of a range plan available (fetching them when the checkout
 * lacks them), before anything reads the base's configuration from them.
 */
export async function fetchRange(
  plan: Plan,
  context: ActionContext,
  root: string,
  token: string | undefined,
  workflow: Workflow,
): Promise<RangeAvailability | undefined> {
  const options = { token, serverUrl: context.serverUrl, log: (m: string) => workflow.debug(m) };
  if (plan.kind === 'range') return ensureRange(root, plan.base, plan.head, options);
  if (plan.kind === 'pushed') return ensurePushed(root, plan.head, plan.against, options);
  if (plan.kind === 'history') return ensureHistory(root, options);
  return undefined;
}

/** Every file of the working tree at the `path` input. */
export function treeSource(target: string, setup: ScanSetup): Source {
  return new FileSource({
    paths: [target],
    root: folderOf(target),
    maxFileSize: setup.maxFileSize,
    skipDirectories: setup.skipDirectories,
    skipPaths: [],
    ...(setup.skipPath ? { skipPath: setup.skipPath } : {}),
  });
}

/**
 * Picks the source for the plan. A commit range needs both commits locally;
 * when the base is missing we fetch it, and when that fails on a pull request
 * we scan the pull request's files through the API instead. The scope says
 * which happened.
 */
export async function chooseSource(plan: Plan, run: PlanContext): Promise<ChosenSource> {
  const { inputs, context, workflow, setup, root } = run;
  const target = path.resolve(context.workspace, inputs.path);
  const outside = outsidePath(root, target);
  const setupSkip = setup.skipPath;
  const skipPath = outside ? (file: string) => outside(file) || setupSkip?.(file) === true : setupSkip;
  const files = (): Source => treeSource(target, setup);
  const history = async (scope: { range?: string; revisions?: string[] } = {}): Promise<Source> =>
    new HistorySource(await openRepository(root), {
      maxFileSize: setup.maxFileSize,
      ...scope,
      ...(skipPath ? { skipPath } : {}),
      partitions: availableParallelism(),
    });
  const within = outside ? ` (only ${inputs.path})` : '';
  if (plan.kind === 'full') return { source: files(), scope: `Scanned the working tree at ${inputs.path} (${plan.why}).` };
  const available = run.available ?? (await fetchRange(plan, context, root, run.token, workflow))!;
  const fetched =
    available.status === 'fetched'
      ? ' The checkout was shallow, so the history was fetched from origin first (set fetch-depth: 0 on actions/checkout to skip this).'
      : '';
  if (plan.kind === 'history') {
    // Fail closed: a shallow history scanned as it is would claim commits it never read.
    if (available.status === 'missing') {
      const why = `mode history needs the full history, but the checkout is shallow and could not be deepened (${available.reason}). Set fetch-depth: 0 on actions/checkout.`;
      if (inputs.onIncomplete === 'fail') throw new SourceError(why);
      workflow.warning(`${why} Scanning only the commits in the checkout (on-incomplete: warn).`, 'keyhound: incomplete scan');
      return {
        source: await history(),
        scope: `Incomplete: scanned only the commits of a shallow checkout, not the full history${within}. ${why}`,
      };
    }
    return { source: await history(), scope: `Scanned the git history${within} (${plan.why}).${fetched}` };
  }
  if (plan.kind === 'pushed') {
    if (available.status === 'missing') {
      throw new SourceError(
        `${plan.why}: the checkout lacks the history to tell this push's commits apart (${available.reason}). Set fetch-depth: 0 on actions/checkout.`,
      );
    }
    workflow.info(`keyhound: scanning ${plan.why}${available.status === 'fetched' ? ' (fetched the history first)' : ''}`);
    // The payload's `after` is a commit id; anything else could be read as an option by git rev-list.
    if (!/^[0-9a-f]{40,64}$/i.test(plan.head)) throw new SourceError(`the push event's "after" (${plan.head}) is not a commit id`);
    const revisions = plan.against ? [plan.head, '--not', remoteBranch(plan.against)] : [plan.head];
    return { source: await history({ revisions }), scope: `Scanned ${plan.why}${within}.${fetched}` };
  }

  if (available.status !== 'missing') {
    const how =
      available.status === 'fetched'
        ? ' The commits were not all in the checkout, so they were fetched from origin first (set fetch-depth: 0 on actions/checkout to skip this).'
        : '';
    workflow.info(`keyhound: scanning ${plan.why}${available.status === 'fetched' ? ' (fetched the missing commits)' : ''}`);
    return { source: await history({ range: `${plan.base}..${plan.head}` }), scope: `Scanned ${plan.why}${within}.${how}` };
  }

  if (plan.pr) {
    const why = `The commits of the range are not in the checkout and could not be fetched (${available.reason}), so the pull request's files were listed through the GitHub API and the added lines of their head contents scanned; secrets added and removed again within the pull request are not seen this way. Set fetch-depth: 0 on actions/checkout for a full range scan.`;
    workflow.warning(why, 'keyhound: scanned through the API');
    const gh = createGitHubClient({
      token: run.token,
      apiUrl: context.apiUrl,
      maxWaitMs: 120_000,
      onWait: (ms, reason) => workflow.info(`keyhound: waiting ${Math.ceil(ms / 1000)} s: ${reason}`),
    });
    const source = new PullRequestSource(gh, plan.pr, {
      headContents: true,
      maxFileSize: setup.maxFileSize,
      root,
      ...(skipPath ? { skipPath } : {}),
    });
    return { source, scope: `Scanned pull request #${plan.pr.number} through the GitHub API. ${why}` };
  }
  const why = `The commits ${plan.base.slice(0, 12)}..${plan.head.slice(0, 12)} are not in the checkout and could not be fetched (${available.reason}), so the working tree was scanned instead.`;
  workflow.warning(why, 'keyhound: scanned the working tree');
  return { source: files(), scope: why };
}
