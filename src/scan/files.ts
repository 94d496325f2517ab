import { statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_SKIP_DIRECTORIES, DEFAULT_SKIP_PATHS } from '../config/defaults.js';
import { Engine } from '../detect/engine.js';
import { readStdin, walk } from '../sources/fs.js';
import { Collector, type ScanReport } from './collector.js';
import { InlineScanner, TASKS_IN_FLIGHT_PER_THREAD, type Scanner } from './pool.js';
import type { Outcome } from './task.js';
import { OrderedResults } from './ordered.js';

export interface FileScanOptions {
  /** Files and folders; `-` reads standard input. Default `["."]`. */
  paths?: readonly string[];
  /** Folder finding paths are relative to. Default: the one folder scanned, else the working directory. */
  root?: string;
  maxFileSize?: number;
  gitignore?: boolean;
  skipPaths?: readonly string[];
  skipDirectories?: readonly string[];
  /** Config path allowlist (see `ScanSetup.skipPath`): files it covers are skipped before reading. */
  skipPath?: (path: string) => boolean;
  followSymlinks?: boolean;
  stdin?: NodeJS.ReadableStream;
  /** Tasks running at once. Default: enough to keep every thread busy ({@link TASKS_IN_FLIGHT_PER_THREAD}). */
  concurrency?: number;
  /** Called with each file's outcome as soon as it is known, in listing order (streaming output). */
  onOutcome?: (outcome: Outcome) => void;
  /** Told how many files a folder holds once it is listed (progress). */
  onListed?: (files: number) => void;
}

/** Scans files and folders, on this thread (an Engine) or on a pool of threads (a Scanner). */
export async function scanFiles(engineOrScanner: Engine | Scanner, options: FileScanOptions = {}): Promise<ScanReport> {
  const scanner: Scanner = engineOrScanner instanceof Engine ? new InlineScanner(engineOrScanner) : engineOrScanner;
  const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  const collector = new Collector();
  const consume = (outcome: Outcome): void => {
    options.onOutcome?.(outcome);
    if (outcome.kind === 'skipped') {
      collector.skip(outcome.reason);
      return;
    }
    collector.scanned(outcome.bytes);
    collector.add(outcome.result);
  };

  if (paths.includes('-')) {
    const input = await readStdin(options.stdin ?? process.stdin, '-', options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    if (input.kind === 'skip') consume({ kind: 'skipped', path: input.path, reason: input.reason });
    else consume(await scanner.run({ kind: 'bytes', bytes: input.bytes, origin: { path: '-' } }));
  }
  const onDisk = paths.filter((p) => p !== '-');
  if (onDisk.length === 0) return collector.finish();

  const root = options.root ?? defaultRoot(onDisk);
  const walker = walk(onDisk, {
    root,
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    gitignore: options.gitignore,
    skipDirectories: options.skipDirectories ?? DEFAULT_SKIP_DIRECTORIES,
    skipPaths: options.skipPaths ?? DEFAULT_SKIP_PATHS,
    followSymlinks: options.followSymlinks,
    ...(options.skipPath ? { skipPath: options.skipPath } : {}),
    onListed: (files) => {
      scanner.expect?.(files);
      options.onListed?.(files);
    },
  });
  // Keep every thread busy; hand outcomes on in listing order so streamed
  // output is the same for any number of threads.
  const results = new OrderedResults<Outcome>(options.concurrency ?? scanner.threads * TASKS_IN_FLIGHT_PER_THREAD, consume);
  for await (const item of walker) {
    if (item.kind === 'skip') await results.push(() => ({ kind: 'skipped', path: item.path, reason: item.reason }));
    else await results.push(() => scanner.run({ kind: 'file', entry: item.entry }));
  }
  await results.finish();
  return collector.finish();
}

/** One folder scanned: paths relative to it (so SARIF URIs are repo-relative). Anything else: relative to the working directory. */
function defaultRoot(targets: readonly string[]): string {
  if (targets.length === 1 && statSync(targets[0]!, { throwIfNoEntry: false })?.isDirectory()) return path.resolve(targets[0]!);
  return process.cwd();
}
