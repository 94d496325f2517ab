import { statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_SKIP_DIRECTORIES, DEFAULT_SKIP_PATHS } from '../config/defaults.js';
import type { Engine } from '../detect/engine.js';
import { readEntry, readStdin, walk, type ReadResult } from '../sources/fs.js';
import { Collector, type ScanReport } from './collector.js';

export interface FileScanOptions {
  /** Files and folders; `-` reads standard input. Default `["."]`. */
  paths?: readonly string[];
  /** Folder finding paths are relative to. Default: the one folder scanned, else the working directory. */
  root?: string;
  maxFileSize?: number;
  gitignore?: boolean;
  skipPaths?: readonly string[];
  skipDirectories?: readonly string[];
  followSymlinks?: boolean;
  stdin?: NodeJS.ReadableStream;
  /** Files read at once. Default 16. */
  concurrency?: number;
}

/** Scans files and folders with an engine. */
export async function scanFiles(engine: Engine, options: FileScanOptions = {}): Promise<ScanReport> {
  const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  const collector = new Collector();
  await engine.prepare();
  const consume = (result: ReadResult): void => {
    if (result.kind === 'skip') {
      collector.skip(result.reason);
      return;
    }
    collector.scanned(result.bytes);
    collector.add(engine.scan(result.chunk));
  };

  const onDisk = paths.filter((p) => p !== '-');
  if (paths.includes('-')) consume(await readStdin(options.stdin ?? process.stdin));
  if (onDisk.length === 0) return collector.finish();

  const root = options.root ?? defaultRoot(onDisk);
  const walker = walk(onDisk, {
    root,
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    gitignore: options.gitignore,
    skipDirectories: options.skipDirectories ?? DEFAULT_SKIP_DIRECTORIES,
    skipPaths: options.skipPaths ?? DEFAULT_SKIP_PATHS,
    followSymlinks: options.followSymlinks,
  });
  // Reads overlap with scanning: keep a few reads in flight, scan in listing order.
  const limit = options.concurrency ?? 16;
  const inFlight: Promise<ReadResult>[] = [];
  for await (const item of walker) {
    if (item.kind === 'skip') {
      collector.skip(item.reason);
      continue;
    }
    inFlight.push(readEntry(item.entry));
    if (inFlight.length >= limit) consume(await inFlight.shift()!);
  }
  while (inFlight.length > 0) consume(await inFlight.shift()!);
  return collector.finish();
}

/** One folder scanned: paths relative to it (so SARIF URIs are repo-relative). Anything else: relative to the working directory. */
function defaultRoot(targets: readonly string[]): string {
  if (targets.length === 1 && statSync(targets[0]!, { throwIfNoEntry: false })?.isDirectory()) return path.resolve(targets[0]!);
  return process.cwd();
}
