import { availableParallelism } from 'node:os';
import path from 'node:path';
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
import { ensureRange } from './range.js';

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

/** The folder findings will be relative to, and where the config is looked for: the scanned folder, or its repository for git scans. */
export async function scanRoot(plan: Plan, target: string): Promise<string> {
  return plan.kind === 'full' ? target : repositoryRoot(target);
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
  const files = (): Source =>
    new FileSource({
      paths: [target],
      root: target,
      maxFileSize: setup.maxFileSize,
      skipDirectories: setup.skipDirectories,
      skipPaths: [],
      ...(setup.skipPath ? { skipPath: setup.skipPath } : {}),
    });
  const history = async (range?: string): Promise<Source> =>
    new HistorySource(await openRepository(root), {
      maxFileSize: setup.maxFileSize,
      ...(range ? { range } : {}),
      ...(setup.skipPath ? { skipPath: setup.skipPath } : {}),
      partitions: availableParallelism(),
    });
  if (plan.kind === 'full') return { source: files(), scope: `Scanned the working tree at ${inputs.path} (${plan.why}).` };
  if (plan.kind === 'history') return { source: await history(), scope: `Scanned the git history (${plan.why}).` };

  const available = await ensureRange(root, plan.base, plan.head, {
    token: run.token,
    serverUrl: context.serverUrl,
    log: (m) => workflow.debug(m),
  });
  if (available.status !== 'missing') {
    const how =
      available.status === 'fetched'
        ? ' The commits were not all in the checkout, so they were fetched from origin first (set fetch-depth: 0 on actions/checkout to skip this).'
        : '';
    workflow.info(`keyhound: scanning ${plan.why}${available.status === 'fetched' ? ' (fetched the missing commits)' : ''}`);
    return { source: await history(`${plan.base}..${plan.head}`), scope: `Scanned ${plan.why}.${how}` };
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
      ...(setup.skipPath ? { skipPath: setup.skipPath } : {}),
    });
    return { source, scope: `Scanned pull request #${plan.pr.number} through the GitHub API. ${why}` };
  }
  const why = `The commits ${plan.base.slice(0, 12)}..${plan.head.slice(0, 12)} are not in the checkout and could not be fetched (${available.reason}), so the working tree was scanned instead.`;
  workflow.warning(why, 'keyhound: scanned the working tree');
  return { source: files(), scope: why };
}
