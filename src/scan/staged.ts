import path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../config/defaults.js';
import { ScanTimeoutError, SourceError } from '../core/errors.js';
import type { Engine } from '../detect/engine.js';
import { decodeBytes } from '../sources/decode.js';
import { CatFileReader, objectInfo } from '../sources/git/catfile.js';
import { openRepository, type Repository } from '../sources/git/repo.js';
import { readStaged, type StagedChanges } from '../sources/git/staged.js';
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

async function scanChanges(engine: Engine, repo: Repository, staged: Promise<StagedChanges>, maxFileSize: number, skipPath?: (path: string) => boolean): Promise<ScanReport> {
  const collector = new Collector();
  const changes = await staged;
  const files = changes.files.filter((file) => {
    if (!skipPath?.(file.entry.path)) return true;
    collector.skip('excluded-path');
    return false;
  });
  if (files.length > 0) {
    const reader = new CatFileReader(repo);
    try {
      reader.request(files.map((file) => file.entry.newId));
      for (const file of files) {
        const object = await reader.next();
        if (!object.data) {
          collector.skip('missing');
          continue;
        }
        const decoded = decodeBytes(object.data);
        if (!decoded.ok) {
          collector.skip(decoded.reason);
          continue;
        }
        const origin = { path: file.entry.path, absolutePath: path.join(repo.workTree!, file.entry.path), blob: file.entry.newId };
        try {
          collector.add(await engine.scanPrepared({ text: decoded.text, origin, lines: file.added }));
        } catch (error) {
          // Past --file-timeout: skipped and counted, never silently.
          if (!(error instanceof ScanTimeoutError)) throw error;
          collector.skip('timeout');
          continue;
        }
        collector.scanned(object.size);
      }
    } finally {
      reader.close();
    }
  }
  // git calls blobs over the size limit binary too; their sizes tell them apart.
  for (const object of (await objectInfo(repo, changes.binaries)).values()) collector.skip(object.size > maxFileSize ? 'too-large' : 'binary');
  if (changes.submodules > 0) collector.stats.skipped.submodule = changes.submodules;
  if (changes.symlinks > 0) collector.stats.skipped.symlink = changes.symlinks;
  collector.count('staged', files.length + changes.binaries.length);
  return collector.finish();
}
