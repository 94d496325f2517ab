import { RuleError, type Problem } from '../core/errors.js';
import type { RuleSpec } from '../core/types.js';
import { builtinRules } from '../rules/builtin.js';
import { checkRuleSet } from '../rules/check.js';
import { checkExamples } from './examples.js';
import { lintRule } from '../rules/lint.js';
import { listRuleFiles, readRuleFiles } from '../rules/load.js';

export interface RuleSetOptions {
  /** Include the built-in rules. Default true. */
  builtin?: boolean;
  /** Extra rule files or folders. Their examples are checked on load. */
  ruleFiles?: readonly string[];
  /** Rules defined inline (config files). */
  extraRules?: readonly RuleSpec[];
  /** Rule ids to turn off. Unknown ids are an error, so typos do not go unnoticed. */
  disable?: readonly string[];
}

/** Built-in rules plus custom ones, minus disabled ones; throws a RuleError listing every problem. */
export async function buildRuleSet(options: RuleSetOptions = {}): Promise<RuleSpec[]> {
  const rules: RuleSpec[] = options.builtin === false ? [] : [...builtinRules()];
  const problems: Problem[] = [];
  const custom: RuleSpec[] = [...(options.extraRules ?? [])];
  if (options.ruleFiles && options.ruleFiles.length > 0) {
    const read = readRuleFiles(listRuleFiles(options.ruleFiles));
    problems.push(...read.problems);
    custom.push(...read.rules);
  }
  rules.push(...custom);
  problems.push(...checkRuleSet(rules));
  // A custom rule whose pattern could backtrack catastrophically is refused with the reason.
  problems.push(...custom.flatMap(lintRule).filter((p) => p.message.startsWith('error')));
  if (problems.length === 0 && custom.length > 0) {
    for (const failure of await checkExamples(custom, rules)) {
      problems.push({
        file: failure.file ?? '(inline)',
        line: failure.line,
        subject: failure.ruleId,
        message: `${failure.kind} example ${failure.index}: ${failure.message}`,
      });
    }
  }
  const known = new Set(rules.map((rule) => rule.id));
  for (const id of options.disable ?? []) {
    if (!known.has(id)) problems.push({ file: '--disable', subject: id, message: 'no rule has this id (see `keyhound rules list`)' });
  }
  if (problems.length > 0) throw new RuleError(problems);
  const disabled = new Set(options.disable ?? []);
  // A disabled rule that another rule names in `near` stays as a building block.
  const needed = new Set(rules.filter((r) => !disabled.has(r.id)).flatMap((r) => (r.near ?? []).flatMap((n) => (n.rule ? [n.rule] : []))));
  return rules.flatMap((rule) => (!disabled.has(rule.id) ? [rule] : needed.has(rule.id) ? [{ ...rule, report: false }] : []));
}
