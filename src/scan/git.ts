import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_FILE_SIZE } from '../config/defaults.js';
import { ScanTimeoutError } from '../core/errors.js';
import type { CommitInfo, LineRange, Origin, ScanResult } from '../core/types.js';
import type { Engine } from '../detect/engine.js';
import { blobTexts } from '../sources/git/blob-texts.js';
import { withinSize } from '../sources/git/catfile.js';
import { PatchRun } from '../sources/git/history.js';
import { refObjectBlobs } from '../sources/git/refs.js';
import { attributeMarked } from '../sources/git/attributes.js';
import { joinHunks } from '../sources/git/hunks.js';
import type { PatchedCommit, RawEntry } from '../sources/git/patch.js';
import { openRepository, type Repository } from '../sources/git/repo.js';
import { Collector, type ScanReport } from './collector.js';
import { FindingSet } from './git-findings.js';
import { Introductions } from './git-introductions.js';
import { historyRevisions, listHistory, type HistoryScope } from './git-scope.js';

export interface GitScanOptions extends HistoryScope {
  /** The repository (any folder inside it, or a bare repository). Default: the working directory. */
  repo?: string;
  /** Blobs larger than this are skipped without being read. Default 10 MiB. */
  maxFileSize?: number;
  /** Paths allowlisted as a whole (config `allow.paths`): their blobs are not scanned. */
  skipPath?: (path: string) => boolean;
  /** Lines of unchanged context around each change given to rules that look nearby. Default {@link DEFAULT_CONTEXT}. */
  context?: number;
  /**
   * Report the candidates the engine dropped (an engine built with `explain`).
   * Default true. The CLI always builds its history engine with `explain` (it
   * needs to see where a `near` condition failed, see `recheck`) and sets this
   * from `--explain`.
   */
  reportSuppressed?: boolean;
  /** git processes computing diffs at once. Default: one per core. */
  partitions?: number;
  /** Fewest commits worth a git process of their own. Default 1000. */
  minCommitsPerPartition?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Lines of context around changes. None by default (docs/git.md has the
 * measurements): where a rule needs a partner nearby and does not find it in
 * a change, the whole file version is scanned instead (see `recheck`).
 */
export const DEFAULT_CONTEXT = 0;

const SUBMODULE_MODE = '160000';
const SYMLINK_MODE = '120000';
const isNull = (id: string): boolean => /^0+$/.test(id);

/**
 * Scans the history of a repository: the lines each commit added, diffed by
 * git (several processes at once), each blob at most once, each finding
 * attributed to the commit that introduced it. The same secret at the same
 * path is one finding (the first commit in history order) with a count of
 * the commits that added it.
 */
export async function scanGitHistory(engine: Engine, options: GitScanOptions = {}): Promise<ScanReport> {
  const repo = await openRepository(options.repo ?? process.cwd(), options.env);
  return scanRepositoryHistory(engine, repo, options);
}

export async function scanRepositoryHistory(engine: Engine, repo: Repository, options: GitScanOptions = {}): Promise<ScanReport> {
  return (await startHistoryScan(repo, options)).scan(engine);
}

/**
 * Starts git on the diffs of `commits` (by default those {@link listHistory}
 * gives) and returns the scan to finish with an engine: the CLI compiles its
 * rules while git computes the diffs.
 */
export async function startHistoryScan(
  repo: Repository,
  options: GitScanOptions = {},
  commits?: Promise<readonly string[]>,
): Promise<StartedHistoryScan> {
  return new StartedHistoryScan(repo, options, await (commits ?? listHistory(repo, options)));
}

export class StartedHistoryScan {
  private readonly collector = new Collector();
  private readonly run: PatchRun;
  private readonly maxFileSize: number;
  private readonly context: number;
  private readonly skipPath: ((path: string) => boolean) | undefined;
  /**
   * Each blob's first introduction met so far, by blob id. Slices of history
   * arrive interleaved, so a blob met at one commit may turn out to have been
   * introduced by an earlier commit of another slice: that one then takes
   * its place (see `wants`).
   */
  private readonly introduced = new Introductions();
  /** Blobs scanned again because an earlier introduction arrived after a later one was scanned. */
  private rescanned = 0;
  private readonly submodules = new Set<string>();
  /** File versions git showed as binary (or over the size limit), in history order. */
  private readonly binaries: { id: string; path: string; commit: CommitInfo; order: number }[] = [];
  /** Of those, text files that a `.gitattributes` entry (`-diff`, `binary`) had git show as binary: scanned whole. */
  private textMarkedBinary = 0;
  /** Scanning every ref (no range, branch or start given): refs that name a blob or a tree are read too. */
  private readonly allRefs: boolean;
  private refObjects = 0;
  private readonly findings = new FindingSet();
  /** File versions to scan whole: a `near` condition failed inside their changes, where the partner may simply be out of view. */
  private readonly rechecks: { id: string; path: string; commit: CommitInfo; order: number; added: LineRange[]; partial: ScanResult[] }[] =
    [];
  private readonly reportSuppressed: boolean;
  private engine: Engine | undefined;
  /** Whole blobs scanned after the diffs (attribute-marked text, ref objects). */
  private scannedWhole = 0;
  private hunks = 0;

  constructor(
    private readonly repo: Repository,
    options: GitScanOptions,
    private readonly commits: readonly string[],
  ) {
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.context = options.context ?? DEFAULT_CONTEXT;
    this.skipPath = options.skipPath && memoize(options.skipPath);
    this.reportSuppressed = options.reportSuppressed !== false;
    const revisions = historyRevisions(options);
    this.allRefs = revisions.length === 1 && revisions[0] === '--all';
    this.run = new PatchRun(repo, this.commits, {
      context: this.context,
      maxFileSize: this.maxFileSize,
      partitions: Math.max(1, Math.floor(options.partitions ?? availableParallelism())),
      ...(options.minCommitsPerPartition !== undefined ? { minCommitsPerPartition: options.minCommitsPerPartition } : {}),
      wants: (entry, commit) => this.wants(entry, commit),
      onCommit: (commit) => this.onCommit(commit),
    });
  }

  async scan(engine: Engine): Promise<ScanReport> {
    this.engine = engine;
    try {
      await engine.prepare();
    } catch (error) {
      this.run.close();
      throw error;
    }
    await this.run.read();
    const outcomes = this.countOutcomes();
    const rechecked = await this.recheck(engine);
    await this.scanMarkedBinary(engine);
    if (this.allRefs) await this.scanRefObjects(engine);
    const { collector } = this;
    if (this.submodules.size > 0) collector.stats.skipped.submodule = this.submodules.size;
    collector.add(this.findings.result(this.reportSuppressed));
    Object.assign(collector.stats, {
      commits: this.commits.length,
      blobs: this.introduced.size,
      blobsScanned: outcomes.scanned + this.scannedWhole,
      rescanned: this.rescanned,
      hunks: this.hunks,
      rechecked,
      textMarkedBinary: this.textMarkedBinary,
      refObjects: this.refObjects,
      context: this.context,
      partitions: this.run.partitions,
      shallow: this.repo.shallow,
    });
    return collector.finish();
  }

  /** Counts what became of each blob at its first introduction; skips go to the collector. */
  private countOutcomes(): { scanned: number } {
    let scanned = 0;
    for (const outcome of this.introduced.outcomes()) {
      if (outcome === 'scanned') scanned++;
      else if (outcome === 'symlink' || outcome === 'excluded-path' || outcome === 'timeout') this.collector.skip(outcome);
    }
    return { scanned };
  }

  /** Whether `order` is still the first introduction of `blobId` (a later-met earlier one replaces it). */
  private isFirst(blobId: string, order: number): boolean {
    return this.introduced.order(blobId) === order;
  }

  /** Stops git without scanning (the caller failed before it could scan). */
  abort(): void {
    this.run.close();
  }

  /** Decides, once per blob (at its first introduction in history order), whether a patch is worth reading. */
  private wants(entry: RawEntry, commit: PatchedCommit): boolean {
    if (entry.status === 'D' || isNull(entry.newId)) return false;
    if (entry.newMode === SUBMODULE_MODE) {
      this.submodules.add(entry.path);
      return false;
    }
    const known = this.introduced.order(entry.newId);
    if (known !== undefined && known <= commit.index) return false;
    if (known !== undefined) {
      // Met first in a later slice: what that commit's change gave no longer counts.
      if (this.introduced.outcome(entry.newId) === 'scanned') this.rescanned++;
      this.findings.forget(entry.newId);
    }
    const outcome = entry.newMode === SYMLINK_MODE ? 'symlink' : this.skipPath?.(entry.path) ? 'excluded-path' : 'wanted';
    this.introduced.set(entry.newId, commit.index, outcome);
    return outcome === 'wanted';
  }

  private onCommit(commit: PatchedCommit): void {
    const order = commit.index;
    // A new submodule shows in --raw even when git prints no patch for it.
    for (const entry of commit.entries) if (entry.newMode === SUBMODULE_MODE && !isNull(entry.newId)) this.submodules.add(entry.path);
    const engine = this.engine!;
    for (const file of commit.files) {
      const id = file.entry.newId;
      // An earlier commit in another slice introduced it while this one was being read.
      if (!this.isFirst(id, order)) continue;
      if (file.binary) {
        this.introduced.mark(id, 'binary');
        this.binaries.push({ id: file.entry.newId, path: file.entry.path, commit: commit.info!, order });
        continue;
      }
      if (file.hunks.length === 0) continue;
      let bytes = 0;
      let nearFailed = false;
      const origin = { path: file.entry.path, commit: commit.info!, blob: file.entry.newId };
      const results: ScanResult[] = [];
      try {
        for (const group of joinHunks(file.hunks)) {
          this.hunks += group.hunks;
          bytes += group.text.length;
          const result = engine.scan({ text: group.text, origin, firstLine: group.firstLine, lines: group.added });
          if (result.suppressed.some((item) => item.filter === 'near')) nearFailed = true;
          results.push(result);
        }
      } catch (error) {
        // Past --file-timeout (text built to stall a regex): skipped and counted, never silently.
        if (!(error instanceof ScanTimeoutError)) throw error;
        this.introduced.mark(id, 'timeout');
        continue;
      }
      this.introduced.mark(id, 'scanned');
      this.collector.scanned(bytes);
      // With the whole file as context the verdicts may differ (a paired rule
      // now wins over a generic one): the re-check's results replace these.
      if (nearFailed)
        this.rechecks.push({
          id: file.entry.newId,
          path: file.entry.path,
          commit: commit.info!,
          order,
          added: file.hunks.flatMap((h) => h.added),
          partial: results,
        });
      else for (const result of results) this.findings.add(result, file.entry.newId, order);
    }
  }

  /**
   * git shows a file as binary when it is over the size limit, when its first
   * 8,000 bytes hold a NUL, or when the repository's `.gitattributes` says so
   * (`-diff`, `binary`), which any commit can add: a `*.env -diff` line would
   * otherwise hide every secret in `.env` files from the history scan. So each
   * version under the size limit whose path has such an attribute is read and
   * sniffed as a file would be; text is scanned whole (its changed lines are
   * unknown, so each version's secrets count; the earliest version holding one
   * is the one reported).
   */
  private async scanMarkedBinary(engine: Engine): Promise<void> {
    const binaries = this.binaries.filter((item) => this.isFirst(item.id, item.order));
    const marked = await attributeMarked(this.repo, binaries, this.maxFileSize, (reason) => this.collector.skip(reason));
    this.textMarkedBinary += await this.scanWholeBlobs(
      engine,
      marked.map((item) => ({ id: item.id, order: item.order, origin: { path: item.path, commit: item.commit, blob: item.id } })),
    );
  }

  /**
   * A ref can name a blob or a tree instead of a commit (`git tag leak
   * <blob>`, pushed like any tag): no commit's diff ever shows its content.
   * Those blobs, and the files of those trees not already met in history,
   * are scanned whole, named by the ref (`refs/tags/leak`,
   * `refs/tags/snapshot:config/app.env`).
   */
  private async scanRefObjects(engine: Engine): Promise<void> {
    const fresh = (await refObjectBlobs(this.repo)).filter((item) => {
      if (this.introduced.has(item.id)) return false;
      // After every commit: a blob also committed somewhere is reported there.
      this.introduced.set(item.id, this.commits.length, 'ref');
      if (!this.skipPath?.(item.file ?? item.ref)) return true;
      this.collector.skip('excluded-path');
      return false;
    });
    const readable = await withinSize(this.repo, fresh, this.maxFileSize, () => this.collector.skip('too-large'));
    // Ordered after every commit: a blob also committed somewhere is reported there.
    this.refObjects += await this.scanWholeBlobs(
      engine,
      readable.map((item) => ({
        id: item.id,
        order: Number.MAX_SAFE_INTEGER,
        origin: { path: item.file ? `${item.ref}:${item.file}` : item.ref, blob: item.id },
      })),
    );
  }

  /** Reads each blob, sniffs it as a file would be, and scans the text ones whole; returns how many were text. */
  private async scanWholeBlobs(engine: Engine, items: readonly { id: string; order: number; origin: Origin }[]): Promise<number> {
    let texts = 0;
    for await (const { item, size, text, skipped } of blobTexts(this.repo, items)) {
      if (text === undefined) {
        this.collector.skip(skipped);
        continue;
      }
      texts++;
      try {
        this.findings.add(engine.scan({ text, origin: item.origin }), item.id, item.order);
      } catch (error) {
        if (!(error instanceof ScanTimeoutError)) throw error;
        this.collector.skip('timeout');
        continue;
      }
      this.scannedWhole++;
      this.collector.scanned(size);
    }
    return texts;
  }

  /**
   * Scans, whole, each file version where a rule's `near` partner was missing
   * from the change: the partner may sit on an unchanged line. Only the
   * changed lines are reported, as before; the rest is context.
   */
  private async recheck(engine: Engine): Promise<number> {
    const rechecks = this.rechecks.filter((item) => this.isFirst(item.id, item.order));
    for await (const { item, text } of blobTexts(this.repo, rechecks)) {
      if (text === undefined) {
        // Unreadable now (a partial clone): keep what the change alone gave.
        for (const result of item.partial) this.findings.add(result, item.id, item.order);
        continue;
      }
      const origin = { path: item.path, commit: item.commit, blob: item.id };
      let result: ScanResult;
      try {
        result = engine.scan({ text, origin, lines: item.added });
      } catch (error) {
        if (!(error instanceof ScanTimeoutError)) throw error;
        // The whole file took too long; what the change alone gave still stands.
        for (const partial of item.partial) this.findings.add(partial, item.id, item.order);
        continue;
      }
      this.findings.add(result, item.id, item.order);
    }
    return rechecks.length;
  }
}

/** Paths repeat across commits; glob matching is worth doing once per path. */
function memoize(test: (path: string) => boolean): (path: string) => boolean {
  const known = new Map<string, boolean>();
  return (path) => {
    let answer = known.get(path);
    if (answer === undefined) known.set(path, (answer = test(path)));
    return answer;
  };
}
