import path from 'node:path';
import type { Engine } from '../detect/engine.js';
import type { ScanReport } from '../scan/collector.js';
import { scanFiles } from '../scan/files.js';
import { scanPullRequest } from '../scan/pull.js';
import { createGitHubClient } from '../sources/github/client.js';
import { runGit } from '../sources/github/clone.js';
import type { Workflow } from './commands.js';
import type { ActionContext, Plan } from './context.js';
import { scanGitHistory, scanGitRange } from './git.js';
import type { ActionInputs } from './inputs.js';
import { ensureRange } from './range.js';

export interface ScanOutcome {
  report: ScanReport;
  /** What was scanned and how, for the log and the job summary. */
  scope: string;
  /** Folder the findings' paths are relative to. */
  root: string;
}

/** The top folder of the git repository at `dir`, or `dir` itself when it is not in one. */
async function repositoryRoot(dir: string): Promise<string> {
  const result = await runGit(['rev-parse', '--show-toplevel'], { cwd: dir });
  return result.code === 0 ? path.resolve(result.stdout.trim()) : dir;
}

export interface ScanSetup {
  inputs: ActionInputs;
  context: ActionContext;
  workflow: Workflow;
  engine: Engine;
  token?: string;
}

/**
 * Runs the plan. A commit range needs both commits locally; when the base is
 * missing we fetch it, and when that fails on a pull request we scan the pull
 * request's files through the API instead. The scope says which happened.
 */
export async function runPlan(plan: Plan, setup: ScanSetup): Promise<ScanOutcome> {
  const { inputs, context, workflow, engine } = setup;
  const target = path.resolve(context.workspace, inputs.path);
  if (plan.kind === 'full') {
    const report = await scanFiles(engine, { paths: [target], root: target });
    return { report, scope: `Scanned the working tree at ${inputs.path} (${plan.why}).`, root: target };
  }
  const repo = await repositoryRoot(target);
  if (plan.kind === 'history') {
    const report = await scanGitHistory(engine, repo);
    return { report, scope: `Scanned the git history (${plan.why}).`, root: repo };
  }

  const available = await ensureRange(repo, plan.base, plan.head, { token: setup.token, serverUrl: context.serverUrl, log: (m) => workflow.debug(m) });
  if (available.status !== 'missing') {
    const how = available.status === 'fetched' ? ' The commits were not all in the checkout, so they were fetched from origin first (set fetch-depth: 0 on actions/checkout to skip this).' : '';
    workflow.info(`keyhound: scanning ${plan.why}${available.status === 'fetched' ? ' (fetched the missing commits)' : ''}`);
    const report = await scanGitRange(engine, repo, plan.base, plan.head);
    return { report, scope: `Scanned ${plan.why}.${how}`, root: repo };
  }

  if (plan.pr) {
    const why = `The commits of the range are not in the checkout and could not be fetched (${available.reason}), so the pull request's files were listed through the GitHub API and the added lines of their head contents scanned; secrets added and removed again within the pull request are not seen this way. Set fetch-depth: 0 on actions/checkout for a full range scan.`;
    workflow.warning(why, 'keyhound: scanned through the API');
    const gh = createGitHubClient({ token: setup.token, apiUrl: context.apiUrl, maxWaitMs: 120_000, onWait: (ms, reason) => workflow.info(`keyhound: waiting ${Math.ceil(ms / 1000)} s: ${reason}`) });
    const report = await scanPullRequest(engine, gh, plan.pr, { headContents: true });
    return { report, scope: `Scanned pull request #${plan.pr.number} through the GitHub API. ${why}`, root: repo };
  }
  const why = `The commits ${plan.base.slice(0, 12)}..${plan.head.slice(0, 12)} are not in the checkout and could not be fetched (${available.reason}), so the working tree was scanned instead.`;
  workflow.warning(why, 'keyhound: scanned the working tree');
  const report = await scanFiles(engine, { paths: [target], root: target });
  return { report, scope: why, root: target };
}
