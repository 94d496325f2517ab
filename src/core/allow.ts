import type { AllowRegex } from './types.js';

/**
 * Allowances: what a configuration says to let through. Plain data (no
 * functions), so they cross into worker threads with the engine's options;
 * config/ builds them, detect/filters/ applies them.
 */

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
