import type { AllowTarget } from '../../core/types.js';
import type { Candidate, Filter, FilterContext } from './types.js';

/**
 * How much of a line around the candidate a `line` allow regex sees. Lines of
 * minified files run to megabytes; testing each of their candidates against
 * the whole line would cost time quadratic in its length.
 */
export const LINE_CONTEXT = 512;

/** The text an allow regex is tested against. */
export function allowSubject(target: AllowTarget, candidate: Candidate, context: FilterContext): string {
  if (target === 'secret') return candidate.secret;
  if (target === 'match') return candidate.match;
  const { line } = context.lines.position(candidate.secretStart);
  const bounds = context.lines.lineBounds(line);
  return context.text.slice(Math.max(bounds.start, candidate.start - LINE_CONTEXT), Math.min(bounds.end, candidate.end + LINE_CONTEXT));
}

export const ruleAllowFilter: Filter = (candidate, context) => {
  for (const allow of candidate.rule.allow) {
    if (allow.regex.test(allowSubject(allow.target, candidate, context))) {
      return { filter: 'allow', reason: `rule ${candidate.rule.spec.id} allows ${allow.target} matching /${allow.source}/` };
    }
  }
  return undefined;
};
