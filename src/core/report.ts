import type { Finding, ScanStats, Suppressed } from './types.js';

/** A finding whose secret the baseline accepted for the same rule under another path (a renamed file): info level, not new. */
export interface MovedFinding {
  finding: Finding;
  /** The path the baseline has it under. */
  from: string;
}

/** Something a source could not read at all (a repository that failed to clone), and why. */
export interface FailedInput {
  /** What failed: a repository's full name, a path. */
  input: string;
  /** Why, in words (never content). */
  reason: string;
}

/** Everything one scan produced: the input to every sink. */
export interface ScanReport {
  findings: Finding[];
  suppressed: Suppressed[];
  /** Set by the baseline step; they do not fail the scan. */
  moved?: MovedFinding[];
  /** Inputs that could not be read at all (whole repositories of an audit). */
  failed?: FailedInput[];
  /**
   * Other secrets the run met that no list above holds (dropped candidates,
   * baselined findings, candidates in commit metadata): the masking step
   * masks them wherever they appear (report/mask.ts).
   */
  masked?: string[];
  stats: ScanStats;
}

/** The order every report is in: path, line, column, rule id. Deterministic for any number of threads. */
export function byPlace(a: { path: string; line: number; column: number; ruleId: string }, b: typeof a): number {
  return (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}
