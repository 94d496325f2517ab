import type { AllowTarget } from '../../core/types.js';
import type { Candidate, Filter, FilterContext } from './types.js';

/** The text an allow regex is tested against. */
export function allowSubject(target: AllowTarget, candidate: Candidate, context: FilterContext): string {
  if (target === 'secret') return candidate.secret;
  if (target === 'match') return candidate.match;
  const { line } = context.lines.position(candidate.secretStart);
  return context.lines.lineText(line);
}

export const ruleAllowFilter: Filter = (candidate, context) => {
  for (const allow of candidate.rule.allow) {
    if (allow.regex.test(allowSubject(allow.target, candidate, context))) {
      return { filter: 'allow', reason: `rule ${candidate.rule.spec.id} allows ${allow.target} matching /${allow.source}/` };
    }
  }
  return undefined;
};
