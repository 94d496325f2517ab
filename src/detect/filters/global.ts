import type { Allowance, GlobalAllow } from '../../core/allow.js';
import type { AllowTarget } from '../../core/types.js';
import { keyhoundRuleIds } from '../../rules/gitleaks-ids.js';
import { allowSubject } from './allow.js';
import { earlier, RegexIndex, StopwordIndex } from './allow-index.js';
import { allowDrop, anyGlobMatcher, compileAllowance, judgeAllowance, pathReason, type CompiledAllowance } from './allowance.js';
import type { Candidate, Drop, Filter, FilterContext } from './types.js';

export { globMatcher } from './allowance.js';
export type { Allowance, GlobalAllow, IgnoredFinding } from '../../core/allow.js';

function joinPath(prefix: string | undefined, path: string): string {
  if (!prefix || path === '-') return path;
  return `${prefix.endsWith('/') ? prefix : `${prefix}/`}${path}`;
}

/** Turns the legacy flat fields into allowances. */
function allAllowances(allow: GlobalAllow): Allowance[] {
  const out: Allowance[] = [];
  for (const r of allow.regexes ?? [])
    out.push({ regexes: [{ regex: r.regex, ...(r.target ? { target: r.target } : {}) }], ...(r.origin ? { origin: r.origin } : {}) });
  if (allow.stopwords && allow.stopwords.length > 0)
    out.push({ stopwords: allow.stopwords, ...(allow.stopwordsOrigin ? { origin: allow.stopwordsOrigin } : {}) });
  // One at a time: a config can hold hundreds of thousands (one per stop-word), too many to spread into arguments.
  for (const allowance of allow.allowances ?? []) out.push(allowance);
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
 * The whole-path allowances made of globs alone (the default path list makes
 * one per glob), and a test that rules them all out at once for a path none
 * of their globs can match (anyGlobMatcher): a tree scan asks about every
 * file, and most match none. Undefined when there is no such test.
 */
function globsOnly(
  whole: readonly CompiledAllowance[],
): { covers: ReadonlySet<CompiledAllowance>; ruledOut: (path: string) => boolean } | undefined {
  const only = whole.filter((a) => a.pathRegexes.length === 0 && a.paths.length > 0);
  const quick = only.length > 1 ? anyGlobMatcher(only.flatMap((a) => a.paths.map((p) => p.glob))) : undefined;
  return quick ? { covers: new Set(only), ruledOut: (path) => !quick(path) } : undefined;
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
  const globs = globsOnly(whole);
  return (path) => {
    const full = joinPath(allow.pathPrefix, path);
    const ruledOut = globs?.ruledOut(full) === true;
    return whole.some((a) => !(ruledOut && globs.covers.has(a)) && pathReason(a, full) !== undefined);
  };
}

/**
 * The config's candidate filters: `path` (whole-path allowances; it runs first,
 * so `--explain` names the path for every candidate in an allowlisted file) and
 * `content` (everything else, and `.gitleaksignore` entries), which runs with
 * the rule's own allow list. Allowances of stop-words only and of regexes only
 * (one each per `.keyhound.yaml` line, so there can be hundreds of thousands)
 * are looked up in indexes (allow-index.ts); the drop reported is the one the
 * first covering allowance, in config order, gives.
 */
export function globalAllowFilters(allow: GlobalAllow): { path?: Filter; content: Filter } {
  const all = allAllowances(allow);
  const whole = all.filter(isWholePath).map(compileAllowance);
  const content = new ContentAllowances(all.filter((a) => !isWholePath(a)));
  // A fingerprint names a gitleaks rule id; it covers the keyhound rules that find the same secrets.
  const ignores = (allow.ignores ?? []).map((i) => ({ ...i, ruleIds: new Set(keyhoundRuleIds(i.ruleId)) }));
  const globs = globsOnly(whole);
  let lastPath: string | undefined;
  let lastFull = '';
  let lastRuledOut = false;
  const fullPath = (path: string): string => {
    if (path !== lastPath) {
      lastPath = path;
      lastFull = joinPath(allow.pathPrefix, path);
      lastRuledOut = globs?.ruledOut(lastFull) === true;
    }
    return lastFull;
  };
  const path: Filter = (candidate, context) => {
    const full = fullPath(context.chunk.origin.path);
    for (const a of whole) {
      if (lastRuledOut && globs!.covers.has(a)) continue;
      const drop = judgeAllowance(a, candidate, context, full);
      if (drop) return drop;
    }
    return undefined;
  };
  const contentFilter: Filter = (candidate, context) => {
    const drop = content.judge(candidate, context, fullPath(context.chunk.origin.path));
    if (drop) return drop;
    if (ignores.length > 0) {
      const full = fullPath(context.chunk.origin.path);
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
  return whole.length > 0 ? { path, content: contentFilter } : { content: contentFilter };
}

/** The indexes of one scope: every rule, or the rules one set of allowances names. */
interface Scope {
  stopwords: StopwordIndex<CompiledAllowance>;
  regexes: Map<AllowTarget, RegexIndex<CompiledAllowance>>;
}

/** Content allowances: stop-word-only and regex-only ones indexed, the rest tested one by one in order. */
class ContentAllowances {
  private readonly everyRule: Scope = { stopwords: new StopwordIndex(), regexes: new Map() };
  private readonly byRule = new Map<string, Scope[]>();
  private readonly others: { allowance: CompiledAllowance; index: number }[] = [];

  constructor(allowances: readonly Allowance[]) {
    const scopes = new Map<string, Scope>();
    allowances.forEach((spec, index) => {
      const allowance = compileAllowance(spec);
      const only = onlyKind(spec);
      if (!only) {
        this.others.push({ allowance, index });
        return;
      }
      const scope = this.scopeOf(spec.ruleIds, scopes);
      if (only === 'stopwords') spec.stopwords!.forEach((word, i) => scope.stopwords.add(word, allowance, [index, i]));
      else
        spec.regexes!.forEach((r, i) => {
          const target = r.target ?? 'secret';
          let regexes = scope.regexes.get(target);
          if (!regexes) scope.regexes.set(target, (regexes = new RegexIndex()));
          regexes.add(r.regex, allowance, [index, i]);
        });
    });
  }

  private scopeOf(ruleIds: readonly string[] | undefined, scopes: Map<string, Scope>): Scope {
    if (!ruleIds) return this.everyRule;
    const key = [...ruleIds].sort().join('\0');
    let scope = scopes.get(key);
    if (!scope) {
      scopes.set(key, (scope = { stopwords: new StopwordIndex(), regexes: new Map() }));
      for (const id of new Set(ruleIds)) {
        const list = this.byRule.get(id);
        if (list) list.push(scope);
        else this.byRule.set(id, [scope]);
      }
    }
    return scope;
  }

  /** The drop of the first allowance, in config order, that covers the candidate. */
  judge(candidate: Candidate, context: FilterContext, path: string): Drop | undefined {
    let best: { order: readonly [number, number]; drop: () => Drop } | undefined;
    const subjects = new Map<AllowTarget, string>();
    for (const scope of [this.everyRule, ...(this.byRule.get(candidate.rule.spec.id) ?? [])]) {
      const word = scope.stopwords.first(candidate.secret);
      if (word && earlier(word, best))
        best = { order: word.order, drop: () => allowDrop(word.allowance, 'stopword', `stop-word "${word.word}"`) };
      for (const [target, regexes] of scope.regexes) {
        let subject = subjects.get(target);
        if (subject === undefined) subjects.set(target, (subject = allowSubject(target, candidate, context)));
        const hit = regexes.first(subject);
        if (hit && earlier(hit, best))
          best = { order: hit.order, drop: () => allowDrop(hit.allowance, 'allow', `regex /${hit.source}/ on ${target}`) };
      }
    }
    for (const { allowance, index } of this.others) {
      if (best && index >= best.order[0]) break;
      const drop = judgeAllowance(allowance, candidate, context, path);
      if (drop) return drop;
    }
    return best?.drop();
  }
}

/** `stopwords` or `regexes` when an allowance has that one criterion and no other (rule ids aside). */
function onlyKind(a: Allowance): 'stopwords' | 'regexes' | undefined {
  if (a.paths?.length || a.pathRegexes?.length || a.commits?.length || a.outsidePathRegex) return undefined;
  const stopwords = (a.stopwords?.length ?? 0) > 0;
  const regexes = (a.regexes?.length ?? 0) > 0;
  if (stopwords === regexes) return undefined;
  return stopwords ? 'stopwords' : 'regexes';
}

/** Both config filters in one (path first). */
export function globalAllowFilter(allow: GlobalAllow): Filter {
  const { path, content } = globalAllowFilters(allow);
  return path ? (candidate, context) => path(candidate, context) ?? content(candidate, context) : content;
}
