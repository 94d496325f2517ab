import type { Finding, ScanResult, Suppressed } from '../core/types.js';

/**
 * Findings of a history scan, one per secret and path, the one from the
 * earliest commit in history order kept (`order` is the commit's position;
 * re-checked chunks arrive late but carry their commit's order). Later
 * commits that add the same secret there again count as occurrences, once
 * per blob.
 */
export class FindingSet {
  private readonly byKey = new Map<string, { finding: Finding; order: number; blobs: Set<string> }>();
  private readonly suppressed = new Map<string, Suppressed>();

  add(result: ScanResult, blobId: string, order: number): void {
    for (const finding of result.findings) {
      const key = `${finding.fingerprint}\0${finding.path}`;
      const known = this.byKey.get(key);
      if (!known) {
        this.byKey.set(key, { finding, order, blobs: new Set([blobId]) });
        continue;
      }
      if (known.blobs.has(blobId)) continue;
      known.blobs.add(blobId);
      if (order < known.order) {
        known.finding = finding;
        known.order = order;
      }
    }
    for (const item of result.suppressed) {
      const key = `${item.fingerprint}\0${item.path}\0${item.filter}`;
      if (!this.suppressed.has(key)) this.suppressed.set(key, item);
    }
  }

  result(withSuppressed: boolean): ScanResult {
    const findings = [...this.byKey.values()].map(({ finding, blobs }) => {
      finding.occurrences = blobs.size;
      return finding;
    });
    if (!withSuppressed) return { findings, suppressed: [] };
    // A candidate dropped in a change and found when its whole file was re-checked is a finding only.
    const found = new Set(findings.map((f) => `${f.fingerprint}\0${f.path}`));
    return { findings, suppressed: [...this.suppressed.values()].filter((s) => !found.has(`${s.fingerprint}\0${s.path}`)) };
  }
}
