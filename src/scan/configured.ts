import { ConfigError, type Problem } from '../core/errors.js';
import type { RuleSpec } from '../core/types.js';
import { describePlace } from '../config/resolve.js';
import type { ResolvedConfig } from '../config/types.js';
import { builtinRules } from '../rules/builtin.js';
import { keyhoundRuleIds } from '../rules/gitleaks-ids.js';
import { buildRuleSet } from './ruleset.js';

export interface RuleOverrides {
  /** `--rules` (absolute). */
  ruleFiles?: readonly string[];
  /** `--disable`. */
  disable?: readonly string[];
}

/**
 * The rules a scan runs under a resolved config: built-in rules (unless
 * `extends: none`), the config's own and its rule files, `--rules`; then
 * `disable` and `severity`. An id the config names that no rule has is an
 * error at the line that names it, so typos do not silently allow or hide.
 */
export async function configuredRules(
  config: ResolvedConfig,
  root: string,
  cli: RuleOverrides = {},
): Promise<{ rules: RuleSpec[]; notices: string[] }> {
  const notices: string[] = [];
  const builtin = config.extends === 'default';
  const builtinIds = new Set(builtin ? builtinRules().map((r) => r.id) : []);
  // gitleaks semantics: a rule in the extending config replaces the base rule of the same id.
  const overrides = new Map(config.kind === 'gitleaks' ? config.rules.filter((r) => builtinIds.has(r.id)).map((r) => [r.id, r]) : []);
  let rules = await buildRuleSet({
    builtin,
    ruleFiles: [...config.ruleFiles.map((f) => f.value), ...(cli.ruleFiles ?? [])],
    extraRules: config.rules.filter((r) => !overrides.has(r.id)),
  });
  rules = rules.map((rule) => overrides.get(rule.id) ?? rule);

  const known = new Set(rules.map((r) => r.id));
  const problems: Problem[] = [];
  const unknown = (id: string, at: { file?: string; line?: number }, subject: string): void => {
    const message = `no rule has the id "${id}" (see \`keyhound rules list\`)`;
    if (config.kind === 'gitleaks') notices.push(`${describePlace(at, root)}: ${subject} names "${id}", which no rule has; ignored`);
    else problems.push({ file: at.file ?? '(default config)', ...(at.line ? { line: at.line } : {}), subject, message });
  };
  for (const d of config.disable) if (!known.has(d.value)) unknown(d.value, d.at, 'disable');
  for (const s of config.severity) if (!known.has(s.value.ruleId)) unknown(s.value.ruleId, s.at, `severity.${s.value.ruleId}`);
  for (const r of config.ruleAllow) if (!known.has(r.value.ruleId)) unknown(r.value.ruleId, r.at, `allow.rules.${r.value.ruleId}`);
  for (const id of cli.disable ?? [])
    if (!known.has(id)) problems.push({ file: '--disable', subject: id, message: 'no rule has this id (see `keyhound rules list`)' });
  if (problems.length > 0) throw new ConfigError(problems);

  for (const tune of config.tuned ?? []) {
    if (!known.has(tune.ruleId))
      notices.push(
        `${describePlace({ file: config.file, ...(tune.line ? { line: tune.line } : {}) }, root)}: rule "${tune.ruleId}" has no regex and keyhound has no rule of that id to add its allowlists to; ignored`,
      );
  }
  // A gitleaks id counts as known when a rule it maps to is loaded (rules/gitleaks-ids.ts), as the ignore filter reads it.
  const unknownIgnores = config.ignores.filter((i) => !keyhoundRuleIds(i.ruleId).some((id) => known.has(id)));
  const unmapped = [...new Set(unknownIgnores.map((i) => i.ruleId))];
  if (unmapped.length > 0) {
    const count = unknownIgnores.length;
    notices.push(
      `.gitleaksignore: ${count} fingerprint${count === 1 ? '' : 's'} name${count === 1 ? 's' : ''} rules keyhound does not have (${unmapped.slice(0, 5).join(', ')}${unmapped.length > 5 ? ', ...' : ''}); ${count === 1 ? 'it is' : 'they are'} ignored`,
    );
  }

  const disabled = new Set([...config.disable.map((d) => d.value), ...(cli.disable ?? [])]);
  // A disabled rule that another rule names in `near` stays, unreported, as a building block.
  const needed = new Set(rules.filter((r) => !disabled.has(r.id)).flatMap((r) => (r.near ?? []).flatMap((n) => (n.rule ? [n.rule] : []))));
  const severity = new Map(config.severity.map((s) => [s.value.ruleId, s.value.severity]));
  return {
    rules: rules.flatMap((rule) => {
      const adjusted = severity.has(rule.id) ? { ...rule, severity: severity.get(rule.id)! } : rule;
      if (!disabled.has(rule.id)) return [adjusted];
      return needed.has(rule.id) ? [{ ...adjusted, report: false }] : [];
    }),
    notices,
  };
}
