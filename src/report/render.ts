import type { ScanReport } from '../core/report.js';
import { maskAfterDrop } from '../core/redact.js';
import { toolInfo } from '../version.js';
import { formatFor } from './index.js';
import { Masker } from './mask.js';
import { secretsOf, toReported, toReportedSuppressed } from './reported.js';
import { incompleteOf, type Report } from './types.js';

export interface RenderOptions {
  format: string;
  /** Default true. */
  redact?: boolean;
  /** `--redact=N`: hide at least N percent of each secret (never less than the default hides). */
  hidePercent?: number;
  color?: boolean;
  /** Include dropped candidates (`--explain`). */
  explain?: boolean;
  root?: string;
}

/** Redacts a scan report and renders it in a format. The only road from findings to bytes. */
export function render(scan: ScanReport, options: RenderOptions): string {
  const format = formatFor(options.format);
  return format.render(reportFor(scan, options), { color: options.color ?? false });
}

/** Every secret a run met: what its masking step masks wherever it appears. */
export function runSecrets(scan: ScanReport): Set<string> {
  const secrets = new Set<string>(scan.masked ?? []);
  for (const finding of scan.findings) for (const secret of secretsOf(finding)) secrets.add(secret);
  for (const item of scan.suppressed) if (maskAfterDrop(item.filter)) secrets.add(item.secret);
  for (const moved of scan.moved ?? []) for (const secret of secretsOf(moved.finding)) secrets.add(secret);
  return secrets;
}

/** Names a reason may quote that look like tokens but are not secrets: the run's rule ids and commit ids. */
export function runNames(scan: ScanReport): Set<string> {
  const names = new Set<string>();
  for (const item of [...scan.findings, ...scan.suppressed, ...(scan.moved ?? []).map((m) => m.finding)]) {
    names.add(item.ruleId);
    if (item.origin.commit) names.add(item.origin.commit.sha);
  }
  return names;
}

/** The run's masking step, or undefined under `--no-redact`. */
export function maskerFor(scan: ScanReport, options: Pick<RenderOptions, 'redact' | 'hidePercent'>): Masker | undefined {
  if (options.redact === false) return undefined;
  const masker = new Masker(runSecrets(scan), options.hidePercent);
  masker.keep(runNames(scan));
  return masker;
}

/** The redacted report every format renders: every string from scanned content has passed the run's masking step. */
export function reportFor(scan: ScanReport, options: Omit<RenderOptions, 'format'>): Report {
  const masker = maskerFor(scan, options);
  const redact = { redact: masker !== undefined, ...(masker ? { masker } : {}) };
  const report: Report = {
    tool: toolInfo(),
    findings: liveFirst(scan.findings.map((f) => toReported(f, redact))),
    stats: masker ? maskStats(scan.stats, masker) : scan.stats,
  };
  if (options.explain) report.suppressed = scan.suppressed.map((s) => toReportedSuppressed(s, redact));
  if (scan.moved && scan.moved.length > 0) report.moved = scan.moved.map((m) => ({ ...toReported(m.finding, redact), movedFrom: m.from }));
  if (scan.failed && scan.failed.length > 0)
    report.failed = scan.failed.map((f) => (masker ? { input: masker.text(f.input), reason: masker.reason(f.reason) } : { ...f }));
  if (options.root) report.root = options.root;
  return report;
}

/**
 * Secrets `--verify` found live lead every report (the emergencies), the rest
 * keep their order: a stable sort, so a run without live findings is in
 * report order (path, line, column, rule) as before.
 */
export function liveFirst<T extends { verified?: { status: string } }>(findings: T[]): T[] {
  if (!findings.some((f) => f.verified?.status === 'live')) return findings;
  return [...findings.filter((f) => f.verified?.status === 'live'), ...findings.filter((f) => f.verified?.status !== 'live')];
}

/** The paths the stats name (what was not scanned) come from the scanned input too. */
function maskStats(stats: ScanReport['stats'], masker: Masker): ScanReport['stats'] {
  const incomplete = incompleteOf(stats);
  if (!incomplete) return stats;
  return { ...stats, incomplete: { ...incomplete, examples: incomplete.examples.map((e) => ({ ...e, path: masker.text(e.path) })) } };
}
