import { identity } from '../../core/fingerprint.js';
import type { CommitInfo, ScanResult } from '../../core/types.js';

/** Where a blob was committed after its first introduction: the path, and the commit (with its position in history order). */
export interface CopyPlace {
  path: string;
  order: number;
  commit: CommitInfo;
}

/**
 * Where blobs were committed again after their first introduction, at any
 * path not allowlisted: the same content is reported at each path it was
 * committed at (a copy of a secret is a leak of its own), attributed to the
 * commit that put it there. Content allowlisted at one path and committed
 * at another is judged at the other.
 */
export class Copies {
  private readonly byBlob = new Map<string, CopyPlace[]>();

  add(blobId: string, place: CopyPlace): void {
    const list = this.byBlob.get(blobId);
    if (list) list.push(place);
    else this.byBlob.set(blobId, [place]);
  }

  /**
   * Each finding again at every other path its blob was committed at (the
   * same content, so the same line and column), attributed to the first
   * commit that put it there. A path that already has the finding keeps it.
   */
  apply(result: ScanResult): ScanResult {
    if (this.byBlob.size === 0) return result;
    const findings = [...result.findings];
    const have = new Set(result.findings.map((f) => `${identity(f)}\0${f.path}`));
    for (const finding of result.findings) {
      const blob = finding.origin.blob;
      const places = blob ? this.byBlob.get(blob) : undefined;
      if (!places) continue;
      for (const place of [...places].sort((a, b) => a.order - b.order)) {
        const key = `${identity(finding)}\0${place.path}`;
        if (have.has(key)) continue;
        have.add(key);
        findings.push({
          ...finding,
          path: place.path,
          origin: { ...finding.origin, path: place.path, commit: place.commit },
          occurrences: 1,
        });
      }
    }
    return { ...result, findings };
  }
}
