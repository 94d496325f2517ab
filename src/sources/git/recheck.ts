import type { CommitInfo, LineRange, ScanResult } from '../../core/types.js';
import type { ScanContext } from '../source.js';
import { blobTexts } from './blob-texts.js';
import type { Repository } from './repo.js';

/** A file version whose change left a `near` condition unmet: what the change alone gave, and its added lines. */
export interface Recheck {
  id: string;
  path: string;
  commit: CommitInfo;
  order: number;
  added: LineRange[];
  partial: ScanResult[];
}

/**
 * Scans, whole, each file version where a rule's `near` partner was missing
 * from the change: the partner may sit on an unchanged line. Only the
 * changed lines are reported, as before; the rest is context. Each result
 * goes to `onResult`; where the version cannot be read now (a partial
 * clone) or its whole text runs past the time budget, what the change alone
 * gave stands.
 */
export async function recheckWhole(
  repo: Repository,
  scan: ScanContext,
  items: readonly Recheck[],
  onResult: (item: Recheck, result: ScanResult) => void,
): Promise<void> {
  for await (const { item, text } of blobTexts(repo, items)) {
    if (text !== undefined) {
      const outcome = scan.text({ text, origin: { path: item.path, commit: item.commit, blob: item.id }, lines: item.added });
      if (!outcome.skipped) {
        onResult(item, outcome.result);
        continue;
      }
    }
    for (const result of item.partial) onResult(item, result);
  }
}
