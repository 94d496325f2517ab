import type { RuleAnalysis, RuleSpec } from '../core/types.js';
import { secretFirst, startsWithKeyword } from './anchor.js';
import { separatorGate } from './gate.js';
import { maxMatchLength } from './regex-length.js';

/** The pattern analyses compiling needs (src/detect/compile.ts); scripts/build.mjs runs this once per built-in rule. */
export function analyseRule(spec: RuleSpec): RuleAnalysis {
  const longest = maxMatchLength(spec.pattern, spec.flags);
  const gate = separatorGate(spec.pattern);
  return {
    ...(Number.isFinite(longest) ? { maxMatchLength: longest } : {}),
    anchored: startsWithKeyword(spec.pattern, spec.flags, spec.keywords),
    secretFirst: secretFirst(spec.pattern, spec.flags),
    ...(gate ? { gate } : {}),
  };
}
