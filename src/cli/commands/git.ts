import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { Engine } from '../../detect/engine.js';
import { DEFAULT_CONTEXT, startHistoryScan } from '../../scan/git.js';
import { listHistory } from '../../scan/git-scope.js';
import { openRepository } from '../../sources/git/repo.js';
import { pushedRevisions } from '../../sources/git/push.js';
import { commonOptions } from '../options.js';
import { finishReport, type ReportArgs } from '../report.js';
import { configOptions, setupScan, type SetupArgs } from '../setup.js';
import { applyVerification, checkVerifyArgs, decodeDepth, verifyOptions, type VerifyArgs } from '../verify.js';
import type { Command } from './types.js';

type GitArgs = ReportArgs &
  SetupArgs &
  VerifyArgs & {
    repo: string;
    range?: string;
    'since-commit'?: string;
    branch?: string[];
    'pre-push'?: boolean;
    context?: number;
    threads: number;
  };

export const gitCommand: Command = {
  command: 'git [repo]',
  describe: 'Scan git history: every blob of every commit reachable from all refs, once each',
  builder: (yargs) =>
    configOptions(verifyOptions(commonOptions(yargs)))
      .positional('repo', { type: 'string', default: '.', describe: 'The repository (a work tree folder or a bare repository)' })
      .option('range', {
        type: 'string',
        describe: 'Only commits in this revision range, e.g. origin/main..HEAD (a pull request: base..head)',
      })
      .option('since-commit', { type: 'string', describe: 'Only commits after this one (reachable from the scanned refs, not from it)' })
      .option('branch', { type: 'string', array: true, describe: 'Scan these refs instead of all refs (repeatable)' })
      .option('context', {
        type: 'number',
        describe: `Unchanged lines around each change that rules looking nearby may use (default ${DEFAULT_CONTEXT})`,
      })
      .option('pre-push', {
        type: 'boolean',
        describe: "Scan the commits being pushed (git pre-push hook input on stdin, or pre-commit's PRE_COMMIT_FROM_REF/TO_REF)",
      })
      .conflicts('range', ['since-commit', 'branch', 'pre-push'])
      .conflicts('pre-push', ['since-commit', 'branch']),
  async run(argv, io) {
    const args = argv as unknown as GitArgs;
    checkVerifyArgs(args);
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
    const commits = listHistory(repo, scope);
    commits.catch(() => {}); // awaited below; failing set-up must not leave it unhandled
    const setup = await setupScan(args, io, root);
    const started = await startHistoryScan(
      repo,
      {
        ...scope,
        maxFileSize: setup.maxFileSize,
        ...(args.context !== undefined ? { context: checkContext(args.context) } : {}),
        ...(setup.skipPath ? { skipPath: setup.skipPath } : {}),
        reportSuppressed: args.explain,
        // The scan itself runs on this thread; the diffs are where the cores go.
        partitions: Math.max(1, Math.floor(args.threads)),
      },
      commits,
    );
    let engine: Engine;
    try {
      // explain: the scan re-checks whole files where a `near` condition failed inside a change.
      engine = new Engine(setup.rules, { ...setup.engineOptions, decode: decodeDepth(args), explain: true });
    } catch (error) {
      started.abort();
      throw error;
    }
    const report = await started.scan(engine);
    if (repo.shallow && !args.quiet) {
      io.stderr.write(
        'keyhound: this is a shallow clone: history before its boundary commits is not scanned, and secrets found there are attributed to the boundary commit (git fetch --unshallow to scan everything)\n',
      );
    }
    const code = await finishReport(await applyVerification(setup.finish(report), args, io), args, io, repo.workTree);
    if (args['pre-push'] && code !== 0 && !args.quiet) io.stderr.write(blockedPushHint());
    return code;
  },
};

function checkContext(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 100)
    throw new UsageError(`--context: "${value}" must be a whole number from 0 to 100`);
  return value;
}

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
