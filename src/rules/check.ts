import type { Problem } from '../core/errors.js';
import type { RuleSpec } from '../core/types.js';

/** Checks that only make sense across a whole rule set: unique ids, and `near` references that exist. */
export function checkRuleSet(rules: readonly RuleSpec[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, RuleSpec>();
  for (const rule of rules) {
    const first = seen.get(rule.id);
    if (first) {
      const where = first.source ? `${first.source.file}${first.source.line ? `:${first.source.line}` : ''}` : 'another file';
      problems.push({ file: rule.source?.file ?? '(inline)', line: rule.source?.line, subject: rule.id, message: `duplicate rule id (first defined at ${where})` });
    } else seen.set(rule.id, rule);
  }
  for (const rule of rules) {
    for (const near of rule.near ?? []) {
      if (near.rule && !seen.has(near.rule)) {
        problems.push({ file: rule.source?.file ?? '(inline)', line: rule.source?.line, subject: rule.id, message: `near refers to unknown rule "${near.rule}"` });
      }
    }
  }
  return problems;
}
