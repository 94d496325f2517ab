import { UsageError } from '../../core/errors.js';
import { formatShard, type Shard } from '../../core/shard.js';
import { commentSink } from '../../report/github/comment.js';
import { blobLink } from '../../report/github/markdown.js';
import { RepositoriesSource } from '../../sources/github/audit.js';
import { createGitHubClient, DEFAULT_API_URL, serverUrlFor, type GitHub } from '../../sources/github/client.js';
import { getPullRequest } from '../../sources/github/pull.js';
import { PullRequestSource } from '../../sources/github/pull-scan.js';
import { listRepositories, parsePullRequest, type AuditKind } from '../../sources/github/repos.js';
import { version } from '../../version.js';
import type { CliIO } from '../io.js';
import { SCAN_OPTIONS, withOptions, type ScanArgs } from '../options.js';
import { checkScanArgs, scanAndReport } from '../pipeline.js';
import type { Command } from './types.js';

const KINDS = ['repo', 'org', 'user', 'pr'] as const;

type GithubArgs = ScanArgs & {
  kind: (typeof KINDS)[number];
  target: string;
  token?: string;
  'api-url'?: string;
  'include-forks': boolean;
  'skip-archived': boolean;
  'max-wait': number;
  comment: boolean;
  shard?: Shard;
  tip: boolean;
};

function apiUrl(args: GithubArgs, io: CliIO): string {
  return args['api-url'] ?? io.env.GITHUB_API_URL ?? DEFAULT_API_URL;
}

function client(args: GithubArgs, io: CliIO, token: string | undefined): GitHub {
  return createGitHubClient({
    ...(token ? { token } : {}),
    apiUrl: apiUrl(args, io),
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
 * A pull request's added lines through the API. Config, allowlists and
 * baseline come from the current folder (a remote scan has no scanned folder
 * of its own): `--config`, or a `.keyhound.yaml` here; `--baseline`.
 */
async function pullRequest(args: GithubArgs, io: CliIO, token: string | undefined): Promise<number> {
  const { owner, repo, number } = parsePullRequest(args.target);
  if (args.comment && !token) throw new UsageError('--comment needs a token that may write to pull requests (GITHUB_TOKEN or --token)');
  const gh = client(args, io, token);
  const pr = await getPullRequest(gh, owner, repo, number);
  const sinks = args.comment
    ? [
        // The same comment the Action posts; always redacted, whatever --no-redact says.
        commentSink(gh, {
          target: { owner, repo, number },
          headSha: pr.headSha,
          version: version(),
          link: blobLink(serverUrlFor(apiUrl(args, io)), `${owner}/${repo}`, pr.headSha),
          onDone: (result) => {
            if (!args.quiet) io.stderr.write(`keyhound: pull request comment ${result.action}${result.url ? `: ${result.url}` : ''}\n`);
          },
        }),
      ]
    : [];
  const { report, code } = await scanAndReport({
    io,
    args,
    configRoot: io.cwd,
    source: (setup) =>
      new PullRequestSource(gh, pr, { maxFileSize: setup.maxFileSize, ...(setup.skipPath ? { skipPath: setup.skipPath } : {}) }),
    sinks,
  });
  const whole = Number(report.stats.wholeFiles ?? 0);
  if (whole > 0 && !args.quiet) {
    io.stderr.write(
      `keyhound: GitHub sent no patch for ${whole} file${whole === 1 ? '' : 's'} (binary or a very large diff); scanned whole, so findings there may predate the pull request\n`,
    );
  }
  return code;
}

/** Every repository of an owner (or one), each cloned and its history scanned. */
async function audit(args: GithubArgs, io: CliIO, token: string | undefined): Promise<number> {
  const kind = args.kind as AuditKind;
  const gh = client(args, io, token);
  const list = await listRepositories(gh, kind, args.target, {
    includeForks: args['include-forks'],
    skipArchived: args['skip-archived'],
    ...(args.shard ? { shard: args.shard } : {}),
  });
  const { forks, archived, otherShards } = list.excluded;
  const shard = args.shard ? formatShard(args.shard) : undefined;
  if (!args.quiet) {
    const left = [
      forks ? `${forks} fork${forks === 1 ? '' : 's'} (--include-forks)` : '',
      archived ? `${archived} archived` : '',
      shard ? `${otherShards} in other shards` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    io.stderr.write(
      `keyhound: ${list.repositories.length} repositor${list.repositories.length === 1 ? 'y' : 'ies'} to audit${shard ? ` in shard ${shard}` : ''}${left ? `; left out ${left}` : ''}\n`,
    );
  }
  const total = list.repositories.length;
  const { report, code } = await scanAndReport({
    io,
    args,
    configRoot: io.cwd,
    source: (setup, log) =>
      new RepositoriesSource(list.repositories, {
        ...(token ? { token } : {}),
        // Clones get the token only on the GitHub server itself ($GITHUB_SERVER_URL in Actions, else derived from the API URL).
        tokenOrigin: io.env.GITHUB_SERVER_URL || serverUrlFor(apiUrl(args, io)),
        ...(args.tip ? { tip: true } : {}),
        ...(shard ? { shard } : {}),
        history: { maxFileSize: setup.maxFileSize, ...(setup.skipPath ? { skipPath: setup.skipPath } : {}), partitions: args.threads },
        env: io.env,
        onRepository: (repository, index, result) => {
          if (args.quiet) return;
          const what = 'error' in result ? `failed: ${result.error}` : `${result.findings} finding${result.findings === 1 ? '' : 's'}`;
          log(`keyhound: ${shard ? `shard ${shard} ` : ''}[${index + 1}/${total}] ${repository.fullName}: ${what}\n`);
        },
      }),
  });
  const failed = report.failed ?? [];
  if (failed.length > 0) {
    // The audit is incomplete: the exit code says so (3) unless findings decide it (README, Exit codes).
    io.stderr.write(
      `keyhound: ${failed.length} of ${total} repositories could not be audited:\n${failed.map((f) => `  ${f.input}: ${f.reason}`).join('\n')}\n`,
    );
  }
  return code;
}

export const githubCommand: Command = {
  command: 'github <kind> <target>',
  describe:
    "Audit GitHub repositories (repo OWNER/NAME, org ORG, user USER: full history of each) or a pull request's added lines (pr OWNER/NAME#N)",
  builder: (yargs) =>
    withOptions(yargs, [...SCAN_OPTIONS, 'token', 'api-url', 'include-forks', 'skip-archived', 'max-wait', 'comment', 'shard', 'tip'])
      .positional('kind', {
        choices: KINDS,
        describe: "repo: one repository; org / user: all of an owner's repositories; pr: a pull request",
      })
      .positional('target', { type: 'string', describe: 'OWNER/NAME, ORG, USER, or OWNER/NAME#N (or a pull request URL)' }),
  async run(argv, io) {
    const args = argv as unknown as GithubArgs;
    checkScanArgs(args, io);
    // An empty --token (a missing secret in CI) falls back to the environment, like an absent one.
    const token = args.token || io.env.GITHUB_TOKEN || undefined;
    if (args.comment && args.kind !== 'pr') throw new UsageError('--comment applies to `keyhound github pr` only');
    if (args.shard && args.kind !== 'org' && args.kind !== 'user')
      throw new UsageError(
        '--shard applies to `keyhound github org` and `keyhound github user` (and `keyhound git`), which cover many repositories',
      );
    if (args.tip && args.kind === 'pr') throw new UsageError('--tip applies to `keyhound github repo`, `org` and `user`');
    return args.kind === 'pr' ? pullRequest(args, io, token) : audit(args, io, token);
  },
};
