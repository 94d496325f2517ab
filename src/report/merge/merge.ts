import { EXAMPLES, type Incomplete, type NotScanned } from '../../core/completeness.js';
import { SourceError } from '../../core/errors.js';
import { byPlace } from '../../core/report.js';
import { formatShard, parseShard, type Shard } from '../../core/shard.js';
import type { ScanStats } from '../../core/types.js';
import type { ReportedFinding } from '../reported.js';
import { incompleteOf } from '../types.js';
import type { ReadReport } from './read.js';

/**
 * `keyhound merge`: the reports of a sharded run (`--shard I/N`) as one.
 *
 * - Findings are deduplicated by fingerprint and location: the repository and
 *   path, and for findings of files (no commit) also the line and column. A
 *   history reports each secret once per path, at the commit that introduced
 *   it; when several shards of one history found it (committed again later),
 *   the earliest shard's finding is kept (shards of a history are slices in
 *   history order), so the merged report names its first introduction, as a
 *   single run does. Findings of one report are never merged with each other.
 * - Stats are summed (skips by reason); settings (`context`, `partitions`)
 *   keep their largest value; the repositories covered and the failures are
 *   listed in full.
 * - Completeness: a report that was incomplete keeps the merge incomplete,
 *   and every shard of 1..N without a report adds `missing-shard`.
 */
export interface MergeOptions {
  /** N: the shards expected. Default: the N the reports record. */
  shards?: number;
}

export interface Merged {
  findings: ReportedFinding[];
  stats: ScanStats;
  /** Shards of 1..N with no report (empty for unsharded reports). */
  missing: number[];
  /** Every repository that failed, from every report. */
  failures: { repository: string; reason: string }[];
}

/** Stats that are settings, not counts: the same in every shard, so never summed. */
const SETTINGS = new Set(['context', 'partitions']);
/** Stats merging recomputes (or that name one shard). */
const RECOMPUTED = new Set(['skipped', 'complete', 'incomplete', 'shard', 'covered', 'failures', 'shards']);

interface Placed {
  report: ReadReport;
  shard?: Shard;
}

/** The shard each report records, checked: all or none sharded, one N, no shard twice. */
function placeReports(reports: readonly ReadReport[], options: MergeOptions): { placed: Placed[]; count?: number } {
  const placed = reports.map((report): Placed => {
    const text = report.stats.shard;
    if (typeof text !== 'string') return { report };
    try {
      return { report, shard: parseShard(text, 'stats.shard') };
    } catch (error) {
      throw new SourceError(`${report.file}: ${(error as Error).message}`);
    }
  });
  const sharded = placed.filter((p) => p.shard);
  if (sharded.length === 0) {
    if (options.shards !== undefined && reports.length > 0)
      throw new SourceError(`--shards ${options.shards}: ${reports[0]!.file} is not the report of a shard (run with --shard I/N)`);
    return { placed, ...(options.shards !== undefined ? { count: options.shards } : {}) };
  }
  const whole = placed.find((p) => !p.shard);
  if (whole)
    throw new SourceError(
      `${whole.report.file} is not the report of a shard, but ${sharded[0]!.report.file} is: merge the shards of one run`,
    );
  const count = options.shards ?? sharded[0]!.shard!.count;
  const seen = new Map<number, string>();
  for (const { report, shard } of placed) {
    if (shard!.count !== count)
      throw new SourceError(
        `${report.file} is shard ${formatShard(shard!)}, but ${count} shards were expected: merge the shards of one run`,
      );
    const before = seen.get(shard!.index);
    if (before) throw new SourceError(`${before} and ${report.file} are both shard ${formatShard(shard!)}: give each shard's report once`);
    seen.set(shard!.index, report.file);
  }
  // Shards of a history are slices in history order: the earliest shard's finding is the first introduction.
  placed.sort((a, b) => a.shard!.index - b.shard!.index);
  return { placed, count };
}

/** Where a finding is, for deduplication: histories report a secret once per path, files once per place. */
function placeKey(f: ReportedFinding): string {
  const where = f.commit ? '' : `\0${f.line}:${f.column}`;
  return `${f.repository ?? ''}\0${f.fingerprint}\0${f.path}${where}`;
}

function byRepositoryAndPlace(a: ReportedFinding, b: ReportedFinding): number {
  const ra = a.repository ?? '';
  const rb = b.repository ?? '';
  return (ra === rb ? 0 : ra.localeCompare(rb)) || byPlace(a, b);
}

function mergeFindings(placed: readonly Placed[]): ReportedFinding[] {
  const kept = new Map<string, { finding: ReportedFinding; from: number }>();
  const out: ReportedFinding[] = [];
  placed.forEach(({ report }, from) => {
    for (const finding of report.findings) {
      const key = placeKey(finding);
      const known = kept.get(key);
      if (!known || known.from === from) {
        const copy = { ...finding };
        if (!known) kept.set(key, { finding: copy, from });
        out.push(copy);
        continue;
      }
      // Found again by a later shard: the earlier stands. Its blob counts once, other blobs add to the occurrences.
      const first = known.finding;
      if (first.occurrences !== undefined || finding.occurrences !== undefined) {
        const same = first.blob !== undefined && first.blob === finding.blob ? 1 : 0;
        first.occurrences = (first.occurrences ?? 1) + Math.max(0, (finding.occurrences ?? 1) - same);
      }
    }
  });
  return out.sort(byRepositoryAndPlace);
}

function mergeIncomplete(reports: readonly ReadReport[], missing: readonly number[], count: number | undefined): Incomplete | undefined {
  const reasons: Record<string, number> = {};
  const examples: NotScanned[] = missing.map((index) => ({ path: `shard ${index}/${count!}`, reason: 'missing-shard' }));
  if (missing.length > 0) reasons['missing-shard'] = missing.length;
  for (const report of reports) {
    const incomplete = incompleteOf(report.stats);
    if (!incomplete) continue;
    for (const [reason, n] of Object.entries(incomplete.reasons ?? {})) reasons[reason] = (reasons[reason] ?? 0) + n;
    examples.push(...(incomplete.examples ?? []));
  }
  const total = Object.values(reasons).reduce((a, b) => a + b, 0);
  return total === 0 ? undefined : { count: total, reasons, examples: examples.slice(0, EXAMPLES) };
}

function mergeStats(placed: readonly Placed[], missing: readonly number[], count: number | undefined): ScanStats {
  const reports = placed.map((p) => p.report);
  const stats: ScanStats = { files: 0, bytes: 0, skipped: {}, durationMs: 0 };
  const agreed = new Map<string, unknown>();
  const disagreed = new Set<string>();
  for (const report of reports) {
    for (const [key, value] of Object.entries(report.stats)) {
      if (RECOMPUTED.has(key)) continue;
      if (typeof value === 'number') {
        const before = stats[key] as number | undefined;
        stats[key] = SETTINGS.has(key) ? Math.max(before ?? value, value) : (before ?? 0) + value;
      } else if (!disagreed.has(key)) {
        // Text and flags (the GitHub server, a shallow clone) stand when every report agrees.
        if (agreed.has(key) && JSON.stringify(agreed.get(key)) !== JSON.stringify(value)) {
          disagreed.add(key);
          agreed.delete(key);
        } else agreed.set(key, value);
      }
    }
    for (const [reason, n] of Object.entries(report.stats.skipped)) stats.skipped[reason] = (stats.skipped[reason] ?? 0) + n;
  }
  for (const [key, value] of agreed) stats[key] = value;
  const covered = reports.flatMap((r) => (Array.isArray(r.stats.covered) ? (r.stats.covered as string[]) : []));
  if (reports.some((r) => Array.isArray(r.stats.covered))) stats.covered = [...new Set(covered)].sort((a, b) => a.localeCompare(b));
  const failures = failuresOf(reports);
  if (reports.some((r) => Array.isArray(r.stats.failures))) stats.failures = failures;
  if (count !== undefined) {
    const merged = placed.flatMap((p) => (p.shard ? [p.shard.index] : []));
    stats.shards = { count, merged, missing: [...missing] };
  }
  const incomplete = mergeIncomplete(reports, missing, count);
  stats.complete = incomplete === undefined;
  if (incomplete) stats.incomplete = incomplete;
  return stats;
}

function failuresOf(reports: readonly ReadReport[]): { repository: string; reason: string }[] {
  return reports
    .flatMap((r) => (Array.isArray(r.stats.failures) ? (r.stats.failures as { repository: string; reason: string }[]) : []))
    .filter((f) => typeof f?.repository === 'string')
    .map((f) => ({ repository: f.repository, reason: typeof f.reason === 'string' ? f.reason : '' }))
    .sort((a, b) => a.repository.localeCompare(b.repository));
}

/** The reports as one (see the module comment); throws a {@link SourceError} when they are not shards of one run. */
export function mergeReports(reports: readonly ReadReport[], options: MergeOptions = {}): Merged {
  const { placed, count } = placeReports(reports, options);
  const present = new Set(placed.flatMap((p) => (p.shard ? [p.shard.index] : [])));
  const missing = count === undefined ? [] : Array.from({ length: count }, (_, i) => i + 1).filter((i) => !present.has(i));
  return {
    findings: mergeFindings(placed),
    stats: mergeStats(placed, missing, count),
    missing,
    failures: failuresOf(placed.map((p) => p.report)),
  };
}
