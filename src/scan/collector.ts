import type { Finding, ScanResult, ScanStats, SkipReason, Suppressed } from '../core/types.js';

/** A finding whose secret the baseline accepted for the same rule under another path (a renamed file): info level, not new. */
export interface MovedFinding {
  finding: Finding;
  /** The path the baseline has it under. */
  from: string;
}

/** Everything one scan produced: the input to every reporter. */
export interface ScanReport {
  findings: Finding[];
  suppressed: Suppressed[];
  /** Set by the baseline step (src/scan/baseline.ts); they do not fail the scan. */
  moved?: MovedFinding[];
  stats: ScanStats;
}

/** Accumulates findings and counts as chunks are scanned; `finish` sorts them into a deterministic order. */
export class Collector {
  readonly findings: Finding[] = [];
  readonly suppressed: Suppressed[] = [];
  readonly stats: ScanStats = { files: 0, bytes: 0, skipped: {}, durationMs: 0 };
  private readonly started = performance.now();

  add(result: ScanResult): void {
    this.findings.push(...result.findings);
    this.suppressed.push(...result.suppressed);
  }

  scanned(bytes: number): void {
    this.stats.files++;
    this.stats.bytes += bytes;
  }

  skip(reason: SkipReason): void {
    this.stats.skipped[reason] = (this.stats.skipped[reason] ?? 0) + 1;
  }

  count(key: string, by = 1): void {
    this.stats[key] = ((this.stats[key] as number | undefined) ?? 0) + by;
  }

  finish(): ScanReport {
    this.stats.durationMs = Math.round(performance.now() - this.started);
    const byPlace = (a: { path: string; line: number; column: number; ruleId: string }, b: typeof a): number =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
    this.findings.sort(byPlace);
    this.suppressed.sort(byPlace);
    return { findings: this.findings, suppressed: this.suppressed, stats: this.stats };
  }
}
