import { DEFAULT_MAX_FILE_SIZE } from '../config/defaults.js';
import { UsageError } from '../core/errors.js';
import type { Finding, Origin, ScanResult, Suppressed } from '../core/types.js';
import type { Engine } from '../detect/engine.js';
import { BlobCache } from '../sources/git/blob-cache.js';
import { CatFileReader, objectInfo } from '../sources/git/catfile.js';
import { countLineBreaks } from '../sources/git/changes.js';
import { blobChunks, type BlobChunk } from '../sources/git/chunks.js';
import { HistoryPlanner, type PlannedBlob, type PlanStep } from '../sources/git/history.js';
import { readLog } from '../sources/git/log.js';
import { openRepository, type Repository } from '../sources/git/repo.js';
import { Collector, type ScanReport } from './collector.js';

export interface GitScanOptions {
  /** The repository (any folder inside it, or a bare repository). Default: the working directory. */
  repo?: string;
  /** A revision range (`base..head`): only blobs introduced by commits in it. */
  range?: string;
  /** Only commits after this one (reachable from the scanned refs but not from it). */
  sinceCommit?: string;
  /** Refs to scan instead of all refs. */
  branches?: readonly string[];
  /** Raw revision arguments for `git log` (e.g. `A --not --remotes=origin`); overrides range, branches and sinceCommit. */
  revisions?: readonly string[];
  /** Blobs larger than this are skipped before they are read. Default 10 MiB. */
  maxFileSize?: number;
  /** Memory for blobs kept as bases of later versions. Default 512 MiB. */
  baseCacheBytes?: number;
  /** Paths allowlisted as a whole (config `allow.paths`): their blobs are not read. */
  skipPath?: (path: string) => boolean;
  /** Lines of context around new lines. Default: the widest `near` of the rules, plus one. */
  context?: number;
  env?: NodeJS.ProcessEnv;
}

/** Extra statistics of a history scan, beside `files` (blobs scanned) and `bytes` (their size). */
export interface GitScanStats {
  commits: number;
  /** Distinct blobs introduced by those commits. */
  blobs: number;
  /** Blob reads from git, bases included: every blob at most once. */
  blobReads: number;
  /** Bytes handed to the engine: new lines and their context. */
  bytesScanned: number;
  shallow: boolean;
}

/** How long the scan loop may run before it lets the event loop pull more of git's output. */
const SLICE_MS = 8;

/** The `git log` revisions for the options: all refs by default. */
export function historyRevisions(options: GitScanOptions): string[] {
  if (options.revisions) return [...options.revisions];
  if (options.range) {
    if (options.branches?.length || options.sinceCommit) throw new UsageError('--range cannot be combined with --branch or --since-commit (the range names its own commits)');
    return [options.range];
  }
  const refs = options.branches && options.branches.length > 0 ? [...options.branches] : ['--all'];
  return options.sinceCommit ? [...refs, '--not', options.sinceCommit] : refs;
}

/**
 * Scans the history of a repository: every blob introduced by the commits in
 * scope, read once from one `git cat-file --batch`, compared with the version
 * it replaced so only new lines are scanned, and each finding attributed to
 * the commit that introduced it. The same secret at the same path is one
 * finding (the first commit in history order) with an occurrence count.
 */
export async function scanGitHistory(engine: Engine, options: GitScanOptions = {}): Promise<ScanReport> {
  const repo = await openRepository(options.repo ?? process.cwd(), options.env);
  return scanRepositoryHistory(engine, repo, options);
}

export async function scanRepositoryHistory(engine: Engine, repo: Repository, options: GitScanOptions = {}): Promise<ScanReport> {
  const collector = new Collector();
  const prepared = engine.prepare();
  const planner = new HistoryPlanner();
  await readLog(repo, historyRevisions(options), (commit) => planner.add(commit));
  const plan = planner.finish();
  await prepared;
  Object.assign(collector.stats.skipped, plan.skipped);

  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const cache = new BlobCache(plan.baseUses, options.baseCacheBytes ?? 512 * 1024 * 1024);
  const reads = await selectReads(repo, plan.steps, maxSize, cache, collector, options.skipPath && memoize(options.skipPath));
  const stats: GitScanStats = { commits: plan.commits, blobs: plan.uniqueBlobs, blobReads: reads.length, bytesScanned: 0, shallow: repo.shallow };
  const findings = new FindingSet();
  const context = options.context ?? (process.env.KH_CTX ? Number(process.env.KH_CTX) : contextLines(engine));

  if (reads.length > 0) {
    const reader = new CatFileReader(repo);
    try {
      reader.request(reads.map((step) => (step.kind === 'scan' ? step.blob.id : step.id)));
      let sliceStart = performance.now();
      for (const step of reads) {
        const object = await reader.next();
        if (step.kind === 'base') {
          if (object.data) cache.offer(object.id, object.data);
        } else {
          scanBlob(engine, step.blob, object.data, cache, context, collector, findings, stats);
        }
        if (performance.now() - sliceStart > SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
    } finally {
      reader.close();
    }
  }
  collector.add(findings.result());
  Object.assign(collector.stats, stats);
  if (cache.overflows > 0) collector.count('baseCacheOverflows', cache.overflows);
  return collector.finish();
}

/** Drops what will not be read (missing, not a blob, too large) before any content is requested. */
async function selectReads(
  repo: Repository, steps: PlanStep[], maxSize: number, cache: BlobCache, collector: Collector, skipPath?: (path: string) => boolean,
): Promise<PlanStep[]> {
  const info = await objectInfo(repo, steps.map((step) => (step.kind === 'scan' ? step.blob.id : step.id)));
  const reads: PlanStep[] = [];
  for (const step of steps) {
    const id = step.kind === 'scan' ? step.blob.id : step.id;
    const object = info.get(id);
    const problem = step.kind === 'scan' && skipPath?.(step.blob.path) ? 'excluded-path' : !object || object.type === 'missing' ? 'missing' : object.type !== 'blob' ? 'not-a-blob' : object.size > maxSize ? 'too-large' : undefined;
    if (!problem) {
      reads.push(step);
      continue;
    }
    if (step.kind === 'scan') {
      collector.skip(problem);
      if (step.blob.baseId) cache.release(step.blob.baseId);
    }
  }
  return reads;
}

function scanBlob(
  engine: Engine, blob: PlannedBlob, data: Buffer | undefined, cache: BlobCache, context: number,
  collector: Collector, findings: FindingSet, stats: GitScanStats,
): void {
  const base = blob.baseId ? cache.take(blob.baseId) : undefined;
  if (!data) {
    collector.skip('missing');
    return;
  }
  const origin: Origin = { path: blob.path, commit: blob.commit, blob: blob.id };
  const chunks = blobChunks(data, base, origin, context);
  if (chunks.kind === 'skip') {
    collector.skip(chunks.reason);
    return;
  }
  cache.offer(blob.id, data);
  collector.scanned(data.length);
  stats.bytesScanned += chunks.bytes;
  const found = new Set<Finding>();
  for (const piece of chunks.chunks) {
    const result = scanPiece(engine, piece, data);
    for (const finding of findings.add(result, blob.id)) found.add(finding);
  }
  findings.countRepeats(blob.path, blob.id, data, found);
}

/** Scans one chunk and makes its line numbers absolute in the blob. */
function scanPiece(engine: Engine, piece: BlobChunk, data: Buffer): ScanResult {
  const result = engine.scan(piece.chunk);
  if (piece.start > 0 && (result.findings.length > 0 || result.suppressed.length > 0)) {
    const shift = countLineBreaks(data, 0, piece.start);
    for (const finding of result.findings) {
      finding.line += shift;
      finding.endLine += shift;
    }
    for (const item of result.suppressed) item.line += shift;
  }
  return result;
}

/** Paths repeat across versions; glob matching is worth doing once per path. */
function memoize(test: (path: string) => boolean): (path: string) => boolean {
  const known = new Map<string, boolean>();
  return (path) => {
    let answer = known.get(path);
    if (answer === undefined) known.set(path, (answer = test(path)));
    return answer;
  };
}

/** Lines of context a rule may look at around a secret (`near`), plus one. */
function contextLines(engine: Engine): number {
  let widest = 5;
  for (const rule of engine.rules) for (const near of rule.near) widest = Math.max(widest, near.lines);
  return widest + 1;
}

/**
 * Findings of a history scan, one per secret and path: the first (in history
 * order) is kept, later sightings only count as occurrences, once per version.
 */
class FindingSet {
  private readonly byKey = new Map<string, Finding>();
  private readonly byPath = new Map<string, Finding[]>();
  private readonly suppressed = new Map<string, Suppressed>();
  /** For each finding, the blobs it was counted in. */
  private readonly seenIn = new Map<Finding, Set<string>>();

  /** Adds a scan's results; returns the findings (new or existing) seen in it. */
  add(result: ScanResult, blobId: string): Finding[] {
    const seen: Finding[] = [];
    for (const finding of result.findings) {
      const key = `${finding.fingerprint}\0${finding.path}`;
      const known = this.byKey.get(key);
      const kept = known ?? finding;
      if (!known) {
        finding.occurrences = 0;
        this.byKey.set(key, finding);
        const list = this.byPath.get(finding.path);
        if (list) list.push(finding);
        else this.byPath.set(finding.path, [finding]);
      }
      this.count(kept, blobId);
      seen.push(kept);
    }
    for (const item of result.suppressed) {
      const key = `${item.fingerprint}\0${item.path}\0${item.filter}`;
      if (!this.suppressed.has(key)) this.suppressed.set(key, item);
    }
    return seen;
  }

  /** A new version of a path that still holds a known secret on an unchanged line counts as an occurrence. */
  countRepeats(path: string, blobId: string, data: Buffer, alreadyCounted: Set<Finding>): void {
    const known = this.byPath.get(path);
    if (!known) return;
    for (const finding of known) {
      if (alreadyCounted.has(finding)) continue;
      if (data.includes(finding.secret)) this.count(finding, blobId);
    }
  }

  private count(finding: Finding, blobId: string): void {
    let blobs = this.seenIn.get(finding);
    if (!blobs) this.seenIn.set(finding, (blobs = new Set()));
    if (blobs.has(blobId)) return;
    blobs.add(blobId);
    finding.occurrences = (finding.occurrences ?? 0) + 1;
  }

  result(): ScanResult {
    return { findings: [...this.byKey.values()], suppressed: [...this.suppressed.values()] };
  }
}
