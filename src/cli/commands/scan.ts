import path from 'node:path';
import { statSync } from 'node:fs';
import { createScanner } from '../../scan/pool.js';
import { printable } from '../../core/printable.js';
import { scanFiles } from '../../scan/files.js';
import type { Outcome } from '../../scan/task.js';
import { commonOptions, STDIN_ARG } from '../options.js';
import { finishReport, finishStreamed, type ReportArgs } from '../report.js';
import { Progress } from '../progress.js';
import { FindingStream } from '../stream.js';
import { applyVerification, checkVerifyArgs, decodeDepth, verifyOptions, type VerifyArgs } from '../verify.js';
import { configOptions, fileScanOptions, setupScan } from '../setup.js';
import type { Command } from './types.js';

export const scanCommand: Command = {
  command: 'scan [paths..]',
  describe: 'Scan files and folders ("-" reads stdin)',
  builder: (yargs) =>
    configOptions(verifyOptions(commonOptions(yargs)))
      .positional('paths', { type: 'string', array: true, default: ['.'], describe: 'Files and folders to scan' })
      .option('gitignore', { type: 'boolean', default: true, describe: 'Honour .gitignore files; --no-gitignore scans ignored files too' })
      .option('follow-symlinks', {
        type: 'boolean',
        default: false,
        describe: 'Follow symlinks that stay inside the scanned folder',
      }),
  async run(argv, io) {
    const args = argv as unknown as ReportArgs & {
      paths: string[];
      rules?: string[];
      disable?: string[];
      'max-file-size'?: string;
      gitignore: boolean;
      'follow-symlinks': boolean;
      verbose: boolean;
      threads: number;
    } & VerifyArgs;
    checkVerifyArgs(args);
    const paths = args.paths.map((p) => (p === STDIN_ARG ? '-' : path.resolve(io.cwd, p)));
    const onDisk = paths.filter((p) => p !== '-');
    const root = onDisk.length === 1 && statSync(onDisk[0]!, { throwIfNoEntry: false })?.isDirectory() ? onDisk[0]! : io.cwd;
    // Config file, allowlists and baseline (docs/config.md).
    const setup = await setupScan(args, io, root);
    const scanner = createScanner(
      setup.rules,
      { ...setup.engineOptions, decode: decodeDepth(args) },
      Math.max(1, Math.floor(args.threads)),
    );
    const progress = Progress.for(io.stderr, args.quiet || args.verbose);
    // JSON Lines stream as files are scanned; verification and --explain need the whole report first.
    const stream = args.format === 'jsonl' && !args.verify && !args.explain ? new FindingStream(io, args.output, args.redact) : undefined;
    const onOutcome = (outcome: Outcome): void => {
      progress.item(outcome.kind === 'scanned' ? outcome.bytes : 0);
      if (args.verbose)
        io.stderr.write(
          outcome.kind === 'skipped'
            ? `keyhound: skipped ${printable(outcome.path)}: ${outcome.reason}\n`
            : `keyhound: scanned ${printable(outcome.path)} (${outcome.bytes} bytes, ${outcome.encoding})\n`,
        );
      // The baseline applies per finding, so streamed lines are the ones the full report would hold.
      if (stream && outcome.kind === 'scanned' && outcome.result.findings.length > 0) {
        stream.write(
          setup.finish({ findings: outcome.result.findings, suppressed: [], stats: { files: 0, bytes: 0, skipped: {}, durationMs: 0 } })
            .findings,
        );
      }
    };
    const report = await scanFiles(scanner, {
      ...fileScanOptions(setup, args, io, paths, root),
      // --verbose: what was scanned and what was skipped, and why (paths only, never content).
      onOutcome,
      onListed: (files) => progress.listed(files),
    })
      .catch(async (error: unknown) => {
        await stream?.close(false);
        throw error;
      })
      .finally(() => {
        progress.finish();
        return scanner.close();
      });
    const final = await applyVerification(setup.finish(report), args, io);
    if (stream) {
      await stream.close(true);
      return finishStreamed(final, args, io);
    }
    return finishReport(final, args, io, root);
  },
};
