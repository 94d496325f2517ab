import type { Incomplete } from '../core/completeness.js';
import type { ScanStats } from '../core/types.js';

/** The stats' completeness, typed (core/completeness.ts): set when the run could not scan everything it should have. */
export function incompleteOf(stats: ScanStats): Incomplete | undefined {
  return stats.incomplete as Incomplete | undefined;
}
import type { ReportedFinding, ReportedSuppressed } from './reported.js';

/** The input of every reporter: already redacted. */
export interface Report {
  findings: ReportedFinding[];
  /** Present with `--explain`. */
  suppressed?: ReportedSuppressed[];
  /** Findings a baseline accepted under another path (renamed files): info level, they do not fail the scan. */
  moved?: (ReportedFinding & { movedFrom: string })[];
  stats: ScanStats;
  /** Inputs that could not be read at all (a repository that failed to clone), each with why: an audit names every one. */
  failed?: { input: string; reason: string }[];
  tool: { name: string; version: string; informationUri: string };
  /** Absolute folder that finding paths are relative to (SARIF's %SRCROOT%). */
  root?: string;
}

export interface TextStyle {
  color: boolean;
}

export type Reporter = (report: Report, style: TextStyle) => string;
