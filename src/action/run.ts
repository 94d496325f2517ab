import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describeIncomplete } from '../core/completeness.js';
import { KeyhoundError, UsageError } from '../core/errors.js';
import { FINGERPRINT_KEY_VARIABLE } from '../core/fingerprint.js';
import { printable, printableLines } from '../core/printable.js';
import { confidenceStep, hiddenSentence } from '../report/confidence.js';
import { reportFor } from '../report/render.js';
import { incompleteOf } from '../report/types.js';
import { commentSink } from '../report/github/comment.js';
import { blobLink } from '../report/github/markdown.js';
import { codeScanningSink, sarifFileSink, tolerant, workflowSink } from '../report/github/sinks.js';
import { Workflow } from '../report/github/workflow.js';
import type { Sink } from '../report/sink.js';
import { runScan } from '../scan/runner.js';
import { prepareScan } from '../scan/setup.js';
import { pathStep } from '../scan/steps.js';
import { createGitHubClient, isPermissionError, type GitHub } from '../sources/github/client.js';
import type { PullRequestInfo } from '../sources/github/pull.js';
import { version } from '../version.js';
import { eventPullRequest, planScan, readContext, type ActionContext, type Plan } from './context.js';
import type { RangeAvailability } from './range.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { chooseSource, fetchRange, scanRoot, treeSource } from './scan.js';
import { categoryOf, planUpload } from './upload.js';
import { verificationSteps } from './verify.js';
import { trustedBase, trustedConfig, type TrustedConfig } from './trust.js';

/** Finding paths (relative to the scanned root) made relative to the workspace: what annotations and code scanning resolve against. */
function relativeToWorkspace(root: string, workspace: string): (path: string) => string {
  const prefix = path.relative(workspace, root).split(path.sep).join('/');
  if (prefix === '' || prefix.startsWith('..') || path.isAbsolute(prefix)) return (p) => p;
  return (p) => `${prefix}/${p}`;
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
    `inputs: path=${inputs.path} mode=${inputs.mode} config=${inputs.config ?? ''} baseline=${inputs.baseline ?? ''} fail-on-findings=${inputs.failOnFindings} sarif-file=${inputs.sarifFile} upload-sarif=${inputs.uploadSarif} comment=${inputs.comment} min-confidence=${inputs.minConfidence} token=${token ? 'set' : 'not set'}`,
  );
  workflow.debug(
    `event ${context.eventName} on ${context.owner}/${context.repo} at ${context.sha} (${context.ref}); workspace ${context.workspace}`,
  );

  if (!existsSync(path.resolve(context.workspace, inputs.path)))
    throw new UsageError(
      `input "path": ${inputs.path} does not exist in the workspace ${context.workspace} (did actions/checkout run first?)`,
    );
  const plan = planScan(inputs.mode, context);
  workflow.debug(`plan: ${plan.kind}: ${plan.why}`);
  const root = await scanRoot(plan, path.resolve(context.workspace, inputs.path));
  const available = await fetchRange(plan, context, root, token, workflow);
  // On a pull request or merge group the configuration comes from the base, never from the change (action/trust.ts).
  const base = trustedBase(plan, context);
  const trusted = base
    ? await trustedConfig({
        inputs,
        context,
        root,
        base,
        head: plan.kind === 'range' ? plan.head : context.sha,
        gh: () => client(context, token, workflow),
        log: (message) => workflow.debug(message),
      })
    : undefined;
  try {
    await scanWith({ workflow, env, inputs, context, token, plan, root, trusted, ...(available ? { available } : {}) });
  } catch (error) {
    throw trusted ? trusted.snapshot.translate(error) : error;
  } finally {
    trusted?.snapshot.dispose();
  }
}

interface Prepared {
  workflow: Workflow;
  env: NodeJS.ProcessEnv;
  inputs: ActionInputs;
  context: ActionContext;
  token: string | undefined;
  plan: Plan;
  root: string;
  trusted: TrustedConfig | undefined;
  available?: RangeAvailability;
}

async function scanWith(prepared: Prepared): Promise<void> {
  const { workflow, env, inputs, context, token, plan, root, trusted } = prepared;
  // Config, allowlists and baseline, resolved as `keyhound scan` resolves them
  // (docs/config.md): the `config` input or a `.keyhound.yaml` at the scanned
  // root; the `baseline` input or the config's; relative to the workspace (on
  // a pull request, all of it as in the base commit). Redaction is always on:
  // the Action has no input that turns it off.
  const config = trusted ? trusted.snapshot.config : inputs.config;
  const baseline = trusted ? trusted.snapshot.baseline : inputs.baseline;
  const setup = await prepareScan({
    cwd: context.workspace,
    // The input, when given, wins over the variable: either is a secret of the workflow's, never the repository's.
    env: inputs.fingerprintKey ? { ...env, [FINGERPRINT_KEY_VARIABLE]: inputs.fingerprintKey } : env,
    root: trusted ? trusted.root : root,
    ...(config ? { config } : {}),
    ...(baseline ? { baseline } : {}),
    redact: true,
    budgetMs: Math.round(inputs.fileTimeout * 1000),
  });
  for (const notice of setup.notices) workflow.notice(notice, 'keyhound config');
  const { source, scope } = await chooseSource(plan, {
    inputs,
    context,
    workflow,
    setup,
    root,
    ...(token ? { token } : {}),
    ...(prepared.available ? { available: prepared.available } : {}),
  });

  const pr = eventPullRequest(context);
  const link = blobLink(context.serverUrl, `${context.owner}/${context.repo}`, pr?.headSha ?? context.sha);
  const notes: string[] = [];
  if (trusted && trusted.changed.length > 0) {
    const list = trusted.changed.join(', ');
    notes.push(
      `This change modifies keyhound's configuration (${list}); it takes effect after merge. This scan used the configuration of the base commit.`,
    );
  }
  const readOnly = readOnlyReason(context, plan.kind === 'range' ? (plan.pr ?? pr) : pr, env);
  const writes: Sink[] = [];
  // A comment or upload GitHub refuses the token (a missing permission) only warns by default: the scan's verdict stands on its own.
  const failed = (error: unknown): void => {
    if (isPermissionError(error) && inputs.onPermissionError === 'warn')
      workflow.warning(`${message(error)} (on-permission-error: warn)`, 'keyhound: permission');
    else workflow.setFailed(message(error));
  };
  const writesWanted = (inputs.comment && pr !== undefined) || inputs.uploadSarif;
  const tokenless = !token && !readOnly;
  if (writesWanted && tokenless) {
    const what = `input "token" is empty, so no ${[inputs.comment && pr ? 'comment' : '', inputs.uploadSarif ? 'SARIF upload' : ''].filter(Boolean).join(' or ')} can be made (the default is \${{ github.token }}; an empty secret may have replaced it)`;
    if (inputs.onPermissionError === 'fail') throw new UsageError(what);
    notes.push(`${what[0]!.toUpperCase()}${what.slice(1)}.`);
  }
  if (inputs.comment) {
    if (!pr) workflow.notice('comment: true only applies to pull_request events; no comment posted.', 'keyhound');
    else if (readOnly) notes.push(`Comment skipped: ${readOnly}.`);
    else if (!tokenless) {
      const sink = commentSink(client(context, token, workflow), {
        target: { owner: pr.owner, repo: pr.repo, number: pr.number },
        headSha: pr.headSha,
        version: version(),
        link,
        notes,
        onDone: (result) => workflow.info(`keyhound: pull request comment ${result.action}${result.url ? `: ${result.url}` : ''}`),
      });
      writes.push(tolerant(sink, failed));
    }
  }
  const upload = inputs.uploadSarif ? planUpload(inputs, context, plan, pr) : undefined;
  if (upload) {
    if (readOnly) notes.push(`SARIF upload skipped: ${readOnly}.`);
    else if (!upload.tree && !tokenless)
      writes.push(
        tolerant(
          codeScanningSink(client(context, token, workflow), upload, (line) => workflow.info(line)),
          failed,
        ),
      );
  }
  const sarifFile = inputs.sarifFile ? path.resolve(context.workspace, inputs.sarifFile) : '';
  const steps = [
    ...setup.steps,
    // Hidden findings are never verified: the confidence step runs before verification.
    confidenceStep(inputs.minConfidence),
    ...verificationSteps(inputs, setup, workflow),
    pathStep(relativeToWorkspace(source.root, context.workspace)),
  ];
  // A failed comment or upload fails the step, but never hides the scan's results, which are out before them.
  const report = await runScan({
    source,
    rules: setup.rules,
    engine: setup.engineOptions,
    threads: availableParallelism(),
    steps,
    fingerprints: setup.fingerprints,
    sinks: [
      // Before the sinks that show notes: what min-confidence hid is said in the log and the job summary.
      {
        finish(done) {
          const hidden = hiddenSentence(done.stats, 'min-confidence: low');
          if (hidden) notes.push(hidden);
        },
      },
      ...(sarifFile ? [sarifFileSink(sarifFile, context.workspace, inputs.sarifCategory ?? categoryOf(plan, false))] : []),
      workflowSink(workflow, { scope, link, notes, sarifFile, annotations: inputs.annotations, summary: inputs.summary }),
      ...writes,
    ],
  });
  if (upload?.tree && !readOnly && !tokenless) {
    // Code scanning judges a branch by its latest analysis: it gets the whole tree, so an alert closes only when its secret is gone.
    workflow.info(
      `keyhound: scanning the working tree for code scanning (category ${upload.category}), so alerts stay open while their secret is in the tree`,
    );
    const tree = treeSource(path.resolve(context.workspace, inputs.path), setup);
    const whole = await runScan({
      source: tree,
      rules: setup.rules,
      engine: setup.engineOptions,
      threads: availableParallelism(),
      steps: [...setup.steps, pathStep(relativeToWorkspace(tree.root, context.workspace))],
      fingerprints: setup.fingerprints,
      sinks: [
        tolerant(
          codeScanningSink(client(context, token, workflow), upload, (line) => workflow.info(line)),
          failed,
        ),
      ],
    });
    const partial = incompleteOf(whole.stats);
    if (partial)
      workflow.warning(
        `keyhound: the working-tree scan uploaded to code scanning is incomplete: ${describeIncomplete(partial)}. Alerts in what was not scanned may close.`,
        'keyhound: incomplete scan',
      );
  }
  const n = report.findings.length;
  const incomplete = incompleteOf(report.stats);
  if (incomplete) {
    // The paths it names come from the pull request: masked and printable, like the findings.
    const shown = incompleteOf(reportFor(report, { redact: true }).stats) ?? incomplete;
    const what = `keyhound: incomplete scan: ${describeIncomplete(shown, printable)}.`;
    if (inputs.onIncomplete === 'fail' && n === 0)
      workflow.setFailed(`${what} Nothing can be said of what was not scanned (on-incomplete: warn to let the step pass).`);
    else workflow.warning(what, 'keyhound: incomplete scan');
  }
  // only-verified: every finding is reported, but only live ones fail the step.
  const failing = inputs.onlyVerified ? report.findings.filter((f) => f.verified?.status === 'live').length : n;
  const kind = inputs.onlyVerified ? 'live secret' : 'secret';
  if (failing > 0 && inputs.failOnFindings) {
    workflow.setFailed(
      `keyhound: ${failing} ${kind}${failing === 1 ? '' : 's'} found. Revoke ${failing === 1 ? 'it' : 'them'} first, then remove ${failing === 1 ? 'it' : 'them'} from the code (see the job summary).`,
    );
  }
}

function message(error: unknown): string {
  // An error may name paths and refs of the pull request: printable, like everything the public log shows.
  if (error instanceof KeyhoundError) return `keyhound: ${printableLines(error.message)}`;
  return `keyhound: internal error: ${printableLines(error instanceof Error ? error.message : String(error))}`;
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
