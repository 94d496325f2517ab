import { Minimatch } from 'minimatch';
import type { Allowance } from '../../core/allow.js';
import type { AllowRegex } from '../../core/types.js';

export type { Allowance } from '../../core/allow.js';
import { allowSubject } from './allow.js';
import type { Candidate, Drop, FilterContext } from './types.js';

export interface CompiledAllowance {
  spec: Allowance;
  ruleIds?: Set<string>;
  paths: { glob: string; test: (path: string) => boolean }[];
  pathRegexes: RegExp[];
  regexes: { source: string; regex: RegExp; target: NonNullable<AllowRegex['target']> }[];
  stopwords: string[];
  commits: string[];
  and: boolean;
  outside?: RegExp;
  /** The path asked about last and the answer: every candidate of a chunk shares its path, and globs are costly. */
  lastPath?: { path: string; reason: string | undefined };
}

/**
 * Whether a glob matches a path: globs without `/` match the file name
 * anywhere, as in `.gitignore`; case is ignored, as the default list always
 * did (`IMAGE.PNG` is an image).
 */
export function globMatcher(glob: string): (path: string) => boolean {
  const anchored = glob.startsWith('/') ? glob.slice(1) : glob;
  // Parsed once: minimatch() parses its glob again on every call.
  const matcher = new Minimatch(anchored, { dot: true, matchBase: !glob.includes('/'), nocase: true });
  return (path) => matcher.match(path);
}

/**
 * Text every path a glob matches must contain (one of them, for a `{a,b}`
 * glob): the longest run of plain characters between wildcards and slashes.
 * Undefined for globs beyond `*`, `?`, `/` and one brace list, and for runs
 * shorter than two characters.
 */
function requiredText(glob: string): string[] | undefined {
  if (/[[\]()|!+@\\#]/.test(glob)) return undefined;
  const lists = glob.match(/\{[^{}]*\}/g) ?? [];
  if (lists.length > 1 || /[{}]/.test(lists.length === 1 ? glob.replace(lists[0], '') : glob)) return undefined;
  const list = lists[0];
  // `{a}` is literal and `{1..3}` a range: only a comma-separated list expands to alternatives.
  if (list !== undefined && !list.includes(',')) return undefined;
  const alternatives =
    list === undefined
      ? [glob]
      : list
          .slice(1, -1)
          .split(',')
          .map((item) => glob.replace(list, () => item));
  const texts: string[] = [];
  for (const alternative of alternatives) {
    const longest = alternative.split(/[*?/]/).reduce((best, run) => (run.length > best.length ? run : best), '');
    if (longest.length < 2) return undefined;
    texts.push(longest);
  }
  return texts;
}

/**
 * A quick test that rules out every glob of a list at once: a path holding
 * none of their required texts (case folded as minimatch folds it) matches
 * none of them. minimatch walks each glob in JavaScript, 17 µs a file for the
 * 31 default globs, 6% of a tree scan of git's sources; a path it passes is
 * still matched glob by glob. Undefined when a glob has no required text.
 */
export function anyGlobMatcher(globs: readonly string[]): ((path: string) => boolean) | undefined {
  const texts: string[] = [];
  for (const glob of globs) {
    const required = requiredText(glob);
    if (!required) return undefined;
    texts.push(...required);
  }
  const regex = new RegExp(texts.map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'iu');
  return (path) => regex.test(path);
}

export function compileAllowance(spec: Allowance): CompiledAllowance {
  return {
    spec,
    ...(spec.ruleIds ? { ruleIds: new Set(spec.ruleIds) } : {}),
    paths: (spec.paths ?? []).map((glob) => ({ glob, test: globMatcher(glob) })),
    pathRegexes: (spec.pathRegexes ?? []).map((source) => new RegExp(source)),
    regexes: (spec.regexes ?? []).map((r) => ({ source: r.regex, regex: new RegExp(r.regex), target: r.target ?? 'secret' })),
    stopwords: (spec.stopwords ?? []).map((w) => w.toLowerCase()),
    commits: (spec.commits ?? []).map((c) => c.trim().toLowerCase()),
    and: spec.condition === 'and',
    ...(spec.outsidePathRegex ? { outside: new RegExp(spec.outsidePathRegex) } : {}),
  };
}

const from = (origin: string | undefined): string => (origin ? ` from ${origin}` : '');

/** The reason an allowance's path criteria cover `path`, if they do. */
export function pathReason(a: CompiledAllowance, path: string): string | undefined {
  if (a.lastPath?.path === path) return a.lastPath.reason;
  const glob = a.paths.find((p) => p.test(path));
  const regex = glob ? undefined : a.pathRegexes.find((r) => r.test(path));
  const reason = glob ? `path ${glob.glob}` : regex ? `path /${regex.source}/` : undefined;
  a.lastPath = { path, reason };
  return reason;
}

function commitReason(a: CompiledAllowance, sha: string | undefined): string | undefined {
  if (!sha) return undefined;
  const lower = sha.toLowerCase();
  const hit = a.commits.find((c) => c.length >= 7 && lower.startsWith(c));
  return hit ? `commit ${hit}` : undefined;
}

function contentReason(a: CompiledAllowance, candidate: Candidate, context: FilterContext): string | undefined {
  for (const r of a.regexes) if (r.regex.test(allowSubject(r.target, candidate, context))) return `regex /${r.source}/ on ${r.target}`;
  return undefined;
}

function stopwordReason(a: CompiledAllowance, secret: string): string | undefined {
  if (a.stopwords.length === 0) return undefined;
  const lower = secret.toLowerCase();
  const word = a.stopwords.find((w) => lower.includes(w));
  return word ? `stop-word "${word}"` : undefined;
}

/**
 * Tests one allowance; returns the drop it causes. Runs for every candidate
 * and every allowance (the default config has dozens), so the common answer,
 * "not covered", allocates nothing: reasons are worded only for a drop.
 */
export function judgeAllowance(a: CompiledAllowance, candidate: Candidate, context: FilterContext, path: string): Drop | undefined {
  if (a.ruleIds && !a.ruleIds.has(candidate.rule.spec.id)) return undefined;
  if (a.outside) {
    return a.outside.test(path)
      ? undefined
      : { filter: 'path', reason: `the rule runs only on paths matching /${a.spec.outsidePathRegex}/${from(a.spec.origin)}` };
  }
  const hasPaths = a.paths.length + a.pathRegexes.length > 0;
  if (a.and) {
    // Every kind of criterion given must hold; the reason names each.
    const reasons: string[] = [];
    for (const reason of [
      hasPaths ? (pathReason(a, path) ?? null) : undefined,
      a.commits.length > 0 ? (commitReason(a, context.chunk.origin.commit?.sha) ?? null) : undefined,
      a.regexes.length > 0 ? (contentReason(a, candidate, context) ?? null) : undefined,
      a.stopwords.length > 0 ? (stopwordReason(a, candidate.secret) ?? null) : undefined,
    ]) {
      if (reason === null) return undefined;
      if (reason !== undefined) reasons.push(reason);
    }
    return reasons.length === 0
      ? undefined
      : { filter: 'allow', reason: `allow ${reasons.join(' and ')}${scopeOf(a)}${from(a.spec.origin)}` };
  }
  let reason: string | undefined;
  if (hasPaths && (reason = pathReason(a, path))) return allowDrop(a, 'allow', reason);
  if (a.commits.length > 0 && (reason = commitReason(a, context.chunk.origin.commit?.sha))) return allowDrop(a, 'allow', reason);
  if (a.regexes.length > 0 && (reason = contentReason(a, candidate, context))) return allowDrop(a, 'allow', reason);
  if (a.stopwords.length > 0 && (reason = stopwordReason(a, candidate.secret))) return allowDrop(a, 'stopword', reason);
  return undefined;
}

function scopeOf(a: CompiledAllowance): string {
  return a.ruleIds ? ` for ${[...a.ruleIds].join(', ')}` : '';
}

export function allowDrop(a: CompiledAllowance, filter: 'allow' | 'stopword', reason: string): Drop {
  return { filter, reason: `${filter === 'stopword' ? '' : 'allow '}${reason}${scopeOf(a)}${from(a.spec.origin)}` };
}
