import type { RuleSpec } from '../core/types.js';
import { builtinRulesDir, loadRules } from './load.js';

/**
 * The bundled CLI and Action carry the built-in rules pre-parsed (scripts/build.mjs
 * defines this constant), so they start without reading 300 YAML files.
 */
declare const __KEYHOUND_BUILTIN_RULES__: RuleSpec[] | undefined;

let cached: RuleSpec[] | undefined;

export function builtinRules(): RuleSpec[] {
  cached ??= typeof __KEYHOUND_BUILTIN_RULES__ !== 'undefined' ? __KEYHOUND_BUILTIN_RULES__ : loadRules([builtinRulesDir()]);
  return cached;
}
