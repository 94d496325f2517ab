import type { RuleSpec } from '../core/types.js';
import { expandPatternMacros } from './grammar.js';
import { builtinRulesDir, loadRules } from './load.js';

/**
 * The bundled CLI and Action carry the built-in rules pre-parsed, as JSON text
 * (scripts/build.mjs defines this constant), so they start without reading
 * 300 YAML files. Text rather than an object literal: esbuild inlines a string
 * where it is used, but hoists an object into a module every entry point
 * evaluates, scanning threads included, which get their rules from the main
 * thread; and JSON.parse reads it faster than JavaScript's parser would.
 * Patterns come with `{{assign}}` folded back, expanded here (grammar.ts).
 */
declare const __KEYHOUND_BUILTIN_RULES_JSON__: string | undefined;

let cached: RuleSpec[] | undefined;

/** The rules shipped with keyhound, each marked `builtin` (the only way a rule gets that mark). */
export function builtinRules(): RuleSpec[] {
  cached ??= (
    typeof __KEYHOUND_BUILTIN_RULES_JSON__ !== 'undefined'
      ? (JSON.parse(__KEYHOUND_BUILTIN_RULES_JSON__) as RuleSpec[]).map((rule) => ({ ...rule, pattern: expandPatternMacros(rule.pattern) }))
      : loadRules([builtinRulesDir()])
  ).map((rule) => ({ ...rule, builtin: true }));
  return cached;
}
