import type { Problem } from '../core/errors.js';
import type { AllowTarget } from '../core/types.js';
import type { Allowance } from '../core/allow.js';
import { keyhoundRuleIds } from '../rules/gitleaks-ids.js';
import { Re2Error, translateRe2 } from './re2.js';

/**
 * Translates a gitleaks RE2 regex for places that take a bare JavaScript
 * regex source (no flags): case-insensitive parts are spelled out as `[aA]`.
 */
/** A TOML value that should be a string or number, as text (a table or list shows as its JSON, never `[object Object]`). */
function scalarText(value: unknown, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

export function translateFlagless(source: string): string {
  const translated = translateRe2(source, { flagless: true });
  if (translated.flags.includes('u')) throw new Re2Error('Unicode classes (\\p{...}) are not supported in allowlists', true);
  return translated.source;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * One gitleaks allowlist table (`[allowlist]`, `[[allowlists]]`,
 * `[[rules.allowlists]]`) as allowances. With the default OR condition each
 * kind of criterion becomes its own allowance, so a path list that covers
 * every rule lets sources skip those files unread, as gitleaks does. Regexes
 * that cannot be translated are left out and reported through `problems`.
 */
export function translateAllowlist(
  table: Record<string, unknown>,
  origin: string,
  ruleIds: string[] | undefined,
  problems: string[],
  errors?: RegexErrors,
): Allowance[] {
  const allowance = translateTable(table, origin, ruleIds, problems, errors);
  if (!allowance) return [];
  if (allowance.condition === 'and') return [allowance];
  const { pathRegexes, regexes, stopwords, commits, ...common } = allowance;
  return [
    ...(pathRegexes ? [{ ...common, pathRegexes }] : []),
    ...(regexes ? [{ ...common, regexes }] : []),
    ...(stopwords ? [{ ...common, stopwords }] : []),
    ...(commits ? [{ ...common, commits }] : []),
  ];
}

/** Where regexes that are not valid RE2 go: config errors (exit 2), not notices. */
export interface RegexErrors {
  file: string;
  line?: number;
  list: Problem[];
}

function translateTable(
  table: Record<string, unknown>,
  origin: string,
  ruleIds: string[] | undefined,
  problems: string[],
  errors?: RegexErrors,
): Allowance | undefined {
  const condition = scalarText(table.condition, 'OR').toUpperCase();
  if (!['AND', '&&', 'OR', '||', ''].includes(condition)) {
    problems.push(`${origin}: unknown condition "${scalarText(table.condition, '')}" (expected AND or OR); allowlist not loaded`);
    return undefined;
  }
  const target = scalarText(table.regexTarget, 'secret') as AllowTarget;
  if (!['secret', 'match', 'line'].includes(target)) {
    problems.push(`${origin}: unknown regexTarget "${target}" (expected secret, match or line); allowlist not loaded`);
    return undefined;
  }
  const and = condition === 'AND' || condition === '&&';
  let failed = 0;
  const translate = (kind: string, list: string[]): string[] =>
    list.flatMap((source) => {
      try {
        return [translateFlagless(source)];
      } catch (error) {
        failed++;
        if (errors && error instanceof Re2Error && !error.unsupported) {
          errors.list.push({
            file: errors.file,
            line: errors.line,
            subject: `allowlist ${kind} regex ${JSON.stringify(source)}`,
            message: `does not compile: ${error.message}; fix it (gitleaks would refuse it too)`,
          });
        } else problems.push(`${origin}: ${kind} regex not loaded: ${(error as Error).message}`);
        return [];
      }
    });
  const allowance: Allowance = { origin };
  // gitleaks' default rule ids name keyhound's rules for the same secrets (gitleaks-ids.ts).
  const scoped = strings(table.targetRules).length > 0 ? strings(table.targetRules) : ruleIds;
  if (scoped) allowance.ruleIds = [...new Set(scoped.flatMap((id) => keyhoundRuleIds(id)))];
  const pathRegexes = translate('path', strings(table.paths));
  const regexes = translate('content', strings(table.regexes));
  const stopwords = strings(table.stopwords ?? table.stopWords);
  const commits = strings(table.commits);
  if (pathRegexes.length > 0) allowance.pathRegexes = pathRegexes;
  if (regexes.length > 0) allowance.regexes = regexes.map((regex) => ({ regex, target }));
  if (stopwords.length > 0) allowance.stopwords = stopwords;
  if (commits.length > 0) allowance.commits = commits;
  if (and) {
    // Dropping one criterion of an AND would allow more than the user wrote.
    if (failed > 0) {
      problems.push(`${origin}: allowlist with condition AND not loaded because a regex in it could not be translated`);
      return undefined;
    }
    allowance.condition = 'and';
  }
  const given = [pathRegexes, regexes, stopwords, commits].filter((list) => list.length > 0).length;
  if (given === 0) {
    problems.push(`${origin}: allowlist has no paths, regexes, stopwords or commits that could be loaded; ignored`);
    return undefined;
  }
  return allowance;
}
