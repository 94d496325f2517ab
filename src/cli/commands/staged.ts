import path from 'node:path';
import type { ScanReport } from '../../core/report.js';
import { openRepository } from '../../sources/git/repo.js';
import { DEFAULT_MIN_CONFIDENCE } from '../../report/confidence.js';
import { StagedSource } from '../../sources/git/staged-scan.js';
import { SCAN_OPTIONS, withOptions, type ScanArgs } from '../options.js';
import { checkScanArgs, scanAndReport } from '../pipeline.js';
import type { Command } from './types.js';

type StagedArgs = ScanArgs & { repo: string };

/** `keyhound staged`: what the pre-commit hook runs. */
export const stagedCommand: Command = {
  command: 'staged [repo]',
  describe: 'Scan what `git commit` would record now (the index): secrets on added or changed lines',
  builder: (yargs) =>
    withOptions(yargs, [...SCAN_OPTIONS, 'config-from']).positional('repo', {
      type: 'string',
      default: '.',
      describe: 'The repository (any folder in its work tree)',
    }),
  async run(argv, io) {
    const args = argv as unknown as StagedArgs;
    checkScanArgs(args, io);
    const repo = await openRepository(path.resolve(io.cwd, args.repo), io.env);
    const root = repo.workTree ?? repo.gitDir;
    const { report, code, baselineFile } = await scanAndReport({
      io,
      args,
      configRoot: root,
      repository: repo,
      minConfidence: DEFAULT_MIN_CONFIDENCE.staged,
      ...(repo.workTree ? { reportRoot: repo.workTree } : {}),
      // git reads the index while the rules compile.
      source: (setup) =>
        new StagedSource(repo, { maxFileSize: setup.maxFileSize, ...(setup.skipPath ? { skipPath: setup.skipPath } : {}) }),
    });
    if (code !== 0 && !args.quiet) io.stderr.write(blockedCommitMessage(report, baselineFile));
    return code;
  },
};

/** Why the commit stopped and the three ways on: shown under the (redacted) findings. */
export function blockedCommitMessage(report: ScanReport, baselineFile?: string): string {
  const n = report.findings.length;
  const places = [...new Set(report.findings.map((f) => `${f.path}:${f.line}`))];
  const shown = places.slice(0, 5).join(', ') + (places.length > 5 ? `, and ${places.length - 5} more` : '');
  return [
    '',
    `keyhound: this commit would add ${n === 1 ? 'a secret' : `${n} secrets`} (${shown}); the commit was stopped. Three ways on:`,
    '  1. Remove it: take it out of the file and load it at run time (environment, secrets manager), then `git add` the file again.',
    '     If it was ever pushed or shared, revoke it too; the report above says how.',
    '  2. Not a secret (a test fixture, an example)? Mark its line with a comment: keyhound:allow <why>',
    baselineFile
      ? `  3. Accept it knowingly: \`keyhound baseline update --baseline ${baselineFile}\` adds it to your baseline; commit that file too.`
      : '  3. Accept it knowingly: `keyhound baseline create` writes .keyhound-baseline.jsonl; commit it, with `baseline: .keyhound-baseline.jsonl` in .keyhound.yaml so hooks and CI use it.',
    'To commit anyway this once: git commit --no-verify.',
    '',
  ].join('\n');
}
