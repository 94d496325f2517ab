import type { ScanReport } from '../scan/collector.js';
import { toolInfo } from '../version.js';
import { REPORTERS } from './index.js';
import { toReported, toReportedSuppressed } from './reported.js';
import type { Report } from './types.js';

export interface RenderOptions {
  format: string;
  /** Default true. */
  redact?: boolean;
  color?: boolean;
  /** Include dropped candidates (`--explain`). */
  explain?: boolean;
  root?: string;
}

/** Redacts a scan report and renders it in a format. The only road from findings to bytes. */
export function render(scan: ScanReport, options: RenderOptions): string {
  const reporter = REPORTERS[options.format];
  if (!reporter) throw new Error(`unknown format ${options.format}`);
  const redact = { redact: options.redact !== false };
  const report: Report = {
    tool: toolInfo(),
    findings: scan.findings.map((f) => toReported(f, redact)),
    stats: scan.stats,
  };
  if (options.explain) report.suppressed = scan.suppressed.map((s) => toReportedSuppressed(s, redact));
  if (scan.moved && scan.moved.length > 0) report.moved = scan.moved.map((m) => ({ ...toReported(m.finding, redact), movedFrom: m.from }));
  if (options.root) report.root = options.root;
  return reporter(report, { color: options.color ?? false });
}
