import { UsageError } from '../core/errors.js';
import type { Finding } from '../core/types.js';
import { VERIFY_STATUSES, type VerifyStatus } from '../core/verify-spec.js';

/**
 * `--results live,unknown` (repeatable, comma-separated) as a set of verdicts.
 * An unknown word is a usage error, so a typo never hides findings silently.
 */
export function parseResults(values: readonly string[]): Set<VerifyStatus> {
  const wanted = new Set<VerifyStatus>();
  for (const word of values.flatMap((value) => value.split(',')).map((w) => w.trim().toLowerCase())) {
    if (!VERIFY_STATUSES.includes(word as VerifyStatus))
      throw new UsageError(`--results: "${word}" is not a verdict (give a comma-separated list of ${VERIFY_STATUSES.join(', ')})`);
    wanted.add(word as VerifyStatus);
  }
  if (wanted.size === 0) throw new UsageError(`--results needs at least one of ${VERIFY_STATUSES.join(', ')}`);
  return wanted;
}

/** The findings whose verdict is wanted; a finding that was not verified counts as unknown. */
export function filterByResults<T extends Pick<Finding, 'verified'>>(findings: readonly T[], wanted: ReadonlySet<VerifyStatus>): T[] {
  return findings.filter((finding) => wanted.has(finding.verified?.status ?? 'unknown'));
}
