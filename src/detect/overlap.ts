import type { Candidate } from './filters/types.js';

const CONFIDENCE_RANK = { high: 3, medium: 2, low: 1 } as const;

/** Higher is more specific: provider rules beat generic ones, then confidence, then the longer secret. */
function specificity(candidate: Candidate): number[] {
  const spec = candidate.rule.spec;
  return [spec.generic ? 0 : 1, CONFIDENCE_RANK[spec.confidence], candidate.secretEnd - candidate.secretStart];
}

function better(a: Candidate, b: Candidate): boolean {
  const x = specificity(a);
  const y = specificity(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! > y[i]!;
  return false;
}

/**
 * When several rules report overlapping secrets (a GitHub token also caught by
 * the generic assignment rule), only the most specific one is a finding.
 */
export function resolveOverlaps(candidates: readonly Candidate[]): {
  winners: Candidate[];
  losers: { candidate: Candidate; winner: Candidate }[];
} {
  const sorted = [...candidates].sort((a, b) => a.secretStart - b.secretStart || b.secretEnd - a.secretEnd);
  const winners: Candidate[] = [];
  const losers: { candidate: Candidate; winner: Candidate }[] = [];
  for (const candidate of sorted) {
    // Winners never overlap each other and come in order of start, so only the
    // last one can overlap a candidate that starts at or after it.
    const last = winners[winners.length - 1];
    const rival = last && last.secretStart < candidate.secretEnd && candidate.secretStart < last.secretEnd ? last : undefined;
    if (!rival) {
      winners.push(candidate);
    } else if (better(candidate, rival)) {
      winners[winners.length - 1] = candidate;
      losers.push({ candidate: rival, winner: candidate });
    } else {
      losers.push({ candidate, winner: rival });
    }
  }
  return { winners: winners.sort((a, b) => a.secretStart - b.secretStart || a.rule.spec.id.localeCompare(b.rule.spec.id)), losers };
}
