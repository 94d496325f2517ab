import { identity } from '../../core/fingerprint.js';
import type { Finding, ScanResult, Suppressed } from '../../core/types.js';

/**
 * Findings of a history scan, one per secret and path, the one from the
 * earliest commit in history order kept (`order` is the commit's position).
 * Results may arrive in any order (slices of history interleave, re-checked
 * chunks come late), so they are kept per blob and put in order at the end.
 * Later commits that add the same secret there again count as occurrences,
 * once per blob.
 */
export class FindingSet {
  private readonly byBlob = new Map<string, { order: number; result: ScanResult }[]>();

  add(result: ScanResult, blobId: string, order: number): void {
    if (result.findings.length === 0 && result.suppressed.length === 0 && !result.dropped?.length) return;
    // A secret is a slice of the text scanned, and V8 keeps the whole text
    // alive behind every slice: kept until the end, a dropped candidate's
    // secret held its whole file (127 MB of 250 MB live on git/git's recent
    // history). A copy holds only its own characters.
    const kept = structuredClone(result);
    const known = this.byBlob.get(blobId);
    if (known) known.push({ order, result: kept });
    else this.byBlob.set(blobId, [{ order, result: kept }]);
  }

  /** Drops what scans of this blob gave (it turned out to be introduced by an earlier commit than the one scanned), and returns it. */
  forget(blobId: string): { order: number; result: ScanResult }[] {
    const dropped = this.byBlob.get(blobId) ?? [];
    this.byBlob.delete(blobId);
    return dropped;
  }

  result(withSuppressed: boolean): ScanResult {
    const scans = [...this.byBlob].flatMap(([blobId, list]) => list.map(({ order, result }) => ({ blobId, order, result })));
    // Stable: results of one commit keep the order they were scanned in.
    scans.sort((a, b) => a.order - b.order);
    const byKey = new Map<string, { finding: Finding; blobs: Set<string> }>();
    const suppressed = new Map<string, Suppressed>();
    const dropped = new Set<string>();
    for (const { blobId, result } of scans) {
      for (const secret of result.dropped ?? []) dropped.add(secret);
      for (const finding of result.findings) {
        const key = `${identity(finding)}\0${finding.path}`;
        const known = byKey.get(key);
        if (known) known.blobs.add(blobId);
        else byKey.set(key, { finding, blobs: new Set([blobId]) });
      }
      for (const item of result.suppressed) {
        const key = `${identity(item)}\0${item.path}\0${item.filter}`;
        if (!suppressed.has(key)) suppressed.set(key, item);
      }
    }
    const findings = [...byKey.values()].map(({ finding, blobs }) => {
      finding.occurrences = blobs.size;
      return finding;
    });
    // Secrets judged away: the report masks them wherever else they show (commit messages, other lines).
    const masked = dropped.size > 0 ? { dropped: [...dropped] } : {};
    if (!withSuppressed) return { findings, suppressed: [], ...masked };
    // A candidate dropped in a change and found when its whole file was re-checked is a finding only.
    const found = new Set(findings.map((f) => `${identity(f)}\0${f.path}`));
    return { findings, suppressed: [...suppressed.values()].filter((s) => !found.has(`${identity(s)}\0${s.path}`)), ...masked };
  }
}
