import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { ConfigError, type Problem } from '../core/errors.js';
import type { RuleSpec } from '../core/types.js';
import type { Allowance } from '../core/allow.js';
import { translateAllowlist, translateFlagless, type RegexErrors } from './gitleaks-allowlist.js';
import { keyhoundRuleIds } from '../rules/gitleaks-ids.js';
import { requiredLiterals } from '../rules/literals.js';
import { Re2Error, translateRe2 } from './re2.js';
import type { Placed } from './types.js';

/** What a gitleaks TOML config contributes, translated. */
export interface GitleaksConfig {
  file: string;
  /** `[extend] useDefault = true`: keyhound's built-in rules and default path allowlist stand in for gitleaks' defaults. */
  useDefault: boolean;
  rules: RuleSpec[];
  disable: Placed<string>[];
  allowances: Allowance[];
  /** Rules, allowlists and regexes that could not be loaded, each with its reason. */
  notices: string[];
  /** Rules that only add allowlists to a rule they do not define (gitleaks' way of tuning a default rule). */
  tunes: { ruleId: string; line?: number }[];
}

const MAX_EXTEND_DEPTH = 2;

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);
const tables = (v: unknown): Table[] => (Array.isArray(v) ? v.filter(isTable) : isTable(v) ? [v] : []);

/** 1-based lines of each table header named `name` (`[[rules]]`, `[allowlist]`), in order. */
function headerLines(text: string, name: string): number[] {
  const pattern = new RegExp(`^\\s*\\[{1,2}\\s*${name.replace('.', '\\s*\\.\\s*')}\\s*\\]{1,2}`);
  const out: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (pattern.test(line)) out.push(index + 1);
  });
  return out;
}

/** Reads a gitleaks config (and what it extends). Rules that cannot be translated are reported in `notices`; the rest load. */
export function loadGitleaksConfig(file: string, depth = 0): GitleaksConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([{ file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }]);
  }
  let data: Table;
  try {
    data = parse(text);
  } catch (error) {
    const line = error instanceof TomlError ? error.line : undefined;
    throw new ConfigError([{ file, line, message: `invalid TOML: ${(error as Error).message.split('\n')[0]}` }]);
  }
  const name = path.basename(file);
  const where = (line: number | undefined): string => (line ? `${name} line ${line}` : name);
  const out: GitleaksConfig = { file, useDefault: false, rules: [], disable: [], allowances: [], notices: [], tunes: [] };
  // Regexes that are not valid RE2 (gitleaks would refuse them too): reported together, exit 2.
  const errors: Problem[] = [];
  const regexErrors = (line: number | undefined): RegexErrors => ({ file, ...(line ? { line } : {}), list: errors });

  const extend = isTable(data.extend) ? data.extend : undefined;
  const extendLine = headerLines(text, 'extend')[0];
  let base: GitleaksConfig | undefined;
  if (extend) {
    if (extend.useDefault === true && typeof extend.path === 'string') {
      throw new ConfigError([
        { file, line: extendLine, subject: 'extend', message: 'useDefault and path cannot both be set (as in gitleaks); choose one' },
      ]);
    }
    if (extend.useDefault === true) out.useDefault = true;
    if (typeof extend.url === 'string')
      out.notices.push(`${where(extendLine)}: [extend] url is not supported (keyhound does not fetch configs); ignored`);
    if (typeof extend.path === 'string') {
      if (depth >= MAX_EXTEND_DEPTH)
        out.notices.push(`${where(extendLine)}: [extend] path goes deeper than ${MAX_EXTEND_DEPTH} configs (gitleaks' limit); ignored`);
      else base = loadGitleaksConfig(path.resolve(path.dirname(file), extend.path), depth + 1);
    }
    for (const id of Array.isArray(extend.disabledRules) ? extend.disabledRules : []) {
      if (typeof id !== 'string') continue;
      for (const keyhoundId of keyhoundRuleIds(id))
        out.disable.push({ value: keyhoundId, at: { file, ...(extendLine ? { line: extendLine } : {}) } });
    }
  }

  const ruleLines = headerLines(text, 'rules');
  const ruleAllowLines = [...headerLines(text, 'rules.allowlists'), ...headerLines(text, 'rules.allowlist')].sort((a, b) => a - b);
  tables(data.rules).forEach((rule, index) => {
    const line = ruleLines[index];
    const nextLine = ruleLines[index + 1] ?? Infinity;
    const allowLines = ruleAllowLines.filter((l) => l > (line ?? 0) && l < nextLine);
    const id = typeof rule.id === 'string' && rule.id !== '' ? rule.id : undefined;
    if (!id) {
      out.notices.push(`${where(line)}: rule without an id not loaded`);
      return;
    }
    const allowlists = [...tables(rule.allowlists), ...tables(rule.allowlist)];
    allowlists.forEach((table, j) => {
      out.allowances.push(
        ...translateAllowlist(table, where(allowLines[j] ?? line), [id], out.notices, regexErrors(allowLines[j] ?? line)),
      );
    });
    if (typeof rule.regex !== 'string' || rule.regex === '') {
      if (typeof rule.path === 'string' && rule.path !== '')
        out.notices.push(`${where(line)}: rule "${id}" not loaded: it matches file paths only, which keyhound does not report`);
      else out.tunes.push({ ruleId: id, ...(line ? { line } : {}) });
      return;
    }
    try {
      const spec = translateRule(rule, id, file, line);
      out.rules.push(spec.rule);
      if (spec.pathOnly) out.allowances.push({ origin: where(line), ruleIds: [id], outsidePathRegex: spec.pathOnly });
    } catch (error) {
      if (error instanceof Re2Error && !error.unsupported) {
        errors.push({
          file,
          line,
          subject: `rule ${id}`,
          message: `regex does not compile: ${error.message}; fix it (gitleaks would refuse it too)`,
        });
      } else out.notices.push(`${where(line)}: rule "${id}" not loaded: ${(error as Error).message}`);
    }
  });

  const globalLines = [...headerLines(text, 'allowlist'), ...headerLines(text, 'allowlists')].sort((a, b) => a - b);
  [...tables(data.allowlist), ...tables(data.allowlists)].forEach((table, j) => {
    out.allowances.push(...translateAllowlist(table, where(globalLines[j]), undefined, out.notices, regexErrors(globalLines[j])));
  });
  if (errors.length > 0) throw new ConfigError(errors);

  return base ? mergeExtended(out, base) : out;
}

/** Rules translated from gitleaks carry no examples: the user's config is their proof, as in gitleaks. */
function translateRule(rule: Table, id: string, file: string, line: number | undefined): { rule: RuleSpec; pathOnly?: string } {
  if (Array.isArray(rule.required) && rule.required.length > 0) throw new Error('[[rules.required]] (composite rules) is not supported');
  const secretGroup = typeof rule.secretGroup === 'number' ? rule.secretGroup : undefined;
  let translated = translateRe2(rule.regex as string, secretGroup ? { secretGroup } : {});
  // Without secretGroup gitleaks reports the first capturing group that matched; keyhound takes group 1.
  if (!secretGroup && translated.groups > 0) translated = translateRe2(rule.regex as string, { secretGroup: 1 });
  const given = Array.isArray(rule.keywords)
    ? rule.keywords.filter((k): k is string => typeof k === 'string' && k !== '').map((k) => k.toLowerCase())
    : [];
  const derived = requiredLiterals(translated.source, translated.flags);
  const keywords = given.length > 0 ? given : derived;
  if (!keywords || keywords.length === 0) {
    throw new Error('it has no keywords and no literal of 3+ characters that every match contains; add keywords = [...] to the rule');
  }
  const spec: RuleSpec = {
    id,
    title: typeof rule.description === 'string' && rule.description !== '' ? rule.description : id,
    provider: 'gitleaks config',
    providerKey: id.split('-')[0]!,
    severity: 'high',
    confidence: 'medium',
    keywords,
    pattern: translated.source,
    references: [],
    remediation: 'Revoke the secret with its issuer, replace it, and remove it from the repository and its history.',
    examples: { positive: [], negative: [] },
    source: { file, ...(line ? { line } : {}) },
  };
  if (translated.flags) spec.flags = translated.flags;
  if (typeof rule.entropy === 'number' && rule.entropy > 0) spec.entropy = rule.entropy;
  if (Array.isArray(rule.tags)) spec.tags = rule.tags.filter((t): t is string => typeof t === 'string');
  if (rule.skipReport === true) spec.report = false;
  // gitleaks gates a rule on its keywords anywhere in the file; keyhound runs regexes near keyword hits. When a keyword
  // may lie outside the match, widen the window to (almost) the whole file so nothing gitleaks finds is missed.
  const inside = derived && given.length > 0 && derived.every((literal) => given.some((k) => literal.includes(k)));
  if (given.length > 0 && !inside) spec.window = 100_000;
  const pathOnly = typeof rule.path === 'string' && rule.path !== '' ? translateFlagless(rule.path) : undefined;
  return pathOnly ? { rule: spec, pathOnly } : { rule: spec };
}

/**
 * gitleaks `[extend] path`: a rule the extending config redefines replaces the
 * base's (gitleaks merges field by field; keyhound takes the newer rule whole),
 * allowlists add up, and `disabledRules` drops base rules.
 */
function mergeExtended(top: GitleaksConfig, base: GitleaksConfig): GitleaksConfig {
  const disabled = new Set(top.disable.map((d) => d.value));
  const topIds = new Set(top.rules.map((r) => r.id));
  const rules = [...base.rules.filter((r) => !topIds.has(r.id) && !disabled.has(r.id)), ...top.rules];
  return {
    file: top.file,
    useDefault: top.useDefault || base.useDefault,
    rules,
    disable: [...base.disable, ...top.disable.filter((d) => !base.rules.some((r) => r.id === d.value))],
    allowances: [...base.allowances, ...top.allowances],
    notices: [...base.notices, ...top.notices],
    tunes: [...base.tunes, ...top.tunes].filter((t) => !rules.some((r) => r.id === t.ruleId)),
  };
}
