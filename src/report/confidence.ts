import { CONFIDENCES, type Confidence, type Finding, type Suppressed } from '../core/types.js';
import { secretsOf } from './reported.js';

/** What `--min-confidence` needs of the run's ledger: where hidden findings go (scan/collector.ts has both). */
export interface HiddenLedger {
  /** Secrets to mask in every output though no finding holds them. */
  mask(secrets: Iterable<string>): void;
  readonly suppressed: Suppressed[];
}

/**
 * The defaults, by where keyhound runs (README, "Confidence"). Audits show
 * everything; gates that block someone's work (the pre-commit hook, a
 * pre-push hook, the Action's check) show what is probably a credential,
 * since a hook that blocks on noise gets uninstalled.
 */
export const DEFAULT_MIN_CONFIDENCE = {
  scan: 'low',
  git: 'low',
  prePush: 'medium',
  staged: 'medium',
  github: 'low',
  action: 'medium',
} as const;

/** Whether a finding of `confidence` is shown at `minimum`. */
export function meetsConfidence(confidence: Confidence, minimum: Confidence): boolean {
  return CONFIDENCES.indexOf(confidence) <= CONFIDENCES.indexOf(minimum);
}

/**
 * The runner step behind `--min-confidence`: findings below the minimum are
 * taken out of the report (and so out of the exit code), counted in
 * `stats.belowMinConfidence`, listed as dropped with `--explain`, and their
 * secrets stay masked wherever else they show. `stats.minConfidence` records
 * the minimum whenever it hides anything at all.
 */
export function confidenceStep(minimum: Confidence, explain = false) {
  let hidden = 0;
  return {
    name: 'min-confidence',
    each(finding: Finding, ledger: HiddenLedger): Finding | undefined {
      if (meetsConfidence(finding.confidence, minimum)) return finding;
      hidden++;
      ledger.mask(secretsOf(finding));
      if (explain)
        ledger.suppressed.push({
          ruleId: finding.ruleId,
          path: finding.path,
          line: finding.line,
          column: finding.column,
          filter: 'min-confidence',
          reason: `${finding.confidence} confidence, below --min-confidence ${minimum}`,
          secret: finding.secret,
          fingerprint: finding.fingerprint,
          origin: finding.origin,
        });
      return undefined;
    },
    stats: (): Record<string, unknown> => (minimum === 'low' ? {} : { minConfidence: minimum, belowMinConfidence: hidden }),
  };
}

/**
 * What `--min-confidence` hid, for the end of a report, or undefined when it
 * hid nothing. `show` is how to see them where the report is read (the CLI
 * flag, the Action input).
 */
export function hiddenSentence(stats: Readonly<Record<string, unknown>>, show: string): string | undefined {
  const hidden = stats.belowMinConfidence;
  const minimum = stats.minConfidence;
  if (typeof hidden !== 'number' || hidden === 0 || typeof minimum !== 'string') return undefined;
  const lower = minimum === 'high' ? 'medium- or low' : 'low';
  return `${hidden} ${lower}-confidence finding${hidden === 1 ? ' was' : 's were'} hidden (min-confidence ${minimum}); ${show} shows ${hidden === 1 ? 'it' : 'them'}.`;
}
