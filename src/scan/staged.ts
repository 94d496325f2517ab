import path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../config/defaults.js';
import { ScanTimeoutError, SourceError } from '../core/errors.js';
import type { Engine } from '../detect/engine.js';
import { attributeMarked } from '../sources/git/attributes.js';
import { blobTexts } from '../sources/git/blob-texts.js';
import { openRepository, type Repository } from '../sources/git/repo.js';
import type { RawEntry } from '../sources/git/patch.js';
import { readStaged, type StagedChanges, type StagedFile } from '../sources/git/staged.js';
import { Collector, type ScanReport } from './collector.js';

export interface StagedScanOptions {
  /** The repository (any folder in its work tree). Default: the working directory. */
  repo?: string;
  /** Staged files larger than this are skipped without being read. Default 10 MiB. */
  maxFileSize?: number;
  /** Paths allowlisted as a whole (config `allow.paths`). */
  skipPath?: (path: string) => boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Scans what `git commit` would record: each staged file as it is in the
 * index (not the working tree, so a partly staged file is scanned as
 * staged), whole, for context, but reporting only secrets on the lines the
 * commit adds or changes, numbered as in the staged file.
 */
export async function scanStaged(engine: Engine, options: StagedScanOptions = {}): Promise<ScanReport> {
  const repo = await openRepository(options.repo ?? process.cwd(), options.env);
  return startStagedScan(repo, options).scan(engine);
}

/** Starts git on the staged changes; the caller compiles its rules meanwhile. */
export function startStagedScan(repo: Repository, options: StagedScanOptions = {}): { scan(engine: Engine): Promise<ScanReport> } {
  if (!repo.workTree) throw new SourceError(`${repo.gitDir}: a bare repository has no index to scan; run keyhound staged in a work tree`);
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const staged = readStaged(repo, maxFileSize);
  // Settled now, awaited in scan(): a git failure is not an unhandled rejection meanwhile.
  staged.catch(() => {});
  return { scan: (engine) => scanChanges(engine, repo, staged, maxFileSize, options.skipPath) };
}

async function scanChanges(
  engine: Engine,
  repo: Repository,
  staged: Promise<StagedChanges>,
  maxFileSize: number,
  skipPath?: (path: string) => boolean,
): Promise<ScanReport> {
  const collector = new Collector();
  const changes = await staged;
  const marked = await textMarkedBinary(repo, changes.binaries, maxFileSize, skipPath, collector);
  const files = [...changes.files, ...marked].filter((file) => {
    if (!skipPath?.(file.entry.path)) return true;
    collector.skip('excluded-path');
    return false;
  });
  for await (const { item: file, size, text, skipped } of blobTexts(
    repo,
    files.map((file) => ({ ...file, id: file.entry.newId })),
  )) {
    if (text === undefined) {
      collector.skip(skipped);
      continue;
    }
    const origin = { path: file.entry.path, absolutePath: path.join(repo.workTree!, file.entry.path), blob: file.entry.newId };
    try {
      collector.add(await engine.scanPrepared({ text, origin, lines: file.added }));
    } catch (error) {
      // Past --file-timeout: skipped and counted, never silently.
      if (!(error instanceof ScanTimeoutError)) throw error;
      collector.skip('timeout');
      continue;
    }
    collector.scanned(size);
  }
  if (changes.submodules > 0) collector.stats.skipped.submodule = changes.submodules;
  if (changes.symlinks > 0) collector.stats.skipped.symlink = changes.symlinks;
  if (marked.length > 0) collector.count('textMarkedBinary', marked.length);
  collector.count('staged', files.length + changes.binaries.length - marked.length);
  return collector.finish();
}

/**
 * Staged files git showed as binary that are text after all: a `.gitattributes`
 * entry (`-diff`, `binary`) does that, and would let a commit carry a secret
 * past the hook (`*.env -diff`). Each one under the size limit whose path has
 * such an attribute is read and sniffed as a file would be; the text ones are
 * diffed again as text, for their changed lines. The rest are counted as
 * skipped (too large, binary).
 */
async function textMarkedBinary(
  repo: Repository,
  binaries: readonly RawEntry[],
  maxFileSize: number,
  skipPath: ((path: string) => boolean) | undefined,
  collector: Collector,
): Promise<StagedFile[]> {
  const marked = await attributeMarked(
    repo,
    binaries.map((entry) => ({ id: entry.newId, path: entry.path, entry })),
    maxFileSize,
    (reason) => collector.skip(reason),
  );
  const candidates = marked
    .map((item) => item.entry)
    .filter((entry) => {
      if (!skipPath?.(entry.path)) return true;
      collector.skip('excluded-path');
      return false;
    });
  if (candidates.length === 0) return [];
  const text: RawEntry[] = [];
  for await (const blob of blobTexts(
    repo,
    candidates.map((entry) => ({ entry, id: entry.newId })),
  )) {
    if (blob.text !== undefined) text.push(blob.item.entry);
    else collector.skip(blob.skipped);
  }
  if (text.length === 0) return [];
  // A rename's source path too, so the diff pairs it and only changed lines count.
  const paths = [...new Set(text.flatMap((entry) => (entry.oldPath ? [entry.path, entry.oldPath] : [entry.path])))];
  const wanted = new Set(text.map((entry) => entry.newId));
  return (await readStaged(repo, maxFileSize, paths)).files.filter((file) => wanted.has(file.entry.newId));
}
