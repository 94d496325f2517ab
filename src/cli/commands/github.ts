import { UsageError } from '../../core/errors.js';
import { Engine } from '../../detect/engine.js';
import type { ScanReport } from '../../scan/collector.js';
import type { ScanSetup } from '../../scan/setup.js';
import { blobLink, COMMENT_MARKER, commentMarkdown } from '../../report/markdown.js';
import { toReported } from '../../report/reported.js';
import { scanGitHistory } from '../../scan/git.js';
import { scanPullRequest } from '../../scan/pull.js';
import { auditRepositories } from '../../scan/remote.js';
import { createGitHubClient, DEFAULT_API_URL, serverUrlFor, type GitHub } from '../../sources/github/client.js';
import { upsertComment } from '../../sources/github/comment.js';
import { getPullRequest } from '../../sources/github/pull.js';
import { listRepositories, parsePullRequest, type AuditKind } from '../../sources/github/repos.js';
import { version } from '../../version.js';
import type { CliIO } from '../io.js';
import { commonOptions, given } from '../options.js';

/** `--max-wait`: seconds, 0 or more (NaN would wait for any reset, however far off). */
function waitSeconds(value: number): number {
  if (!(value >= 0)) throw new UsageError(`--max-wait: give a number of seconds, 0 or more (got ${given(value)})`);
  return value;
}
import { finishReport, type ReportArgs } from '../report.js';
import { configOptions, setupScan, type SetupArgs } from '../setup.js';
import { applyVerification, checkVerifyArgs, decodeDepth, verifyOptions, type VerifyArgs } from '../verify.js';
import type { Command } from './types.js';

const KINDS = ['repo', 'org', 'user', 'pr'] as const;

type GithubArgs = ReportArgs &
  SetupArgs &
  VerifyArgs & {
    kind: (typeof KINDS)[number];
    target: string;
    token?: string;
    'api-url'?: string;
    'include-forks': boolean;
    'skip-archived': boolean;
    'max-wait': number;
    comment: boolean;
    threads: number;
    verbose: boolean;
  };

function client(args: GithubArgs, io: CliIO, token: string | undefined): GitHub {
  return createGitHubClient({
    ...(token ? { token } : {}),
    apiUrl: args['api-url'] ?? io.env.GITHUB_API_URL ?? DEFAULT_API_URL,
    maxWaitMs: Math.max(0, args['max-wait']) * 1000,
    onWait: (ms, why) => {
      if (!args.quiet) io.stderr.write(`keyhound: waiting ${Math.ceil(ms / 1000)} s for the GitHub API: ${why}\n`);
    },
    warn: (message) => {
      if (args.verbose) io.stderr.write(`keyhound: octokit: ${message}\n`);
    },
  });
}

/**
 * Config, allowlists and baseline as `keyhound scan` resolves them, from the
 * current folder (a remote audit has no scanned folder of its own): `--config`,
 * or a `.keyhound.yaml` here; `--baseline`. Returns the engine and `finish`,
 * which applies the baseline and verification to the report.
 */
async function prepare(
  args: GithubArgs,
  io: CliIO,
): Promise<{ engine: Engine; setup: ScanSetup; finish: (report: ScanReport) => Promise<ScanReport> }> {
  checkVerifyArgs(args);
  const setup = await setupScan(args, io, io.cwd);
  const engine = new Engine(setup.rules, { ...setup.engineOptions, decode: decodeDepth(args) });
  return { engine, setup, finish: (report) => applyVerification(setup.finish(report), args, io) };
}

async function pullRequest(args: GithubArgs, io: CliIO, token: string | undefined): Promise<number> {
  const { owner, repo, number } = parsePullRequest(args.target);
  if (args.comment && !token) throw new UsageError('--comment needs a token that may write to pull requests (GITHUB_TOKEN or --token)');
  const gh = client(args, io, token);
  const pr = await getPullRequest(gh, owner, repo, number);
  const { engine, setup, finish } = await prepare(args, io);
  const report = await finish(
    await scanPullRequest(engine, gh, pr, { maxFileSize: setup.maxFileSize, ...(setup.skipPath ? { skipPath: setup.skipPath } : {}) }),
  );
  const whole = Number(report.stats.wholeFiles ?? 0);
  if (whole > 0 && !args.quiet)
    io.stderr.write(
      `keyhound: GitHub sent no patch for ${whole} file${whole === 1 ? '' : 's'} (binary or a very large diff); scanned whole, so findings there may predate the pull request\n`,
    );
  const code = await finishReport(report, args, io);
  if (args.comment) {
    // The same comment the Action posts; always redacted, whatever --no-redact says.
    const findings = report.findings.map((f) => toReported(f));
    const link = blobLink(serverUrlFor(args['api-url'] ?? io.env.GITHUB_API_URL ?? DEFAULT_API_URL), `${owner}/${repo}`, pr.headSha);
    const body = commentMarkdown(findings, { headSha: pr.headSha, version: version(), link });
    const result = await upsertComment(gh, { owner, repo, number }, body, COMMENT_MARKER, findings.length > 0);
    if (!args.quiet) io.stderr.write(`keyhound: pull request comment ${result.action}${result.url ? `: ${result.url}` : ''}\n`);
  }
  return code;
}

async function audit(args: GithubArgs, io: CliIO, token: string | undefined): Promise<number> {
  const kind = args.kind as AuditKind;
  const gh = client(args, io, token);
  const list = await listRepositories(gh, kind, args.target, { includeForks: args['include-forks'], skipArchived: args['skip-archived'] });
  const { forks, archived } = list.excluded;
  if (!args.quiet) {
    const left = [forks ? `${forks} fork${forks === 1 ? '' : 's'} (--include-forks)` : '', archived ? `${archived} archived` : '']
      .filter(Boolean)
      .join(' and ');
    io.stderr.write(
      `keyhound: ${list.repositories.length} repositor${list.repositories.length === 1 ? 'y' : 'ies'} to audit${left ? `; left out ${left}` : ''}\n`,
    );
  }
  const { engine, setup, finish } = await prepare(args, io);
  const total = list.repositories.length;
  const audited = await auditRepositories(list.repositories, {
    ...(token ? { token } : {}),
    // Clones get the token only on the GitHub server itself ($GITHUB_SERVER_URL in Actions, else derived from the API URL).
    tokenOrigin: io.env.GITHUB_SERVER_URL || serverUrlFor(args['api-url'] ?? io.env.GITHUB_API_URL ?? DEFAULT_API_URL),
    scanHistory: (dir) =>
      scanGitHistory(engine, { repo: dir, maxFileSize: setup.maxFileSize, ...(setup.skipPath ? { skipPath: setup.skipPath } : {}) }),
    onRepository: (repository, index, result) => {
      if (args.quiet) return;
      const what = 'error' in result ? `failed: ${result.error}` : `${result.findings} finding${result.findings === 1 ? '' : 's'}`;
      io.stderr.write(`keyhound: [${index + 1}/${total}] ${repository.fullName}: ${what}\n`);
    },
  });
  const code = await finishReport(await finish(audited), args, io);
  if (audited.failed.length > 0) {
    io.stderr.write(
      `keyhound: ${audited.failed.length} of ${total} repositories could not be audited:\n${audited.failed.map((f) => `  ${f.repository}: ${f.error}`).join('\n')}\n`,
    );
    // Findings decide the exit code when there are any; otherwise an incomplete audit is a failed scan.
    return code === 0 ? 2 : code;
  }
  return code;
}

export const githubCommand: Command = {
  command: 'github <kind> <target>',
  describe:
    "Audit GitHub repositories (repo OWNER/NAME, org ORG, user USER: full history of each) or a pull request's added lines (pr OWNER/NAME#N)",
  builder: (yargs) =>
    configOptions(verifyOptions(commonOptions(yargs)))
      .positional('kind', {
        choices: KINDS,
        describe: "repo: one repository; org / user: all of an owner's repositories; pr: a pull request",
      })
      .positional('target', { type: 'string', describe: 'OWNER/NAME, ORG, USER, or OWNER/NAME#N (or a pull request URL)' })
      .option('token', {
        type: 'string',
        describe: 'GitHub token (default: $GITHUB_TOKEN); without one only public data, at 60 requests an hour',
      })
      .option('api-url', {
        type: 'string',
        describe: 'REST API root; https://HOST/api/v3 for GitHub Enterprise Server (default: $GITHUB_API_URL or https://api.github.com)',
      })
      .option('include-forks', { type: 'boolean', default: false, describe: 'org/user: audit forks too' })
      .option('skip-archived', { type: 'boolean', default: false, describe: 'org/user: leave out archived repositories' })
      .option('max-wait', {
        type: 'number',
        default: 300,
        coerce: waitSeconds,
        describe: 'Longest wait for a rate-limit reset, in seconds; longer stops with a message',
      })
      .option('comment', {
        type: 'boolean',
        default: false,
        describe: 'pr: post (or update) the pull-request comment the Action posts',
      }),
  async run(argv, io) {
    const args = argv as unknown as GithubArgs;
    // An empty --token (a missing secret in CI) falls back to the environment, like an absent one.
    const token = args.token || io.env.GITHUB_TOKEN || undefined;
    if (args.comment && args.kind !== 'pr') throw new UsageError('--comment applies to `keyhound github pr` only');
    return args.kind === 'pr' ? pullRequest(args, io, token) : audit(args, io, token);
  },
};
