import path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../../config/defaults.js';
import { SourceError } from '../../core/errors.js';
import { OrderedResults } from '../ordered.js';
import type { ScanContext, Source, SourceStats, TaskOutcome } from '../source.js';
import { decodeBytes, oversizedReason } from '../decode.js';
import { blobBytes } from './blob-texts.js';
import { blobHead, withinSize } from './catfile.js';
import { SNIFF_BYTES } from '../sniff.js';
import type { RawEntry } from './patch.js';
import type { Repository } from './repo.js';
import { readStaged, type StagedChanges, type StagedFile } from './staged.js';

export interface StagedOptions {
  /** Staged files larger than this are skipped without being read. Default 10 MiB. */
  maxFileSize?: number;
  /** Paths allowlisted as a whole (config `allow.paths`). */
  skipPath?: (path: string) => boolean;
}

/**
 * What `git commit` would record: each staged file as it is in the index
 * (not the working tree, so a partly staged file is scanned as staged),
 * whole, for context, but reporting only secrets on the lines the commit adds
 * or changes, numbered as in the staged file.
 */
export class StagedSource implements Source {
  readonly kind = 'staged';
  readonly unit = 'files';
  readonly streams = true;
  readonly root: string;
  private readonly maxFileSize: number;
  private readonly staged: Promise<StagedChanges>;

  /** Starts git on the index at once: it reads while the runner compiles the rules. */
  constructor(
    private readonly repo: Repository,
    private readonly options: StagedOptions = {},
  ) {
    if (!repo.workTree) throw new SourceError(`${repo.gitDir}: a bare repository has no index to scan; run keyhound staged in a work tree`);
    this.root = repo.workTree;
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.staged = readStaged(repo, this.maxFileSize);
    // Settled now, awaited in read(): a git failure is not an unhandled rejection meanwhile.
    this.staged.catch(() => {});
  }

  async read(scan: ScanContext): Promise<SourceStats> {
    const changes = await this.staged;
    const marked = await this.textMarkedBinary(changes.binaries, scan);
    const files = [...changes.files, ...marked].filter((file) => {
      if (!this.options.skipPath?.(file.entry.path)) return true;
      scan.skipped(file.entry.path, 'excluded-path');
      return false;
    });
    scan.progress({ total: files.length });
    scan.expect(files.length);
    const results = new OrderedResults<TaskOutcome>(scan.parallelism, (outcome) => scan.settle(outcome), scan.bytesInFlight);
    const workTree = this.repo.workTree!;
    for await (const blob of blobBytes(
      this.repo,
      files.map((file) => ({ ...file, id: file.entry.newId })),
    )) {
      const file = blob.item;
      if (!blob.data) {
        await results.push(() => ({ kind: 'skipped', path: file.entry.path, reason: 'missing' }));
        continue;
      }
      const origin = { path: file.entry.path, absolutePath: path.join(workTree, file.entry.path), blob: file.entry.newId };
      const bytes = blob.data;
      await results.push(() => scan.task({ kind: 'bytes', bytes, origin, lines: file.added }), bytes.byteLength);
    }
    await results.finish();
    for (let i = 0; i < changes.submodules; i++) scan.skipped('', 'submodule');
    for (let i = 0; i < changes.symlinks; i++) scan.skipped('', 'symlink');
    const stats: SourceStats = {};
    if (marked.length > 0) stats.textMarkedBinary = marked.length;
    stats.staged = files.length + changes.binaries.length - marked.length;
    return stats;
  }

  /**
   * Staged files git showed as binary. A `.gitattributes` entry (`-diff`,
   * `binary`) or one NUL byte near the top does that, and would let a commit
   * carry a secret past the hook (`*.env -diff`, `\0` + `.env`). Each one
   * under the size limit is read and sniffed as a file would be: the text
   * ones are diffed again as text, for their changed lines; the true
   * binaries' printable runs are scanned whole with the cheap, certain rules
   * (as tasks, like any staged file). The rest are counted as skipped.
   */
  private async textMarkedBinary(binaries: readonly RawEntry[], scan: ScanContext): Promise<StagedFile[]> {
    const oversized: { id: string; path: string }[] = [];
    const readable = await withinSize(
      this.repo,
      binaries.map((entry) => ({ id: entry.newId, path: entry.path, entry })),
      this.maxFileSize,
      (item) => oversized.push(item),
    );
    // Over the size limit: counted by what the first bytes show (a text file missed makes the run incomplete).
    for (const item of oversized) scan.skipped(item.path, oversizedReason(await blobHead(this.repo, item.id, SNIFF_BYTES), item.path));
    const candidates = readable
      .map((item) => item.entry)
      .filter((entry) => {
        if (!this.options.skipPath?.(entry.path)) return true;
        scan.skipped(entry.path, 'excluded-path');
        return false;
      });
    if (candidates.length === 0) return [];
    const text: RawEntry[] = [];
    const workTree = this.repo.workTree!;
    for await (const blob of blobBytes(
      this.repo,
      candidates.map((entry) => ({ entry, id: entry.newId })),
    )) {
      const { entry } = blob.item;
      if (!blob.data) {
        scan.skipped(entry.path, 'missing');
        continue;
      }
      const decoded = decodeBytes(blob.data, { path: entry.path });
      if (decoded.ok) {
        text.push(entry);
        continue;
      }
      const origin = { path: entry.path, absolutePath: path.join(workTree, entry.path), blob: entry.newId };
      scan.settle(await scan.task({ kind: 'bytes', bytes: blob.data, origin }));
    }
    if (text.length === 0) return [];
    // A rename's source path too, so the diff pairs it and only changed lines count.
    const paths = [...new Set(text.flatMap((entry) => (entry.oldPath ? [entry.path, entry.oldPath] : [entry.path])))];
    const wanted = new Set(text.map((entry) => entry.newId));
    return (await readStaged(this.repo, this.maxFileSize, paths)).files.filter((file) => wanted.has(file.entry.newId));
  }
}
