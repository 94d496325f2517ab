import type { ScanReport } from '../core/report.js';
import { toolInfo } from '../version.js';
import { formatFor } from './index.js';
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
  const format = formatFor(options.format);
  return format.render(reportFor(scan, options), { color: options.color ?? false });
}

/** The redacted report every format renders. */
export function reportFor(scan: ScanReport, options: Omit<RenderOptions, 'format'>): Report {
  const redact = { redact: options.redact !== false };
  // Findings of one commit share its message, which may quote any of their secrets.
  const byCommit = new Map<string, string[]>();
  if (redact.redact) {
    for (const f of scan.findings) {
      const sha = f.origin.commit?.sha;
      if (sha) byCommit.set(sha, [...(byCommit.get(sha) ?? []), f.secret]);
    }
  }
  const commitSecrets = (sha: string | undefined): string[] => (sha ? (byCommit.get(sha) ?? []) : []);
  const report: Report = {
    tool: toolInfo(),
    findings: scan.findings.map((f) => toReported(f, { ...redact, alsoMask: commitSecrets(f.origin.commit?.sha) })),
    stats: scan.stats,
  };
  if (options.explain) report.suppressed = scan.suppressed.map((s) => toReportedSuppressed(s, redact));
  if (scan.moved && scan.moved.length > 0)
    report.moved = scan.moved.map((m) => ({
      ...toReported(m.finding, { ...redact, alsoMask: commitSecrets(m.finding.origin.commit?.sha) }),
      movedFrom: m.from,
    }));
  if (options.root) report.root = options.root;
  return report;
}
