import { EXAMPLES, incompleteness, isExcluded, type NotScanned } from '../core/completeness.js';
import { byPlace, type FailedInput, type MovedFinding, type ScanReport } from '../core/report.js';
import type { Finding, ScanResult, ScanStats, SkipReason, Suppressed } from '../core/types.js';

/** Repository first (audits of several), then place: the order of every report. */
function byRepositoryAndPlace(a: Finding | Suppressed, b: Finding | Suppressed): number {
  const ra = a.origin.repository ?? '';
  const rb = b.origin.repository ?? '';
  return (ra === rb ? 0 : ra.localeCompare(rb)) || byPlace(a, b);
}

/**
 * The runner's ledger: findings and counts as inputs are scanned, and what
 * was skipped and why (each input once, however often a source reports it).
 * `finish` puts everything in a deterministic order.
 */
export class Collector {
  readonly findings: Finding[] = [];
  readonly suppressed: Suppressed[] = [];
  readonly moved: MovedFinding[] = [];
  readonly failed: FailedInput[] = [];
  readonly stats: ScanStats = { files: 0, bytes: 0, skipped: {}, durationMs: 0 };
  /** Inputs read as text (not binaries' printable runs alone): what can prove a baselined secret gone from its path. */
  readonly readAsText = new Set<string>();
  /** Secrets met that no report list holds (see ScanReport.masked): masked in every output all the same. */
  readonly masked = new Set<string>();
  private readonly started = performance.now();
  private readonly skippedKeys = new Set<string>();
  /** The first inputs not scanned that should have been (core/completeness.ts), for the report. */
  private readonly notScanned: NotScanned[] = [];

  add(result: ScanResult): void {
    this.findings.push(...result.findings);
    this.suppressed.push(...result.suppressed);
    this.mask(result.dropped);
  }

  /** Secrets to mask in every output though no finding holds them. */
  mask(secrets: Iterable<string> | undefined): void {
    if (secrets) for (const secret of secrets) this.masked.add(secret);
  }

  scanned(bytes: number): void {
    this.stats.files++;
    this.stats.bytes += bytes;
  }

  /** Counts a skip; with `key`, once per key (a blob met again). Returns whether it was counted. */
  skip(reason: SkipReason, key?: string, path = ''): boolean {
    if (key !== undefined) {
      const unique = `${reason}\0${key}`;
      if (this.skippedKeys.has(unique)) return false;
      this.skippedKeys.add(unique);
    }
    this.stats.skipped[reason] = (this.stats.skipped[reason] ?? 0) + 1;
    if (!isExcluded(reason) && this.notScanned.length < EXAMPLES) this.notScanned.push({ path, reason });
    return true;
  }

  count(key: string, by = 1): void {
    this.stats[key] = ((this.stats[key] as number | undefined) ?? 0) + by;
  }

  finish(): ScanReport {
    this.stats.durationMs = Math.round(performance.now() - this.started);
    this.findings.sort(byRepositoryAndPlace);
    this.suppressed.sort(byPlace);
    const report: ScanReport = { findings: this.findings, suppressed: this.suppressed, stats: this.stats };
    if (this.moved.length > 0) report.moved = this.moved.sort((a, b) => byRepositoryAndPlace(a.finding, b.finding));
    if (this.failed.length > 0) report.failed = this.failed;
    if (this.masked.size > 0) report.masked = [...this.masked];
    // Complete or not is part of every report: a green run promises every input was read or left out on purpose.
    const incomplete = incompleteness(this.stats.skipped, this.notScanned, this.failed);
    this.stats.complete = incomplete === undefined;
    if (incomplete) this.stats.incomplete = incomplete;
    return report;
  }
}
