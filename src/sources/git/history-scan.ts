import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_FILE_SIZE } from '../../config/defaults.js';
import { memoize } from '../../core/memoize.js';
import type { CommitInfo, Origin, ScanResult } from '../../core/types.js';
import type { ScanContext, Source, SourceStats } from '../source.js';
import { Copies } from './copies.js';
import { FindingSet } from './findings.js';
import { listRoots, PatchRun } from './history.js';
import { joinHunks } from './hunks.js';
import { Introductions } from './introductions.js';
import { readMerges, type MergeRef, type MergeStats } from './merges.js';
import { commitMetadata, tagMetadata, type MetadataText } from './metadata.js';
import type { FilePatch, PatchedCommit, RawEntry } from './patch.js';
import { refObjectBlobs } from './refs.js';
import { recheckWhole, type Recheck } from './recheck.js';
import type { Repository } from './repo.js';
import { historyRevisions, listHistory, type HistoryScope } from './scope.js';
import { scanWholeBlobs, withinSizeLimit, type WholeBlob } from './whole-blobs.js';

export interface HistoryOptions extends HistoryScope {
  /** Blobs larger than this are skipped without being read. Default 10 MiB. */
  maxFileSize?: number;
  /** Paths allowlisted as a whole (config `allow.paths`): their blobs are not scanned. */
  skipPath?: (path: string) => boolean;
  /** Lines of unchanged context around each change given to rules that look nearby. Default {@link DEFAULT_CONTEXT}. */
  context?: number;
  /** git processes computing diffs at once. Default: one per core. */
  partitions?: number;
  /** Fewest commits worth a git process of their own. Default 1000. */
  minCommitsPerPartition?: number;
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
 * The history of a repository: the lines each commit added, diffed by git
 * (several processes at once), each blob at most once, each finding
 * attributed to the commit that introduced it. The same secret at the same
 * path is one finding (the first commit in history order) with a count of
 * the commits that added it. Findings are final only at the end (an earlier
 * introduction may still arrive), so they are handed on then.
 */
export class HistorySource implements Source {
  readonly kind = 'history';
  readonly unit = 'commits';
  readonly streams = false;
  /** Where a `near` condition failed inside a change, the whole file version is scanned again (`recheck`). */
  readonly needsExplain = true;
  readonly root: string;
  private readonly commits: Promise<readonly string[]>;
  private run?: PatchRun;
  private listed: readonly string[] = [];
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
  private readonly revisions: readonly string[];
  private refObjects = 0;
  private readonly findings = new FindingSet();
  /** Where blobs were committed again after their first introduction (see {@link Copies}). */
  private readonly copies = new Copies();
  /** File versions to scan whole: a `near` condition failed inside their changes, where the partner may simply be out of view. */
  private readonly rechecks: Recheck[] = [];
  private scan?: ScanContext;
  /** Whole blobs scanned after the diffs (attribute-marked text, ref objects). */
  private scannedWhole = 0;
  private hunks = 0;
  /** Commit messages, authors and tag messages scanned. */
  private metadataScanned = 0;
  /** Merges met in the diffs (which show none of their changes), read after them (see {@link readMerges}). */
  private readonly merges: MergeRef[] = [];
  /** Root commits, whose patch (the whole tree) is not asked of git: read before the diffs, each blob once (see {@link readMerges}). */
  private roots: Promise<Set<string>> | undefined;
  private rootStats: MergeStats | undefined;
  private mergeStats: MergeStats | undefined;

  /**
   * `commits`: the list {@link listHistory} gives, when the caller started it
   * early (git lists them while the configuration loads).
   */
  constructor(
    private readonly repo: Repository,
    private readonly options: HistoryOptions = {},
    commits?: Promise<readonly string[]>,
  ) {
    this.root = repo.workTree ?? repo.gitDir;
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.context = options.context ?? DEFAULT_CONTEXT;
    this.skipPath = options.skipPath && memoize(options.skipPath);
    const revisions = historyRevisions(options);
    this.revisions = revisions;
    this.allRefs = revisions.length === 1 && revisions[0] === '--all';
    this.commits = commits ?? listHistory(repo, options);
    // Settled now, awaited in start(): a git failure is not an unhandled rejection meanwhile.
    this.commits.catch(() => {});
  }

  /** Starts git on the diffs; the runner compiles its rules meanwhile. */
  async start(): Promise<void> {
    this.roots = listRoots(this.repo, this.revisions);
    this.roots.catch(() => {});
    this.listed = await this.commits;
    this.run = new PatchRun(this.repo, this.listed, {
      context: this.context,
      maxFileSize: this.maxFileSize,
      partitions: Math.max(1, Math.floor(this.options.partitions ?? availableParallelism())),
      ...(this.options.minCommitsPerPartition !== undefined ? { minCommitsPerPartition: this.options.minCommitsPerPartition } : {}),
      wants: (entry, commit) => this.wants(entry, commit),
      onCommit: (commit) => this.onCommit(commit),
    });
  }

  abort(): void {
    this.run?.close();
  }

  async read(scan: ScanContext): Promise<SourceStats> {
    if (!this.run) await this.start();
    this.scan = scan;
    scan.progress({ total: this.listed.length });
    try {
      await scan.ready();
    } catch (error) {
      this.run!.close();
      throw error;
    }
    // git computes the diffs (into files) while the roots are read.
    this.rootStats = await this.readApart(await this.rootRefs());
    await this.run!.read();
    this.mergeStats = await this.readApart(this.merges.sort((a, b) => a.index - b.index));
    const scanned = this.countOutcomes();
    const rechecked = await this.recheck();
    await this.scanBinaries();
    if (this.allRefs) {
      await this.scanRefObjects();
      this.scanMetadata(await tagMetadata(this.repo), this.listed.length);
    }
    if (this.submodules.size > 0) for (const path of this.submodules) scan.skipped(path, 'submodule', `submodule:${path}`);
    scan.found(this.copies.apply(this.findings.result(true)));
    return {
      commits: this.listed.length,
      blobs: this.introduced.size,
      blobsScanned: scanned + this.scannedWhole,
      rescanned: this.rescanned,
      hunks: this.hunks,
      rechecked,
      textMarkedBinary: this.textMarkedBinary,
      refObjects: this.refObjects,
      metadata: this.metadataScanned,
      roots: this.rootStats?.commits ?? 0,
      merges: this.mergeStats?.commits ?? 0,
      mergeVersions: this.mergeStats?.ownVersions ?? 0,
      mergeVersionsRead: this.mergeStats?.compared ?? 0,
      context: this.context,
      partitions: this.run!.partitions,
      shallow: this.repo.shallow,
    };
  }

  /** Counts what became of each blob at its first introduction; skips go to the runner. */
  private countOutcomes(): number {
    let scanned = 0;
    for (const outcome of this.introduced.outcomes()) {
      if (outcome === 'scanned') scanned++;
      else if (outcome === 'symlink' || outcome === 'excluded-path') this.scan!.skipped('', outcome);
    }
    return scanned;
  }

  /** Whether `order` is still the first introduction of `blobId` (a later-met earlier one replaces it). */
  private isFirst(blobId: string, order: number): boolean {
    return this.introduced.order(blobId) === order;
  }

  /** Decides, once per blob (at its first introduction in history order), whether a patch is worth reading. */
  private wants(entry: RawEntry, commit: PatchedCommit): boolean {
    if (entry.status === 'D' || isNull(entry.newId)) return false;
    if (entry.newMode === SUBMODULE_MODE) {
      this.submodules.add(entry.path);
      return false;
    }
    if (entry.newMode === SYMLINK_MODE) {
      if (!this.introduced.has(entry.newId)) this.introduced.set(entry.newId, commit.index, 'symlink');
      return false;
    }
    // An allowlisted path never stands for its content: the same blob elsewhere is still scanned there.
    if (this.skipPath?.(entry.path)) {
      this.scan?.skipped(entry.path, 'excluded-path', `${entry.newId}\0${entry.path}`);
      return false;
    }
    const known = this.introduced.order(entry.newId);
    if (known !== undefined && this.introduced.outcome(entry.newId) !== 'symlink') {
      if (known <= commit.index) {
        this.copiedTo(entry, commit);
        return false;
      }
      // Met first in a later slice: what that commit's change gave no longer counts, but where it put the secret does.
      if (this.introduced.outcome(entry.newId) === 'scanned') this.rescanned++;
      for (const { order, result } of this.findings.forget(entry.newId)) {
        for (const finding of result.findings) {
          if (finding.origin.commit && finding.path !== entry.path)
            this.copies.add(entry.newId, { path: finding.path, order, commit: finding.origin.commit });
        }
      }
    }
    this.introduced.set(entry.newId, commit.index, 'wanted');
    return true;
  }

  /** The blob committed again, at `entry.path` in `commit` (see {@link Copies}). */
  private copiedTo(entry: RawEntry, commit: PatchedCommit): void {
    if (commit.info) this.copies.add(entry.newId, { path: entry.path, order: commit.index, commit: commit.info });
  }

  /**
   * Scans commit or tag metadata as text of its own (see metadata.ts).
   * Keyed apart from blobs: a message is not a file version.
   */
  private scanMetadata(texts: readonly MetadataText[], order: number): void {
    for (const item of texts) {
      const origin: Origin = { path: item.path, metadata: true, ...(item.commit ? { commit: item.commit } : {}) };
      const outcome = this.scan!.text({ text: item.text, origin });
      this.findings.add(outcome.result, `\0${item.path}`, order);
      this.metadataScanned++;
    }
  }

  private onCommit(commit: PatchedCommit): void {
    this.scan!.progress({ done: 1 });
    if (commit.info) this.scanMetadata(commitMetadata(commit.info, commit.fullMessage), commit.index);
    if (commit.parents.length > 1) this.merges.push({ sha: commit.info!.sha, index: commit.index });
    // A new submodule shows in --raw even when git prints no patch for it.
    for (const entry of commit.entries) if (entry.newMode === SUBMODULE_MODE && !isNull(entry.newId)) this.submodules.add(entry.path);
    for (const file of commit.files) this.scanFile(file, commit);
  }

  /** The roots' positions in the list. */
  private async rootRefs(): Promise<MergeRef[]> {
    const roots = await this.roots!;
    const refs: MergeRef[] = [];
    if (roots.size === 0) return refs;
    for (const [index, sha] of this.listed.entries()) if (roots.has(sha)) refs.push({ sha, index });
    return refs;
  }

  /**
   * Commits whose changes the diffs do not show: root commits (read first,
   * while git computes the diffs) and merges (read after every other commit's
   * diff, so each blob a merge made is known to be new or not). What they
   * wrote themselves (a root's files; a merge's conflict resolution or "evil"
   * content) is scanned as if from a diff.
   */
  private readApart(commits: readonly MergeRef[]): Promise<MergeStats> {
    return readMerges(
      this.repo,
      commits,
      { context: this.context, maxFileSize: this.maxFileSize },
      {
        wants: (entry, commit) => this.wants(entry, commit),
        onFile: (file, commit) => this.scanFile(file, commit),
        // Absent from the repository (a partial clone): the run is incomplete, as for any blob it could not read.
        onMissing: (entry) => this.scan!.skipped(entry.path, 'missing'),
      },
    );
  }

  /** Scans the added lines of one file version, unless an earlier commit turned out to introduce it meanwhile. */
  private scanFile(file: FilePatch, commit: PatchedCommit): void {
    const order = commit.index;
    const scan = this.scan!;
    const id = file.entry.newId;
    // An earlier commit in another slice introduced it while this one was being read.
    if (!this.isFirst(id, order)) return;
    if (file.binary) {
      this.introduced.mark(id, 'binary');
      this.binaries.push({ id, path: file.entry.path, commit: commit.info!, order });
      return;
    }
    if (file.hunks.length === 0) return;
    let bytes = 0;
    let nearFailed = false;
    let timedOut = false;
    const origin = { path: file.entry.path, commit: commit.info!, blob: id };
    const results: ScanResult[] = [];
    for (const group of joinHunks(file.hunks)) {
      this.hunks += group.hunks;
      bytes += group.text.length;
      const outcome = scan.text({ text: group.text, origin, firstLine: group.firstLine, lines: group.added });
      results.push(outcome.result);
      if (outcome.skipped) {
        // Past the time budget: counted as skipped by the runner; what it found before stands.
        timedOut = true;
        break;
      }
      if (outcome.result.suppressed.some((item) => item.filter === 'near')) nearFailed = true;
    }
    this.introduced.mark(id, timedOut ? 'timeout' : 'scanned');
    if (!timedOut) scan.scanned(file.entry.path, bytes);
    scan.progress({ bytes, blobs: 1 });
    // With the whole file as context the verdicts may differ (a paired rule
    // now wins over a generic one): the re-check's results replace these.
    if (nearFailed && !timedOut) {
      this.rechecks.push({
        id,
        path: file.entry.path,
        commit: commit.info!,
        order,
        added: file.hunks.flatMap((h) => h.added),
        partial: results,
      });
    } else for (const result of results) this.findings.add(result, id, order);
  }

  /**
   * git shows a file as binary when it is over the size limit, when its first
   * 8,000 bytes hold a NUL, or when the repository's `.gitattributes` says so
   * (`-diff`, `binary`), which any commit can add: a `*.env -diff` line, or one
   * NUL byte at the top of a `.env`, would otherwise hide its secrets from the
   * history scan. So every such version under the size limit is read and
   * sniffed as a file would be (sources/decode.ts): text is scanned whole (its
   * changed lines are unknown, so each version's secrets count; the earliest
   * version holding one is the one reported), and a true binary's printable
   * runs are scanned with the cheap, certain rules, as `strings` would show
   * them.
   */
  private async scanBinaries(): Promise<void> {
    const binaries = this.binaries.filter((item) => this.isFirst(item.id, item.order));
    const readable = await withinSizeLimit(this.repo, this.scan!, binaries, this.maxFileSize, (item) => item.path);
    this.textMarkedBinary += await this.scanWhole(
      readable.map((item) => ({ id: item.id, order: item.order, origin: { path: item.path, commit: item.commit, blob: item.id } })),
    );
  }

  /**
   * A ref can name a blob or a tree instead of a commit (`git tag leak
   * <blob>`, pushed like any tag): no commit's diff ever shows its content.
   * Those blobs, and the files of those trees not already met in history,
   * are scanned whole, named by the ref (`refs/tags/leak`,
   * `refs/tags/snapshot:config/app.env`).
   */
  private async scanRefObjects(): Promise<void> {
    const fresh = (await refObjectBlobs(this.repo)).filter((item) => {
      if (this.introduced.has(item.id)) return false;
      // After every commit: a blob also committed somewhere is reported there.
      this.introduced.set(item.id, this.listed.length, 'ref');
      if (!this.skipPath?.(item.file ?? item.ref)) return true;
      this.scan!.skipped(item.file ?? item.ref, 'excluded-path');
      return false;
    });
    const readable = await withinSizeLimit(this.repo, this.scan!, fresh, this.maxFileSize, (item) => item.file ?? item.ref);
    // Ordered after every commit: a blob also committed somewhere is reported there.
    this.refObjects += await this.scanWhole(
      readable.map((item) => ({
        id: item.id,
        order: Number.MAX_SAFE_INTEGER,
        origin: { path: item.file ? `${item.ref}:${item.file}` : item.ref, blob: item.id },
      })),
    );
  }

  /** Scans blobs whole (see {@link scanWholeBlobs}); returns how many were text. Findings stay with the history (see {@link findings}). */
  private async scanWhole(items: readonly WholeBlob[]): Promise<number> {
    const counts = await scanWholeBlobs(this.repo, this.scan!, items, (item, result) => this.findings.add(result, item.id, item.order));
    this.scannedWhole += counts.scanned;
    return counts.texts;
  }

  /** Scans again, whole, the file versions whose `near` conditions failed in their change (see {@link recheckWhole}). */
  private async recheck(): Promise<number> {
    const rechecks = this.rechecks.filter((item) => this.isFirst(item.id, item.order));
    await recheckWhole(this.repo, this.scan!, rechecks, (item, result) => this.findings.add(result, item.id, item.order));
    return rechecks.length;
  }
}
