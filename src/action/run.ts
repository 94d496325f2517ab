import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { KeyhoundError } from '../core/errors.js';
import type { Finding } from '../core/types.js';
import { annotationLines } from '../report/github.js';
import { blobLink, COMMENT_MARKER, commentMarkdown, summaryMarkdown } from '../report/markdown.js';
import { render } from '../report/render.js';
import { toReported } from '../report/reported.js';
import type { ScanReport } from '../scan/collector.js';
import { createGitHubClient, type GitHub } from '../sources/github/client.js';
import { uploadSarif } from '../sources/github/code-scanning.js';
import { upsertComment } from '../sources/github/comment.js';
import type { PullRequestInfo } from '../sources/github/pull.js';
import { version } from '../version.js';
import { Workflow } from './commands.js';
import { eventPullRequest, planScan, readContext, type ActionContext } from './context.js';
import { createEngine } from './engine.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { runPlan, scanRoot } from './scan.js';
import { writeFileAtomicSync } from '../report/write.js';

/** Findings' paths, made relative to the workspace (what annotations and code scanning resolve against). */
function relativeToWorkspace(report: ScanReport, root: string, workspace: string): ScanReport {
  const prefix = path.relative(workspace, root).split(path.sep).join('/');
  if (prefix === '' || prefix.startsWith('..') || path.isAbsolute(prefix)) return report;
  const move = (finding: Finding): Finding => ({ ...finding, path: `${prefix}/${finding.path}` });
  return { ...report, findings: report.findings.map(move) };
}

/**
 * Pull-request workflows triggered from a fork (and Dependabot's) run with a
 * read-only token: writes would fail with 403, so we do not try.
 */
function readOnlyReason(context: ActionContext, pr: PullRequestInfo | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (context.eventName !== 'pull_request' || !pr) return undefined;
  if (pr.fromFork) return 'this pull request comes from a fork, and GitHub gives its workflows a read-only token';
  if (env.GITHUB_ACTOR === 'dependabot[bot]') return 'Dependabot pull requests get a read-only token';
  return undefined;
}

function client(context: ActionContext, token: string | undefined, workflow: Workflow): GitHub {
  return createGitHubClient({
    token,
    apiUrl: context.apiUrl,
    maxWaitMs: 120_000,
    onWait: (ms, reason) => workflow.info(`keyhound: waiting ${Math.ceil(ms / 1000)} s for the GitHub API: ${reason}`),
    warn: (message) => workflow.debug(`octokit: ${message}`),
  });
}

async function execute(workflow: Workflow, env: NodeJS.ProcessEnv, cwd: string): Promise<void> {
  const inputs: ActionInputs = readInputs(env);
  const context = readContext(env, cwd);
  const token = inputs.token ?? env.GITHUB_TOKEN;
  // Inputs are logged without the token: only whether there is one.
  workflow.debug(
    `inputs: path=${inputs.path} mode=${inputs.mode} config=${inputs.config ?? ''} baseline=${inputs.baseline ?? ''} fail-on-findings=${inputs.failOnFindings} sarif-file=${inputs.sarifFile} upload-sarif=${inputs.uploadSarif} comment=${inputs.comment} token=${token ? 'set' : 'not set'}`,
  );
  workflow.debug(
    `event ${context.eventName} on ${context.owner}/${context.repo} at ${context.sha} (${context.ref}); workspace ${context.workspace}`,
  );

  const plan = planScan(inputs.mode, context);
  workflow.debug(`plan: ${plan.kind}: ${plan.why}`);
  const root = await scanRoot(plan, path.resolve(context.workspace, inputs.path));
  const { engine, setup } = await createEngine(inputs, context.workspace, root, env, workflow);
  const outcome = await runPlan(plan, { inputs, context, workflow, engine, setup, root, ...(token ? { token } : {}) });
  // The baseline step: accepted findings leave the report before anything is shown.
  const report = relativeToWorkspace(setup.finish(outcome.report), outcome.root, context.workspace);
  workflow.debug(`scanned ${report.stats.files} files, ${report.stats.bytes} bytes; ${report.findings.length} findings`);

  // Everything below sees redacted findings only: the Action has no way to show a secret.
  const findings = report.findings.map((finding) => toReported(finding));
  const pr = eventPullRequest(context);
  const link = blobLink(context.serverUrl, `${context.owner}/${context.repo}`, pr?.headSha ?? context.sha);

  let sarif: string | undefined;
  const sarifText = (): string => (sarif ??= render(report, { format: 'sarif', redact: true, root: context.workspace }));
  if (inputs.sarifFile) {
    const file = path.resolve(context.workspace, inputs.sarifFile);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomicSync(file, sarifText());
  }

  for (const line of annotationLines(findings)) workflow.command(line);
  const n = findings.length;
  workflow.info(
    `keyhound: ${n === 0 ? 'no secrets' : `${n} secret${n === 1 ? '' : 's'}`} found in ${report.stats.files} files. ${outcome.scope}`,
  );

  const notes: string[] = [];
  const readOnly = readOnlyReason(context, plan.kind === 'range' ? (plan.pr ?? pr) : pr, env);
  const writes: (() => Promise<void>)[] = [];
  if (inputs.comment) {
    if (!pr) workflow.notice('comment: true only applies to pull_request events; no comment posted.', 'keyhound');
    else if (readOnly) notes.push(`Comment skipped: ${readOnly}.`);
    else {
      writes.push(async () => {
        const body = commentMarkdown(findings, { headSha: pr.headSha, version: version(), link });
        const result = await upsertComment(
          client(context, token, workflow),
          { owner: pr.owner, repo: pr.repo, number: pr.number },
          body,
          COMMENT_MARKER,
          n > 0,
        );
        workflow.info(`keyhound: pull request comment ${result.action}${result.url ? `: ${result.url}` : ''}`);
      });
    }
  }
  if (inputs.uploadSarif) {
    if (readOnly) notes.push(`SARIF upload skipped: ${readOnly}.`);
    else {
      writes.push(async () => {
        const upload = await uploadSarif(client(context, token, workflow), {
          owner: context.owner,
          repo: context.repo,
          commitSha: context.sha,
          ref: context.ref,
          sarif: sarifText(),
        });
        workflow.info(`keyhound: SARIF uploaded to code scanning (id ${upload.id})`);
      });
    }
  }
  for (const note of notes) workflow.warning(note, 'keyhound');

  workflow.appendSummary(summaryMarkdown(findings, { scope: outcome.scope, stats: report.stats, link, notes }));
  workflow.setOutput('findings', String(n));
  workflow.setOutput('sarif-file', inputs.sarifFile ? path.resolve(context.workspace, inputs.sarifFile) : '');

  // A failed comment or upload fails the step, but never hides the scan's results, which are out already.
  for (const write of writes) {
    try {
      await write();
    } catch (error) {
      workflow.setFailed(message(error));
    }
  }
  if (n > 0 && inputs.failOnFindings) {
    workflow.setFailed(
      `keyhound: ${n} secret${n === 1 ? '' : 's'} found. Revoke ${n === 1 ? 'it' : 'them'} first, then remove ${n === 1 ? 'it' : 'them'} from the code (see the job summary).`,
    );
  }
}

function message(error: unknown): string {
  if (error instanceof KeyhoundError) return `keyhound: ${error.message}`;
  return `keyhound: internal error: ${(error as Error)?.message ?? String(error)}`;
}

/**
 * The Action: reads inputs, scans what the event calls for, reports through
 * annotations, the job summary, outputs, SARIF and optionally a pull-request
 * comment. Never throws: any error fails the step with a message. Returns the
 * process exit code.
 */
export async function run(
  env: NodeJS.ProcessEnv = process.env,
  stdout: { write(text: string): unknown } = process.stdout,
  cwd = process.cwd(),
): Promise<number> {
  const workflow = new Workflow(env, stdout);
  try {
    await execute(workflow, env, cwd);
  } catch (error) {
    workflow.setFailed(message(error));
    if (workflow.debugEnabled && error instanceof Error && !(error instanceof KeyhoundError) && error.stack) workflow.debug(error.stack);
  }
  return workflow.exitCode;
}
