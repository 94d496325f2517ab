import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { formatShard, shardSlice, type Shard } from '../../core/shard.js';
import { DEFAULT_MIN_CONFIDENCE } from '../../report/confidence.js';
import { HistorySource } from '../../sources/git/history-scan.js';
import { pushedRevisions } from '../../sources/git/push.js';
import { openRepository } from '../../sources/git/repo.js';
import { listHistory } from '../../sources/git/scope.js';
import { SCAN_OPTIONS, withOptions, type ScanArgs } from '../options.js';
import { checkScanArgs, scanAndReport } from '../pipeline.js';
import type { Command } from './types.js';

type GitArgs = ScanArgs & {
  repo: string;
  range?: string;
  'since-commit'?: string;
  branch?: string[];
  'pre-push'?: boolean;
  context?: number;
  shard?: Shard;
};

export const gitCommand: Command = {
  command: 'git [repo]',
  describe: 'Scan git history: every blob of every commit reachable from all refs, once each',
  builder: (yargs) =>
    withOptions(yargs, [...SCAN_OPTIONS, 'config-from', 'range', 'since-commit', 'branch', 'context', 'pre-push', 'shard'])
      .positional('repo', { type: 'string', default: '.', describe: 'The repository (a work tree folder or a bare repository)' })
      .conflicts('range', ['since-commit', 'branch', 'pre-push'])
      .conflicts('pre-push', ['since-commit', 'branch']),
  async run(argv, io) {
    const args = argv as unknown as GitArgs;
    checkScanArgs(args, io);
    const repo = await openRepository(path.resolve(io.cwd, args.repo), io.env);
    const root = repo.workTree ?? repo.gitDir;
    let revisions: string[] | undefined;
    if (args['pre-push']) {
      revisions = await pushedRevisions(repo, io);
      if (revisions.length === 0) {
        if (!args.quiet) io.stderr.write('keyhound: nothing to scan in this push\n');
        return 0;
      }
    }
    if (args.range !== undefined && args.range.trim() === '') throw new UsageError('--range: give a revision range such as main..HEAD');
    const scope = {
      ...(revisions ? { revisions } : {}),
      ...(args.range ? { range: args.range } : {}),
      ...(args['since-commit'] ? { sinceCommit: args['since-commit'] } : {}),
      ...(args.branch ? { branches: args.branch } : {}),
    };
    // git lists the commits while the configuration loads, then starts on
    // the diffs; the rules compile while it works.
    // --shard I/N: the I-th of N even slices of the commits in history order
    // (parents first), so shard 1 holds the oldest and `keyhound merge` keeps,
    // of a secret found by several shards at one path, the earliest shard's:
    // its first introduction, as one run over the whole history reports it.
    const shard = args.shard;
    const commits = shard ? listHistory(repo, scope).then((all) => shardSlice(all, shard)) : listHistory(repo, scope);
    commits.catch(() => {}); // awaited by the source; failing set-up must not leave it unhandled
    const { code } = await scanAndReport({
      io,
      args,
      configRoot: root,
      repository: repo,
      // A pre-push hook is a gate like the pre-commit hook; an audit of history shows everything.
      minConfidence: args['pre-push'] ? DEFAULT_MIN_CONFIDENCE.prePush : DEFAULT_MIN_CONFIDENCE.git,
      ...(repo.workTree ? { reportRoot: repo.workTree } : {}),
      ...(shard ? { steps: [{ name: 'shard', stats: () => ({ shard: formatShard(shard) }) }] } : {}),
      source: (setup) =>
        new HistorySource(
          repo,
          {
            ...scope,
            maxFileSize: setup.maxFileSize,
            ...(args.context !== undefined ? { context: args.context } : {}),
            ...(setup.skipPath ? { skipPath: setup.skipPath } : {}),
            // The scan itself runs on this thread; the diffs are where the cores go.
            partitions: args.threads,
          },
          commits,
        ),
    });
    if (repo.shallow && !args.quiet) {
      io.stderr.write(
        'keyhound: this is a shallow clone: history before its boundary commits is not scanned, and secrets found there are attributed to the boundary commit (git fetch --unshallow to scan everything)\n',
      );
    }
    if (args['pre-push'] && code !== 0 && !args.quiet) io.stderr.write(blockedPushHint());
    return code;
  },
};

function blockedPushHint(): string {
  return [
    '',
    'keyhound: this push was stopped: its commits add the secrets above (each with the commit that added it). Three ways on:',
    '  1. Remove it from those commits (git rebase -i; git commit --amend for the last one). Deleting it in a new commit is not enough:',
    '     the old commit would still be pushed.',
    '  2. Not a secret (a test fixture, an example)? Mark its line with a comment: keyhound:allow <why>',
    '  3. Accept it knowingly: `keyhound baseline create` writes .keyhound-baseline.jsonl; commit it, with `baseline: .keyhound-baseline.jsonl` in .keyhound.yaml.',
    'To push anyway: git push --no-verify.',
    '',
  ].join('\n');
}
