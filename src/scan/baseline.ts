import path from 'node:path';
import { entryKey, hashSecret, type Baseline, type BaselineEntry } from '../config/baseline.js';
import type { Finding } from '../core/types.js';
import type { Step } from './steps.js';

/**
 * Maps finding paths (relative to the scanned folder) to baseline paths
 * (relative to the baseline file's folder), so one baseline serves scans of
 * the repository root and of its subfolders alike.
 */
export function baselinePathMapper(baselineFile: string, root: string): (findingPath: string) => string {
  const base = path.dirname(baselineFile);
  const prefix = path.relative(base, root);
  if (prefix === '') return (p) => p;
  return (p) => (p === '-' || path.isAbsolute(p) ? p : path.relative(base, path.resolve(root, p)).split(path.sep).join('/'));
}

/** Hashes each distinct secret once: history scans see the same secret many times. */
function hasher(salt: string): (secret: string) => string {
  const cache = new Map<string, string>();
  return (secret) => {
    let hash = cache.get(secret);
    if (hash === undefined) cache.set(secret, (hash = hashSecret(salt, secret)));
    return hash;
  };
}

export interface BaselineStepOptions {
  /** List baselined findings in `suppressed` (`--explain`). */
  explain?: boolean;
  /** Finding path → baseline path; see {@link baselinePathMapper}. Default: unchanged. */
  toBaselinePath?: (findingPath: string) => string;
  /** How `--explain` names the file, e.g. `.keyhound-baseline.jsonl`. Default: its base name. */
  shownAs?: string;
}

/**
 * The baseline step of every scanning command (scan, git, staged, the
 * Action): findings the baseline accepted are taken out (listed under
 * `--explain` with the entry's line); findings whose secret the baseline
 * accepted for the same rule under another path (a renamed file) move to
 * `moved`, at info level, instead of being reported as new. It works on raw
 * secrets before anything is redacted, so redaction never disables it.
 */
export function baselineStep(baseline: Baseline, options: BaselineStepOptions = {}): Step {
  const toPath = options.toBaselinePath ?? ((p: string) => p);
  const hash = hasher(baseline.salt);
  const shown = options.shownAs ?? path.basename(baseline.file);
  const exact = new Map<string, BaselineEntry>();
  const byRuleAndHash = new Map<string, BaselineEntry>();
  for (const entry of baseline.entries) {
    exact.set(entryKey(entry), entry);
    const loose = `${entry.rule}\0${entry.hash}`;
    if (!byRuleAndHash.has(loose)) byRuleAndHash.set(loose, entry);
  }
  let baselined = 0;
  return {
    name: 'baseline',
    each(finding, ledger) {
      const h = hash(finding.secret);
      const entry = exact.get(entryKey({ rule: finding.ruleId, path: toPath(finding.path), hash: h }));
      if (entry) {
        baselined++;
        if (options.explain) {
          ledger.suppressed.push({
            ruleId: finding.ruleId,
            path: finding.path,
            line: finding.line,
            column: finding.column,
            filter: 'baseline',
            reason: `baseline entry in ${shown} line ${entry.fileLine ?? '?'}`,
            secret: finding.secret,
            fingerprint: finding.fingerprint,
            origin: finding.origin,
          });
        }
        return undefined;
      }
      const elsewhere = byRuleAndHash.get(`${finding.ruleId}\0${h}`);
      if (!elsewhere) return finding;
      ledger.moved.push({ finding, from: elsewhere.path });
      return undefined;
    },
    stats: () => ({ baselined }),
  };
}

export interface BaselineChange {
  entries: BaselineEntry[];
  added: number;
  kept: number;
  pruned: number;
}

/**
 * `baseline update`: entries still matched by a finding stay as they are (their
 * line hints too, so the file changes only where findings did); findings with
 * no entry are added; entries that match nothing are pruned, but only where
 * the scan looked (`covered`), so updating from a subfolder keeps the rest.
 * Without `previous` (`baseline create`), every finding becomes an entry.
 */
export function updateEntries(
  findings: readonly Finding[],
  salt: string,
  previous: readonly BaselineEntry[],
  toPath: (p: string) => string,
  covered: (baselinePath: string) => boolean,
): BaselineChange {
  const hash = hasher(salt);
  const current = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const entry: BaselineEntry = { rule: finding.ruleId, path: toPath(finding.path), hash: hash(finding.secret), line: finding.line };
    const key = entryKey(entry);
    const seen = current.get(key);
    if (!seen || (seen.line ?? Infinity) > finding.line) current.set(key, entry);
  }
  const entries: BaselineEntry[] = [];
  let kept = 0;
  let pruned = 0;
  const previousKeys = new Set<string>();
  for (const entry of previous) {
    const key = entryKey(entry);
    if (previousKeys.has(key)) continue;
    previousKeys.add(key);
    if (current.has(key) || !covered(entry.path)) {
      const { fileLine: _line, ...stored } = entry;
      entries.push(stored);
      kept++;
    } else pruned++;
  }
  let added = 0;
  for (const [key, entry] of current) {
    if (previousKeys.has(key)) continue;
    entries.push(entry);
    added++;
  }
  return { entries, added, kept, pruned };
}
