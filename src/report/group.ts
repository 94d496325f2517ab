import type { ReportedFinding } from './reported.js';

/** Verdicts from most to least urgent: a group is as urgent as its most urgent finding. */
const URGENCY = { live: 0, unknown: 1, dead: 2 } as const;

/**
 * One secret and every place it was found: the unit of the text report. The
 * same secret pasted into 64 versioned docs is one thing to act on, not 64.
 */
export interface SecretGroup {
  /** The finding that speaks for the group: the first in report order (live ones come first). */
  first: ReportedFinding;
  /** Every finding of this secret, in report order. */
  findings: ReportedFinding[];
  /** Distinct paths (with their repository, in an audit of several). */
  files: number;
  /** Distinct commits (history scans; 0 otherwise). */
  commits: number;
  /** Places in all, counting repeats a finding folded into `occurrences`. */
  occurrences: number;
  /** The most urgent verification verdict in the group, if any was verified. */
  verified?: ReportedFinding['verified'];
}

/** The place a finding names, repository included. */
export function placeOf(finding: ReportedFinding): string {
  return `${finding.repository ? `${finding.repository}:` : ''}${finding.path}`;
}

/**
 * Findings grouped by fingerprint (rule and secret, core/fingerprint.ts), in
 * the order each secret first appears. Nothing is dropped: every finding is
 * in exactly one group.
 */
export function groupBySecret(findings: readonly ReportedFinding[]): SecretGroup[] {
  const byFingerprint = new Map<string, ReportedFinding[]>();
  for (const finding of findings) {
    const list = byFingerprint.get(finding.fingerprint);
    if (list) list.push(finding);
    else byFingerprint.set(finding.fingerprint, [finding]);
  }
  return [...byFingerprint.values()].map((list) => {
    const verdicts = list.flatMap((f) => (f.verified ? [f.verified] : [])).sort((a, b) => URGENCY[a.status] - URGENCY[b.status]);
    const group: SecretGroup = {
      first: list[0]!,
      findings: list,
      files: new Set(list.map(placeOf)).size,
      commits: new Set(list.flatMap((f) => (f.commit ? [f.commit] : []))).size,
      occurrences: list.reduce((n, f) => n + (f.occurrences ?? 1), 0),
    };
    if (verdicts[0]) group.verified = verdicts[0];
    return group;
  });
}
