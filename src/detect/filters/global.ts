import { Minimatch } from 'minimatch';
import type { AllowRegex } from '../../core/types.js';
import { keyhoundRuleIds } from '../../config/gitleaks-ids.js';
import { allowSubject } from './allow.js';
import type { Candidate, Drop, Filter, FilterContext } from './types.js';

/**
 * One allowance from a config file: a candidate it covers is dropped. Written
 * as data (no functions) so engine options can cross into worker threads.
 * `.keyhound.yaml` makes one allowance per list item, so `--explain` names the
 * very line; a gitleaks `[[allowlists]]` table becomes one allowance with all
 * its criteria.
 */
export interface Allowance {
  /** Where it was written, for `--explain`: `.keyhound.yaml line 4`. */
  origin?: string;
  /** Only candidates of these rules. Absent: every rule. */
  ruleIds?: string[];
  /** minimatch globs on the path (relative to the config file's folder, see {@link GlobalAllow.pathPrefix}); a glob without `/` matches the file name. */
  paths?: string[];
  /** JavaScript regex sources tested against the same path (gitleaks `paths`). */
  pathRegexes?: string[];
  regexes?: AllowRegex[];
  /** Case-insensitive words; a secret containing one is allowed. */
  stopwords?: string[];
  /** Commit SHAs (full or abbreviated, case-insensitive): candidates found in them. */
  commits?: string[];
  /** `and`: every kind of criterion given must match (gitleaks `condition = "AND"`). Default `or`. */
  condition?: 'and' | 'or';
  /** Covers candidates whose path does NOT match this regex: a gitleaks rule's `path`, which limits where the rule runs. */
  outsidePathRegex?: string;
}

/** A `.gitleaksignore` line: one finding, by place. */
export interface IgnoredFinding {
  path: string;
  ruleId: string;
  line: number;
  commit?: string;
  origin: string;
}

/** Project-wide allowances (from the config file): paths, regexes, stop-words and commits that clear candidates. */
export interface GlobalAllow {
  regexes?: (AllowRegex & { origin?: string })[];
  /** Case-insensitive words; a secret containing one is dropped. */
  stopwords?: string[];
  stopwordsOrigin?: string;
  allowances?: Allowance[];
  /**
   * Prepended to a finding's path before path globs and regexes are tested, so
   * globs written relative to the config file's folder work when a subfolder
   * is scanned (`sub/`). Default none.
   */
  pathPrefix?: string;
  ignores?: IgnoredFinding[];
}

interface CompiledAllowance {
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

function compileAllowance(spec: Allowance): CompiledAllowance {
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

function joinPath(prefix: string | undefined, path: string): string {
  if (!prefix || path === '-') return path;
  return `${prefix.endsWith('/') ? prefix : `${prefix}/`}${path}`;
}

const from = (origin: string | undefined): string => (origin ? ` from ${origin}` : '');

/** The reason an allowance's path criteria cover `path`, if they do. */
function pathReason(a: CompiledAllowance, path: string): string | undefined {
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
function judgeAllowance(a: CompiledAllowance, candidate: Candidate, context: FilterContext, path: string): Drop | undefined {
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

function allowDrop(a: CompiledAllowance, filter: 'allow' | 'stopword', reason: string): Drop {
  return { filter, reason: `${filter === 'stopword' ? '' : 'allow '}${reason}${scopeOf(a)}${from(a.spec.origin)}` };
}

/** Turns the legacy flat fields into allowances. */
function allAllowances(allow: GlobalAllow): Allowance[] {
  const out: Allowance[] = [];
  for (const r of allow.regexes ?? [])
    out.push({ regexes: [{ regex: r.regex, ...(r.target ? { target: r.target } : {}) }], ...(r.origin ? { origin: r.origin } : {}) });
  if (allow.stopwords && allow.stopwords.length > 0)
    out.push({ stopwords: allow.stopwords, ...(allow.stopwordsOrigin ? { origin: allow.stopwordsOrigin } : {}) });
  out.push(...(allow.allowances ?? []));
  return out;
}

/** Allowances whose only criterion is the path and that cover every rule: a file they cover needs no reading at all. */
function isWholePath(a: Allowance): boolean {
  return (
    !a.ruleIds &&
    (a.paths?.length ?? 0) + (a.pathRegexes?.length ?? 0) > 0 &&
    !a.regexes?.length &&
    !a.stopwords?.length &&
    !a.commits?.length
  );
}

/**
 * For sources: whether a file at `path` (relative to the scan root) is
 * allowlisted as a whole, so it can be skipped before it is read (and counted
 * as skipped). Under `--explain` sources read it anyway, and the engine lists
 * its candidates with the allowance that dropped them.
 */
export function pathSkipper(allow: GlobalAllow | undefined): ((path: string) => boolean) | undefined {
  if (!allow) return undefined;
  const whole = allAllowances(allow).filter(isWholePath).map(compileAllowance);
  if (whole.length === 0) return undefined;
  return (path) => {
    const full = joinPath(allow.pathPrefix, path);
    return whole.some((a) => pathReason(a, full) !== undefined);
  };
}

/**
 * The config's candidate filters: `path` (whole-path allowances; it runs first,
 * so `--explain` names the path for every candidate in an allowlisted file) and
 * `content` (everything else, and `.gitleaksignore` entries), which runs with
 * the rule's own allow list.
 */
export function globalAllowFilters(allow: GlobalAllow): { path?: Filter; content: Filter } {
  const all = allAllowances(allow);
  const whole = all.filter(isWholePath).map(compileAllowance);
  const rest = all.filter((a) => !isWholePath(a)).map(compileAllowance);
  // A fingerprint names a gitleaks rule id; it covers the keyhound rules that find the same secrets.
  const ignores = (allow.ignores ?? []).map((i) => ({ ...i, ruleIds: new Set(keyhoundRuleIds(i.ruleId)) }));
  let lastPath: string | undefined;
  let lastFull = '';
  const fullPath = (path: string): string => {
    if (path !== lastPath) {
      lastPath = path;
      lastFull = joinPath(allow.pathPrefix, path);
    }
    return lastFull;
  };
  const path: Filter = (candidate, context) => {
    const full = fullPath(context.chunk.origin.path);
    for (const a of whole) {
      const drop = judgeAllowance(a, candidate, context, full);
      if (drop) return drop;
    }
    return undefined;
  };
  const content: Filter = (candidate, context) => {
    const full = fullPath(context.chunk.origin.path);
    for (const a of rest) {
      const drop = judgeAllowance(a, candidate, context, full);
      if (drop) return drop;
    }
    if (ignores.length > 0) {
      const { line } = context.lines.position(candidate.secretStart);
      const sha = context.chunk.origin.commit?.sha;
      const hit = ignores.find(
        (i) =>
          i.ruleIds.has(candidate.rule.spec.id) &&
          i.line === line &&
          i.path === full &&
          (!i.commit || (sha !== undefined && sha.startsWith(i.commit))),
      );
      if (hit)
        return {
          filter: 'gitleaksignore',
          reason: `fingerprint ${hit.commit ? `${hit.commit}:` : ''}${hit.path}:${hit.ruleId}:${hit.line} in ${hit.origin}`,
        };
    }
    return undefined;
  };
  return whole.length > 0 ? { path, content } : { content };
}

/** Both config filters in one (path first). */
export function globalAllowFilter(allow: GlobalAllow): Filter {
  const { path, content } = globalAllowFilters(allow);
  return path ? (candidate, context) => path(candidate, context) ?? content(candidate, context) : content;
}
