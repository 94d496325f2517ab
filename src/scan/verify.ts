import { verifyFindings, type RunnerOptions } from '../verify/runner.js';
import type { ScanReport } from './collector.js';

export interface VerifyReportOptions extends RunnerOptions {
  /** Keep only findings verified live (`--only-live`). Default false. */
  onlyLive?: boolean;
}

/**
 * The verification step after a scan (`--verify`): sets `verified` on every
 * finding (findings without a verifier are `unknown`), counts the verdicts in
 * `stats.verification`, and with `onlyLive` keeps the live ones only. Sends
 * requests; the scan itself never does.
 */
export async function verifyReport(report: ScanReport, options: VerifyReportOptions = {}): Promise<ScanReport> {
  const { results, summary } = await verifyFindings(report.findings, options);
  report.findings.forEach((finding, index) => {
    finding.verified = results[index]!;
  });
  const findings = options.onlyLive ? report.findings.filter((f) => f.verified?.status === 'live') : report.findings;
  return { ...report, findings, stats: { ...report.stats, verification: summary } };
}
