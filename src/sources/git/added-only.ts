import { identity } from '../../core/fingerprint.js';
import type { ScanResult } from '../../core/types.js';

/**
 * A diff shows what a change added; a blob scanned whole shows everything
 * the version holds. Of a whole version's findings this keeps the ones the
 * version it replaced at that path did not hold (a secret that was already
 * there was added by an earlier commit, which reported it), so a secret
 * that stays in a file for a hundred commits is one occurrence, as in the
 * diff-based scan. Only versions with findings are remembered.
 */
export class AddedOnly {
  private readonly held = new Map<string, Set<string>>();

  /** `previous`: the blob this version replaced at its path (none for an added file). */
  filter(blobId: string, previous: string | undefined, result: ScanResult): ScanResult {
    if (result.findings.length > 0 && !this.held.has(blobId)) {
      // Copied: a key built from a secret keeps alive the whole text it was cut from.
      this.held.set(blobId, new Set(result.findings.map((finding) => structuredClone(identity(finding)))));
    }
    const before = previous ? this.held.get(previous) : undefined;
    if (!before) return result;
    return { ...result, findings: result.findings.filter((finding) => !before.has(identity(finding))) };
  }
}
