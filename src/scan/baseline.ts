import path from 'node:path';
import { entryKey, type Baseline, type BaselineEntry } from '../config/baseline.js';
import { BaselineHashes, type LegacyForm } from '../config/baseline-hash.js';
import type { FingerprintKey } from '../core/fingerprint.js';
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

/**
 * Whether the scan knows what the path `baselinePath` (relative to the
 * baseline's folder) holds now with rule `ruleId` on: the file was read with
 * the rule enabled, or it is gone from a scanned folder. Not when it was
 * skipped (too large, gitignored, unreadable, timed out, binary for a rule
 * that does not run on binaries), lies outside what was scanned, or the rule
 * was disabled. Only such paths can prove a secret gone.
 */
export type ScannedPredicate = (baselinePath: string, ruleId: string) => boolean;

export interface BaselineStepOptions {
  /** List baselined findings in `suppressed` (`--explain`). */
  explain?: boolean;
  /**
   * What the scan covered ({@link ScannedPredicate}). A finding whose secret
   * the baseline has for the same rule at another path is `moved` only when
   * that path was scanned and no longer holds it; otherwise (a copy, or an
   * old path not scanned) it is new. Default: every path counts as scanned,
   * so only a copy still found at its old path is told from a move.
   */
  scanned?: ScannedPredicate;
  /** The same, built from the inputs the run read as text (finding paths), when the step has them: see {@link Collector.readAsText}. */
  scannedWith?: (readAsText: ReadonlySet<string>) => ScannedPredicate;
  /** Finding path → baseline path; see {@link baselinePathMapper}. Default: unchanged. */
  toBaselinePath?: (findingPath: string) => string;
  /** How `--explain` names the file, e.g. `.keyhound-baseline.jsonl`. Default: its base name. */
  shownAs?: string;
  /** `KEYHOUND_FINGERPRINT_KEY`: needed by a baseline written with it (else this throws a ConfigError). */
  key?: FingerprintKey;
}

/**
 * The baseline step of every scanning command (scan, git, staged, the
 * Action): findings the baseline accepted are taken out (listed under
 * `--explain` with the entry's line). A finding whose secret the baseline
 * accepted for the same rule under another path goes to `moved`, at info
 * level, only when it moved: that old path was scanned and no longer holds
 * the secret, and no other finding took that entry already (one old place
 * moves to one new place). A copy (the old path still holds it) is new.
 * Whether an old place still holds a secret is known only once every finding
 * is in, so such findings are held back and handed on at the end (`flush`);
 * all others pass at once, so streamed output keeps streaming. It works on
 * raw secrets before anything is redacted, so redaction never disables it.
 * Reads baselines of either version (config/baseline-hash.ts).
 */
export function baselineStep(baseline: Baseline, options: BaselineStepOptions = {}): Step {
  const toPath = options.toBaselinePath ?? ((p: string) => p);
  const scannedBy = options.scanned ?? (() => true);
  const hashes = new BaselineHashes(baseline, options.key, baseline.file);
  // A secret's hash in each form the entries use: most baselines have one; one migrated in part has two.
  const forms = [...new Set(baseline.entries.map((e) => e.legacy))];
  const hashesOf = (secret: string): string[] => forms.map((form) => hashes.of(form)(secret));
  const shown = options.shownAs ?? path.basename(baseline.file);
  const exact = new Map<string, BaselineEntry>();
  const loose = new Set<string>();
  for (const entry of baseline.entries) {
    exact.set(entryKey(entry), entry);
    loose.add(`${entry.rule}\0${entry.hash}`);
  }
  // Where each (rule, secret) is found now, in baseline paths: an old place that still holds it was copied, not left.
  const heldNow = new Set<string>();
  const waiting: Finding[] = [];
  let baselined = 0;
  return {
    name: 'baseline',
    each(finding, ledger) {
      const place = toPath(finding.path);
      let entry: BaselineEntry | undefined;
      let accepted = false;
      for (const h of hashesOf(finding.secret)) {
        const key = entryKey({ rule: finding.ruleId, path: place, hash: h });
        heldNow.add(key);
        entry ??= exact.get(key);
        accepted ||= loose.has(`${finding.ruleId}\0${h}`);
      }
      if (entry) {
        baselined++;
        // Accepted, not gone: a commit message or another snippet may still quote it.
        ledger.mask([finding.secret]);
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
      if (!accepted) return finding;
      // Accepted elsewhere: a move or a copy, decided once every finding is in.
      waiting.push(finding);
      return undefined;
    },
    flush(emit, ledger) {
      const scanned = options.scannedWith ? options.scannedWith(ledger.readAsText) : scannedBy;
      // Entries whose place was scanned and no longer holds their secret: each can explain one move.
      const vacated = new Map<string, BaselineEntry[]>();
      for (const entry of baseline.entries) {
        if (heldNow.has(entryKey(entry)) || !scanned(entry.path, entry.rule)) continue;
        const key = `${entry.rule}\0${entry.hash}`;
        const list = vacated.get(key);
        if (list) list.push(entry);
        else vacated.set(key, [entry]);
      }
      for (const finding of waiting) {
        const from = hashesOf(finding.secret)
          .map((h) => vacated.get(`${finding.ruleId}\0${h}`))
          .find((list) => list && list.length > 0)
          ?.shift();
        if (from) ledger.moved.push({ finding, from: from.path });
        else emit(finding);
      }
      waiting.length = 0;
    },
    stats: () => ({ baselined }),
  };
}

export interface BaselineChange {
  entries: BaselineEntry[];
  added: number;
  kept: number;
  pruned: number;
  /** Entries of an older form that a finding matched, written again in the header's form. */
  migrated: number;
  /** Entries of an older form kept as they are: no finding matched them, and a hash cannot be rewritten without its secret. */
  legacy: BaselineEntry[];
}

/**
 * `baseline update` (and `migrate`): entries still matched by a finding stay
 * (their line hints too, so the file changes only where findings did),
 * rewritten in the header's form when they were in an older one (the
 * finding has the secret); findings with no entry are added; entries that
 * match nothing are pruned, but only when the scan read their path with
 * their rule on (`scanned`): a file skipped as too large, gitignored,
 * unreadable or timed out, a folder not scanned, or a disabled rule keeps its
 * entries. Without `previous` (`baseline create`), every finding becomes an
 * entry. `migrate` adds nothing and prunes nothing: it only rewrites what it
 * finds again. `hashes` are those of the baseline as written.
 */
export function updateEntries(
  findings: readonly Finding[],
  hashes: BaselineHashes,
  previous: readonly BaselineEntry[],
  toPath: (p: string) => string,
  scanned: ScannedPredicate,
  mode: 'update' | 'migrate' = 'update',
): BaselineChange {
  const current = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const entry: BaselineEntry = {
      rule: finding.ruleId,
      path: toPath(finding.path),
      hash: hashes.current(finding.secret),
      line: finding.line,
    };
    const key = entryKey(entry);
    const seen = current.get(key);
    if (!seen || (seen.line ?? Infinity) > finding.line) current.set(key, entry);
  }
  // An older entry's key in its own form -> the key of the same finding in the header's form.
  const forms = [...new Set(previous.map((e) => e.legacy).filter((f): f is LegacyForm => f !== undefined))];
  const upgrade = new Map<string, string>();
  for (const form of forms)
    for (const finding of findings) {
      const place = toPath(finding.path);
      upgrade.set(
        `${form}\0${entryKey({ rule: finding.ruleId, path: place, hash: hashes.of(form)(finding.secret) })}`,
        entryKey({ rule: finding.ruleId, path: place, hash: hashes.current(finding.secret) }),
      );
    }
  const entries: BaselineEntry[] = [];
  const legacy: BaselineEntry[] = [];
  let kept = 0;
  let pruned = 0;
  let migrated = 0;
  const matched = new Set<string>();
  const previousKeys = new Set<string>();
  for (const entry of previous) {
    const own = `${entry.legacy ?? ''}\0${entryKey(entry)}`;
    if (previousKeys.has(own)) continue;
    previousKeys.add(own);
    const { fileLine: _line, ...stored } = entry;
    const now = entry.legacy
      ? upgrade.get(`${entry.legacy}\0${entryKey(entry)}`)
      : current.has(entryKey(entry))
        ? entryKey(entry)
        : undefined;
    if (now !== undefined) {
      if (matched.has(now)) continue;
      matched.add(now);
      const { legacy: _form, ...rest } = stored;
      entries.push({ ...rest, hash: current.get(now)!.hash });
      if (entry.legacy) migrated++;
      else kept++;
    } else if (mode === 'migrate' || !scanned(entry.path, entry.rule)) {
      entries.push(stored);
      kept++;
      if (entry.legacy) legacy.push(stored);
    } else pruned++;
  }
  let added = 0;
  if (mode === 'update')
    for (const [key, entry] of current) {
      if (matched.has(key)) continue;
      entries.push(entry);
      added++;
    }
  return { entries, added, kept, pruned, migrated, legacy };
}

/**
 * The entries of `baseline` as they read under a header in `next`'s form
 * (same salt): when the header's form changes (an unkeyed baseline keyed),
 * entries in the old header's form are marked as such.
 */
export function entriesUnder(baseline: Baseline, nextKeyed: boolean): BaselineEntry[] {
  const keyedBefore = baseline.version === 2 && baseline.keyCheck !== undefined;
  if (baseline.version === 1 || keyedBefore === nextKeyed) return baseline.entries;
  // Unkeyed version 2 entries under a keyed header (the other way needs the key, which the caller checked).
  return baseline.entries.map((e) => (e.legacy ? e : { ...e, legacy: 'v2-unkeyed' }));
}
