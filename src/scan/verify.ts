import type { ScanReport } from '../core/report.js';
import { verifyFindings, type RunnerOptions, type VerifySummary } from '../verify/runner.js';
import type { Step } from './steps.js';

export interface VerifyStepOptions extends RunnerOptions {
  /** Keep only findings verified live (`--only-live`). Default false. */
  onlyLive?: boolean;
  /** Told the verdicts once they are in (the CLI's stderr line). */
  onDone?: (checked: number, summary: VerifySummary) => void;
}

/**
 * The verification step (`--verify`): sets `verified` on every finding
 * (findings without a verifier are `unknown`), counts the verdicts in
 * `stats.verification`, and with `onlyLive` keeps the live ones only. Sends
 * requests; the scan itself never does.
 */
export function verifyStep(options: VerifyStepOptions = {}): Step {
  return {
    name: 'verify',
    async end(report: ScanReport): Promise<ScanReport> {
      const { results, summary } = await verifyFindings(report.findings, options);
      report.findings.forEach((finding, index) => {
        finding.verified = results[index]!;
      });
      options.onDone?.(report.findings.length, summary);
      const findings = options.onlyLive ? report.findings.filter((f) => f.verified?.status === 'live') : report.findings;
      return { ...report, findings, stats: { ...report.stats, verification: summary } };
    },
  };
}
