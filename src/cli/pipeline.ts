import path from 'node:path';
import type { ScanReport } from '../core/report.js';
import type { Confidence } from '../core/types.js';
import { confidenceStep } from '../report/confidence.js';
import { UsageError } from '../core/errors.js';
import { snapshotConfig, type ConfigSnapshot } from '../sources/config-snapshot.js';
import { gitRevisionFiles } from '../sources/git/revision-files.js';
import type { Repository } from '../sources/git/repo.js';
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
  /** `--config-from REV`: the repository whose revision holds the configuration to use. */
  repository?: Repository;
  /** `baseline: false`: scan without any baseline (baseline create/update). */
  baseline?: false;
  /** No report at all (baseline create/update write their own file). */
  noReport?: boolean;
  /** Told what the runner tells the progress line and `--verbose`, too. */
  events?: RunEvents;
  /** The command's `--min-confidence` when the user gives none (report/confidence.ts); default low (everything). */
  minConfidence?: Confidence;
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

export interface CommandResult {
  report: ScanReport;
  code: number;
  /** The baseline used, as the user knows it (in the repository, also with --config-from). */
  baselineFile?: string;
}

/** Runs the scan and writes the report; returns it with the exit code. */
export async function scanAndReport(command: CommandScan): Promise<CommandResult> {
  const { io, args } = command;
  checkScanArgs(args, io);
  const snapshot = args['config-from'] ? await configFrom(command, args['config-from']) : undefined;
  try {
    return await run(command, snapshot);
  } catch (error) {
    throw snapshot ? snapshot.translate(error) : error;
  } finally {
    snapshot?.dispose();
  }
}

/**
 * `--config-from REV`: the configuration as it is in REV, copied out of the
 * repository's objects. `--config` and `--baseline` inside the repository name
 * files of REV; outside it (a team-wide config in /etc), files on disk.
 */
async function configFrom(command: CommandScan, rev: string): Promise<ConfigSnapshot> {
  const { io, args, repository } = command;
  if (!repository) throw new UsageError('--config-from applies to keyhound git and keyhound staged, which read a repository');
  if (rev.startsWith('-')) throw new UsageError(`--config-from: "${rev}" is not a revision (revisions never start with "-")`);
  const top = repository.workTree ?? repository.gitDir;
  const inRepository = (given: string | undefined): string | undefined => {
    if (!given) return undefined;
    const relative = path.relative(top, path.resolve(io.cwd, given));
    return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/');
  };
  const configPath = inRepository(args.config ?? io.env.KEYHOUND_CONFIG);
  const baselinePath = inRepository(args.baseline);
  const scanned = path.relative(top, command.configRoot).split(path.sep).join('/');
  return snapshotConfig(gitRevisionFiles(repository, rev), {
    folders: scanned && !scanned.startsWith('..') ? [scanned, ''] : [''],
    ...(configPath ? { config: configPath } : {}),
    ...(baselinePath ? { baseline: baselinePath } : {}),
  });
}

async function run(command: CommandScan, snapshot: ConfigSnapshot | undefined): Promise<CommandResult> {
  const { io } = command;
  const args: ScanArgs = snapshot
    ? {
        ...command.args,
        ...(snapshot.config ? { config: snapshot.config } : {}),
        ...(snapshot.baseline ? { baseline: snapshot.baseline } : {}),
      }
    : command.args;
  const configRoot = snapshot
    ? path.join(snapshot.root, path.relative(command.repository!.workTree ?? command.repository!.gitDir, command.configRoot))
    : command.configRoot;
  const setup = await setupScan(args, io, configRoot, command.baseline === false ? { baseline: false } : {});
  // Custom rules may verify too: --verify-endpoint may name their providers.
  checkVerifyArgs(args, setup.rules);
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
        ...(args['redact-percent'] !== undefined ? { hidePercent: args['redact-percent'] } : {}),
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
    // Hidden findings are never verified: the confidence step runs before verification.
    steps: [
      ...setup.steps,
      ...confidenceSteps(args['min-confidence'] ?? command.minConfidence ?? 'low', args.explain),
      ...verifySteps(args, io, setup.rules),
      ...(command.steps ?? []),
    ],
    sinks,
    explain: args.explain,
    fingerprints: setup.fingerprints,
    events: withExtra(events(io, args, progress), command.events),
  }).finally(() => progress.finish());
  if (output && !args.quiet && !command.noReport) {
    const n = report.findings.length;
    io.stderr.write(
      `keyhound: ${n === 0 ? 'no secrets' : `${n} secret${n === 1 ? '' : 's'}`} found in ${report.stats.files} files; report written to ${args.output!}\n`,
    );
  }
  const baselineFile = setup.baseline?.file;
  const shownBaseline =
    baselineFile && snapshot
      ? path.join(command.repository!.workTree ?? command.repository!.gitDir, path.relative(snapshot.root, baselineFile))
      : baselineFile;
  return { report, code: exitCode(report, args), ...(shownBaseline ? { baselineFile: shownBaseline } : {}) };
}

/** `--min-confidence`: no step at all for low, which shows everything. */
function confidenceSteps(minimum: Confidence, explain: boolean): Step[] {
  return minimum === 'low' ? [] : [confidenceStep(minimum, explain)];
}

/** What the process returns when the run found nothing but could not scan everything it should have (README, Exit codes). */
export const INCOMPLETE_EXIT = 3;

/**
 * 0 nothing found; `--exit-code` (default 1) when findings remain; 3 when
 * nothing was found but the run was incomplete, unless `--allow-incomplete`.
 * Findings decide first: they are the more urgent news, and the report says
 * what was not scanned either way.
 */
export function exitCode(report: ScanReport, args: Pick<ScanArgs, 'exit-code' | 'allow-incomplete'>): number {
  if (report.findings.length > 0) return args['exit-code'];
  return report.stats.incomplete && !args['allow-incomplete'] ? INCOMPLETE_EXIT : 0;
}

/** Both listeners told each event. */
function withExtra(base: RunEvents, extra: RunEvents | undefined): RunEvents {
  if (!extra) return base;
  return {
    progress: (update) => {
      base.progress?.(update);
      extra.progress?.(update);
    },
    scanned: (file, bytes, encoding) => {
      base.scanned?.(file, bytes, encoding);
      extra.scanned?.(file, bytes, encoding);
    },
    skipped: (file, reason) => {
      base.skipped?.(file, reason);
      extra.skipped?.(file, reason);
    },
  };
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
