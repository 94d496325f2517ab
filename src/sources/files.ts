import { statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_SKIP_DIRECTORIES, DEFAULT_SKIP_PATHS } from '../config/defaults.js';
import { readStdin, walk } from './fs.js';
import { OrderedResults } from './ordered.js';
import type { ScanContext, Source, SourceStats, TaskOutcome } from './source.js';

export interface FileSourceOptions {
  /** Files and folders; `-` reads standard input. Default `["."]`. */
  paths?: readonly string[];
  /** Folder finding paths are relative to. Default: the one folder scanned, else the working directory. */
  root?: string;
  maxFileSize?: number;
  gitignore?: boolean;
  /** Globs of files not read. Default: the built-in list (lock files, images, ...). */
  skipPaths?: readonly string[];
  skipDirectories?: readonly string[];
  /** Config path allowlist: files it covers are skipped before reading (`excluded-path`). */
  skipPath?: (path: string) => boolean;
  followSymlinks?: boolean;
  stdin?: NodeJS.ReadableStream;
}

/**
 * Files and folders (and standard input, `-`). Files are read and scanned on
 * the runner's threads; findings are handed on in listing order as soon as
 * each file is done, so streamed output is the same for any number of threads.
 */
export class FileSource implements Source {
  readonly kind = 'files';
  readonly unit = 'files';
  readonly streams = true;
  readonly root: string;
  private readonly paths: readonly string[];

  constructor(private readonly options: FileSourceOptions = {}) {
    this.paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
    this.root = options.root ?? defaultRoot(this.paths.filter((p) => p !== '-'));
  }

  async read(context: ScanContext): Promise<SourceStats> {
    const { options } = this;
    const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    if (this.paths.includes('-')) {
      const input = await readStdin(options.stdin ?? process.stdin, '-', maxFileSize);
      context.settle(
        input.kind === 'skip'
          ? { kind: 'skipped', path: input.path, reason: input.reason }
          : await context.task({ kind: 'bytes', bytes: input.bytes, origin: { path: '-' } }),
      );
    }
    const onDisk = this.paths.filter((p) => p !== '-');
    if (onDisk.length === 0) return {};
    const walker = walk(onDisk, {
      root: this.root,
      maxFileSize,
      ...(options.gitignore !== undefined ? { gitignore: options.gitignore } : {}),
      skipDirectories: options.skipDirectories ?? DEFAULT_SKIP_DIRECTORIES,
      skipPaths: options.skipPaths ?? DEFAULT_SKIP_PATHS,
      ...(options.followSymlinks !== undefined ? { followSymlinks: options.followSymlinks } : {}),
      ...(options.skipPath ? { skipPath: options.skipPath } : {}),
      onListed: (files, bytes) => {
        context.expect(files, bytes);
        context.progress({ total: files });
      },
    });
    // Keep every thread busy; hand outcomes on in listing order.
    const results = new OrderedResults<TaskOutcome>(context.parallelism, (outcome) => context.settle(outcome));
    for await (const item of walker) {
      if (item.kind === 'skip') await results.push(() => ({ kind: 'skipped', path: item.path, reason: item.reason }));
      else await results.push(() => context.task({ kind: 'file', entry: item.entry }));
    }
    await results.finish();
    return {};
  }
}

/** One folder scanned: paths relative to it (so SARIF URIs are repo-relative). Anything else: relative to the working directory. */
function defaultRoot(targets: readonly string[]): string {
  if (targets.length === 1 && statSync(targets[0]!, { throwIfNoEntry: false })?.isDirectory()) return path.resolve(targets[0]!);
  return process.cwd();
}
