import { closeSync, constants, lstatSync, openSync, readSync } from 'node:fs';
import { oversizedReason } from './decode.js';
import { SNIFF_BYTES } from './sniff.js';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { SourceError } from '../core/errors.js';
import type { SkipReason } from '../core/types.js';
import { gitIgnored } from './git/ignored.js';
import { GitignoreMatcher, type Ignored } from './gitignore.js';
import { listTree } from './tree.js';

export interface FileEntry {
  /** POSIX path relative to the scan root. */
  path: string;
  absolutePath: string;
  size: number;
}

export type WalkItem = { kind: 'file'; entry: FileEntry } | { kind: 'skip'; path: string; reason: SkipReason };

export interface WalkOptions {
  /** Folder that finding paths are relative to. */
  root: string;
  maxFileSize: number;
  /** Honour `.gitignore` files. Default true. */
  gitignore?: boolean;
  /** Folder names never entered. */
  skipDirectories: readonly string[];
  /** Globs (on the relative POSIX path) of files not read. */
  skipPaths: readonly string[];
  /** Whether a file (by its path relative to the root) is allowlisted as a whole by the config; skipped as `excluded-path`. */
  skipPath?: (shownPath: string) => boolean;
  /** Follow symlinks that stay inside the root. Default false: their targets are scanned under their own paths. */
  followSymlinks?: boolean;
  /**
   * Told, as a folder is listed and checked and before any of it is
   * yielded, how many files it holds (folders aside; for progress and ETA)
   * and how many bytes of them are to be read (files not skipped, each
   * within the size limit): in parts that add up, the last once every
   * entry is checked.
   */
  onListed?: (files: number, bytes: number) => void;
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** The path a finding reports: relative to the root when inside it, else absolute, always POSIX. */
export function displayPath(root: string, absolute: string): string {
  const relative = path.relative(root, absolute);
  return relative && !leavesRoot(relative) ? toPosix(relative) : toPosix(absolute);
}

/** Whether a path relative to the root leads out of it. `...` is a folder name like any other; only `..` itself leaves. */
function leavesRoot(relative: string): boolean {
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

/**
 * {@link displayPath} of the entries of one listed folder (paths relative to
 * it, never with `..`), working out the folder's own place once rather than
 * resolving two absolute paths for every file.
 */
function displayPaths(root: string, directory: string): (entryPath: string) => string {
  const relative = path.relative(root, directory);
  // A folder outside the root may hold it: its entries are placed one by one.
  if (leavesRoot(relative)) return (entryPath) => displayPath(root, path.join(directory, entryPath));
  const prefix = relative === '' ? '' : `${toPosix(relative)}/`;
  return (entryPath) => prefix + toPosix(entryPath);
}

/**
 * Lists the files to scan under each target, skipping (and reporting why)
 * ignored, excluded, oversized, special and dangling entries. Explicitly named
 * files are scanned even when ignored, as ripgrep does.
 */
export async function* walk(targets: readonly string[], options: WalkOptions): AsyncGenerator<WalkItem> {
  const skipMatchers = options.skipPaths.map((glob) => (p: string) => minimatch(p, glob, { dot: true, nocase: true }));
  const skippedByPath = (relative: string): boolean => skipMatchers.some((test) => test(relative));
  for (const target of targets) {
    const absolute = path.resolve(target);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new SourceError(`${target}: no such file or folder`);
      yield { kind: 'skip', path: displayPath(options.root, absolute), reason: errorReason(code) };
      continue;
    }
    if (info.isFile()) {
      yield* checkFile(absolute, displayPath(options.root, absolute), info.size, options);
      continue;
    }
    if (!info.isDirectory()) {
      yield { kind: 'skip', path: displayPath(options.root, absolute), reason: 'not-regular-file' };
      continue;
    }
    yield* walkDirectory(absolute, options, skippedByPath);
  }
}

/** What the first pass over a listing decided for an entry (see walkDirectory), one byte each. */
const Verdict = { Folder: 0, Read: 1, Gitignored: 2, Excluded: 3, Symlink: 4, NotRegular: 5, Unstatable: 6 } as const;

/**
 * Files whose sizes are told to onListed at a time. Reading 5,000 sizes takes
 * 60-90 ms; a pool that knows by the first thousand that its threads will
 * pay starts them that much sooner.
 */
const LISTED_BATCH = 1024;

async function* walkDirectory(directory: string, options: WalkOptions, skippedByPath: (p: string) => boolean): AsyncGenerator<WalkItem> {
  let listed;
  try {
    listed = listTree(directory, new Set(options.skipDirectories));
  } catch (error) {
    yield { kind: 'skip', path: displayPath(options.root, directory), reason: errorReason((error as NodeJS.ErrnoException).code) };
    return;
  }
  const { entries, problems } = listed;
  // Inside a git work tree git decides (a tracked file is never ignored); elsewhere the .gitignore files do.
  let gitignore: Ignored | undefined;
  if (options.gitignore !== false) {
    gitignore =
      (await gitIgnored(directory)) ??
      (await GitignoreMatcher.load(
        directory,
        entries.filter((e) => e.name === '.gitignore' && e.dirent.isFile()).map((e) => e.path),
      ));
  }
  const rootReal = await realpath(directory);
  const shownPath = displayPaths(options.root, directory);
  // Folders that could not be listed are counted where they sort, each once.
  const unlisted = new Map(problems.map((p) => [p.path, p.code]));

  // Every entry is checked (and each file's size read) before any is handed
  // on, so the listing can tell how much there is to read (onListed): a pool
  // starts its threads only for a job that pays for them. The verdicts are
  // kept as one byte and one number an entry, not as items, for trees of a
  // million files.
  const verdicts = new Uint8Array(entries.length);
  const sizes = new Float64Array(entries.length);
  const statErrors = new Map<number, string | undefined>();
  // Told in parts as the sizes are read, so a pool can decide (and its threads start) before the end.
  let files = 0;
  let bytes = 0;
  entries.forEach((entry, index) => {
    if (files === LISTED_BATCH) {
      options.onListed?.(files, bytes);
      files = 0;
      bytes = 0;
    }
    const dirent = entry.dirent;
    if (dirent.isDirectory()) {
      verdicts[index] = Verdict.Folder;
      return;
    }
    files++;
    if (gitignore && !gitignore.empty && gitignore.ignores(entry.path)) verdicts[index] = Verdict.Gitignored;
    else if (skippedByPath(entry.path) || options.skipPath?.(shownPath(entry.path))) verdicts[index] = Verdict.Excluded;
    else if (dirent.isSymbolicLink()) verdicts[index] = Verdict.Symlink;
    else if (!dirent.isFile()) verdicts[index] = Verdict.NotRegular;
    else {
      try {
        // Blocking: one awaited lstat per file left the thread idle for most of a walk (~0.1 ms a round trip).
        const size = lstatSync(path.join(directory, entry.path)).size;
        sizes[index] = size;
        verdicts[index] = Verdict.Read;
        if (size <= options.maxFileSize) bytes += size;
      } catch (error) {
        verdicts[index] = Verdict.Unstatable;
        statErrors.set(index, (error as NodeJS.ErrnoException).code);
      }
    }
  });
  options.onListed?.(files, bytes);

  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    const verdict = verdicts[index];
    // A folder is told only when it could not be listed; its files are entries of their own.
    const unlistedCode = verdict === Verdict.Folder ? unlisted.get(entry.path) : undefined;
    if (verdict === Verdict.Folder && !unlistedCode) continue;
    const shown = shownPath(entry.path);
    switch (verdict) {
      case Verdict.Folder:
        yield { kind: 'skip', path: shown, reason: errorReason(unlistedCode) };
        break;
      case Verdict.Gitignored:
        yield { kind: 'skip', path: shown, reason: 'gitignored' };
        break;
      case Verdict.Excluded:
        yield { kind: 'skip', path: shown, reason: 'excluded-path' };
        break;
      case Verdict.Symlink:
        yield* checkSymlink(path.join(directory, entry.path), shown, rootReal, options);
        break;
      case Verdict.NotRegular:
        yield { kind: 'skip', path: shown, reason: 'not-regular-file' };
        break;
      case Verdict.Unstatable:
        yield { kind: 'skip', path: shown, reason: errorReason(statErrors.get(index)) };
        break;
      case Verdict.Read:
        yield* checkFile(path.join(directory, entry.path), shown, sizes[index]!, options);
        break;
    }
  }
}

/**
 * Why a file or folder could not be read: `path-too-long` past the system's
 * path limit (4096 bytes on Linux; the file exists but cannot be opened by
 * its path), `symlink-loop`, else `unreadable` (permission denied, vanished,
 * I/O error).
 */
export function errorReason(code: string | undefined): SkipReason {
  return code === 'ENAMETOOLONG' ? 'path-too-long' : code === 'ELOOP' ? 'symlink-loop' : 'unreadable';
}

async function* checkSymlink(absolute: string, shown: string, rootReal: string, options: WalkOptions): AsyncGenerator<WalkItem> {
  let target: string;
  try {
    target = await realpath(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    yield { kind: 'skip', path: shown, reason: code === 'ELOOP' ? 'symlink-loop' : 'broken-symlink' };
    return;
  }
  const inside = target === rootReal || target.startsWith(rootReal + path.sep);
  if (!inside) {
    yield { kind: 'skip', path: shown, reason: 'symlink-outside-root' };
    return;
  }
  if (!options.followSymlinks) {
    yield { kind: 'skip', path: shown, reason: 'symlink' };
    return;
  }
  const info = await stat(target).catch(() => undefined);
  if (!info?.isFile()) {
    yield { kind: 'skip', path: shown, reason: info ? 'not-regular-file' : 'unreadable' };
    return;
  }
  yield* checkFile(absolute, shown, info.size, options);
}

function* checkFile(absolute: string, shown: string, size: number, options: WalkOptions): Generator<WalkItem> {
  if (size > options.maxFileSize) {
    yield { kind: 'skip', path: shown, reason: oversized(absolute, shown) };
    return;
  }
  yield { kind: 'file', entry: { path: shown, absolutePath: absolute, size } };
}

/** Why a file over the size limit is not read: its first bytes say whether it is text (the run is then incomplete) or a binary. */
function oversized(absolute: string, shown: string): 'too-large' | 'too-large-binary' {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    const head = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, head, 0, head.length, 0);
    return oversizedReason(head.subarray(0, n), shown);
  } catch {
    // Not readable now: too large either way, and not known to be binary.
    return 'too-large';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads all of standard input as one chunk named `path` (default `-`). Past
 * `maxBytes` the rest is read and dropped (the writer is not left blocked)
 * and the input is skipped as `too-large`, so a huge pipe cannot fill memory.
 */
export async function readStdin(
  stream: NodeJS.ReadableStream,
  name = '-',
  maxBytes = Infinity,
): Promise<{ kind: 'bytes'; bytes: Buffer } | { kind: 'skip'; path: string; reason: SkipReason }> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const part of stream) {
    const buffer = typeof part === 'string' ? Buffer.from(part) : part;
    total += buffer.length;
    if (total <= maxBytes) parts.push(buffer);
    else parts.length = 0;
  }
  if (total > maxBytes) return { kind: 'skip', path: name, reason: 'too-large' };
  // Decoding (and the binary check) happens where every other input's does: in the scan task.
  return { kind: 'bytes', bytes: Buffer.concat(parts) };
}
