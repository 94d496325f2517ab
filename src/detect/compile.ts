/**
 * Rules as the engine runs them: regexes (sticky, global, gate), path
 * matchers, checksum validators and the cheap-path verdict, from validated
 * specs and their analysis (src/rules/analyse.ts, done at build time for the
 * built-in rules).
 */
import { Minimatch } from 'minimatch';
import { RuleError, type Problem } from '../core/errors.js';
import type { AllowTarget, NearSpec, RuleAnalysis, RuleSpec } from '../core/types.js';
import { CHECKSUMS, type ChecksumValidator } from '../core/checksums/index.js';
import { analyseRule } from '../rules/analyse.js';
import { withoutLeadingLookbehinds } from '../rules/anchor.js';

const DEFAULT_NEAR_LINES = 5;

export interface CompiledNear {
  spec: NearSpec;
  regex: RegExp;
  lines: number;
  required: boolean;
  /** What a user reads in `--explain` when the condition fails. */
  description: string;
}

export interface CompiledRule {
  spec: RuleSpec;
  /** The rule's regex with the engine's `g` and `d` flags. */
  regex: RegExp;
  /**
   * Set when every match starts with one of the rule's keywords: the same
   * regex, sticky, tried once at each keyword hit instead of in windows.
   */
  sticky?: RegExp;
  /**
   * For context rules ({{assign}}): a cheap regex that matches wherever this
   * rule's can, tried first (sticky like {@link sticky}, or global for windows);
   * where it fails the rule's own regex cannot match (src/rules/gate.ts).
   */
  gate?: RegExp;
  /** Characters on each side of a keyword hit the regex runs in (Infinity: the whole chunk). */
  window: number;
  allow: { regex: RegExp; target: AllowTarget; source: string }[];
  /** Absent: the rule runs on every path. */
  matchesPath?: (path: string) => boolean;
  near: CompiledNear[];
  checksum?: ChecksumValidator;
  reported: boolean;
  /**
   * Runs on the cheap path: outside the time budget, always to the end
   * ({@link isCheap}). Everything else is budgeted.
   */
  cheap: boolean;
  /** Cheap and of high confidence (a prefix with a checksum, or a fixed shape): run over the printable runs of binary files too. */
  certain: boolean;
  /**
   * For certain rules, set by {@link looseRegexes} when binary files are first
   * scanned: the regex (`gd`) and its sticky form without leading lookbehinds.
   */
  loose?: { regex: RegExp; sticky: RegExp };
}

/**
 * Longest match a cheap rule may have. A cheap rule's regex is tried once,
 * sticky, at each keyword hit, and a lint-clean token pattern gives up within
 * about its longest match, so its work is linear in the text with this
 * constant (bench/cheap-path.mjs measures the worst inputs we know).
 */
export const CHEAP_MAX_MATCH = 2048;

/**
 * Whether a rule runs on the cheap path, outside the time budget: a built-in
 * rule (lint-clean and tested against adversarial input) for a token whose
 * literal prefix is its keyword: every match starts at a keyword (one sticky
 * attempt per hit) with the secret itself (no name, gap or assignment to
 * search through first), and is at most {@link CHEAP_MAX_MATCH} long. Not
 * generic, no `near` conditions. Everything else is expensive, and budgeted:
 * generic rules, context rules (a name and an assignment before the value, or
 * `near` partners), rules that run in windows, and every rule from a file or
 * config.
 */
export function isCheap(spec: RuleSpec, analysis: RuleAnalysis): boolean {
  return (
    spec.builtin === true &&
    !spec.generic &&
    (spec.near?.length ?? 0) === 0 &&
    analysis.anchored &&
    analysis.secretFirst === true &&
    (analysis.maxMatchLength ?? Infinity) <= CHEAP_MAX_MATCH
  );
}

/**
 * A window as wide as the longest possible match holds every match that
 * contains the keyword hit, so windows never cost recall. `window:` in a rule
 * widens it further, for rules whose keyword sits outside the match.
 */
function windowRadius(spec: RuleSpec, analysis: RuleAnalysis): number {
  return Math.max(spec.window ?? 0, analysis.maxMatchLength ?? Infinity);
}

function withFlags(flags: string | undefined, extra: string): string {
  return [...new Set(`${flags ?? ''}${extra}`)].join('');
}

/** Compiles validated rules. A `near` that names another rule borrows that rule's pattern. */
export function compileRules(rules: readonly RuleSpec[]): CompiledRule[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const problems: Problem[] = [];
  const compiled = rules.map((spec) => {
    const near: CompiledNear[] = [];
    for (const entry of spec.near ?? []) {
      const target = entry.rule ? byId.get(entry.rule) : undefined;
      if (entry.rule && !target) {
        problems.push({
          file: spec.source?.file ?? '(inline)',
          line: spec.source?.line,
          subject: spec.id,
          message: `near refers to unknown rule "${entry.rule}"`,
        });
        continue;
      }
      const source = target ? target.pattern : entry.pattern!;
      const flags = target ? target.flags : entry.flags;
      const lines = entry.lines ?? DEFAULT_NEAR_LINES;
      near.push({
        spec: entry,
        regex: new RegExp(source, withFlags(flags, 'g')),
        lines,
        required: entry.required ?? true,
        description: `${target ? `a ${target.id} match` : `a match of /${entry.pattern}/`} within ${lines} line${lines === 1 ? '' : 's'}`,
      });
    }
    const analysis = spec.analysis ?? analyseRule(spec);
    const cheap = isCheap(spec, analysis);
    // An anchored rule scans with its sticky regex; its global one is built only if asked for, since
    // parsing a pattern costs even when it never runs (most rules never do in a given scan).
    const sticky = analysis.anchored ? new RegExp(spec.pattern, withFlags(spec.flags, 'yd')) : undefined;
    let regex = sticky ? undefined : new RegExp(spec.pattern, withFlags(spec.flags, 'gd'));
    const rule: CompiledRule = {
      spec,
      get regex() {
        return (regex ??= new RegExp(spec.pattern, withFlags(spec.flags, 'gd')));
      },
      window: windowRadius(spec, analysis),
      allow: (spec.allow ?? []).map((a) => ({ regex: new RegExp(a.regex, a.flags ?? ''), target: a.target ?? 'secret', source: a.regex })),
      near,
      reported: spec.report !== false,
      cheap,
      certain: cheap && spec.confidence === 'high',
    };
    if (sticky) rule.sticky = sticky;
    if (analysis.gate) rule.gate = new RegExp(analysis.gate, withFlags(spec.flags, sticky ? 'y' : 'g'));
    if (spec.paths && spec.paths.length > 0) {
      // Parsed once: minimatch() parses its glob again on every call, and this runs for every chunk.
      const matchers = spec.paths.map((glob) => new Minimatch(glob, { dot: true, matchBase: !glob.includes('/') }));
      rule.matchesPath = (path) => matchers.some((matcher) => matcher.match(path));
    }
    if (spec.checksum) rule.checksum = CHECKSUMS.get(spec.checksum);
    return rule;
  });
  if (problems.length > 0) throw new RuleError(problems);
  return compiled;
}

/**
 * A certain rule's regexes for binary files' printable runs, without the
 * lookbehinds before its prefix ({@link withoutLeadingLookbehinds}): made on
 * first use, since parsing patterns costs start-up time and most scans meet
 * no binary file.
 */
export function looseRegexes(rule: CompiledRule): { regex: RegExp; sticky: RegExp } {
  if (!rule.loose) {
    const { pattern, flags } = rule.spec;
    const loose = withoutLeadingLookbehinds(pattern, flags) ?? pattern;
    rule.loose = { regex: new RegExp(loose, withFlags(flags, 'gd')), sticky: new RegExp(loose, withFlags(flags, 'yd')) };
  }
  return rule.loose;
}
