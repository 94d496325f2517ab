import { lstatSync } from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { configAllow } from '../config/apply.js';
import { readBaseline, type Baseline } from '../config/baseline.js';
import { ALWAYS_SKIPPED_DIRECTORIES, prunableDirectories } from '../config/defaults.js';
import { describePlace, resolveConfig, type Resolved } from '../config/resolve.js';
import { FINGERPRINT_KEY_VARIABLE, FingerprintKey } from '../core/fingerprint.js';
import { printable } from '../core/printable.js';
import type { RuleSpec } from '../core/types.js';
import type { EngineOptions } from '../detect/engine.js';
import { pathSkipper, type GlobalAllow } from '../detect/filters/index.js';
import { baselinePathMapper, baselineStep, type ScannedPredicate } from './baseline.js';
import { configuredRules } from './configured.js';
import { Fingerprints } from './fingerprints.js';
import type { Step } from './steps.js';

export interface ScanSetupOptions {
  cwd: string;
  /** Where `KEYHOUND_CONFIG` and `KEYHOUND_FINGERPRINT_KEY` are read. Default: neither is. */
  env?: NodeJS.ProcessEnv;
  /** The folder finding paths are relative to (the scanned folder, or the repository for git scans). */
  root: string;
  /** `--config`. */
  config?: string;
  /** `--baseline FILE` (relative to `cwd`); `false` ignores every baseline (`baseline create` / `update` scan without one). */
  baseline?: string | false;
  /** `--rules` (relative to `cwd`). */
  ruleFiles?: readonly string[];
  /** `--disable`. */
  disable?: readonly string[];
  /** `--max-file-size`, bytes. */
  maxFileSize?: number;
  explain?: boolean;
  redact?: boolean;
  /** `--file-timeout`, in milliseconds: the engine's per-chunk budget (EngineOptions.budgetMs). */
  budgetMs?: number;
}

/**
 * What every scanning command (scan, git, staged, the Action) needs from
 * configuration: the rules, the engine options, what sources may skip before
 * reading, and the post-steps (the baseline) the runner applies to findings.
 */
export interface ScanSetup {
  config: Resolved;
  rules: RuleSpec[];
  engineOptions: EngineOptions;
  allow: GlobalAllow;
  /**
   * Whether a file at this path (relative to `root`) is allowlisted as a whole
   * and need not be read; sources count it as skipped (`excluded-path`).
   * Undefined under `--explain`, where such files are scanned and their
   * candidates listed with the allowance that dropped them.
   */
  skipPath?: (path: string) => boolean;
  /** Folder names walkers prune (the allowlist's `**\/name/**` globs; `.git` always). */
  skipDirectories: string[];
  maxFileSize: number;
  baseline?: Baseline;
  /** Worth telling the user (untranslatable gitleaks rules, unmapped ignores); printed on stderr unless `--quiet`. */
  notices: string[];
  /** The configuration's post-steps for the runner: the baseline, when there is one. */
  steps: Step[];
  /** `KEYHOUND_FINGERPRINT_KEY`, when set (validated: at least 32 characters). */
  key?: FingerprintKey;
  /** The run's fingerprints, keyed when {@link key} is set: pass them to `runScan`. */
  fingerprints: Fingerprints;
}

/**
 * Which baseline paths this run can speak for (see ScannedPredicate): read as
 * text with the rule enabled, or under the scanned folder and gone from disk.
 * Anything else (skipped, outside, a disabled rule) proves nothing, so a
 * baselined secret found at a new path is new rather than moved.
 */
function scannedFrom(baseline: Baseline, root: string, rules: readonly RuleSpec[]): (read: ReadonlySet<string>) => ScannedPredicate {
  const enabled = new Set(rules.filter((rule) => rule.report !== false).map((rule) => rule.id));
  const toPath = baselinePathMapper(baseline.file, root);
  const base = path.dirname(baseline.file);
  return (read) => {
    const paths = new Set([...read].map(toPath));
    return (entryPath, ruleId) => {
      if (!enabled.has(ruleId)) return false;
      if (paths.has(entryPath)) return true;
      const absolute = path.resolve(base, entryPath);
      const inside = absolute.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
      return inside && !lstatSync(absolute, { throwIfNoEntry: false });
    };
  };
}

/**
 * What to tell the user about a baseline's form, once a run: entries in the
 * v1 form are deprecated (quick to test guesses against), an unkeyed one can
 * be keyed. Names the file (made printable) and counts, never an entry.
 */
function baselineNotices(baseline: Baseline, key: FingerprintKey | undefined, shown: string): string[] {
  const notices: string[] = [];
  const v1 = baseline.entries.filter((e) => e.legacy === 'v1').length;
  if (baseline.version === 1 || v1 > 0)
    notices.push(
      `baseline ${printable(shown)} ${baseline.version === 1 ? 'is version 1' : `has ${v1} version 1 entr${v1 === 1 ? 'y' : 'ies'}`}, whose hashes can be tested quickly against guessed secrets (deprecated); rewrite it with \`keyhound baseline migrate\` (same paths and options as \`baseline create\`)`,
    );
  const unkeyed = baseline.entries.filter((e) => e.legacy === 'v2-unkeyed').length;
  if (key && baseline.version === 2 && baseline.keyCheck === undefined)
    notices.push(
      `baseline ${printable(shown)} is not keyed; \`keyhound baseline migrate\` rewrites it keyed with ${FINGERPRINT_KEY_VARIABLE}`,
    );
  else if (unkeyed > 0)
    notices.push(
      `baseline ${printable(shown)} has ${unkeyed} entr${unkeyed === 1 ? 'y' : 'ies'} not keyed; \`keyhound baseline migrate\` rewrites the ones it finds again`,
    );
  return notices;
}

export async function prepareScan(options: ScanSetupOptions): Promise<ScanSetup> {
  const root = path.resolve(options.root);
  // First: a bad key stops the run before anything is read.
  const key = FingerprintKey.fromEnv(options.env ?? {});
  const config = resolveConfig({ cwd: options.cwd, env: options.env, root, ...(options.config ? { config: options.config } : {}) });
  const { rules, notices } = await configuredRules(config, root, {
    ruleFiles: (options.ruleFiles ?? []).map((r) => path.resolve(options.cwd, r)),
    disable: options.disable ?? [],
  });
  let baseline: Baseline | undefined;
  if (options.baseline !== false) {
    const file = options.baseline ? path.resolve(options.cwd, options.baseline) : config.baseline?.value;
    if (file) baseline = readBaseline(file);
  }
  const allow = configAllow(config, root);
  if (baseline) {
    // The baseline holds hashes next to rule ids: nothing to find there, and nothing to find it for.
    const base = config.file ? path.dirname(config.file) : root;
    const relative = path.relative(base, baseline.file).split(path.sep).join('/');
    allow.allowances = [...(allow.allowances ?? []), { paths: [`/${minimatch.escape(relative)}`], origin: 'the baseline file itself' }];
  }
  const explain = options.explain === true;
  const engineOptions: EngineOptions = {
    explain,
    redact: options.redact !== false,
    allow,
    ...(options.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}),
  };
  const pathGlobs = config.allow.paths.map((p) => p.value);
  const shownBaseline = baseline ? describePlace({ file: baseline.file }, root) : '';
  const setup: ScanSetup = {
    config,
    rules,
    engineOptions,
    allow,
    skipDirectories: [...ALWAYS_SKIPPED_DIRECTORIES, ...(explain ? [] : prunableDirectories(pathGlobs))],
    maxFileSize: options.maxFileSize ?? config.maxFileSize.value,
    notices: [...config.notices, ...notices, ...(baseline ? baselineNotices(baseline, key, shownBaseline) : [])],
    steps: baseline
      ? [
          baselineStep(baseline, {
            explain,
            toBaselinePath: baselinePathMapper(baseline.file, root),
            shownAs: shownBaseline,
            scannedWith: scannedFrom(baseline, root, rules),
            ...(key ? { key } : {}),
          }),
        ]
      : [],
    fingerprints: new Fingerprints(key),
  };
  if (baseline) setup.baseline = baseline;
  if (key) setup.key = key;
  const skip = explain ? undefined : pathSkipper(allow);
  if (skip) setup.skipPath = skip;
  return setup;
}
