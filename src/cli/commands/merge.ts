import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SourceError, UsageError } from '../../core/errors.js';
import type { ScanReport } from '../../core/report.js';
import { describeIncomplete } from '../../core/completeness.js';
import { printable } from '../../core/printable.js';
import { checkWritable } from '../../io/write.js';
import { maskWhole, toFinding } from '../../report/merge/findings.js';
import { mergeReports } from '../../report/merge/merge.js';
import { readReport, type ReadReport } from '../../report/merge/read.js';
import { incompleteOf } from '../../report/types.js';
import { reportSink } from '../../report/sink.js';
import type { CliIO } from '../io.js';
import { withOptions, type ScanArgs } from '../options.js';
import { exitCode, useColor } from '../pipeline.js';
import type { Command } from './types.js';

type MergeArgs = Pick<ScanArgs, 'format' | 'output' | 'redact' | 'exit-code' | 'allow-incomplete' | 'quiet'> & {
  reports?: string[];
  shards?: number;
};

async function readAll(files: readonly string[], io: CliIO): Promise<ReadReport[]> {
  const read = await Promise.all(
    files.map(async (file) => {
      let text: string;
      try {
        text = await readFile(path.resolve(io.cwd, file), 'utf8');
      } catch (error) {
        throw new SourceError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
      return readReport(text, file);
    }),
  );
  return read.flat();
}

/**
 * `keyhound merge REPORT…`: the JSON or SARIF reports of the shards of one
 * run (`--shard I/N`) as one report, in any format, through the same sinks
 * as a scan. The exit code is a scan's: findings 1 (`--exit-code`), an
 * incomplete merge (a shard missing, a repository that failed) 3.
 */
export const mergeCommand: Command = {
  command: 'merge [reports..]',
  describe: 'Combine the JSON or SARIF reports of the shards of a run (--shard I/N) into one report',
  builder: (yargs) =>
    withOptions(yargs, ['format', 'output', 'redact', 'exit-code', 'allow-incomplete', 'quiet', 'shards']).positional('reports', {
      type: 'string',
      array: true,
      describe: 'Report files written with --format json or --format sarif (a shell glob: shards/*.json)',
    }),
  async run(argv, io) {
    const args = argv as unknown as MergeArgs;
    const files = args.reports ?? [];
    if (files.length === 0 && args.shards === undefined)
      throw new UsageError('name the reports to merge (keyhound merge shard-*.json), or give --shards N to record that none arrived');
    if (args.output && args.output !== '-') checkWritable(path.resolve(io.cwd, args.output), '--output');
    const merged = mergeReports(await readAll(files, io), args.shards !== undefined ? { shards: args.shards } : {});
    const report: ScanReport = {
      findings: maskWhole(merged.findings, args.redact).map(toFinding),
      suppressed: [],
      stats: merged.stats,
      ...(merged.failures.length > 0 ? { failed: merged.failures.map((f) => ({ input: f.repository, reason: f.reason })) } : {}),
    };
    const output = args.output && args.output !== '-' ? path.resolve(io.cwd, args.output) : undefined;
    // Already masked above (or asked for whole): the sink must not mask a mask again.
    const sink = reportSink({
      format: args.format,
      ...(output ? { file: output } : {}),
      stdout: io.stdout,
      redact: false,
      color: useColor(io, args.output),
    });
    try {
      await sink.open?.(false);
      await sink.finish(report);
    } catch (error) {
      await sink.abort?.();
      throw error;
    }
    if (!args.quiet) {
      const n = report.findings.length;
      const shards = merged.stats.shards as { count: number; merged: number[] } | undefined;
      const what = shards ? `${shards.merged.length} of ${shards.count} shards` : `${files.length} report${files.length === 1 ? '' : 's'}`;
      io.stderr.write(
        `keyhound: merged ${what}: ${n === 0 ? 'no secrets' : `${n} secret${n === 1 ? '' : 's'}`}${output ? `; report written to ${args.output!}` : ''}\n`,
      );
      if (merged.missing.length > 0)
        io.stderr.write(
          `keyhound: no report from shard${merged.missing.length === 1 ? '' : 's'} ${merged.missing.join(', ')} of ${shards!.count}\n`,
        );
      const incomplete = incompleteOf(report.stats);
      if (incomplete) io.stderr.write(`keyhound: incomplete: ${describeIncomplete(incomplete, printable)}\n`);
    }
    return exitCode(report, args);
  },
};
