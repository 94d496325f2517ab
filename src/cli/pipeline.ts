import path from 'node:path';
import type { ScanReport } from '../core/report.js';
import { printable } from '../core/printable.js';
import { checkWritable } from '../io/write.js';
import { reportSink, type Sink } from '../report/sink.js';
import { runScan, type RunEvents } from '../scan/runner.js';
import type { ScanSetup } from '../scan/setup.js';
import type { Step } from '../scan/steps.js';
import type { Source } from '../sources/source.js';
import type { CliIO } from './io.js';
import type { ScanArgs } from './options.js';
import { Progress } from './progress.js';
import { setupScan } from './setup.js';
import { checkVerifyArgs, verifySteps } from './verify.js';

/**
 * What every scanning command does once it has parsed its options: check the
 * options that can be checked before reading anything (`--output`,
 * verification), resolve the configuration, build its source, and run the one
 * pipeline with the report sink, a progress line on a terminal and
 * `--verbose` lines. A command differs from another only in its source and in
 * what it says around the report.
 */
export interface CommandScan {
  io: CliIO;
  args: ScanArgs;
  /** Where the configuration is looked for (the scanned folder, the repository's top level, the working directory). */
  configRoot: string;
  /**
   * The source, built once the configuration is known (it sets size limits
   * and allowlisted paths). `log` writes a line to stderr above the progress
   * line (a repository of an audit done).
   */
  source: (setup: ScanSetup, log: (line: string) => void) => Source;
  /** SARIF's `%SRCROOT%`: the folder finding paths are relative to, when there is one on disk. */
  reportRoot?: string;
  /** More sinks (the pull-request comment). */
  sinks?: Sink[];
  /** More steps, after the configuration's and verification's. */
  steps?: Step[];
  /** `baseline: false`: scan without any baseline (baseline create/update). */
  baseline?: false;
  /** No report at all (baseline create/update write their own file). */
  noReport?: boolean;
}

/** Checks, before any input is read, what can be checked: the output file and the verification options. */
export function checkScanArgs(args: ScanArgs, io: CliIO): void {
  checkVerifyArgs(args);
  if (args.output && args.output !== '-') checkWritable(path.resolve(io.cwd, args.output), '--output');
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org) or into a file. */
export function useColor(io: CliIO, output: string | undefined): boolean {
  if (output && output !== '-') return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

/** Runs the scan and writes the report; returns it with the exit code. */
export async function scanAndReport(command: CommandScan): Promise<{ report: ScanReport; code: number }> {
  const { io, args } = command;
  checkScanArgs(args, io);
  const setup = await setupScan(args, io, command.configRoot, command.baseline === false ? { baseline: false } : {});
  // The progress line needs the source's unit; lines the source logs before it exists go straight to stderr.
  const line: { progress?: Progress } = {};
  const source = command.source(setup, (text) => (line.progress ? line.progress.log(text) : io.stderr.write(text)));
  const output = args.output && args.output !== '-' ? path.resolve(io.cwd, args.output) : undefined;
  const sinks: Sink[] = [];
  if (!command.noReport) {
    sinks.push(
      reportSink({
        format: args.format,
        ...(output ? { file: output } : {}),
        stdout: io.stdout,
        redact: args.redact,
        color: useColor(io, args.output),
        explain: args.explain,
        ...(command.reportRoot ? { root: command.reportRoot } : {}),
      }),
    );
  }
  sinks.push(...(command.sinks ?? []));
  const progress = Progress.for(io.stderr, args.quiet || args.verbose, source.unit);
  line.progress = progress;
  const report = await runScan({
    source,
    rules: setup.rules,
    engine: { ...setup.engineOptions, decode: args['decode-depth'] },
    threads: args.threads,
    steps: [...setup.steps, ...verifySteps(args, io), ...(command.steps ?? [])],
    sinks,
    explain: args.explain,
    events: events(io, args, progress),
  }).finally(() => progress.finish());
  if (output && !args.quiet && !command.noReport) {
    const n = report.findings.length;
    io.stderr.write(
      `keyhound: ${n === 0 ? 'no secrets' : `${n} secret${n === 1 ? '' : 's'}`} found in ${report.stats.files} files; report written to ${args.output!}\n`,
    );
  }
  return { report, code: exitCode(report, args) };
}

/** 0 nothing found; `--exit-code` (default 1) when findings remain. */
export function exitCode(report: ScanReport, args: Pick<ScanArgs, 'exit-code'>): number {
  return report.findings.length > 0 ? args['exit-code'] : 0;
}

/** The progress line, and with `--verbose` a line per input (paths only, never content). */
function events(io: CliIO, args: ScanArgs, progress: Progress): RunEvents {
  return {
    progress: (update) => progress.update(update),
    ...(args.verbose
      ? {
          scanned: (file: string, bytes: number, encoding?: string) =>
            io.stderr.write(`keyhound: scanned ${printable(file)} (${bytes} bytes${encoding ? `, ${encoding}` : ''})\n`),
          skipped: (file: string, reason: string) => io.stderr.write(`keyhound: skipped ${printable(file)}: ${reason}\n`),
        }
      : {}),
  };
}
