import { decodeBytes } from '../decode.js';
import type { PrintableRuns } from '../strings.js';
import { CatFileReader } from './catfile.js';
import type { Repository } from './repo.js';

/** One blob's bytes, or `missing` when the repository does not have it (a partial clone). */
export type BlobBytes<T> = { item: T; size: number } & ({ data: Buffer; missing?: undefined } | { data?: undefined; missing: true });

/**
 * One blob as text, or why it has none: absent from the repository (a partial
 * clone), binary (with its printable runs, for `Engine.scanCertain` and
 * `locateInBinary`), or gzip refused as a decompression bomb or too large once
 * decompressed (`detail` says how).
 */
export type BlobText<T> = { item: T; size: number } & (
  | { text: string; skipped?: undefined }
  | { text?: undefined; skipped: 'missing' }
  | { text?: undefined; skipped: 'binary'; strings: PrintableRuns }
  | { text?: undefined; skipped: 'decompression-bomb' | 'too-large'; detail: string }
);

/**
 * The blobs of `items`, read in the order given from one `git cat-file
 * --batch`. The process is closed when the loop ends, however it ends.
 */
export async function* blobBytes<T extends { id: string }>(repo: Repository, items: readonly T[]): AsyncGenerator<BlobBytes<T>> {
  if (items.length === 0) return;
  const reader = new CatFileReader(repo);
  try {
    reader.request(items.map((item) => item.id));
    for (const item of items) {
      const object = await reader.next();
      if (object.data) yield { item, size: object.size, data: object.data };
      else yield { item, size: object.size, missing: true };
    }
  } finally {
    reader.close();
  }
}

/**
 * {@link blobBytes}, each sniffed and decoded as a file would be (decode.ts);
 * `pathOf` names an item's path, whose name can say text (`.env`) when the
 * content holds NULs.
 */
export async function* blobTexts<T extends { id: string }>(
  repo: Repository,
  items: readonly T[],
  pathOf?: (item: T) => string | undefined,
): AsyncGenerator<BlobText<T>> {
  for await (const blob of blobBytes(repo, items)) {
    const { item, size } = blob;
    if (!blob.data) {
      yield { item, size, skipped: 'missing' };
      continue;
    }
    const path = pathOf?.(item);
    const decoded = decodeBytes(blob.data, path === undefined ? {} : { path });
    if (decoded.ok) yield { item, size, text: decoded.text };
    else if (decoded.reason === 'binary') yield { item, size, skipped: 'binary', strings: decoded.strings };
    else yield { item, size, skipped: decoded.reason, detail: decoded.detail };
  }
}
