import { describe, expect, it } from 'vitest';
import type { Finding, ScanResult } from '../../../src/core/types.js';
import { FindingSet } from '../../../src/sources/git/findings.js';

/** A finding with only what FindingSet reads: its rule and secret (its identity), path and where it came from. */
function found(secret: string, path: string, commit: string): ScanResult {
  const finding = { ruleId: 'r', secret, fingerprint: '', path, line: 1, origin: { path, commit: { sha: commit } } } as unknown as Finding;
  return { findings: [finding], suppressed: [] };
}

const view = (set: FindingSet) => set.result(false).findings.map((f) => [f.path, f.origin.commit!.sha, f.occurrences]);

describe('FindingSet', () => {
  it('keeps the finding of the earliest commit whatever order results arrive in, counting blobs', () => {
    const set = new FindingSet();
    set.add(found('fp', 'a.txt', 'late'), 'blob-2', 7);
    set.add(found('fp', 'a.txt', 'early'), 'blob-1', 3);
    set.add(found('fp', 'a.txt', 'early'), 'blob-1', 3);
    expect(view(set)).toEqual([['a.txt', 'early', 2]]);
  });

  it('forgets what a blob gave once an earlier commit turns out to introduce it', () => {
    const set = new FindingSet();
    set.add(found('fp', 'copy.txt', 'late'), 'blob-1', 9);
    set.add(found('other', 'b.txt', 'mid'), 'blob-2', 5);
    set.forget('blob-1');
    set.add(found('fp', 'a.txt', 'early'), 'blob-1', 2);
    expect(view(set)).toEqual([
      ['a.txt', 'early', 1],
      ['b.txt', 'mid', 1],
    ]);
  });
});
