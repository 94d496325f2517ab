import { describe, expect, it } from 'vitest';
import type { Baseline } from '../../src/config/baseline.js';
import { BaselineHashes, newSalt, v1Hash } from '../../src/config/baseline-hash.js';
import type { Finding } from '../../src/core/types.js';
import { Engine } from '../../src/detect/engine.js';
import { builtinRules } from '../../src/rules/builtin.js';
import type { ScanReport } from '../../src/core/report.js';
import { baselineStep, updateEntries, type BaselineStepOptions } from '../../src/scan/baseline.js';
import { Collector } from '../../src/scan/collector.js';
import { githubToken } from '../helpers/tokens.js';

const engine = new Engine(builtinRules().filter((rule) => rule.id === 'github-pat-classic'));
/** Findings of a real scan of each path's text. */
const findingsOf = (files: Record<string, string>): Finding[] =>
  Object.entries(files).flatMap(([path, text]) => engine.scan({ text, origin: { path } }).findings);
const report = (findings: Finding[]): ScanReport => ({
  findings,
  suppressed: [],
  stats: { files: 0, bytes: 0, skipped: {}, durationMs: 0 },
});
const same = (p: string) => p;
/** A version 2 baseline's hash functions, unkeyed. */
const hasherOf = (salt: string) => new BaselineHashes({ version: 2, salt }, undefined, 'baseline');

/** The baseline step as the runner runs it: each finding, then the held-back ones, then the counts. */
function applyBaseline(input: ScanReport, baseline: Baseline, options: BaselineStepOptions = {}): ScanReport {
  const step = baselineStep(baseline, options);
  const ledger = new Collector();
  for (const finding of input.findings) {
    const out = step.each!(finding, ledger);
    if (out) ledger.findings.push(out);
  }
  step.flush!((finding) => ledger.findings.push(finding), ledger);
  Object.assign(ledger.stats, step.stats!());
  return ledger.finish();
}

describe('updateEntries prunes only what the scan read', () => {
  it('keeps entries whose path was not read or whose rule was off, prunes the rest that match nothing', () => {
    const hash = hasherOf(newSalt());
    const [a, b, c, d] = [githubToken(), githubToken(), githubToken(), githubToken()];
    const before = updateEntries(findingsOf({ 'big.env': a, 'ignored.env': b, 'gone.env': c, 'kept.env': d }), hash, [], same, () => true);
    expect(before.entries).toHaveLength(4);
    // Now only kept.env was read (big.env too large, ignored.env gitignored), gone.env is gone.
    const read = new Set(['kept.env', 'gone.env']);
    const after = updateEntries(findingsOf({ 'kept.env': d }), hash, before.entries, same, (p) => read.has(p));
    expect(after.entries.map((e) => e.path).sort()).toEqual(['big.env', 'ignored.env', 'kept.env']);
    expect([after.added, after.kept, after.pruned]).toEqual([0, 3, 1]);
    // A disabled rule keeps its entries even where the file was read.
    const off = updateEntries([], hash, before.entries, same, (_p, rule) => rule !== 'github-pat-classic');
    expect(off.pruned).toBe(0);
  });
});

describe('the baseline step tells a move from a copy', () => {
  const salt = newSalt();
  const secret = githubToken();
  const baseline: Baseline = {
    file: '/repo/.keyhound-baseline.jsonl',
    version: 2,
    salt,
    entries: updateEntries(findingsOf({ 'old.env': secret }), hasherOf(salt), [], same, () => true).entries,
  };

  it('a copy (the old path still holds it) is new', () => {
    const out = applyBaseline(report(findingsOf({ 'old.env': secret, 'copy.env': secret })), baseline);
    expect(out.findings.map((f) => f.path)).toEqual(['copy.env']);
    expect(out.moved).toBeUndefined();
    expect(out.stats.baselined).toBe(1);
  });

  it('a move (the old path was scanned and holds it no more) is moved', () => {
    const out = applyBaseline(report(findingsOf({ 'new.env': secret })), baseline, { scanned: () => true });
    expect(out.findings).toEqual([]);
    expect(out.moved?.map((m) => [m.finding.path, m.from])).toEqual([['new.env', 'old.env']]);
  });

  it('is new when the old path was not scanned: nothing shows it left', () => {
    const out = applyBaseline(report(findingsOf({ 'new.env': secret })), baseline, { scanned: (p) => p !== 'old.env' });
    expect(out.findings.map((f) => f.path)).toEqual(['new.env']);
    expect(out.moved).toBeUndefined();
  });

  it('one old place explains one new place: of two, one moved and the other is new', () => {
    const out = applyBaseline(report(findingsOf({ 'a.env': secret, 'b.env': secret })), baseline, { scanned: () => true });
    expect(out.moved?.map((m) => m.finding.path)).toEqual(['a.env']);
    expect(out.findings.map((f) => f.path)).toEqual(['b.env']);
  });
});

describe('a baseline with entries left in the v1 form', () => {
  const salt = newSalt();
  const [refound, gone, other] = [githubToken(), githubToken(), githubToken()];
  const v1 = (path: string, secret: string) => ({ rule: 'github-pat-classic', path, hash: v1Hash(salt, secret), legacy: 'v1' as const });

  it('suppresses by either form, and update rewrites the v1 entries it finds again', () => {
    const previous = [v1('a.env', refound), v1('b.env', gone)];
    const baseline: Baseline = { file: '/repo/b.jsonl', version: 2, salt, entries: previous };
    const out = applyBaseline(report(findingsOf({ 'a.env': refound, 'b.env': gone, 'c.env': other })), baseline);
    expect(out.findings.map((f) => f.path)).toEqual(['c.env']);

    // a.env found again: rewritten; b.env not read: kept as v1; nothing else scanned.
    const change = updateEntries(findingsOf({ 'a.env': refound }), hasherOf(salt), previous, same, (p) => p === 'a.env', 'migrate');
    expect(change.migrated).toBe(1);
    expect(change.legacy.map((e) => e.path)).toEqual(['b.env']);
    const a = change.entries.find((e) => e.path === 'a.env')!;
    expect(a.legacy).toBeUndefined();
    expect(a.hash).toBe(hasherOf(salt).current(refound));
    expect(a.hash).not.toBe(v1Hash(salt, refound));
    // Migrating accepts nothing new and prunes nothing, even where it read.
    const nothingNew = updateEntries(findingsOf({ 'c.env': other }), hasherOf(salt), previous, same, () => true, 'migrate');
    expect([nothingNew.added, nothingNew.pruned, nothingNew.legacy.length]).toEqual([0, 0, 2]);
    // Update prunes a v1 entry where it read and found nothing.
    const updated = updateEntries(findingsOf({ 'a.env': refound }), hasherOf(salt), previous, same, () => true);
    expect(updated.entries.map((e) => [e.path, e.legacy])).toEqual([['a.env', undefined]]);
    expect([updated.migrated, updated.pruned]).toEqual([1, 1]);
  });
});
