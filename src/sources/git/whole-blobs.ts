import type { Origin, ScanResult } from '../../core/types.js';
import { OrderedResults } from '../ordered.js';
import { oversizedReason } from '../decode.js';
import { SNIFF_BYTES } from '../sniff.js';
import type { ScanContext, TaskOutcome } from '../source.js';
import { blobBytes } from './blob-texts.js';
import { blobHead, withinSize } from './catfile.js';
import type { Repository } from './repo.js';

/** A blob to scan whole, with its position in history order (for attribution) and the origin its findings carry. */
export interface WholeBlob {
  id: string;
  order: number;
  origin: Origin;
}

/** What scanning whole blobs gave: how many were scanned, and of those how many were text. */
export interface WholeBlobCounts {
  scanned: number;
  texts: number;
}

/**
 * Reads each blob and scans it whole as a file would be (text, or a
 * binary's printable runs), on the runner's threads, in order. Each result
 * goes to `onResult` (the history keeps its findings per blob); a blob the
 * repository lacks (a partial clone) is skipped as missing.
 */
export async function scanWholeBlobs(
  repo: Repository,
  scan: ScanContext,
  items: readonly WholeBlob[],
  onResult: (item: WholeBlob, result: ScanResult) => void,
): Promise<WholeBlobCounts> {
  const counts: WholeBlobCounts = { scanned: 0, texts: 0 };
  const results = new OrderedResults<{ item: WholeBlob; outcome: TaskOutcome }>(
    scan.parallelism,
    ({ item, outcome }) => {
      scan.account(outcome);
      if (outcome.result) onResult(item, outcome.result);
      if (outcome.kind !== 'scanned') return;
      scan.progress({ bytes: outcome.bytes, blobs: 1 });
      counts.scanned++;
      if (outcome.encoding !== 'binary') counts.texts++;
    },
    scan.bytesInFlight,
  );
  for await (const { item, data } of blobBytes(repo, items)) {
    if (!data) {
      await results.push(() => ({ item, outcome: { kind: 'skipped', path: item.origin.path, reason: 'missing' } }));
      continue;
    }
    await results.push(
      async () => ({ item, outcome: await scan.task({ kind: 'bytes', bytes: data, origin: item.origin }) }),
      data.byteLength,
    );
  }
  await results.finish();
  return counts;
}

/**
 * The blobs within the size limit. The rest are skipped unread, counted by
 * what their first bytes show (a text file missed makes the run incomplete).
 */
export async function withinSizeLimit<T extends { id: string }>(
  repo: Repository,
  scan: ScanContext,
  items: readonly T[],
  maxFileSize: number,
  pathOf: (item: T) => string,
): Promise<T[]> {
  const oversized: T[] = [];
  const readable = await withinSize(repo, items, maxFileSize, (item) => oversized.push(item));
  for (const item of oversized) scan.skipped(pathOf(item), oversizedReason(await blobHead(repo, item.id, SNIFF_BYTES), pathOf(item)));
  return readable;
}
